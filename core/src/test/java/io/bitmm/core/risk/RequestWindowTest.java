package io.bitmm.core.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venue's rate semantics, used by the core's order budgets and the gateway's per-endpoint limiters.
 */
class RequestWindowTest
{
    private static final long MS = 1_000_000L;

    @Test
    void shouldNeverLetMoreThanTheLimitIntoAnyWindow()
    {
        final RequestWindow window = new RequestWindow(10, 1_000 * MS);
        final long[] accepted = new long[1_000];
        int count = 0;
        for (long t = 0; t < 10_000 * MS; t += 7 * MS)
        {
            if (window.tryAcquire(t))
            {
                accepted[count++] = t;
            }
        }
        for (int i = 10; i < count; i++)
        {
            assertTrue(accepted[i] - accepted[i - 10] >= 1_000 * MS, "11 requests within one window at " + accepted[i]);
        }
        assertTrue(count >= 90, "the limit is used, not just respected: " + count);
        assertEquals(0, window.available(accepted[count - 1]));
        assertEquals(10, window.available(accepted[count - 1] + 1_000 * MS));
    }

    /**
     * Chaos seed 3047: a request whose slot was taken at 0 but which left only at 300 ms (its thread descheduled
     * before the flush) must count from 300 ms, or the next window's requests reach the venue within one second.
     */
    @Test
    void shouldCountASlotFromWhenItsRequestLeft()
    {
        final RequestWindow window = new RequestWindow(2, 1_000 * MS);
        assertTrue(window.tryAcquire(0));
        final int late = window.lastSpent();
        assertTrue(window.tryAcquire(100 * MS));
        final int onTime = window.lastSpent();
        window.restamp(late, 300 * MS);
        window.restamp(onTime, 50 * MS);
        assertFalse(window.tryAcquire(1_050 * MS), "the first request left at 300 ms: its slot is not back at 1050 ms");
        assertTrue(window.tryAcquire(1_300 * MS));
        assertTrue(window.tryAcquire(1_300 * MS), "an earlier restamp than the acquire is ignored: back at 1100 ms");
    }

    @Test
    void shouldGiveEachSlotBackExactlyOneWindowAfterItWasSpent()
    {
        final RequestWindow window = new RequestWindow(2, 1_000 * MS);
        assertTrue(window.tryAcquire(100));
        assertTrue(window.tryAcquire(200));
        assertFalse(window.tryAcquire(300));
        assertFalse(window.tryAcquire(1_000 * MS + 99));
        assertTrue(window.tryAcquire(1_000 * MS + 100));
        assertFalse(window.tryAcquire(1_000 * MS + 150));
        assertTrue(window.tryAcquire(1_000 * MS + 200));
    }

    @Test
    void shouldRefuseATimeEarlierThanASpentSlot()
    {
        final RequestWindow window = new RequestWindow(1, 1_000 * MS);
        assertTrue(window.tryAcquire(5_000 * MS));
        assertFalse(window.tryAcquire(4_000 * MS), "events of different producers are not strictly ordered");
    }

    @Test
    void shouldRefuseNonPositiveSettings()
    {
        assertThrows(IllegalArgumentException.class, () -> new RequestWindow(0, MS));
        assertThrows(IllegalArgumentException.class, () -> new RequestWindow(1, 0));
    }

    @Test
    void shouldRefuseEverySlotForOneWindowAfterSpendAll()
    {
        final RequestWindow window = new RequestWindow(5, 1_000 * MS);
        window.spendAll(10 * MS);
        assertFalse(window.tryAcquire(10 * MS));
        assertFalse(window.tryAcquire(1_009 * MS));
        for (int i = 0; i < 5; i++)
        {
            assertTrue(window.tryAcquire(1_010 * MS), "slot " + i);
        }
        assertFalse(window.tryAcquire(1_010 * MS));
    }
}
