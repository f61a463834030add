package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import io.bitmm.sim.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UTA v3 WebSockets (protocol v3 §8, §9): public topics, the seq/pseq chain and its faults, private pushes, op:"trade". */
@Timeout(90)
class V3WebSocketTest
{
    private static SimVenue venue;
    private static V3Http v3;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().port(0).booksIntervalMs(20).takersPerSecond(50).rateLimits(false));
        v3 = new V3Http(venue);
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    /** Messages of one connection, searchable without losing the ones a wait skipped. */
    static final class Inbox
    {
        final BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        String await(final Predicate<String> p) throws InterruptedException
        {
            for (final String s : seen)
            {
                if (p.test(s))
                {
                    seen.remove(s);
                    return s;
                }
            }
            final long end = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < end)
            {
                final String s = queue.poll(100, TimeUnit.MILLISECONDS);
                if (s != null && p.test(s))
                {
                    return s;
                }
                if (s != null && seen.size() < 20_000)
                {
                    seen.add(s);
                }
            }
            return null;
        }

        /** The next message matching p, in arrival order, ignoring earlier non-matching ones for good. */
        String next(final Predicate<String> p) throws InterruptedException
        {
            final long end = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < end)
            {
                final String s = queue.poll(100, TimeUnit.MILLISECONDS);
                if (s != null && p.test(s))
                {
                    return s;
                }
            }
            return null;
        }
    }

    static String login(final Credentials c)
    {
        final String ts = Long.toString(System.currentTimeMillis() / 1000);
        return "{\"op\":\"login\",\"args\":[{\"apiKey\":\"" + c.apiKey() + "\",\"passphrase\":\"" + c.passphrase() + "\",\"timestamp\":\""
            + ts + "\",\"sign\":\"" + TestHttp.hmac(c.secret(), ts + "GET/user/verify") + "\"}],\"url\":\"ignored\"}";
    }

    private static WsClient privateClient(final Inbox in) throws Exception
    {
        final WsClient c = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add);
        c.send(login(venue.credentials()));
        assertNotNull(in.await(s -> s.contains("\"event\":\"login\"") && s.contains("\"code\":0") && s.contains("connId")));
        return c;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data0(final String msg)
    {
        return ((List<Map<String, Object>>)Json.parseObject(msg).get("data")).get(0);
    }

    private static long seqOf(final Object v)
    {
        return v instanceof String ? Long.parseLong((String)v) : ((Number)v).longValue();
    }

    @Test
    void shouldPushPublicTopics() throws Exception
    {
        final Inbox in = new Inbox();
        try (WsClient c = WsClient.connect(venue.wsPublicV3Uri(), in.queue::add))
        {
            c.send("ping");
            assertEquals("pong", in.await(s -> true));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books5\",\"symbol\":\"BTCUSDT\"},"
                + "{\"instType\":\"spot\",\"topic\":\"books1\",\"symbol\":\"BTCUSDT\"},"
                + "{\"instType\":\"spot\",\"topic\":\"books50\",\"symbol\":\"ETHUSDT\"},"
                + "{\"instType\":\"spot\",\"topic\":\"ticker\",\"symbol\":\"BTCUSDT\"},"
                + "{\"instType\":\"spot\",\"topic\":\"publicTrade\",\"symbol\":\"BTCUSDT\"}],\"uta\":true}");
            assertNotNull(in.await(s -> s.equals("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books5\","
                + "\"symbol\":\"BTCUSDT\"}}")));
            final String five = in.await(s -> s.contains("\"topic\":\"books5\"") && s.contains("\"action\":\"snapshot\""));
            final Map<String, Object> d5 = data0(five);
            assertEquals(5, ((List<?>)d5.get("a")).size());
            assertEquals(5, ((List<?>)d5.get("b")).size());
            assertTrue(((List<?>)((List<?>)d5.get("a")).get(0)).get(0) instanceof String, "WS levels are strings");
            assertEquals(1, ((List<?>)data0(in.await(push("books1"))).get("a")).size());
            final int fifty = ((List<?>)data0(in.await(push("books50"))).get("b")).size();
            assertTrue(fifty > 5 && fifty <= 50, "up to 50 levels: " + fifty);
            final Map<String, Object> ticker = data0(in.await(s -> s.contains("\"topic\":\"ticker\"") && s.contains("\"action\"")));
            for (final String k : List.of("lastPrice", "bid1Price", "ask1Price", "bid1Size", "ask1Size", "volume24h", "price24hPcnt"))
            {
                assertNotNull(ticker.get(k), k);
            }
            final String trade = in.await(s -> s.contains("\"topic\":\"publicTrade\"") && s.contains("\"action\":\"update\""));
            final Map<String, Object> t = data0(trade);
            for (final String k : List.of("i", "L", "p", "v", "S", "T"))
            {
                assertNotNull(t.get(k), k);
            }
            c.send("{\"op\":\"unsubscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"ticker\",\"symbol\":\"BTCUSDT\","
                + "\"interval\":\"1m\"}]}");
            assertNotNull(in.await(s -> s.equals("{\"event\":\"unsubscribe\",\"arg\":{\"instType\":\"spot\",\"topic\":\"ticker\","
                + "\"symbol\":\"BTCUSDT\"}}")));
        }
    }

    @Test
    void shouldSendErrorEvents() throws Exception
    {
        final Inbox in = new Inbox();
        try (WsClient c = WsClient.connect(venue.wsPublicV3Uri(), in.queue::add))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"NOPEUSDT\"}]}");
            assertNotNull(in.await(s -> s.contains("\"event\":\"error\"") && s.contains("\"code\":30001")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books15\",\"symbol\":\"BTCUSDT\"}]}");
            assertNotNull(in.await(s -> s.contains("\"code\":30001") && s.contains("books15")), "no books15 in v3");
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"}]}");
            assertNotNull(in.await(s -> s.contains("\"code\":30004")));
            c.send("{\"op\":\"trade\",\"id\":\"1\",\"topic\":\"place-order\",\"category\":\"spot\",\"args\":[{}]}");
            assertNotNull(in.await(s -> s.contains("\"event\":\"error\"") && s.contains("\"id\":\"1\"") && s.contains("30004")));
        }
    }

    @Test
    void shouldChainSeqAndPseqAndBreakItOnFaults() throws Exception
    {
        final Inbox in = new Inbox();
        try (WsClient c = WsClient.connect(venue.wsPublicV3Uri(), in.queue::add))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"BTCUSDT\"}]}");
            final Map<String, Object> snap = data0(in.next(s -> s.contains("\"topic\":\"books\"")
                && s.contains("\"action\":\"snapshot\"")));
            final long snapSeq = seqOf(snap.get("seq"));
            assertTrue(BigInteger.valueOf(snapSeq).compareTo(BigInteger.TWO.pow(53)) > 0, "seq beyond 2^53");
            assertEquals(0L, seqOf(snap.get("pseq")));
            assertNull(snap.get("checksum"), "no checksum by default (option booksChecksum)");
            assertTrue(((List<?>)snap.get("a")).size() > 15, "the whole book in the snapshot (default depth), not a books15 cut");
            final Map<String, Object> first = data0(in.next(V3WebSocketTest::isBooksUpdate));
            assertTrue(seqOf(first.get("pseq")) <= snapSeq && snapSeq <= seqOf(first.get("seq")), "first update straddles the snapshot");
            long last = seqOf(first.get("seq"));
            for (int i = 0; i < 30; i++)
            {
                final Map<String, Object> u = data0(in.next(V3WebSocketTest::isBooksUpdate));
                assertEquals(last, seqOf(u.get("pseq")), "pseq = previous seq");
                assertTrue(seqOf(u.get("seq")) > last);
                last = seqOf(u.get("seq"));
            }
            final long gapsBefore = venue.faults().pseqGapsInjected();
            venue.faults().pseqGaps(1);
            int breaks = 0;
            for (int i = 0; i < 30; i++)
            {
                final Map<String, Object> u = data0(in.next(V3WebSocketTest::isBooksUpdate));
                breaks += seqOf(u.get("pseq")) != last ? 1 : 0;
                last = seqOf(u.get("seq"));
            }
            assertEquals(1, breaks, "exactly one broken link");
            assertEquals(gapsBefore + 1, venue.faults().pseqGapsInjected());
            venue.faults().skipUpdates(1);
            breaks = 0;
            for (int i = 0; i < 30; i++)
            {
                final Map<String, Object> u = data0(in.next(V3WebSocketTest::isBooksUpdate));
                breaks += seqOf(u.get("pseq")) != last ? 1 : 0;
                last = seqOf(u.get("seq"));
            }
            assertEquals(1, breaks, "a skipped update shows as a pseq gap");
            venue.faults().corruptChecksums(1);
            assertNotNull(data0(in.next(s -> isBooksUpdate(s) && s.contains("\"checksum\":"))).get("checksum"),
                "corruptChecksum puts a wrong checksum on the next update");
        }
    }

    private static Predicate<String> push(final String topic)
    {
        return s -> s.contains("\"topic\":\"" + topic + "\"") && s.contains("\"action\"");
    }

    private static boolean isBooksUpdate(final String s)
    {
        return s.contains("\"topic\":\"books\"") && s.contains("\"action\":\"update\"");
    }

    @Test
    void shouldPushOrdersFillsAndAccount() throws Exception
    {
        final Inbox in = new Inbox();
        try (WsClient c = privateClient(in))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"},{\"instType\":\"UTA\",\"topic\":\"fill\"},"
                + "{\"instType\":\"UTA\",\"topic\":\"account\"},{\"instType\":\"UTA\",\"topic\":\"position\"}],\"uta\":true}");
            assertNotNull(in.await(s -> s.equals("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"order\"}}")));
            final Map<String, Object> account = data0(in.await(s -> s.contains("\"topic\":\"account\"") && s.contains("\"action\"")));
            assertNotNull(account.get("totalEquity"));
            assertTrue(((List<?>)account.get("coin")).size() >= 3);
            assertNotNull(in.await(s -> s.contains("\"topic\":\"position\"") && s.contains("\"action\":\"snapshot\"")));
            final String id = (String)v3.place("ETHUSDT", "buy", "9000", "0.0100", "gtc", "v3-ws-fill").ok().dataObject().get("orderId");
            final Map<String, Object> live = data0(in.await(s -> s.contains("\"topic\":\"order\"") && s.contains(id)));
            assertEquals("spot", live.get("category"));
            assertEquals("live", live.get("orderStatus"));
            final Map<String, Object> filled = data0(in.await(s -> s.contains("\"topic\":\"order\"") && s.contains(id)
                && s.contains("\"orderStatus\":\"filled\"")));
            assertEquals("0.0100", filled.get("cumExecQty"));
            final Map<String, Object> fill = data0(in.await(s -> s.contains("\"topic\":\"fill\"") && s.contains(id)));
            assertEquals("taker", fill.get("tradeScope"));
            assertEquals("SPOT", fill.get("category"));
            assertNotNull(fill.get("execId"));
            assertNotNull(in.await(s -> s.contains("\"topic\":\"account\"") && s.contains("\"action\":\"snapshot\"")));
        }
    }

    @Test
    void shouldTradeOverTheSocket() throws Exception
    {
        final Inbox in = new Inbox();
        try (WsClient c = privateClient(in))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"}]}");
            assertNotNull(in.await(s -> s.contains("\"event\":\"subscribe\"")));
            c.send("{\"op\":\"trade\",\"id\":\"p1\",\"category\":\"spot\",\"topic\":\"place-order\",\"args\":[{\"symbol\":\"BTCUSDT\","
                + "\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\",\"timeInForce\":\"post_only\","
                + "\"clientOid\":\"v3-wst-1\"}]}");
            final Map<String, Object> ack = Json.parseObject(in.await(s -> s.contains("\"event\":\"trade\"")
                && s.contains("\"id\":\"p1\"")));
            assertEquals("0", ack.get("code"));
            assertEquals("place-order", ack.get("topic"));
            @SuppressWarnings("unchecked")
            final Map<String, Object> placed = ((List<Map<String, Object>>)ack.get("args")).get(0);
            final String id = (String)placed.get("orderId");
            assertEquals("v3-wst-1", placed.get("clientOid"));
            assertNotNull(placed.get("cTime"));
            assertNotNull(in.await(s -> s.contains("\"topic\":\"order\"") && s.contains(id) && s.contains("\"live\"")));

            c.send("{\"op\":\"trade\",\"id\":\"m1\",\"category\":\"spot\",\"topic\":\"modify-order\",\"args\":[{\"orderId\":\"" + id
                + "\",\"price\":\"40001\",\"qty\":\"0.002\",\"requestId\":\"rq-1\"}]}");
            final String modAck = in.await(s -> s.contains("\"event\":\"trade\"") && s.contains("\"id\":\"m1\""));
            assertTrue(modAck.contains("\"orderId\":\"" + id + "\""), "modify keeps the orderId: " + modAck);
            final Map<String, Object> amended = data0(in.await(s -> s.contains("\"topic\":\"order\"") && s.contains("rq-1")));
            assertEquals("40001.00", amended.get("price"));
            assertEquals("0.002000", amended.get("qty"));
            assertEquals(id, amended.get("orderId"));

            c.send("{\"op\":\"trade\",\"id\":\"bp\",\"category\":\"spot\",\"topic\":\"batch-place\",\"args\":[{\"symbol\":\"BTCUSDT\","
                + "\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\",\"clientOid\":\"v3-wst-2\"},"
                + "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.001\",\"price\":\"40000\","
                + "\"clientOid\":\"v3-wst-1\"}]}");
            final String batch = in.await(s -> s.contains("\"event\":\"trade\"") && s.contains("\"id\":\"bp\""));
            assertTrue(batch.contains("\"code\":\"0\"") && batch.contains("\"code\":\"25212\""), batch);
            c.send("{\"op\":\"trade\",\"id\":\"bm\",\"category\":\"spot\",\"topic\":\"batch-modify-order\","
                + "\"args\":[{\"clientOid\":\"v3-wst-2\","
                + "\"qty\":\"0.003\"}]}");
            assertTrue(in.await(s -> s.contains("\"id\":\"bm\"")).contains("\"code\":\"0\""));
            c.send("{\"op\":\"trade\",\"id\":\"bc\",\"category\":\"spot\",\"topic\":\"batch-cancel\","
                + "\"args\":[{\"clientOid\":\"v3-wst-2\"},"
                + "{\"orderId\":\"12\"}]}");
            final String cancels = in.await(s -> s.contains("\"event\":\"trade\"") && s.contains("\"id\":\"bc\""));
            assertTrue(cancels.contains("\"code\":\"25204\""), cancels);
            c.send("{\"op\":\"trade\",\"id\":\"c1\",\"topic\":\"cancel-order\",\"args\":[{\"orderId\":\"" + id + "\"}]}");
            assertNotNull(in.await(s -> s.contains("\"event\":\"trade\"") && s.contains("\"id\":\"c1\"")));
            assertNotNull(in.await(s -> s.contains("\"topic\":\"order\"") && s.contains(id) && s.contains("\"cancelled\"")));
            c.send("{\"op\":\"trade\",\"id\":\"c2\",\"topic\":\"cancel-order\",\"args\":[{\"orderId\":\"" + id + "\"}]}");
            final Map<String, Object> gone = Json.parseObject(in.await(s -> s.contains("\"id\":\"c2\"")));
            assertEquals("error", gone.get("event"));
            assertEquals("25204", gone.get("code"));
            assertFalse(venue.openOrders("BTCUSDT").stream().anyMatch(o -> o.orderId().equals(id)));
        }
    }
}
