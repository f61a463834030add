package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v3/trade/countdown-cancel-all} (§5.7): refresh keeps orders, a lapse cancels them all and pushes it, 0 disarms. */
@Timeout(90)
class V3DeadManSwitchTest
{
    private static String countdown(final int seconds)
    {
        return "{\"countdown\":\"" + seconds + "\"}";
    }

    private static void placeFour(final V3Http v3) throws Exception
    {
        v3.place("BTCUSDT", "buy", "40000", "0.001", "gtc", null).ok();
        v3.place("BTCUSDT", "sell", "90000", "0.001", "gtc", null).ok();
        v3.place("ETHUSDT", "buy", "2000", "0.0100", "post_only", null).ok();
        v3.place("ETHUSDT", "sell", "5000", "0.0100", "gtc", null).ok();
    }

    @Test
    void shouldCancelEveryOrderWhenTheCountdownLapses() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                ws.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"}]}");
                assertNotNull(in.await(s -> s.contains("\"event\":\"subscribe\"")));
                placeFour(v3);
                assertEquals(4, venue.openOrders(null).size());
                assertEquals("25200", v3.post("/api/v3/trade/countdown-cancel-all", countdown(3)).code(), "5..60 or 0");
                final long armed = System.currentTimeMillis();
                assertEquals("success", v3.post("/api/v3/trade/countdown-cancel-all", countdown(5)).ok().data());
                Thread.sleep(3_000);
                v3.post("/api/v3/trade/countdown-cancel-all", countdown(5)).ok();
                final long refreshed = System.currentTimeMillis();
                while (System.currentTimeMillis() - armed < 6_000)
                {
                    Thread.sleep(100);
                }
                if (System.currentTimeMillis() - refreshed < 4_500)
                {
                    assertEquals(4, venue.openOrders(null).size(), "the refresh restarted the countdown");
                }
                final long end = System.currentTimeMillis() + 15_000;
                while (!venue.openOrders(null).isEmpty() && System.currentTimeMillis() < end)
                {
                    Thread.sleep(100);
                }
                assertTrue(venue.openOrders(null).isEmpty(), "every open order of every symbol cancelled");
                assertTrue(System.currentTimeMillis() - refreshed >= 4_900, "not before the countdown lapsed");
                final Set<String> cancelled = new HashSet<>();
                while (cancelled.size() < 4)
                {
                    final String push = in.await(s -> s.contains("\"topic\":\"order\"") && s.contains("\"orderStatus\":\"cancelled\""));
                    assertNotNull(push, "cancels pushed on the order topic");
                    cancelled.add(push.replaceAll(".*\"orderId\":\"(\\d+)\".*", "$1"));
                }
                placeFour(v3);
                Thread.sleep(6_000);
                assertEquals(4, venue.openOrders(null).size(), "the switch disarmed itself after the lapse");
            }
        }
    }

    @Test
    void shouldDisarmWithZero() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            placeFour(v3);
            v3.post("/api/v3/trade/countdown-cancel-all", countdown(5)).ok();
            Thread.sleep(1_100);
            v3.post("/api/v3/trade/countdown-cancel-all", countdown(0)).ok();
            Thread.sleep(5_500);
            assertEquals(4, venue.openOrders(null).size());
        }
    }

    @Test
    void shouldRefuseWhenNotAllowed() throws Exception
    {
        final SimContext ctx = new SimContext().port(0).marketGenerator(false);
        ctx.v3().countdownAllowed(false);
        try (SimVenue venue = SimVenue.start(ctx))
        {
            assertEquals("40014", new V3Http(venue).post("/api/v3/trade/countdown-cancel-all", countdown(10)).code());
        }
    }
}
