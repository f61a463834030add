package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class WebSocketTest
{
    private static final Map<BlockingQueue<String>, List<String>> HISTORY = new IdentityHashMap<>();
    private static SimVenue venue;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).booksIntervalMs(20).takersPerSecond(50));
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    /** Waits for a message matching p; earlier non-matching messages stay available to later waits (order-insensitive). */
    private static String await(final BlockingQueue<String> q, final Predicate<String> p) throws InterruptedException
    {
        final List<String> seen = HISTORY.computeIfAbsent(q, k -> new ArrayList<>());
        for (final String s : seen)
        {
            if (p.test(s))
            {
                seen.remove(s);
                return s;
            }
        }
        final long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end)
        {
            final String s = q.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && p.test(s))
            {
                return s;
            }
            if (s != null && seen.size() < 10_000)
            {
                seen.add(s);
            }
        }
        return null;
    }

    static String login(final Credentials c, final long tsSeconds)
    {
        final String ts = Long.toString(tsSeconds);
        return "{\"op\":\"login\",\"args\":[{\"apiKey\":\"" + c.apiKey() + "\",\"passphrase\":\"" + c.passphrase() + "\",\"timestamp\":\""
            + ts + "\",\"sign\":\"" + TestHttp.hmac(c.secret(), ts + "GET/user/verify") + "\"}]}";
    }

    @Test
    void shouldPongAndAckAndPushPublicChannels() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            c.send("ping");
            assertEquals("pong", await(q, s -> true));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"books5\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"ticker\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"trade\",\"instId\":\"BTCUSDT\"}]}");
            assertNotNull(await(q, s -> s.startsWith("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\"")));
            assertNotNull(await(q, s -> s.contains("\"action\":\"snapshot\"") && s.contains("\"channel\":\"books\"")));
            assertNotNull(await(q, s -> s.contains("\"action\":\"update\"") && s.contains("\"seq\":")));
            assertNotNull(await(q, s -> s.contains("\"channel\":\"books5\"") && s.contains("\"checksum\":0")));
            assertNotNull(await(q, s -> s.contains("\"channel\":\"ticker\"") && s.contains("\"lastPr\"")));
            assertNotNull(await(q, s -> s.contains("\"channel\":\"trade\"") && s.contains("\"action\":\"update\"")));
        }
    }

    @Test
    void shouldSendErrorEvents() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"NOPEUSDT\"}]}");
            assertNotNull(await(q, s -> s.contains("\"event\":\"error\"") && s.contains("\"code\":30001")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"candle1h\",\"instId\":\"BTCUSDT\"}]}");
            assertNotNull(await(q, s -> s.contains("\"code\":30016") && s.contains("\"op\":\"subscribe\"")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"orders\",\"instId\":\"default\"}]}");
            assertNotNull(await(q, s -> s.contains("\"code\":30004")));
        }
    }

    @Test
    void shouldDisconnectAboveMessageRate() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            // 25 > 2 x 10: whatever the window boundary, one window sees more than 10 messages
            for (int i = 0; i < 25; i++)
            {
                c.send("ping");
            }
            assertNotNull(await(q, s -> s.contains("\"code\":30007")), () -> "got " + HISTORY.get(q));
            final long end = System.currentTimeMillis() + 5000;
            while (c.isOpen() && System.currentTimeMillis() < end)
            {
                Thread.sleep(20);
            }
            assertFalse(c.isOpen());
        }
    }

    @Test
    void shouldRefuseBadLoginAndClose() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add))
        {
            c.send(login(venue.credentials(), System.currentTimeMillis() / 1000 - 60));
            assertNotNull(await(q, s -> s.contains("\"code\":30014")));
            final long end = System.currentTimeMillis() + 5000;
            while (c.isOpen() && System.currentTimeMillis() < end)
            {
                Thread.sleep(20);
            }
            assertFalse(c.isOpen());
        }
        final BlockingQueue<String> q2 = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q2::add))
        {
            final Credentials c2 = new Credentials(venue.credentials().apiKey(), "wrong", venue.credentials().passphrase());
            c.send(login(c2, System.currentTimeMillis() / 1000));
            assertNotNull(await(q2, s -> s.contains("\"code\":30015")));
        }
    }

    @Test
    void shouldPushOrdersFillsAndAccount() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
        try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add))
        {
            c.send(login(venue.credentials(), System.currentTimeMillis() / 1000));
            assertNotNull(await(q, s -> s.equals("{\"event\":\"login\",\"code\":0,\"msg\":\"\"}")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"orders\",\"instId\":\"default\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"fill\",\"instId\":\"default\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"account\",\"coin\":\"default\"}]}");
            assertNotNull(await(q, s -> s.contains("\"event\":\"subscribe\"") && s.contains("\"coin\":\"default\"")));
            final String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"90000.00\","
                + "\"size\":\"0.010000\",\"clientOid\":\"ws-cross-1\"}";
            assertEquals(200, http.signedPost("/api/v2/spot/trade/place-order", body).statusCode());
            assertNotNull(await(q, s -> s.contains("\"channel\":\"orders\"") && s.contains("ws-cross-1")
                && s.contains("\"status\":\"filled\"")));
            assertNotNull(await(q, s -> s.contains("\"channel\":\"fill\"") && s.contains("\"tradeScope\":\"taker\"")));
            assertNotNull(await(q, s -> s.contains("\"channel\":\"account\"") && s.contains("\"coin\":\"BTC\"")));
            final String po = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\","
                + "\"price\":\"90000.00\","
                + "\"size\":\"0.010000\",\"clientOid\":\"ws-po-1\"}";
            final String poResp = http.signedPost("/api/v2/spot/trade/place-order", po).body();
            assertTrue(poResp.contains("00000"), poResp);
            assertNotNull(await(q, s -> s.contains("ws-po-1") && s.contains("\"status\":\"cancelled\"")));
            assertTrue(venue.openOrders("BTCUSDT").stream().noneMatch(o -> o.clientOid().startsWith("ws-")));
        }
    }

    @Test
    void shouldCorruptChecksumOnRequest() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"ETHUSDT\"}]}");
            assertNotNull(await(q, s -> s.contains("\"action\":\"update\"")));
            final long before = venue.checksumCorruptionsInjected();
            venue.faults().corruptChecksums(1);
            final long end = System.currentTimeMillis() + 10_000;
            while (venue.checksumCorruptionsInjected() == before && System.currentTimeMillis() < end)
            {
                Thread.sleep(10);
            }
            assertEquals(before + 1, venue.checksumCorruptionsInjected());
        }
    }
}
