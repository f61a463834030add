package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** v3 with {@code category=USDT-FUTURES}: contract shape, leverage, one-way and hedge intent, reduce-only, positions, funding. */
@Timeout(90)
class V3FuturesTest
{
    private static String order(final String side, final String price, final String qty, final String extra)
    {
        return "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"side\":\"" + side + "\",\"orderType\":\"limit\","
            + "\"price\":\"" + price + "\",\"qty\":\"" + qty + "\",\"timeInForce\":\"gtc\"" + extra + "}";
    }

    private static List<Map<String, Object>> positions(final V3Http v3) throws Exception
    {
        return v3.signedGet("/api/v3/position/current-position?category=USDT-FUTURES").ok().list();
    }

    @Test
    void shouldListPerpetualsAndTheirTickers() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false)))
        {
            final V3Http v3 = new V3Http(venue);
            final List<Map<String, Object>> list = v3.get("/api/v3/market/instruments?category=USDT-FUTURES").ok().dataList();
            final Map<String, Object> btc = list.stream().filter(i -> "BTCUSDT".equals(i.get("symbol"))).findFirst().orElseThrow();
            assertEquals("USDT-FUTURES", btc.get("category"));
            assertEquals("perpetual", btc.get("type"));
            assertEquals("0.1", btc.get("priceMultiplier"));
            assertEquals("0.0001", btc.get("quantityMultiplier"));
            assertEquals("0.0001", btc.get("minOrderQty"));
            assertEquals("5", btc.get("minOrderAmount"));
            assertNotNull(btc.get("maxLeverage"));
            final Map<String, Object> t = v3.get("/api/v3/market/tickers?category=USDT-FUTURES&symbol=BTCUSDT").ok().dataList().get(0);
            for (final String k : List.of("markPrice", "indexPrice", "fundingRate", "openInterest", "lastPrice", "bid1Price"))
            {
                assertNotNull(t.get(k), k);
            }
            final Map<String, Object> book = v3.get("/api/v3/market/orderbook?category=USDT-FUTURES&symbol=BTCUSDT").ok().dataObject();
            assertEquals(5, ((List<?>)book.get("a")).size());
        }
    }

    @Test
    void shouldTradeOneWayWithReduceOnlyAndShowThePosition() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            assertEquals("success", v3.post("/api/v3/account/set-leverage", "{\"symbol\":\"BTCUSDT\",\"leverage\":\"5\",\"coin\":\"USDT\","
                + "\"category\":\"USDT-FUTURES\"}").ok().data());
            assertEquals("25223", v3.post("/api/v3/account/set-leverage", "{\"symbol\":\"BTCUSDT\",\"leverage\":\"5000\","
                + "\"category\":\"USDT-FUTURES\"}").code());
            @SuppressWarnings("unchecked")
            final List<Map<String, Object>> configs = (List<Map<String, Object>>)v3.signedGet("/api/v3/account/settings").ok().dataObject()
                .get("symbolConfigList");
            assertTrue(configs.stream().anyMatch(c -> "BTCUSDT".equals(c.get("symbol")) && "5".equals(c.get("leverage"))));
            assertEquals("25227", v3.post("/api/v3/trade/place-order", order("sell", "50000", "0.0100", ",\"reduceOnly\":\"yes\"")).code(),
                "reduce-only from flat");
            final String open = (String)v3.post("/api/v3/trade/place-order", order("buy", "70000", "0.0100", "")).ok().dataObject()
                .get("orderId");
            final Map<String, Object> o = v3.order(open);
            assertEquals("filled", o.get("orderStatus"));
            assertEquals("USDT-FUTURES", o.get("category"));
            assertEquals("long", o.get("posSide"));
            assertEquals("NO", o.get("reduceOnly"));
            assertEquals("one_way_mode", o.get("holdMode"));
            final Map<String, Object> pos = positions(v3).get(0);
            assertEquals("long", pos.get("posSide"));
            assertEquals("0.0100", pos.get("total"));
            assertEquals("5", pos.get("leverage"));
            for (final String k : List.of("avgPrice", "markPrice", "unrealisedPnl", "positionBalance", "liquidationPrice", "createdTime"))
            {
                assertNotNull(pos.get(k), k);
            }
            assertEquals("25232", v3.post("/api/v3/trade/place-order", order("buy", "50000", "0.0100", ",\"reduceOnly\":\"yes\"")).code(),
                "reduce-only that would grow the position");
            assertEquals("25231", v3.post("/api/v3/trade/place-order", order("sell", "50000", "0.0200", ",\"reduceOnly\":\"YES\"")).code());
            assertEquals("25203", v3.post("/api/v3/trade/place-order", order("buy", "50000", "900.0000", "")).code(), "margin");
            final String close = (String)v3.post("/api/v3/trade/place-order", order("sell", "50000", "0.0100", ",\"reduceOnly\":\"yes\""))
                .ok().dataObject().get("orderId");
            final Map<String, Object> closed = v3.order(close);
            assertEquals("filled", closed.get("orderStatus"));
            assertEquals("YES", closed.get("reduceOnly"));
            assertNull(positions(v3), "flat: list null");
            final Map<String, Object> fill = v3.signedGet("/api/v3/trade/fills?category=USDT-FUTURES&orderId=" + close).ok().list().get(0);
            assertEquals("close", fill.get("tradeSide"));
            assertNotEquals("0", fill.get("execPnl"), "a close realises PnL");
            assertEquals("USDT", ((Map<?, ?>)((List<?>)fill.get("feeDetail")).get(0)).get("feeCoin"));
        }
    }

    @Test
    void shouldTradeHedgeModeWithPosSide() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            v3.post("/api/v3/account/set-hold-mode", "{\"holdMode\":\"hedge_mode\"}").ok();
            assertEquals("hedge_mode", v3.signedGet("/api/v3/account/settings").ok().dataObject().get("holdMode"));
            v3.post("/api/v3/trade/place-order", order("buy", "70000", "0.0100", ",\"posSide\":\"long\"")).ok();
            v3.post("/api/v3/trade/place-order", order("sell", "50000", "0.0200", ",\"posSide\":\"short\"")).ok();
            assertEquals(2, positions(v3).size(), "hedge: a long and a short");
            assertEquals("25010", v3.post("/api/v3/account/set-hold-mode", "{\"holdMode\":\"one_way_mode\"}").code(), "positions open");
            final String closeLong = (String)v3.post("/api/v3/trade/place-order", order("sell", "50000", "0.0100", ",\"posSide\":\"long\""))
                .ok().dataObject().get("orderId");
            assertEquals("close", v3.order(closeLong).get("tradeSide"));
            final List<Map<String, Object>> left = positions(v3);
            assertEquals(1, left.size());
            assertEquals("short", left.get(0).get("posSide"));
        }
    }

    @Test
    void shouldModifyFuturesOrdersInPlaceAndPushPositionsAndFunding() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3Http v3 = new V3Http(venue);
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                ws.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"position\"},"
                    + "{\"instType\":\"UTA\",\"topic\":\"order\"}]}");
                assertNotNull(in.await(s -> s.contains("\"topic\":\"position\"") && s.contains("\"action\"")));
                final String id = (String)v3.post("/api/v3/trade/place-order", order("buy", "50000", "0.0100", "")).ok().dataObject()
                    .get("orderId");
                final String usdtBefore = venue.futuresBalance("USDT").frozen().toPlainString();
                assertEquals(id, v3.post("/api/v3/trade/modify-order", "{\"orderId\":\"" + id + "\",\"qty\":\"0.0200\"}").ok().dataObject()
                    .get("orderId"));
                assertNotEquals(usdtBefore, venue.futuresBalance("USDT").frozen().toPlainString(), "margin re-reserved");
                final Map<String, Object> pushed = V3WebSocketTest.data0(in.await(s -> s.contains("\"topic\":\"order\"")
                    && s.contains(id) && s.contains("\"qty\":\"0.0200\"")));
                assertEquals("long", pushed.get("holdSide"));
                assertEquals("usdt-futures", pushed.get("category"));
                v3.post("/api/v3/trade/place-order", order("buy", "70000", "0.0100", "")).ok();
                final Map<String, Object> p = V3WebSocketTest.data0(in.await(s -> s.contains("\"topic\":\"position\"")
                    && s.contains("\"size\":\"0.0100\"")));
                assertEquals("long", p.get("posSide"));
                assertEquals("opening", p.get("positionStatus"));
                venue.onVenue(v -> v.exchange().settleFundingNow());
                final Map<String, Object> funded = V3WebSocketTest.data0(in.await(s -> s.contains("\"topic\":\"position\"")
                    && s.contains("\"totalFundingFee\"") && !s.contains("\"totalFundingFee\":\"0\"")));
                assertNotEquals("0", funded.get("totalFundingFee"), "funding settled on the position");
                assertNotEquals("0", positions(v3).get(0).get("totalFunding"));
            }
        }
    }

    @Test
    void shouldTradeFuturesOverTheSocket() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).rateLimits(false)))
        {
            final V3WebSocketTest.Inbox in = new V3WebSocketTest.Inbox();
            try (WsClient ws = WsClient.connect(venue.wsPrivateV3Uri(), in.queue::add))
            {
                ws.send(V3WebSocketTest.login(venue.credentials()));
                assertNotNull(in.await(s -> s.contains("\"event\":\"login\"")));
                ws.send("{\"op\":\"trade\",\"id\":\"f1\",\"category\":\"usdt-futures\",\"topic\":\"place-order\",\"args\":[{"
                    + "\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.0100\",\"price\":\"70000\"}]}");
                assertNotNull(in.await(s -> s.contains("\"id\":\"f1\"") && s.contains("\"code\":\"0\"")));
                ws.send("{\"op\":\"trade\",\"id\":\"f2\",\"category\":\"usdt-futures\",\"topic\":\"place-order\",\"args\":[{"
                    + "\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"qty\":\"0.0100\",\"price\":\"50000\","
                    + "\"reduceOnly\":\"YES\"}]}");
                assertNotNull(in.await(s -> s.contains("\"id\":\"f2\"") && s.contains("\"code\":\"25232\"")));
                final SimPosition p = venue.position("BTCUSDT", "long");
                assertNotNull(p);
                assertEquals(0, new java.math.BigDecimal("0.01").compareTo(p.size()));
            }
        }
    }

    @Test
    void shouldRefuseV3PrivatePathsOnAClassicAccount() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).accountMode("classic")))
        {
            final V3Http v3 = new V3Http(venue);
            final V3Http.Reply r = v3.signedGet("/api/v3/account/settings");
            assertEquals(400, r.status());
            assertEquals("40084", r.code());
            v3.http.secret = "wrong";
            assertEquals("40084", v3.signedGet("/api/v3/account/assets").code(), "before the signature is checked");
            v3.get("/api/v3/market/tickers?category=SPOT").ok();
        }
    }
}
