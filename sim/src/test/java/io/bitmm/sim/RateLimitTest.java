package io.bitmm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RateLimitTest
{
    @Test
    void shouldRefuseBeyondPerUidLimitWith429() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            int ok = 0;
            int limited = 0;
            final long start = System.currentTimeMillis();
            for (int i = 0; i < 30; i++)
            {
                final int status = http.signedGet("/api/v2/spot/account/assets", System.currentTimeMillis()).statusCode();
                ok += status == 200 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            final long elapsed = System.currentTimeMillis() - start;
            assertEquals(30, ok + limited);
            assertTrue(limited > 0 || elapsed > 1000, "30 requests within " + elapsed + " ms must hit the 10/s limit");
            assertEquals(limited, venue.rateLimitRejections());
            assertEquals(limited, venue.rateLimitRejections("/api/v2/spot/account/assets"));
            assertEquals(30, venue.requestCount("/api/v2/spot/account/assets"));
        }
    }

    @Test
    void shouldNotLimitWhenDisabled() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            for (int i = 0; i < 30; i++)
            {
                assertEquals(200, http.get("/api/v2/spot/public/coins").statusCode());
            }
            assertEquals(0, venue.rateLimitRejections());
        }
    }
}
