package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A negative maker fee rate pays a rebate in the received coin, reported with Bitget's sign (positive: received) on
 * every channel: the {@code orders} and {@code fill} pushes, REST fills and orderInfo.
 */
@Timeout(60)
class MakerRebateTest
{
    private static SimVenue venue;
    private static TestHttp http;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)
            .makerFee("-0.0005").takerFee("0.0006"));
        http = new TestHttp(venue.restUri(), venue.credentials());
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    private static String order(final String coid, final String side, final String price, final String size)
    {
        return "{\"side\":\"" + side + "\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"" + price + "\",\"size\":\""
            + size + "\",\"clientOid\":\"" + coid + "\",\"symbol\":\"BTCUSDT\"}";
    }

    private static String await(final BlockingQueue<String> q, final List<String> seen, final Predicate<String> p)
        throws InterruptedException
    {
        for (final String s : seen)
        {
            if (p.test(s))
            {
                return s;
            }
        }
        final long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end)
        {
            final String s = q.poll(100, TimeUnit.MILLISECONDS);
            if (s != null)
            {
                seen.add(s);
                if (p.test(s))
                {
                    return s;
                }
            }
        }
        return null;
    }

    @Test
    void shouldReportMakerRebatePositiveOnEveryChannel() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        final BigDecimal btcBefore = venue.balance("BTC").available();
        try (WsClient c = WsClient.connect(venue.wsPrivateUri(), q::add))
        {
            c.send(WebSocketTest.login(venue.credentials(), System.currentTimeMillis() / 1000));
            assertNotNull(await(q, seen, s -> s.contains("\"event\":\"login\"")));
            c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"orders\",\"instId\":\"default\"},"
                + "{\"instType\":\"SPOT\",\"channel\":\"fill\",\"instId\":\"default\"}]}");
            assertNotNull(await(q, seen, s -> s.contains("\"event\":\"subscribe\"") && s.contains("\"fill\"")));
            final String price = insideSpread();
            ok(http.signedPost("/api/v2/spot/trade/place-order", order("rb-bid", "buy", price, "0.000400")));
            ok(http.signedPost("/api/v2/spot/trade/place-order", order("rb-hit", "sell", price, "0.000400")));

            final String orders = await(q, seen, s -> s.contains("\"channel\":\"orders\"") && s.contains("rb-bid")
                && s.contains("\"tradeScope\":\"M\""));
            assertNotNull(orders, "maker orders push in " + seen);
            assertTrue(orders.contains("\"fillFee\":\"0.0000002\"") && orders.contains("\"fillFeeCoin\":\"BTC\""), orders);
            final String fill = await(q, seen, s -> s.contains("\"channel\":\"fill\"") && s.contains("\"tradeScope\":\"maker\""));
            assertNotNull(fill, "maker fill push");
            assertTrue(fill.contains("\"deduction\":\"no\"") && fill.contains("\"totalFee\":\"0.0000002\""), fill);
            final String takerFill = await(q, seen, s -> s.contains("\"channel\":\"fill\"") && s.contains("\"tradeScope\":\"taker\""));
            assertNotNull(takerFill, "taker fill push");
            final BigDecimal takerFee = new BigDecimal(price).multiply(new BigDecimal("0.0004"))
                .multiply(new BigDecimal("0.0006")).setScale(6, java.math.RoundingMode.HALF_UP).negate().stripTrailingZeros();
            assertTrue(takerFill.contains("\"totalFee\":\"" + takerFee.toPlainString() + "\"")
                && takerFill.contains("\"feeCoin\":\"USDT\""), takerFill);
        }
        final String fills = ok(http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT", System.currentTimeMillis()));
        assertTrue(fills.contains("\"feeCoin\":\"BTC\",\"totalDeductionFee\":\"\",\"totalFee\":\"0.0000002\"}"), fills);
        final String info = ok(http.signedGet("/api/v2/spot/trade/orderInfo?clientOid=rb-bid", System.currentTimeMillis()));
        assertTrue(info.contains("\\\"totalFee\\\":0.0000002"), info);
        // bought 0.0004 and sold 0.0004 BTC: the net BTC change is the rebate received on the buy
        assertEquals(0, new BigDecimal("0.0000002").compareTo(venue.balance("BTC").available().subtract(btcBefore)),
            venue.balance("BTC").available().toPlainString());
    }

    @Test
    void shouldRefuseARebateLargerThanTheTakerFee()
    {
        assertThrows(IllegalArgumentException.class, () -> new SimContext().makerFee("-0.001").takerFee("0.0006").conclude());
        assertThrows(IllegalArgumentException.class, () -> new SimContext().takerFee("-0.0001").conclude());
    }

    /** A price one tick above the start-up book's best bid, below its best ask: our bid is then alone at the top. */
    private static String insideSpread() throws Exception
    {
        final String book = ok(http.get("/api/v2/spot/market/orderbook?symbol=BTCUSDT&limit=1"));
        final java.util.regex.Matcher m = java.util.regex.Pattern
            .compile("\"asks\":\\[\\[\"([0-9.]+)\".*\"bids\":\\[\\[\"([0-9.]+)\"").matcher(book);
        assertTrue(m.find(), book);
        final BigDecimal bid = new BigDecimal(m.group(2)).add(new BigDecimal("0.01"));
        assertTrue(bid.compareTo(new BigDecimal(m.group(1))) < 0, "spread of one tick: " + book);
        return bid.toPlainString();
    }

    private static String ok(final HttpResponse<String> r)
    {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"00000\""), r.body());
        return r.body();
    }
}
