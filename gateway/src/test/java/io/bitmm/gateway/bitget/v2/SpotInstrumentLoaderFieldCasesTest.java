package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.order.HttpFixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instrument loader at start, field by field, for null, empty, missing and unknown values: a default Bitget
 * documents (or that means "no limit"), else a clear error at start naming the field; never a NumberFormatException
 * or a NullPointerException. Also the venue clock's {@code serverTime}. With credentials, so the fees come from
 * {@code trade-rate}, which here has none (null and empty): the symbol row's rates are the fallback.
 */
class SpotInstrumentLoaderFieldCasesTest
{
    private static final String ROW = "{\"symbol\":\"BTCUSDT\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USDT\"," +
        "\"takerFeeRate\":\"0.002\",\"makerFeeRate\":\"0.002\",\"pricePrecision\":\"2\",\"quantityPrecision\":\"6\"," +
        "\"status\":\"online\",\"minTradeUSDT\":\"1\",\"buyLimitPriceRatio\":\"0.05\",\"sellLimitPriceRatio\":\"0.05\"," +
        "\"orderQuantity\":\"200\"}";

    private final HttpFixtureServer server = new HttpFixtureServer(false, "bitget-test-secret-0001");

    @AfterEach
    void close()
    {
        server.close();
    }

    private static String envelope(final String data)
    {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":" + data + "}";
    }

    private static String mutate(final String object, final String field, final String kase)
    {
        final String key = "\"" + field + "\":\"";
        final int start = object.indexOf(key);
        final int end = object.indexOf('"', start + key.length()) + 1;
        final String before = object.substring(0, start);
        final String after = object.substring(end);
        switch (kase)
        {
            case "null":
                return before + "\"" + field + "\":null" + after;
            case "empty":
                return before + "\"" + field + "\":\"\"" + after;
            case "unknown":
                return before + "\"" + field + "\":\"zz_unknown\"" + after;
            default:
                return after.startsWith(",") ? before + after.substring(1) : before.substring(0, before.length() - 1) + after;
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "baseCoin, null, error", "baseCoin, empty, error", "baseCoin, missing, error", "baseCoin, unknown, ok",
        "quoteCoin, null, error", "quoteCoin, empty, error", "quoteCoin, missing, error", "quoteCoin, unknown, ok",
        "pricePrecision, null, error", "pricePrecision, empty, error", "pricePrecision, missing, error",
        "pricePrecision, unknown, error",
        "quantityPrecision, null, error", "quantityPrecision, empty, error", "quantityPrecision, missing, error",
        "quantityPrecision, unknown, error",
        "minTradeUSDT, null, default", "minTradeUSDT, empty, default", "minTradeUSDT, missing, default",
        "minTradeUSDT, unknown, error",
        "buyLimitPriceRatio, null, default", "buyLimitPriceRatio, empty, default", "buyLimitPriceRatio, missing, default",
        "buyLimitPriceRatio, unknown, error",
        "makerFeeRate, null, error", "makerFeeRate, empty, error", "makerFeeRate, missing, error",
        "makerFeeRate, unknown, error",
        "orderQuantity, null, default", "orderQuantity, empty, default", "orderQuantity, missing, default",
        "orderQuantity, unknown, error",
        "status, null, ok", "status, empty, error", "status, missing, ok", "status, unknown, error",
    })
    void shouldLoadWithADefaultOrRefuseNamingTheField(final String field, final String kase, final String expected)
    {
        final String row = mutate(ROW, field, kase);
        server.responder((path, body) ->
        {
            if (path.startsWith("/api/v2/spot/public/symbols"))
            {
                return new HttpFixtureServer.Answer(200, envelope("[" + row + "]"));
            }
            if (path.startsWith("/api/v2/common/trade-rate"))
            {
                return new HttpFixtureServer.Answer(200, envelope("{\"makerFeeRate\":null,\"takerFeeRate\":\"\"}"));
            }
            return new HttpFixtureServer.Answer(404, "{\"code\":\"40404\",\"msg\":\"not found\"}");
        });
        final GatewayContext context = new GatewayContext().restUri(server.uri())
            .credentials(new Credentials("key-1", "bitget-test-secret-0001", "pass-1"));
        if ("error".equals(expected))
        {
            final IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> SpotInstrumentLoader.load(context, List.of("BTCUSDT")));
            assertTrue(error.getMessage().contains(field) || error.getMessage().contains("zz_unknown") ||
                "status".equals(field), error.getMessage());
            return;
        }
        final Instrument btc = assertDoesLoad(context);
        if ("default".equals(expected))
        {
            switch (field)
            {
                case "orderQuantity":
                    assertEquals(SpotInstrumentLoader.DEFAULT_MAX_OPEN_ORDERS, btc.maxOpenOrders());
                    break;
                case "minTradeUSDT":
                    assertEquals(0, btc.minNotionalAmount(), "no minimum");
                    break;
                default:
                    assertEquals(0, btc.buyLimitPriceRatioPpm(), "no price band");
                    break;
            }
        }
    }

    @ParameterizedTest(name = "serverTime {0} -> error")
    @CsvSource({"null", "empty", "missing", "unknown"})
    void shouldRefuseAServerTimeItCannotRead(final String kase)
    {
        final java.util.Map<String, String> data = new java.util.HashMap<>();
        switch (kase)
        {
            case "null":
                data.put("serverTime", null);
                break;
            case "empty":
                data.put("serverTime", "");
                break;
            case "unknown":
                data.put("serverTime", "zz_unknown");
                break;
            default:
                break;
        }
        final IllegalStateException error = assertThrows(IllegalStateException.class, () -> SpotInstrumentLoader.serverTime(data));
        assertTrue(error.getMessage().contains("serverTime"), error.getMessage());
        assertEquals(1700000000000L, SpotInstrumentLoader.serverTime(java.util.Map.of("serverTime", "1700000000000")));
    }

    private static Instrument assertDoesLoad(final GatewayContext context)
    {
        try
        {
            return SpotInstrumentLoader.load(context, List.of("BTCUSDT")).instrument(0);
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
