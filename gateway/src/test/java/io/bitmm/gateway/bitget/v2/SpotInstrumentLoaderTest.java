package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.order.HttpFixtureServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotInstrumentLoaderTest
{
    private static final String SYMBOLS = "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1744276707885,\"data\":[" +
        "{\"symbol\":\"BTCUSDT\",\"baseCoin\":\"BTC\",\"quoteCoin\":\"USDT\",\"minTradeAmount\":\"0\"," +
        "\"maxTradeAmount\":\"900000000000000000000\",\"takerFeeRate\":\"0.002\",\"makerFeeRate\":\"0.002\"," +
        "\"pricePrecision\":\"2\",\"quantityPrecision\":\"6\",\"quotePrecision\":\"8\",\"status\":\"online\"," +
        "\"minTradeUSDT\":\"1\",\"buyLimitPriceRatio\":\"0.05\",\"sellLimitPriceRatio\":\"0.05\",\"areaSymbol\":\"no\"," +
        "\"orderQuantity\":\"200\",\"openTime\":\"1532454360000\",\"offTime\":\"\"}," +
        "{\"symbol\":\"ETHUSDT\",\"baseCoin\":\"ETH\",\"quoteCoin\":\"USDT\",\"takerFeeRate\":\"0.002\",\"makerFeeRate\":\"0.002\"," +
        "\"pricePrecision\":\"2\",\"quantityPrecision\":\"4\",\"status\":\"online\",\"minTradeUSDT\":\"5\"," +
        "\"buyLimitPriceRatio\":\"0.05\",\"sellLimitPriceRatio\":\"0.05\",\"orderQuantity\":\"100\"}," +
        "{\"symbol\":\"OLDUSDT\",\"baseCoin\":\"OLD\",\"quoteCoin\":\"USDT\",\"pricePrecision\":\"2\",\"quantityPrecision\":\"4\"," +
        "\"status\":\"offline\"}]}";

    private final HttpFixtureServer server = new HttpFixtureServer(false, "bitget-test-secret-0001");

    @AfterEach
    void close()
    {
        server.close();
    }

    private void script()
    {
        server.responder((path, body) ->
        {
            if (path.startsWith("/api/v2/spot/public/symbols"))
            {
                return new HttpFixtureServer.Answer(200, SYMBOLS);
            }
            if (path.equals("/api/v2/common/trade-rate?businessType=spot&symbol=BTCUSDT"))
            {
                return new HttpFixtureServer.Answer(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1," +
                    "\"data\":{\"makerFeeRate\":\"0.001\",\"takerFeeRate\":\"0.0015\"}}");
            }
            return new HttpFixtureServer.Answer(404, "{\"code\":\"40404\",\"msg\":\"not found\"}");
        });
    }

    @Test
    void shouldBuildSpotInstrumentsFromSymbolDefaults() throws Exception
    {
        script();
        final InstrumentTable table = SpotInstrumentLoader.load(new GatewayContext().restUri(server.uri()),
            List.of("ETHUSDT", "BTCUSDT"));
        assertEquals(2, table.instrumentCount());
        final Instrument eth = table.instrument(0);
        assertEquals("ETHUSDT", eth.symbol());
        assertEquals(2, eth.priceScale());
        assertEquals(4, eth.sizeScale());
        assertEquals(1, eth.tickUnits());
        assertEquals(500_000_000L, eth.minNotionalAmount());
        assertEquals(50_000, eth.buyLimitPriceRatioPpm());
        assertEquals(2000, eth.makerFeePpm());
        assertEquals(100, eth.maxOpenOrders());
        assertEquals(List.of("ETH", "USDT", "BTC"), List.of(table.assetName(0), table.assetName(1), table.assetName(2)));
        assertEquals(2, table.instrument(1).baseAssetId());
        assertEquals(6, table.instrument(1).sizeScale());
    }

    @Test
    void shouldReadAccountFeesWhenCredentialsAreGiven() throws Exception
    {
        script();
        final InstrumentTable table = SpotInstrumentLoader.load(new GatewayContext().restUri(server.uri())
            .credentials(new Credentials("key-1", "bitget-test-secret-0001", "pass-1")), List.of("BTCUSDT"));
        assertEquals(1000, table.instrument(0).makerFeePpm());
        assertEquals(1500, table.instrument(0).takerFeePpm());
        assertTrue(server.seen("/api/v2/common/trade-rate").get(0).signatureValid);
    }

    @Test
    void shouldRefuseUnknownAndOfflineSymbols()
    {
        script();
        final GatewayContext context = new GatewayContext().restUri(server.uri());
        final IllegalStateException unknown = assertThrows(IllegalStateException.class,
            () -> SpotInstrumentLoader.load(context, List.of("BTCUSDT", "NOPEUSDT")));
        assertTrue(unknown.getMessage().contains("NOPEUSDT"), unknown.getMessage());
        final IllegalStateException offline = assertThrows(IllegalStateException.class,
            () -> SpotInstrumentLoader.load(context, List.of("OLDUSDT")));
        assertTrue(offline.getMessage().contains("offline"), offline.getMessage());
    }
}
