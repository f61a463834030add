package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import io.bitmm.sim.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

/**
 * The stream and clock faults the chaos campaign draws from: refused subscribes and logins, a stepped venue clock,
 * dropped / duplicated / reordered private pushes, partial fills; each counted, each settable over
 * {@code POST /sim/fault}.
 */
@Timeout(60)
class StreamFaultsTest
{
    private static final String BOOKS =
        "{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}";
    private static final String ORDERS =
        "{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"orders\",\"instId\":\"default\"}]}";
    private static final String REFUSED = "{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}";

    private static String await(final BlockingQueue<String> q, final Predicate<String> p, final long ms) throws InterruptedException
    {
        final long end = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < end)
        {
            final String s = q.poll(20, TimeUnit.MILLISECONDS);
            if (s != null && p.test(s))
            {
                return s;
            }
        }
        return null;
    }

    private static String order(final String clientOid, final String price)
    {
        return "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"" + price +
            "\",\"size\":\"0.001000\",\"clientOid\":\"" + clientOid + "\"}";
    }

    @SuppressWarnings("unchecked")
    private static String bestBid(final TestHttp http) throws Exception
    {
        final long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end)
        {
            final Map<String, Object> book = Json.parseObject(http.get("/api/v2/spot/market/orderbook?symbol=BTCUSDT&limit=5").body());
            final List<Object> bids = (List<Object>)((Map<String, Object>)book.get("data")).get("bids");
            if (!bids.isEmpty())
            {
                return String.valueOf(((List<Object>)bids.get(0)).get(0));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no bid in the book");
    }

    private static WsClient privateSocket(final SimVenue venue, final BlockingQueue<String> q) throws Exception
    {
        final WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add);
        c.send(WebSocketTest.login(venue.credentials(), System.currentTimeMillis() / 1000));
        assertNotNull(await(q, s -> s.contains("\"event\":\"login\""), 5000));
        c.send(ORDERS);
        assertNotNull(await(q, s -> s.contains("\"event\":\"subscribe\""), 5000));
        return c;
    }

    @Test
    void shouldRefuseSubscribesOnPublicAndPrivateSockets() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).booksIntervalMs(20)))
        {
            final BlockingQueue<String> q = new LinkedBlockingQueue<>();
            try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
            {
                venue.faults().refuseSubscribes(1);
                c.send(BOOKS);
                assertEquals(REFUSED, await(q, s -> s.contains("\"event\""), 5000));
                assertNull(await(q, s -> s.contains("\"channel\":\"books\""), 300), "nothing subscribed");
                c.send(BOOKS);
                assertNotNull(await(q, s -> s.contains("\"event\":\"subscribe\""), 5000), "the next one goes through");
            }
            final BlockingQueue<String> p = new LinkedBlockingQueue<>();
            try (WsClient c = WsClient.connect(venue.wsPrivateUri(), p::add))
            {
                c.send(WebSocketTest.login(venue.credentials(), System.currentTimeMillis() / 1000));
                assertNotNull(await(p, s -> s.contains("\"event\":\"login\""), 5000));
                new TestHttp(venue.restUri(), venue.credentials()).post("/sim/fault", "{\"fault\":\"refuseSubscribe\",\"count\":1}");
                c.send(ORDERS);
                assertEquals(REFUSED, await(p, s -> s.contains("\"event\""), 5000));
            }
            assertEquals(2, venue.faults().subscribesRefused());
        }
    }

    @Test
    void shouldRefuseLoginsWith30005AndClose() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0)))
        {
            venue.faults().refuseLogins(1);
            final BlockingQueue<String> q = new LinkedBlockingQueue<>();
            try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add))
            {
                c.send(WebSocketTest.login(venue.credentials(), System.currentTimeMillis() / 1000));
                assertNotNull(await(q, s -> s.contains("\"event\":\"error\"") && s.contains("\"code\":30005"), 5000));
                final long end = System.currentTimeMillis() + 5000;
                while (c.isOpen() && System.currentTimeMillis() < end)
                {
                    Thread.sleep(20);
                }
                assertFalse(c.isOpen(), "closed after the refusal");
            }
            assertEquals(1, venue.faults().loginsRefused());
            final BlockingQueue<String> q2 = new LinkedBlockingQueue<>();
            try (WsClient c = privateSocket(venue, q2))
            {
                assertTrue(c.isOpen(), "the next login succeeds");
            }
        }
    }

    @Test
    void shouldStepTheVenueClock() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            assertTrue(http.post("/sim/fault", "{\"fault\":\"clockStep\",\"ms\":60000}").statusCode() == 200);
            final long local = System.currentTimeMillis();
            final Map<String, Object> time = Json.parseObject(http.get("/api/v2/public/time").body());
            @SuppressWarnings("unchecked")
            final long server = Long.parseLong(String.valueOf(((Map<String, Object>)time.get("data")).get("serverTime")));
            assertTrue(Math.abs(server - local - 60_000) < 5_000, "serverTime is 60 s ahead: " + (server - local));
            final String refused = http.signedGet("/api/v2/spot/trade/unfilled-orders", local).body();
            assertTrue(refused.contains("\"40008\""), refused);
            assertTrue(http.signedGet("/api/v2/spot/trade/unfilled-orders", server).body().contains("\"00000\""));
            assertEquals(1, venue.faults().clockSteps());
            assertEquals(60_000, venue.faults().clockOffsetMs());
            venue.faults().clear();
            assertEquals(0, venue.faults().clockOffsetMs());
        }
    }

    @Test
    void shouldDropDuplicateAndReorderPrivatePushes() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            final BlockingQueue<String> q = new LinkedBlockingQueue<>();
            try (WsClient c = privateSocket(venue, q))
            {
                assertTrue(c.isOpen());
                venue.faults().dropPrivatePushes(1);
                assertTrue(http.signedPost("/api/v2/spot/trade/place-order", order("d-1", "50000.00")).body().contains("00000"));
                assertTrue(http.signedPost("/api/v2/spot/trade/place-order", order("d-2", "50000.00")).body().contains("00000"));
                assertNotNull(await(q, s -> s.contains("\"d-2\""), 5000));
                assertEquals(1, venue.faults().privatePushesDropped());

                final long t0 = System.currentTimeMillis();
                venue.faults().dropPrivatePushesMs(1500);
                http.signedPost("/api/v2/spot/trade/place-order", order("d-3", "50000.00"));
                assertNull(await(q, s -> s.contains("\"d-3\""), 100), "dropped during the window: " + (System.currentTimeMillis() - t0));
                Thread.sleep(1500);
                http.signedPost("/api/v2/spot/trade/place-order", order("d-4", "50000.00"));
                assertNotNull(await(q, s -> s.contains("\"d-4\""), 5000), "sent after the window");

                venue.faults().duplicatePushFraction(1.0);
                http.signedPost("/api/v2/spot/trade/place-order", order("d-5", "50000.00"));
                assertNotNull(await(q, s -> s.contains("\"d-5\""), 5000));
                assertNotNull(await(q, s -> s.contains("\"d-5\""), 5000), "sent twice");
                Thread.sleep(200);
                // pushes leave after the REST reply, so an earlier order's push may be counted too
                assertTrue(venue.faults().privatePushesDuplicated() >= 1, () -> String.valueOf(new ArrayList<>(q)));

                // pushes leave the venue after the REST reply, so the fraction stays 1 until both have been seen: r-1 is
                // held, r-2 goes out first and takes r-1 with it (a push that releases a held one is never held itself)
                venue.faults().duplicatePushFraction(0).reorderPushFraction(1.0);
                http.signedPost("/api/v2/spot/trade/place-order", order("r-1", "50000.00"));
                http.signedPost("/api/v2/spot/trade/place-order", order("r-2", "50000.00"));
                final List<String> seen = new ArrayList<>();
                assertNotNull(await(q, s -> seen.add(s) && s.contains("\"r-1\""), 5000));
                venue.faults().reorderPushFraction(0);
                assertTrue(seen.stream().anyMatch(s -> s.contains("\"r-2\"")), "r-2 overtook r-1: " + seen);
                assertTrue(venue.faults().privatePushesReordered() >= 1);

                venue.faults().reorderPushFraction(1.0);
                http.signedPost("/api/v2/spot/trade/place-order", order("r-3", "50000.00"));
                assertNotNull(await(q, s -> s.contains("\"r-3\""), 5000), "a held push with no successor is sent alone");
            }
        }
    }

    @Test
    void shouldFillPartlyAndPageFillsByTimeAndId() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).booksIntervalMs(20).takersPerSecond(200)
            .rateLimits(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            final long start = System.currentTimeMillis();
            venue.faults().partialFillFraction(1.0);
            final String bid = bestBid(http);
            final String price = new java.math.BigDecimal(bid).add(new java.math.BigDecimal("0.01")).toPlainString();
            assertTrue(http.signedPost("/api/v2/spot/trade/place-order",
                "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\",\"price\":\"" + price +
                    "\",\"size\":\"0.004000\",\"clientOid\":\"p-1\"}").body().contains("00000"));
            final long end = System.currentTimeMillis() + 20_000;
            while (venue.faults().partialFillsInjected() < 2 && System.currentTimeMillis() < end)
            {
                Thread.sleep(20);
            }
            assertTrue(venue.faults().partialFillsInjected() >= 2, "partial fills: " + venue.faults().partialFillsInjected());
            final String all = http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT", System.currentTimeMillis()).body();
            assertTrue(all.contains("\"size\":\"0.002000\""), "the first fill took half: " + all);
            assertTrue(all.contains("\"size\":\"0.001000\""), "the second half of the rest: " + all);
            final String firstPage = http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT&limit=1", System.currentTimeMillis()).body();
            final String newest = firstPage.replaceAll(".*\"tradeId\":\"(\\d+)\".*", "$1");
            final String older = http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT&idLessThan=" + newest,
                System.currentTimeMillis()).body();
            assertFalse(older.contains("\"tradeId\":\"" + newest + "\""), older);
            assertTrue(older.contains("\"tradeId\""), older);
            final String future = http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT&startTime=" +
                (System.currentTimeMillis() + 60_000), System.currentTimeMillis()).body();
            assertFalse(future.contains("tradeId"), future);
            final String since = http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT&startTime=" + (start - 1000) +
                "&endTime=" + (System.currentTimeMillis() + 1000), System.currentTimeMillis()).body();
            assertTrue(since.contains("tradeId"), since);
        }
    }
}
