package io.bitmm.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signed spot trading endpoints' shapes and effects, with a still market. */
@Timeout(60)
class RestTradingTest
{
    private static SimVenue venue;
    private static TestHttp http;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false));
        http = new TestHttp(venue.restUri(), venue.credentials());
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    private static String order(final String coid, final String side, final String price, final String size)
    {
        return "{\"side\":\"" + side + "\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"" + price + "\",\"size\":\"" + size
            + "\",\"clientOid\":\"" + coid + "\",\"symbol\":\"BTCUSDT\"}";
    }

    private static String ok(final HttpResponse<String> r)
    {
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("{\"code\":\"00000\",\"msg\":\"success\""), r.body());
        return r.body();
    }

    @Test
    void shouldBatchPlaceWithPartialFailureAndBatchCancel() throws Exception
    {
        final String body = "{\"symbol\":\"BTCUSDT\",\"batchMode\":\"single\",\"orderList\":[" + order("b1", "buy", "50000.00", "0.001000")
            + "," + order("b2", "buy", "50000.00", "0.000001") + "," + order("b3", "buy", "50000.001", "0.001000") + "]}";
        final String resp = ok(http.signedPost("/api/v2/spot/trade/batch-orders", body));
        assertTrue(resp.contains("\"clientOid\":\"b1\""), resp);
        assertTrue(resp.contains("\"errorCode\":\"45110\""), resp);
        assertTrue(resp.contains("\"errorCode\":\"41103\""), resp);
        final String id = venue.openOrders("BTCUSDT").stream().filter(o -> "b1".equals(o.clientOid())).findFirst().orElseThrow().orderId();
        final String cancel = ok(http.signedPost("/api/v2/spot/trade/batch-cancel-order",
            "{\"symbol\":\"BTCUSDT\",\"orderList\":[{\"orderId\":\"" + id + "\"},{\"orderId\":\"1\"}]}"));
        assertTrue(cancel.contains("\"successList\":[{\"orderId\":\"" + id + "\""), cancel);
        assertTrue(cancel.contains("\"errorCode\":\"43001\""), cancel);
        final String history = ok(http.signedGet("/api/v2/spot/trade/history-orders?symbol=BTCUSDT", System.currentTimeMillis()));
        assertTrue(history.contains("\"clientOid\":\"b1\"") && history.contains("\"status\":\"cancelled\""), history);
    }

    @Test
    void shouldCancelReplaceAndCancelSymbol() throws Exception
    {
        ok(http.signedPost("/api/v2/spot/trade/place-order", order("r1", "sell", "70000.00", "0.010000")));
        final String replaced = ok(http.signedPost("/api/v2/spot/trade/cancel-replace-order",
            "{\"symbol\":\"BTCUSDT\",\"clientOid\":\"r1\",\"price\":\"71000.00\",\"size\":\"0.020000\",\"newClientOid\":\"r2\"}"));
        assertTrue(replaced.contains("\"clientOid\":\"r2\",\"success\":\"success\""), replaced);
        final OpenOrder r2 = venue.openOrders("BTCUSDT").stream().filter(o -> "r2".equals(o.clientOid())).findFirst().orElseThrow();
        assertEquals("71000.00", r2.price());
        assertEquals("0.020000", r2.size());
        assertEquals(0, new BigDecimal("0.02").compareTo(venue.balance("BTC").frozen()));
        final String info = ok(http.signedGet("/api/v2/spot/trade/orderInfo?clientOid=r1", System.currentTimeMillis()));
        assertTrue(info.contains("\"status\":\"cancelled\""), info);
        ok(http.signedPost("/api/v2/spot/trade/cancel-symbol-order", "{\"symbol\":\"BTCUSDT\"}"));
        assertTrue(venue.openOrders("BTCUSDT").isEmpty());
        assertEquals(0, venue.balance("BTC").frozen().signum());
    }

    @Test
    void shouldReportFillsAssetsAndTradeRate() throws Exception
    {
        final String place = ok(http.signedPost("/api/v2/spot/trade/place-order", order("f1", "buy", "65000.00", "0.001000")));
        assertTrue(place.contains("\"clientOid\":\"f1\""));
        final String fills = ok(http.signedGet("/api/v2/spot/trade/fills?symbol=BTCUSDT", System.currentTimeMillis()));
        assertTrue(fills.contains("\"tradeScope\":\"taker\"") && fills.contains("\"feeCoin\":\"BTC\""), fills);
        final String unfilled = ok(http.signedGet("/api/v2/spot/trade/unfilled-orders?symbol=BTCUSDT", System.currentTimeMillis()));
        assertTrue(!unfilled.contains("\"clientOid\":\"f1\""), unfilled);
        final String assets = ok(http.signedGet("/api/v2/spot/account/assets?coin=BTC", System.currentTimeMillis()));
        assertTrue(assets.contains("\"coin\":\"BTC\""), assets);
        final String rate = ok(http.signedGet("/api/v2/common/trade-rate?businessType=spot&symbol=BTCUSDT", System.currentTimeMillis()));
        assertTrue(rate.contains("\"makerFeeRate\":\"0.0002\",\"takerFeeRate\":\"0.0006\""), rate);
    }

    @Test
    void shouldCheckReceiveWindowAndOpenOrderCap() throws Exception
    {
        final long now = System.currentTimeMillis();
        final String late = order("w1", "buy", "40000.00", "0.001000").replace("}", ",\"requestTime\":\"" + (now - 10_000)
            + "\",\"receiveWindow\":\"5000\"}");
        assertTrue(http.signedPost("/api/v2/spot/trade/place-order", late).body().contains("\"code\":\"40078\""));
        final String wide = order("w2", "buy", "40000.00", "0.001000").replace("}", ",\"requestTime\":\"" + now
            + "\",\"receiveWindow\":\"70000\"}");
        assertTrue(http.signedPost("/api/v2/spot/trade/place-order", wide).body().contains("\"code\":\"40079\""));
        final String fine = order("w3", "buy", "40000.00", "0.001000").replace("}", ",\"requestTime\":\"" + now
            + "\",\"receiveWindow\":\"5000\"}");
        ok(http.signedPost("/api/v2/spot/trade/place-order", fine));
        for (int i = venue.openOrders("ETHUSDT").size(); i < 200; i++)
        {
            ok(http.signedPost("/api/v2/spot/trade/place-order", "{\"symbol\":\"ETHUSDT\",\"side\":\"buy\",\"orderType\":\"limit\","
                + "\"force\":\"gtc\",\"price\":\"1000.00\",\"size\":\"0.0100\"}"));
        }
        final String over = http.signedPost("/api/v2/spot/trade/place-order", "{\"symbol\":\"ETHUSDT\",\"side\":\"buy\","
            + "\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"1000.00\",\"size\":\"0.0100\"}").body();
        assertTrue(over.contains("\"code\":\"43005\""), over);
        ok(http.signedPost("/api/v2/spot/trade/cancel-symbol-order", "{\"symbol\":\"ETHUSDT\"}"));
    }
}
