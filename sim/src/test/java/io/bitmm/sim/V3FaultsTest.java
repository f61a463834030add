package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v2 faults apply to the v3 dialect too (REST front door, placements, sockets). */
@Timeout(60)
class V3FaultsTest
{
    @Test
    void shouldApplyRestAndOrderFaultsToV3() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            venue.faults().http429Burst(1);
            assertEquals(429, v3.get("/api/v3/market/tickers?category=SPOT").status());
            venue.faults().http5xx(1);
            assertEquals(500, v3.signedGet("/api/v3/account/assets").status());
            venue.faults().rejectOrderFraction(1.0);
            assertEquals("40725", v3.place("BTCUSDT", "buy", "40000", "0.001", "gtc", null).code());
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                ws.send("{\"op\":\"trade\",\"id\":\"f1\",\"category\":\"spot\",\"topic\":\"place-order\",\"args\":[{\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\"}]}");
                assertNotNull(in.await(s -> s.contains("\"id\":\"f1\"") && s.contains("\"code\":\"40725\"")));
                venue.faults().clear();
                venue.faults().ackDelayMs(700);
                final long t0 = System.currentTimeMillis();
                ws.send("{\"op\":\"trade\",\"id\":\"f2\",\"category\":\"spot\",\"topic\":\"place-order\",\"args\":[{\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\"}]}");
                assertNotNull(in.await(s -> s.contains("\"id\":\"f2\"") && s.contains("\"code\":\"0\"")));
                assertTrue(System.currentTimeMillis() - t0 >= 650, "ackDelay delays the WS trade ack");
                venue.faults().clear();
                venue.faults().dropConnections();
                final long end = System.currentTimeMillis() + 5_000;
                while (ws.isOpen() && System.currentTimeMillis() < end)
                {
                    Thread.sleep(50);
                }
                assertFalse(ws.isOpen(), "dropConnections closes v3 sockets");
            }
            assertEquals(2, venue.faults().ordersRejected(), "both placements counted as rejected");
        }
    }
}
