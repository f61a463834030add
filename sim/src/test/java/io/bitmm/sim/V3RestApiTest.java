package io.bitmm.sim;

import io.bitmm.sim.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UTA v3 REST (protocol v3 §4-§6) against a still book: shapes, codes, in-place modify, batch items. */
@Timeout(60)
class V3RestApiTest
{
    private static SimVenue venue;
    private static V3Http v3;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false));
        v3 = new V3Http(venue);
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    @Test
    void shouldListInstrumentsPerCategory() throws Exception
    {
        final List<Map<String, Object>> spot = v3.get("/api/v3/market/instruments?category=SPOT").ok().dataList();
        assertEquals(2, spot.size());
        final Map<String, Object> btc = spot.get(0);
        assertEquals("BTCUSDT", btc.get("symbol"));
        assertEquals("SPOT", btc.get("category"));
        assertEquals("2", btc.get("pricePrecision"));
        assertEquals("6", btc.get("quantityPrecision"));
        assertEquals("1", btc.get("minOrderAmount"));
        assertEquals("online", btc.get("status"));
        assertEquals(1, v3.get("/api/v3/market/instruments?symbol=ETHUSDT&category=SPOT").ok().dataList().size());
        assertTrue(v3.get("/api/v3/market/instruments?category=COIN-FUTURES").ok().dataList().isEmpty(), "listed nowhere, but valid");
        final V3Http.Reply missing = v3.get("/api/v3/market/instruments");
        assertEquals(400, missing.status());
        assertEquals("400172", missing.code());
        assertEquals("25100", v3.get("/api/v3/market/instruments?category=SPOT&symbol=NOPEUSDT").code());
    }

    @Test
    void shouldServeTheBookWithNumberLevels() throws Exception
    {
        final Map<String, Object> book = v3.get("/api/v3/market/orderbook?category=SPOT&symbol=BTCUSDT").ok().dataObject();
        final List<?> asks = (List<?>)book.get("a");
        final List<?> bids = (List<?>)book.get("b");
        assertEquals(5, asks.size(), "default depth 5");
        assertEquals(5, bids.size());
        final List<?> bestAsk = (List<?>)asks.get(0);
        assertInstanceOf(Number.class, bestAsk.get(0), "REST levels are JSON numbers");
        assertInstanceOf(Number.class, bestAsk.get(1));
        assertTrue(((Number)bestAsk.get(0)).doubleValue() > ((Number)((List<?>)bids.get(0)).get(0)).doubleValue());
        assertNotNull(book.get("ts"));
        final Map<String, Object> deep = v3.get("/api/v3/market/orderbook?category=SPOT&symbol=BTCUSDT&limit=50").ok().dataObject();
        assertEquals(50, ((List<?>)deep.get("a")).size());
    }

    @Test
    void shouldServeTickers() throws Exception
    {
        final List<Map<String, Object>> all = v3.get("/api/v3/market/tickers?category=SPOT").ok().dataList();
        assertEquals(2, all.size());
        final Map<String, Object> t = v3.get("/api/v3/market/tickers?category=SPOT&symbol=BTCUSDT").ok().dataList().get(0);
        assertEquals("SPOT", t.get("category"));
        assertEquals("BTCUSDT", t.get("symbol"));
        for (final String k : List.of("lastPrice", "openPrice24h", "highPrice24h", "lowPrice24h", "ask1Price", "bid1Price", "bid1Size",
            "ask1Size", "price24hPcnt", "volume24h", "turnover24h", "ts"))
        {
            assertInstanceOf(String.class, t.get(k), k);
        }
        assertTrue(Double.parseDouble((String)t.get("ask1Price")) > Double.parseDouble((String)t.get("bid1Price")));
    }

    @Test
    void shouldPlaceQueryAndCancel() throws Exception
    {
        final Map<String, Object> ack = v3.place("BTCUSDT", "buy", "50000.5", "0.0010", "post_only", "v3-pqc-1").ok().dataObject();
        final String id = (String)ack.get("orderId");
        assertEquals("v3-pqc-1", ack.get("clientOid"));
        final Map<String, Object> o = v3.order(id);
        assertEquals("live", o.get("orderStatus"));
        assertEquals("SPOT", o.get("category"));
        assertEquals("50000.50", o.get("price"));
        assertEquals("0.001000", o.get("qty"));
        assertEquals("post_only", o.get("timeInForce"));
        assertEquals("NO", o.get("reduceOnly"));
        assertEquals("0", o.get("cumExecQty"));
        final Map<String, Object> byCoid = v3.signedGet("/api/v3/trade/order-info?clientOid=v3-pqc-1").ok().dataObject();
        assertEquals(id, byCoid.get("orderId"));
        final V3Http.Reply open = v3.signedGet("/api/v3/trade/unfilled-orders?category=SPOT&symbol=BTCUSDT").ok();
        assertTrue(open.list().stream().anyMatch(x -> id.equals(x.get("orderId"))));
        assertNotNull(open.dataObject().get("cursor"));
        final Map<String, Object> cancelled = v3.post("/api/v3/trade/cancel-order", "{\"symbol\":\"BTCUSDT\",\"orderId\":\"" + id + "\"}")
            .ok().dataObject();
        assertEquals(id, cancelled.get("orderId"));
        final Map<String, Object> after = v3.order(id);
        assertEquals("cancelled", after.get("orderStatus"));
        assertEquals("normal_cancel", after.get("cancelReason"));
        assertTrue(v3.signedGet("/api/v3/trade/history-orders?category=SPOT").ok().list().stream()
            .anyMatch(x -> id.equals(x.get("orderId"))));
        assertEquals("25204", v3.post("/api/v3/trade/cancel-order", "{\"orderId\":\"" + id + "\"}").code());
        assertEquals("400172", v3.signedGet("/api/v3/trade/history-orders").code(), "history needs a category");
        assertEquals("25204", v3.signedGet("/api/v3/trade/order-info?orderId=1").code());
    }

    @Test
    void shouldRefusePlacementsWithV3Codes() throws Exception
    {
        assertEquals("25100", v3.place("NOPEUSDT", "buy", "1", "1", "gtc", null).code());
        assertEquals("25244", v3.place("BTCUSDT", "buy", "50000.001", "0.001", "gtc", null).code());
        assertEquals("25610", v3.place("BTCUSDT", "buy", "50000", "0.0000001", "gtc", null).code());
        assertEquals("25611", v3.place("BTCUSDT", "buy", "50000", "0.000001", "gtc", null).code());
        assertEquals("25202", v3.place("BTCUSDT", "buy", "50000", "1000", "gtc", null).code());
        assertEquals("25200", v3.place("BTCUSDT", "buy", "50000", "0.001", "gtc", "has space").code());
        assertEquals("25200", v3.place("BTCUSDT", "buy", "50000", "0.001", "gtc", "x".repeat(33)).code());
        assertEquals("400172", v3.post("/api/v3/trade/place-order", "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\","
            + "\"price\":\"50000\",\"qty\":\"0.001\"}").code());
        v3.place("BTCUSDT", "buy", "50000", "0.001", "gtc", "v3-dup").ok();
        final V3Http.Reply dup = v3.place("BTCUSDT", "buy", "50000", "0.001", "gtc", "v3-dup");
        assertEquals(400, dup.status());
        assertEquals("25212", dup.code());
    }

    @Test
    void shouldModifyInPlaceKeepingTheOrderId() throws Exception
    {
        final String id = (String)v3.place("BTCUSDT", "buy", "50000", "0.002", "post_only", "v3-mod-1").ok().dataObject().get("orderId");
        final Map<String, Object> ack = v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + id + "\",\"qty\":\"0.003\","
            + "\"price\":\"50001.5\"}").ok().dataObject();
        assertEquals(id, ack.get("orderId"), "in place: same orderId");
        assertEquals("v3-mod-1", ack.get("clientOid"));
        final Map<String, Object> o = v3.order(id);
        assertEquals("50001.50", o.get("price"));
        assertEquals("0.003000", o.get("qty"));
        assertEquals("live", o.get("orderStatus"));
        final Map<String, Object> byCoid = v3.post("/api/v3/trade/modify-order", "{\"clientOid\":\"v3-mod-1\",\"qty\":\"0.001\","
            + "\"symbol\":\"BTCUSDT\",\"category\":\"SPOT\"}").ok().dataObject();
        assertEquals(id, byCoid.get("orderId"));
        assertEquals("0.001000", v3.order(id).get("qty"));
        assertEquals("25571", v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + id + "\",\"qty\":\"0.001\"}").code());
        assertEquals("25204", v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"1\",\"qty\":\"0.001\"}").code());
        assertEquals("25200", v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + id + "\"}").code());
        final V3Http.Reply crossing = v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + id + "\",\"price\":\"90000\"}").ok();
        assertEquals(id, crossing.dataObject().get("orderId"));
        final Map<String, Object> after = v3.order(id);
        assertEquals("cancelled", after.get("orderStatus"), "post-only amended to a crossing price is cancelled (default option)");
        assertEquals("post_only_fill_cancel", after.get("cancelReason"));
    }

    @Test
    void shouldReportPostOnlyCrossAndFills() throws Exception
    {
        final String po = (String)v3.place("ETHUSDT", "buy", "9000", "0.0100", "post_only", null).ok().dataObject().get("orderId");
        final Map<String, Object> poOrder = v3.order(po);
        assertEquals("cancelled", poOrder.get("orderStatus"));
        assertEquals("post_only_fill_cancel", poOrder.get("cancelReason"));
        final String taker = (String)v3.place("ETHUSDT", "buy", "9000", "0.0100", "gtc", "v3-taker").ok().dataObject().get("orderId");
        final Map<String, Object> filled = v3.order(taker);
        assertEquals("filled", filled.get("orderStatus"));
        assertEquals("0.0100", filled.get("cumExecQty"));
        assertNotEquals("0", filled.get("avgPrice"));
        final List<?> fee = (List<?>)filled.get("feeDetail");
        assertEquals("ETH", ((Map<?, ?>)fee.get(0)).get("feeCoin"));
        assertTrue(Double.parseDouble((String)((Map<?, ?>)fee.get(0)).get("fee")) > 0, "fees positive as in the v3 docs (default)");
        final V3Http.Reply fills = v3.signedGet("/api/v3/trade/fills?category=SPOT&orderId=" + taker).ok();
        final Map<String, Object> fill = fills.list().get(0);
        assertEquals(taker, fill.get("orderId"));
        assertEquals("taker", fill.get("tradeScope"));
        assertEquals("SPOT", fill.get("category"));
        for (final String k : List.of("execId", "execLinkId", "execPrice", "execQty", "execValue", "execPnl", "createdTime"))
        {
            assertNotNull(fill.get(k), k);
        }
        final V3Http.Reply none = v3.signedGet("/api/v3/trade/fills?orderId=1").ok();
        assertNull(none.list(), "an empty fills query answers list:null (observed live)");
        final List<Map<String, Object>> trades = v3.get("/api/v3/market/fills?category=SPOT&symbol=ETHUSDT&limit=5").ok()
            .dataList();
        assertFalse(trades.isEmpty());
        assertEquals("buy", trades.get(0).get("side"), "taker side");
        for (final String k : List.of("execId", "execLinkId", "price", "size", "ts"))
        {
            assertNotNull(trades.get(0).get(k), k);
        }
    }

    @Test
    void shouldBatchWithPerItemResults() throws Exception
    {
        final List<Map<String, Object>> placed = v3.post("/api/v3/trade/place-batch", "[{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\","
            + "\"side\":\"buy\",\"orderType\":\"limit\",\"price\":\"40000\",\"qty\":\"0.001\",\"clientOid\":\"v3-b1\"},"
            + "{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"price\":\"40000\","
            + "\"qty\":\"0.001\",\"clientOid\":\"v3-b1\"}]").ok().dataList();
        assertEquals(2, placed.size());
        final String id = (String)placed.get(0).get("orderId");
        assertNull(placed.get(0).get("code"));
        assertEquals("25212", placed.get(1).get("code"));
        assertEquals("", placed.get(1).get("orderId"));
        assertEquals("v3-b1", placed.get(1).get("clientOid"));
        assertEquals("400172", v3.post("/api/v3/trade/place-batch", "[{\"category\":\"SPOT\"},{\"category\":\"USDT-FUTURES\"}]").code(),
            "one category per batch");
        final List<Map<String, Object>> cancelled = v3.post("/api/v3/trade/cancel-batch", "[{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\","
            + "\"orderId\":\"" + id + "\"},{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"orderId\":\"42\"}]").ok().dataList();
        assertEquals(id, cancelled.get(0).get("orderId"));
        assertNull(cancelled.get(0).get("code"));
        assertEquals("25204", cancelled.get(1).get("code"));
        assertEquals("cancelled", v3.order(id).get("orderStatus"));
    }

    @Test
    void shouldCancelEverySymbolOrder() throws Exception
    {
        for (int i = 0; i < 3; i++)
        {
            v3.place("ETHUSDT", "sell", "5000" + i, "0.0100", "gtc", null).ok();
        }
        final List<Map<String, Object>> list = v3.post("/api/v3/trade/cancel-symbol-order",
            "{\"category\":\"SPOT\",\"symbol\":\"ETHUSDT\"}").ok().list();
        assertTrue(list.size() >= 3);
        assertTrue(v3.signedGet("/api/v3/trade/unfilled-orders?category=SPOT&symbol=ETHUSDT").ok().list().isEmpty());
    }

    @Test
    void shouldAnswerAccountEndpoints() throws Exception
    {
        final Map<String, Object> settings = v3.signedGet("/api/v3/account/settings").ok().dataObject();
        assertEquals("unified", settings.get("accountMode"));
        assertEquals("one_way_mode", settings.get("holdMode"));
        final Map<String, Object> assets = v3.signedGet("/api/v3/account/assets").ok().dataObject();
        assertTrue(Double.parseDouble((String)assets.get("accountEquity")) > 1_000_000);
        @SuppressWarnings("unchecked")
        final List<Map<String, Object>> coins = (List<Map<String, Object>>)assets.get("assets");
        final Map<String, Object> usdt = coins.stream().filter(c -> "USDT".equals(c.get("coin"))).findFirst().orElseThrow();
        for (final String k : List.of("equity", "usdValue", "balance", "available", "debt", "locked"))
        {
            assertNotNull(usdt.get(k), k);
        }
        final Map<String, Object> fee = v3.signedGet("/api/v3/account/fee-rate?category=SPOT&symbol=BTCUSDT").ok().dataObject();
        assertEquals("0.0002", fee.get("makerFeeRate"));
        assertEquals("0.0006", fee.get("takerFeeRate"));
        assertEquals("400172", v3.signedGet("/api/v3/account/fee-rate?symbol=BTCUSDT").code());
        assertEquals("success", v3.post("/api/v3/account/set-hold-mode", "{\"holdMode\":\"one_way_mode\"}").ok().data());
        assertEquals("25200", v3.post("/api/v3/account/set-hold-mode", "{\"holdMode\":\"both\"}").code());
        assertEquals("25240", v3.post("/api/v3/account/set-leverage", "{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"leverage\":\"5\"}")
            .code());
        final V3Http.Reply positions = v3.signedGet("/api/v3/position/current-position?category=USDT-FUTURES").ok();
        assertTrue(positions.dataObject().containsKey("list"));
    }

    @Test
    void shouldCheckSignaturesAndPaths() throws Exception
    {
        final V3Http.Reply unsigned = v3.get("/api/v3/account/assets");
        assertEquals(400, unsigned.status());
        assertEquals("40001", unsigned.code());
        final V3Http.Reply badSign = new V3Http.Reply(0, Json.parseObject(v3.http.signedGet("/api/v3/account/assets",
            System.currentTimeMillis(), "AAAA").body()), "");
        assertEquals("40009", badSign.code());
        final V3Http.Reply unknown = v3.signedGet("/api/v3/mix/order/place-order");
        assertEquals(404, unknown.status());
        assertEquals("40404", unknown.code());
        assertEquals("40404", v3.get("/api/v3/public/time").code(), "undocumented (option publicTime)");
    }
}
