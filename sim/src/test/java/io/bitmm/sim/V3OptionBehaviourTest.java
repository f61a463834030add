package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The §12 options change what the wire shows (each against a venue configured for it). */
@Timeout(60)
class V3OptionBehaviourTest
{
    /** Bitget's CRC32 over the 25 best levels, bid and ask interleaved, as the strings were sent (computed here independently). */
    private static long crc(final List<?> bids, final List<?> asks)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 25; i++)
        {
            if (i < bids.size())
            {
                sb.append(((List<?>)bids.get(i)).get(0)).append(':').append(((List<?>)bids.get(i)).get(1)).append(':');
            }
            if (i < asks.size())
            {
                sb.append(((List<?>)asks.get(i)).get(0)).append(':').append(((List<?>)asks.get(i)).get(1)).append(':');
            }
        }
        final CRC32 crc = new CRC32();
        crc.update(sb.substring(0, sb.length() - 1).getBytes(StandardCharsets.UTF_8));
        return (int)crc.getValue();
    }

    @Test
    void shouldSendTheCrc32WhenAsked() throws Exception
    {
        final SimContext ctx = new SimContext().port(0).marketGenerator(false);
        ctx.v3().booksChecksum(V3Options.BooksChecksum.CRC32);
        try (SimVenue venue = SimVenue.start(ctx))
        {
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPublicV3Uri(), in.queue::add))
            {
                ws.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"BTCUSDT\"},"
                    + "{\"instType\":\"spot\",\"topic\":\"books5\",\"symbol\":\"BTCUSDT\"}]}");
                final Map<String, Object> snap = V3WebSocketTest.data0(in.await(s -> s.contains("\"topic\":\"books\"")
                    && s.contains("\"action\"")));
                assertEquals(crc((List<?>)snap.get("b"), (List<?>)snap.get("a")), ((Number)snap.get("checksum")).longValue());
                final Map<String, Object> five = V3WebSocketTest.data0(in.await(s -> s.contains("\"topic\":\"books5\"")
                    && s.contains("\"action\"")));
                assertEquals(0L, ((Number)five.get("checksum")).longValue(), "depth snapshots carry 0");
            }
        }
    }

    @Test
    void shouldPushNewAfterLiveWhenAsked() throws Exception
    {
        final SimContext ctx = new SimContext().port(0).marketGenerator(false).rateLimits(false);
        ctx.v3().newStatusPush(true).batchTopics(V3Options.BatchTopics.SHORT);
        try (SimVenue venue = SimVenue.start(ctx))
        {
            final V3Http v3 = new V3Http(venue);
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                ws.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"}]}");
                assertNotNull(in.await(s -> s.contains("\"event\":\"subscribe\"")));
                final String id = (String)v3.place("BTCUSDT", "buy", "40000", "0.001", "gtc", null).ok().dataObject().get("orderId");
                final String live = in.next(s -> s.contains(id));
                assertTrue(live.contains("\"orderStatus\":\"live\""), live);
                final String next = in.next(s -> s.contains(id));
                assertTrue(next.contains("\"orderStatus\":\"new\""), next);
                assertEquals("new", v3.order(id).get("orderStatus"));
                ws.send("{\"op\":\"trade\",\"id\":\"x\",\"category\":\"spot\",\"topic\":\"batch-cancel-order\","
                    + "\"args\":[{\"orderId\":\"" + id + "\"}]}");
                assertNotNull(in.await(s -> s.contains("\"id\":\"x\"") && s.contains("30016")), "long batch spelling refused");
            }
        }
    }

    @Test
    void shouldKeepOrLoseQueuePriorityOnAQuantityDecrease() throws Exception
    {
        for (final boolean keep : new boolean[] {true, false})
        {
            final SimContext ctx = new SimContext().port(0).marketGenerator(false).rateLimits(false);
            ctx.v3().amendQtyDecreaseKeepsPriority(keep);
            try (SimVenue venue = SimVenue.start(ctx))
            {
                final V3Http v3 = new V3Http(venue);
                final Map<String, Object> book = v3.get("/api/v3/market/orderbook?category=SPOT&symbol=BTCUSDT&limit=1").ok()
                    .dataObject();
                final double ask = ((Number)((List<?>)((List<?>)book.get("a")).get(0)).get(0)).doubleValue();
                final double bid = ((Number)((List<?>)((List<?>)book.get("b")).get(0)).get(0)).doubleValue();
                assertTrue(ask - bid > 0.015, "a spread to quote inside");
                final String px = String.format(java.util.Locale.ROOT, "%.2f", ask - 0.01);
                final String first = (String)v3.place("BTCUSDT", "sell", px, "0.002", "gtc", null).ok().dataObject().get("orderId");
                final String second = (String)v3.place("BTCUSDT", "sell", px, "0.002", "gtc", null).ok().dataObject().get("orderId");
                v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + first + "\",\"qty\":\"0.001\"}").ok();
                final String other = (String)v3.place("BTCUSDT", "buy", px, "0.001", "gtc", null).ok().dataObject().get("orderId");
                assertEquals("filled", v3.order(other).get("orderStatus"), "self-trade allowed (stpMode none)");
                final String filledOne = "filled".equals(v3.order(first).get("orderStatus")) ? first : second;
                assertEquals(keep ? first : second, filledOne, keep ? "kept its place" : "went to the back");
            }
        }
    }
}
