package io.bitmm.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class RestApiTest
{
    private static SimVenue venue;
    private static TestHttp http;

    @BeforeAll
    static void start()
    {
        venue = SimVenue.start(new SimContext().accountMode("classic").port(0).seed(7).marketGenerator(false)
            .credentials(new Credentials("k1", "s1", "p1")));
        http = new TestHttp(venue.restUri(), venue.credentials());
    }

    @AfterAll
    static void stop()
    {
        venue.close();
    }

    private static void assertCode(final HttpResponse<String> resp, final int status, final String code)
    {
        assertEquals(status, resp.statusCode(), resp.body());
        assertTrue(resp.body().contains("\"code\":\"" + code + "\""), resp.body());
    }

    @Test
    void shouldServePublicEndpoints() throws Exception
    {
        assertCode(http.get("/api/v2/public/time"), 200, "00000");
        final HttpResponse<String> symbols = http.get("/api/v2/spot/public/symbols");
        assertTrue(symbols.body().contains("\"pricePrecision\":\"2\",\"quantityPrecision\":\"6\""), symbols.body());
        assertCode(http.get("/api/v2/spot/public/coins"), 200, "00000");
        final String contracts = http.get("/api/v2/mix/market/contracts?productType=USDT-FUTURES").body();
        assertTrue(contracts.contains("\"symbol\":\"BTCUSDT\"") && contracts.contains("\"pricePlace\":\"1\"")
            && contracts.contains("\"sizeMultiplier\":\"0.0001\"") && contracts.contains("\"minTradeUSDT\":\"5\""), contracts);
        assertTrue(http.get("/api/v2/mix/market/contracts?productType=COIN-FUTURES").body().contains("\"data\":[]"));
        assertTrue(http.get("/api/v2/margin/currencies").body().contains("\"data\":[]"));
        final HttpResponse<String> book = http.get("/api/v2/spot/market/orderbook?symbol=BTCUSDT&limit=5");
        assertTrue(book.body().contains("\"asks\":[[\""), book.body());
        assertTrue(http.get("/api/v2/spot/market/merge-depth?symbol=BTCUSDT&limit=5").body().contains("\"precision\":\"scale0\""));
        assertTrue(http.get("/api/v2/spot/market/tickers?symbol=ETHUSDT").body().contains("\"symbol\":\"ETHUSDT\""));
        assertCode(http.get("/api/v2/spot/market/fills?symbol=BTCUSDT"), 200, "00000");
        assertCode(http.get("/api/v2/spot/nope"), 404, "40404");
    }

    @Test
    void shouldRefuseBadCredentialsWithBitgetCodes() throws Exception
    {
        final long now = System.currentTimeMillis();
        final String path = "/api/v2/spot/account/assets";
        assertCode(http.signedGet(path, now), 200, "00000");
        assertCode(http.signedGet(path, now, "AAAA" + TestHttp.hmac("s1", now + "GET" + path)), 400, "40009");
        assertCode(http.signedGet(path, now - 31_000), 400, "40008");
        final TestHttp wrongPass = new TestHttp(venue.restUri(), new Credentials("k1", "s1", "nope"));
        assertCode(wrongPass.signedGet(path, now), 400, "40012");
        final TestHttp unknownKey = new TestHttp(venue.restUri(), new Credentials("other", "s1", "p1"));
        assertCode(unknownKey.signedGet(path, now), 400, "40006");
        assertCode(http.get(path), 400, "40001");
    }

    @Test
    void shouldAcceptPercentDecodedAndSortedQuery() throws Exception
    {
        final long now = System.currentTimeMillis();
        final String sorted = "/api/v2/spot/trade/unfilled-orders?limit=100&symbol=BTCUSDT";
        final String unsorted = "/api/v2/spot/trade/unfilled-orders?symbol=BTCUSDT&limit=100";
        assertCode(http.signedGet(unsorted, now, TestHttp.hmac("s1", now + "GET" + sorted)), 200, "00000");
        final String encoded = "/api/v2/spot/trade/orderInfo?clientOid=a%3Ab";
        assertCode(http.signedGet(encoded, now, TestHttp.hmac("s1", now + "GET/api/v2/spot/trade/orderInfo?clientOid=a:b")), 200,
            "00000");
    }

    @Test
    void shouldAcceptProtocolSignatureVectors() throws Exception
    {
        try (SimVenue v = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)
            .timestampWindowMs(Long.MAX_VALUE / 4)            .credentials(new Credentials("vk", "bitget-test-secret-0001", "vp"))))
        {
            final TestHttp h = new TestHttp(v.restUri(), v.credentials());
            final long ts = 1_700_000_000_000L;
            assertCode(h.signedGet("/api/v2/spot/account/assets", ts, "xafQ2eNLPlkeWKkzsbyYzZtAjE5vkkCM+cSRjFuSkfU="), 200, "00000");
            assertCode(h.signedGet("/api/v2/spot/trade/unfilled-orders?limit=100&symbol=BTCUSDT", ts,
                "tuEltQBH9aGyys5cd06/866sBAHjUoDk2ADO0oskHx8="), 200, "00000");
            assertCode(h.signedPost("/api/v2/spot/trade/place-order", SignerTest.VECTOR3_BODY, ts,
                "v49OQaqk0+v/sUasRcdf7R+DalUxo2Yg0qps7glS0Ew="), 200, "00000");
            final List<OpenOrder> open = v.openOrders("BTCUSDT");
            assertEquals(1, open.size());
            assertEquals("mm-1700000000000-1", open.get(0).clientOid());
            assertEquals("30000.01", open.get(0).price());
        }
    }

    @Test
    void shouldTradeAndReportThroughJavaApi() throws Exception
    {
        final String body = "{\"symbol\":\"ETHUSDT\",\"side\":\"sell\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"9000.00\","
            + "\"size\":\"1.5000\",\"clientOid\":\"rest-1\"}";
        assertCode(http.signedPost("/api/v2/spot/trade/place-order", body), 200, "00000");
        assertCode(http.signedPost("/api/v2/spot/trade/place-order", body), 400, "43118");
        assertEquals(0, venue.balance("ETH").frozen().compareTo(new java.math.BigDecimal("1.5")));
        assertTrue(venue.openOrders("ETHUSDT").stream().anyMatch(o -> "rest-1".equals(o.clientOid())));
        assertCode(http.signedPost("/api/v2/spot/trade/cancel-order", "{\"symbol\":\"ETHUSDT\",\"clientOid\":\"rest-1\"}"), 200, "00000");
        assertTrue(venue.openOrders("ETHUSDT").isEmpty());
        assertCode(http.signedPost("/api/v2/spot/trade/cancel-order", "{\"symbol\":\"ETHUSDT\",\"clientOid\":\"rest-1\"}"), 400, "43001");
        assertTrue(venue.requestCount("/api/v2/spot/trade/place-order") >= 2);
    }

    @Test
    void shouldInjectFaultsThroughControlEndpoint() throws Exception
    {
        assertCode(http.post("/sim/fault", "{\"fault\":\"http429\",\"count\":2}"), 200, "00000");
        assertCode(http.get("/api/v2/public/time"), 429, "429");
        assertCode(http.get("/api/v2/public/time"), 429, "429");
        assertCode(http.get("/api/v2/public/time"), 200, "00000");
        venue.faults().http5xx(1);
        assertEquals(500, http.get("/api/v2/public/time").statusCode());
        assertEquals(400, http.post("/sim/fault", "{\"fault\":\"nope\"}").statusCode());
        final String stats = http.get("/sim/stats").body();
        assertTrue(stats.contains("\"http429Sent\":2") && stats.contains("\"/api/v2/public/time\":"), stats);
    }
}
