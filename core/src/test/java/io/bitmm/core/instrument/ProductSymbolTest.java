package io.bitmm.core.instrument;

import io.bitmm.core.TestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductSymbolTest
{
    @Test
    void shouldParseCategoryAndSymbol()
    {
        assertEquals(new ProductSymbol(InstrumentKind.SPOT, "BTCUSDT"), ProductSymbol.parse("SPOT:BTCUSDT"));
        assertEquals(new ProductSymbol(InstrumentKind.USDT_PERPETUAL, "BTCUSDT"), ProductSymbol.parse("USDT-FUTURES:BTCUSDT"));
        assertEquals(new ProductSymbol(InstrumentKind.USDT_PERPETUAL, "ETHUSDT"), ProductSymbol.parse(" usdt-futures:ethusdt "));
        assertEquals("USDT-FUTURES:BTCUSDT", ProductSymbol.parse("USDT-FUTURES:BTCUSDT").toString());
    }

    @Test
    void shouldReadABareSymbolAsSpot()
    {
        assertEquals(new ProductSymbol(InstrumentKind.SPOT, "BTCUSDT"), ProductSymbol.parse("BTCUSDT"));
    }

    @Test
    void shouldRefuseAnythingElseWithTheAcceptedForms()
    {
        for (final String bad : List.of("COIN-FUTURES:BTCUSD", "USDT-FUTURES:", ":BTCUSDT", "SPOT:BTC:USDT", "BTC-USDT",
            "", "MARGIN:BTCUSDT", "BTCUSDT_UMCBL"))
        {
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ProductSymbol.parse(bad));
            assertTrue(error.getMessage().contains("USDT-FUTURES:BTCUSDT"), error.getMessage());
        }
    }

    @Test
    void shouldLookUpTheSameSymbolByKind()
    {
        final Instrument spot = TestSupport.spotBtc();
        final Instrument perp = InstrumentFactory.futures(
            1, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
        final InstrumentTable table = TestSupport.table(spot, perp);
        final byte[] symbol = "BTCUSDT".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0, table.instrumentId(InstrumentKind.SPOT, symbol, 0, symbol.length));
        assertEquals(1, table.instrumentId(InstrumentKind.USDT_PERPETUAL, symbol, 0, symbol.length));
        assertEquals(perp, table.instrument(InstrumentKind.USDT_PERPETUAL, "BTCUSDT"));
        assertEquals("USDT-FUTURES:BTCUSDT", ProductSymbol.displayName(perp));
        assertEquals("BTCUSDT", ProductSymbol.displayName(spot));
    }
}
