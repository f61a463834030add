package io.bitmm.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classic v2 futures ("mix", USDT-FUTURES) REST endpoints against a classic account. */
@Timeout(60)
class MixRestTest
{
    private static final String PT = "\"productType\":\"USDT-FUTURES\"";
    private static SimVenue venue;
    private static TestHttp http;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)
            .futuresBalance("USDT", "5000"));
        http = new TestHttp(venue.restUri(), venue.credentials());
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    private static String ok(final HttpResponse<String> r)
    {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"code\":\"00000\",\"msg\":\"success\""), r.body());
        return r.body();
    }

    private static void fails(final HttpResponse<String> r, final String code)
    {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"code\":\"" + code + "\""), r.body());
    }

    private static HttpResponse<String> post(final String path, final String json) throws Exception
    {
        return http.signedPost("/api/v2/mix/" + path, json);
    }

    private static String place(final String extra)
    {
        return "{\"symbol\":\"BTCUSDT\"," + PT + ",\"marginMode\":\"crossed\",\"marginCoin\":\"USDT\",\"orderType\":\"limit\","
            + extra + "}";
    }

    @Test
    void shouldServeFuturesMarketData() throws Exception
    {
        final String contracts = ok(http.get("/api/v2/mix/market/contracts?productType=usdt-futures&symbol=ETHUSDT"));
        assertTrue(contracts.contains("\"symbol\":\"ETHUSDT\"") && contracts.contains("\"pricePlace\":\"2\"")
            && contracts.contains("\"volumePlace\":\"2\"") && contracts.contains("\"minTradeNum\":\"0.01\"")
            && contracts.contains("\"symbolType\":\"perpetual\"") && contracts.contains("\"supportMarginCoins\":[\"USDT\"]")
            && !contracts.contains("BTCUSDT"), contracts);
        final String depth = ok(http.get("/api/v2/mix/market/merge-depth?symbol=BTCUSDT&productType=USDT-FUTURES&limit=5"));
        assertTrue(depth.matches(".*\"asks\":\\[\\[\"\\d+\\.\\d\",\"\\d+\\.\\d{4}\"\\].*"), depth);
        final String ticker = ok(http.get("/api/v2/mix/market/ticker?symbol=BTCUSDT&productType=USDT-FUTURES"));
        assertTrue(ticker.contains("\"markPrice\"") && ticker.contains("\"indexPrice\"") && ticker.contains("\"fundingRate\":\"0.0001\""),
            ticker);
        assertTrue(ok(http.get("/api/v2/mix/market/tickers?productType=USDT-FUTURES")).contains("\"symbol\":\"ETHUSDT\""));
        fails(http.get("/api/v2/mix/market/merge-depth?symbol=NOPE&productType=USDT-FUTURES"), "40034");
        fails(http.get("/api/v2/mix/market/merge-depth?symbol=BTCUSDT"), "40019");
    }

    @Test
    void shouldTradeKeepPositionsAndRefuseWithBitgetCodes() throws Exception
    {
        ok(post("account/set-position-mode", "{" + PT + ",\"posMode\":\"one_way_mode\"}"));
        ok(post("account/set-leverage", "{\"symbol\":\"BTCUSDT\",\"leverage\":\"5\",\"marginCoin\":\"USDT\"," + PT + "}"));
        fails(post("account/set-leverage", "{\"symbol\":\"BTCUSDT\",\"leverage\":\"500\",\"marginCoin\":\"USDT\"," + PT + "}"), "40797");
        fails(post("order/place-order", place("\"size\":\"0.0100\",\"price\":\"59000.0\",\"side\":\"sell\",\"reduceOnly\":\"YES\"")),
            "22002");
        // 5x: 1 BTC at 59000 needs 11800 USDT of the 5000 in the futures account
        fails(post("order/place-order", place("\"size\":\"1.0000\",\"price\":\"59000.0\",\"side\":\"buy\",\"force\":\"GTC\"")), "40762");
        ok(post("order/place-order", place("\"size\":\"0.0100\",\"price\":\"61000.0\",\"side\":\"buy\",\"force\":\"GTC\","
            + "\"clientOid\":\"mix-open\"")));
        final SimPosition pos = venue.position("BTCUSDT", "long");
        assertNotNull(pos);
        assertEquals(0, new BigDecimal("0.01").compareTo(pos.size()));
        assertEquals(5, pos.leverage());
        final String all = ok(http.signedGet("/api/v2/mix/position/all-position?marginCoin=USDT&productType=USDT-FUTURES",
            System.currentTimeMillis()));
        assertTrue(all.contains("\"holdSide\":\"long\"") && all.contains("\"total\":\"0.0100\"") && all.contains("\"leverage\":\"5\"")
            && all.contains("\"posMode\":\"one_way_mode\""), all);
        assertTrue(ok(http.signedGet("/api/v2/mix/position/single-position?symbol=BTCUSDT&marginCoin=USDT&productType=USDT-FUTURES",
            System.currentTimeMillis())).contains("\"openPriceAvg\""));
        fails(post("order/place-order", place("\"size\":\"0.0200\",\"price\":\"70000.0\",\"side\":\"sell\",\"reduceOnly\":\"YES\"")),
            "40757");
        fails(post("order/place-order", place("\"size\":\"0.0100\",\"price\":\"50000.0\",\"side\":\"buy\",\"reduceOnly\":\"YES\"")),
            "22002");
        fails(post("account/set-position-mode", "{" + PT + ",\"posMode\":\"hedge_mode\"}"), "40920");
        final String accounts = ok(http.signedGet("/api/v2/mix/account/accounts?productType=USDT-FUTURES", System.currentTimeMillis()));
        assertTrue(accounts.contains("\"marginCoin\":\"USDT\"") && accounts.contains("\"accountEquity\"")
            && accounts.contains("\"maxTransferOut\""), accounts);
        assertEquals(0, new BigDecimal("1000000").compareTo(venue.balance("USDT").available()), "the spot account is separate");

        // resting reduce-only, modify (new clientOid), detail, pending, cancel
        ok(post("order/place-order", place("\"size\":\"0.0050\",\"price\":\"70000.0\",\"side\":\"sell\",\"reduceOnly\":\"YES\","
            + "\"force\":\"post_only\",\"clientOid\":\"mix-tp\"")));
        final String pending = ok(http.signedGet("/api/v2/mix/order/orders-pending?productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()));
        assertTrue(pending.contains("\"entrustedList\":[") && pending.contains("\"clientOid\":\"mix-tp\"")
            && pending.contains("\"reduceOnly\":\"YES\"") && pending.contains("\"posSide\":\"net\""), pending);
        final String modified = ok(post("order/modify-order", "{\"clientOid\":\"mix-tp\",\"symbol\":\"BTCUSDT\"," + PT
            + ",\"newSize\":\"0.0040\",\"newPrice\":\"71000.0\",\"newClientOid\":\"mix-tp2\"}"));
        assertTrue(modified.contains("\"clientOid\":\"mix-tp2\",\"orderId\":null"), modified);
        final String oldDetail = ok(http.signedGet("/api/v2/mix/order/detail?clientOid=mix-tp&productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()));
        assertTrue(oldDetail.contains("\"state\":\"canceled\""), oldDetail);
        final String newDetail = ok(http.signedGet("/api/v2/mix/order/detail?clientOid=mix-tp2&productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()));
        assertTrue(newDetail.contains("\"price\":\"71000.0\"") && newDetail.contains("\"size\":\"0.0040\"")
            && newDetail.contains("\"status\":\"live\""), newDetail);
        fails(http.signedGet("/api/v2/mix/order/detail?clientOid=nope&productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()), "40109");
        ok(post("order/cancel-order", "{\"symbol\":\"BTCUSDT\",\"clientOid\":\"mix-tp2\"," + PT + "}"));
        fails(post("order/cancel-order", "{\"symbol\":\"BTCUSDT\",\"clientOid\":\"mix-tp2\"," + PT + "}"), "40768");

        // batch place, batch cancel by symbol (ccxt's cancelAllOrders), cancel-all
        final String batch = ok(post("order/batch-place-order", "{\"symbol\":\"BTCUSDT\"," + PT + ",\"marginCoin\":\"USDT\","
            + "\"marginMode\":\"crossed\",\"orderList\":[{\"size\":\"0.0010\",\"price\":\"50000.0\",\"side\":\"buy\","
            + "\"orderType\":\"limit\",\"clientOid\":\"mb1\"},{\"size\":\"0.0010\",\"price\":\"50000.05\",\"side\":\"buy\","
            + "\"orderType\":\"limit\",\"clientOid\":\"mb2\"}]}"));
        assertTrue(batch.contains("\"clientOid\":\"mb1\"") && batch.contains("\"errorCode\":\"41103\""), batch);
        assertEquals(1, venue.openFuturesOrders("BTCUSDT").size());
        ok(post("order/batch-cancel-orders", "{\"symbol\":\"BTCUSDT\"," + PT + ",\"marginCoin\":\"USDT\"}"));
        assertTrue(venue.openFuturesOrders(null).isEmpty());
        ok(post("order/place-order", "{\"symbol\":\"ETHUSDT\"," + PT + ",\"marginMode\":\"crossed\",\"marginCoin\":\"USDT\","
            + "\"orderType\":\"limit\",\"size\":\"0.10\",\"price\":\"2000.00\",\"side\":\"buy\"}"));
        ok(post("order/cancel-all-orders", "{" + PT + ",\"marginCoin\":\"USDT\"}"));
        assertTrue(venue.openFuturesOrders(null).isEmpty());

        // close the position: realized PnL on the fill, the position leaves all-position
        ok(post("order/place-order", place("\"size\":\"0.0100\",\"price\":\"50000.0\",\"side\":\"sell\",\"reduceOnly\":\"YES\","
            + "\"clientOid\":\"mix-close\"")));
        assertEquals(0, venue.position("BTCUSDT", "long").size().signum());
        final String fills = ok(http.signedGet("/api/v2/mix/order/fills?productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()));
        assertTrue(fills.contains("\"fillList\":[") && fills.contains("\"tradeScope\":\"taker\"") && fills.contains("\"profit\":\"-"),
            fills);
        assertTrue(ok(http.signedGet("/api/v2/mix/position/all-position?productType=USDT-FUTURES", System.currentTimeMillis()))
            .contains("\"data\":[]"));
        final String history = ok(http.signedGet("/api/v2/mix/order/orders-history?productType=USDT-FUTURES&symbol=BTCUSDT",
            System.currentTimeMillis()));
        assertTrue(history.contains("\"clientOid\":\"mix-close\"") && history.contains("\"status\":\"filled\""), history);
    }

    @Test
    void shouldRefuseClassicFuturesPathsOnAUtaAccountBeforeTheSignature() throws Exception
    {
        try (SimVenue uta = SimVenue.start(new SimContext().port(0).marketGenerator(false)))
        {
            final TestHttp h = new TestHttp(uta.restUri(), uta.credentials());
            final HttpResponse<String> r = h.signedPost("/api/v2/mix/order/place-order", place("\"size\":\"0.0100\",\"price\":\"1.0\","
                + "\"side\":\"buy\""), System.currentTimeMillis(), "not-a-signature");
            fails(r, "40085");
            assertTrue(ok(h.get("/api/v2/mix/market/contracts?productType=USDT-FUTURES")).contains("BTCUSDT"), "public data works");
        }
    }

    @Test
    void shouldAnswerTheReplacementOrderIdWhenConfigured() throws Exception
    {
        try (SimVenue v = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)
            .modifyReplyNewOrderId(true)))
        {
            final TestHttp h = new TestHttp(v.restUri(), v.credentials());
            ok(h.signedPost("/api/v2/mix/order/place-order", place("\"size\":\"0.0100\",\"price\":\"50000.0\",\"side\":\"buy\","
                + "\"clientOid\":\"m1\"")));
            final String r = ok(h.signedPost("/api/v2/mix/order/modify-order", "{\"clientOid\":\"m1\",\"symbol\":\"BTCUSDT\"," + PT
                + ",\"newSize\":\"0.0200\",\"newPrice\":\"50001.0\",\"newClientOid\":\"m2\"}"));
            final String id = v.openFuturesOrders("BTCUSDT").get(0).orderId();
            assertTrue(r.contains("\"clientOid\":\"m2\",\"orderId\":\"" + id + "\""), r);
        }
    }

    @Test
    void shouldSettleFundingOnTheVenueTimer() throws Exception
    {
        try (SimVenue v = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)
            .fundingIntervalMs(1_000).fundingRate("0.001")))
        {
            final TestHttp h = new TestHttp(v.restUri(), v.credentials());
            ok(h.signedPost("/api/v2/mix/order/place-order", place("\"size\":\"0.0100\",\"price\":\"61000.0\",\"side\":\"buy\"")));
            final long end = System.currentTimeMillis() + 10_000;
            SimPosition p = v.position("BTCUSDT", "long");
            while (p.totalFunding().signum() == 0 && System.currentTimeMillis() < end)
            {
                Thread.sleep(50);
                p = v.position("BTCUSDT", "long");
            }
            assertTrue(p.totalFunding().signum() < 0, "a long pays a positive rate: " + p);
            final String all = ok(h.signedGet("/api/v2/mix/position/all-position?productType=USDT-FUTURES", System.currentTimeMillis()));
            assertTrue(all.contains("\"totalFee\":\"-"), all);
        }
    }
}
