package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v3 limits of §7, counted in the venue's REST windows as for v2 (per UID for signed paths, per IP for public ones). */
@Timeout(60)
class V3RateLimitTest
{
    @Test
    void shouldRefuseBeyondThePerUidAndPerIpLimits() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false)))
        {
            final V3Http v3 = new V3Http(venue);
            int limited = 0;
            long start = System.currentTimeMillis();
            for (int i = 0; i < 5; i++)
            {
                final V3Http.Reply r = v3.post("/api/v3/trade/countdown-cancel-all", "{\"countdown\":\"0\"}");
                limited += r.status() == 429 ? 1 : 0;
                assertTrue(r.status() == 200 || "429".equals(r.code()), r.text());
            }
            long elapsed = System.currentTimeMillis() - start;
            assertTrue(limited >= 3 || elapsed > 1000, "5 calls within " + elapsed + " ms must hit 1/s (" + limited + " refused)");
            assertEquals(limited, venue.rateLimitRejections("/api/v3/trade/countdown-cancel-all"));
            int publicLimited = 0;
            start = System.currentTimeMillis();
            for (int i = 0; i < 50; i++)
            {
                publicLimited += v3.get("/api/v3/market/tickers?category=SPOT").status() == 429 ? 1 : 0;
            }
            elapsed = System.currentTimeMillis() - start;
            assertTrue(publicLimited > 0 || elapsed > 2000, "50 calls within " + elapsed + " ms must hit 20/s/IP");
            assertEquals(publicLimited, venue.rateLimitRejections("/api/v3/market/tickers"));
            assertEquals(50, venue.requestCount("/api/v3/market/tickers"));
        }
    }

    @Test
    void shouldCountWebSocketOrdersAgainstThePlaceBudget() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimitScale(0.2)))
        {
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                final long start = System.currentTimeMillis();
                for (int i = 0; i < 6; i++)
                {
                    ws.send("{\"op\":\"trade\",\"id\":\"r" + i + "\",\"category\":\"spot\",\"topic\":\"place-order\",\"args\":[{"
                        + "\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\"}]}");
                }
                int limited = 0;
                for (int i = 0; i < 6; i++)
                {
                    final String id = "\"id\":\"r" + i + "\"";
                    final String reply = in.await(s -> s.contains(id));
                    assertNotNull(reply, id);
                    limited += reply.contains("\"code\":\"25004\"") ? 1 : 0;
                }
                final long elapsed = System.currentTimeMillis() - start;
                assertTrue(limited >= 2 || elapsed > 1000, "6 places within " + elapsed + " ms must hit 2/s (scaled 10/s): " + limited);
                assertEquals(limited, venue.rateLimitRejections("ws:/api/v3/trade/place-order"));
            }
        }
    }
}
