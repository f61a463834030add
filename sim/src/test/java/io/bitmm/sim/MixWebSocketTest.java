package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The v2 WebSocket channels of instType USDT-FUTURES: books with a verifiable CRC32 chain, depth, trade, ticker, private pushes. */
@Timeout(60)
class MixWebSocketTest
{
    private static SimVenue venue;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).booksIntervalMs(20).takersPerSecond(50).rateLimits(false));
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    private static String await(final BlockingQueue<String> q, final List<String> seen, final Predicate<String> p)
        throws InterruptedException
    {
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

    /** True for a data push (not an event) of a channel. */
    private static boolean push(final String s, final String channel)
    {
        return s.startsWith("{\"action\"") && s.contains("\"channel\":\"" + channel + "\"");
    }

    @Test
    void shouldStreamFuturesBooksWhoseChecksumsVerifyAndOtherPublicChannels() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        final BooksStreamChecksumTest.Model model = new BooksStreamChecksumTest.Model();
        try (WsClient c = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"USDT-FUTURES\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"books1\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"ticker\",\"instId\":\"BTCUSDT\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"trade\",\"instId\":\"BTCUSDT\"}]}");
            assertNotNull(await(q, seen,
                s -> s.startsWith("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"USDT-FUTURES\",\"channel\":\"books\"")));
            int updates = 0;
            final long end = System.currentTimeMillis() + 20_000;
            while (updates < 50 && System.currentTimeMillis() < end)
            {
                final String s = await(q, seen, m -> push(m, "books"));
                assertNotNull(s, "books pushes");
                assertTrue(s.contains("\"instType\":\"USDT-FUTURES\""), s);
                assertNull(model.apply(s), s);
                updates += s.contains("\"action\":\"update\"") ? 1 : 0;
            }
            assertEquals(50, updates);
            final String top = await(q, seen, s -> push(s, "books1"));
            assertTrue(top != null && top.matches(".*\"asks\":\\[\\[\"\\d+\\.\\d\",\"\\d+\\.\\d{4}\"\\]\\].*"), top);
            final String ticker = await(q, seen, s -> push(s, "ticker"));
            assertTrue(ticker != null && ticker.contains("\"markPrice\"") && ticker.contains("\"fundingRate\"")
                && ticker.contains("\"nextFundingTime\""), ticker);
            assertNotNull(await(q, seen, s -> push(s, "trade") && s.contains("\"action\":\"update\"")));

            // the corrupt-checksum fault works on futures books too: the model sees the mismatch
            venue.faults().corruptChecksums(1);
            String mismatch = null;
            final long end2 = System.currentTimeMillis() + 10_000;
            while (mismatch == null && System.currentTimeMillis() < end2)
            {
                final String s = await(q, seen, m -> push(m, "books"));
                mismatch = s == null ? null : model.apply(s);
            }
            assertNotNull(mismatch, "a corrupted futures checksum is detected");
        }
    }

    @Test
    void shouldPushFuturesOrdersFillsPositionsAndAccount() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
        try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add))
        {
            c.send(WebSocketTest.login(venue.credentials(), System.currentTimeMillis() / 1000));
            assertNotNull(await(q, seen, s -> s.startsWith("{\"event\":\"login\"")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"USDT-FUTURES\",\"channel\":\"orders\",\"instId\":\"default\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"fill\",\"instId\":\"default\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"positions\",\"instId\":\"default\"},"
                + "{\"instType\":\"USDT-FUTURES\",\"channel\":\"account\",\"coin\":\"default\"}]}");
            assertNotNull(await(q, seen, s -> push(s, "positions") && s.contains("\"action\":\"snapshot\"")
                && s.contains("\"data\":[]")));
            assertNotNull(await(q, seen, s -> push(s, "account") && s.contains("\"marginCoin\":\"USDT\"")));
            final String body = "{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginMode\":\"crossed\","
                + "\"marginCoin\":\"USDT\",\"orderType\":\"limit\",\"size\":\"0.0100\",\"price\":\"90000.0\",\"side\":\"buy\","
                + "\"force\":\"GTC\",\"clientOid\":\"wsf-1\"}";
            assertEquals(200, http.signedPost("/api/v2/mix/order/place-order", body).statusCode());
            final String order = await(q, seen, s -> push(s, "orders") && s.contains("wsf-1")
                && s.contains("\"status\":\"filled\""));
            assertTrue(order != null && order.contains("\"instType\":\"USDT-FUTURES\"") && order.contains("\"posMode\":\"one_way_mode\"")
                && order.contains("\"fillNotionalUsd\"") && order.contains("\"feeDetail\":[{\"feeCoin\":\"USDT\""), order);
            final String fill = await(q, seen, s -> push(s, "fill"));
            assertTrue(fill != null && fill.contains("\"symbol\":\"BTCUSDT\"") && fill.contains("\"posMode\":\"one_way_mode\"")
                && fill.contains("\"tradeScope\":\"taker\""), fill);
            final String pos = await(q, seen, s -> push(s, "positions") && s.contains("\"total\":\"0.0100\""));
            assertTrue(pos != null && pos.contains("\"holdSide\":\"long\"") && pos.contains("\"posMode\":\"one_way_mode\"")
                && pos.contains("\"leverage\":20"), () -> pos + " seen " + seen.stream().filter(m -> push(m, "positions")).toList());
            assertNotNull(await(q, seen, s -> push(s, "account") && s.contains("\"equity\"")));
            final String spotOrders = "\"instType\":\"SPOT\",\"channel\":\"orders\"";
            assertTrue(seen.stream().noneMatch(s -> s.contains(spotOrders)), "no spot pushes for a futures order");
        }
    }
}
