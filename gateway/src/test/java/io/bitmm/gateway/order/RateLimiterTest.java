package io.bitmm.gateway.order;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldNeverAllowMoreThanTheLimitInAnyWindow()
    {
        final RateLimiter limiter = new RateLimiter(10, SECOND);
        final long[] granted = new long[1000];
        int count = 0;
        for (long now = 0; now < 10 * SECOND && count < granted.length; now += 7_000_000L)
        {
            if (limiter.tryAcquire(now))
            {
                granted[count++] = now;
            }
        }
        for (int i = 0; i + 10 < count; i++)
        {
            assertTrue(granted[i + 10] - granted[i] >= SECOND, "11 requests within one second at " + i);
        }
        assertTrue(count >= 95, "uses the budget: " + count);
    }

    @Test
    void shouldSayWhenTheNextTokenComes()
    {
        final RateLimiter limiter = new RateLimiter(2, SECOND);
        assertTrue(limiter.tryAcquire(100));
        assertTrue(limiter.tryAcquire(200));
        assertFalse(limiter.tryAcquire(300));
        assertEquals(SECOND - 200, limiter.nanosUntilAvailable(300));
        assertTrue(limiter.tryAcquire(SECOND + 100));
        assertFalse(limiter.tryAcquire(SECOND + 150));
    }
}
