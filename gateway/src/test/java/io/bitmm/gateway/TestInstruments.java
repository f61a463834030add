package io.bitmm.gateway;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.InstrumentKind;

import java.util.List;

/**
 * BTCUSDT (price scale 2, size scale 4) and ETHUSDT for tests.
 */
public final class TestInstruments
{
    private TestInstruments()
    {
    }

    /**
     * @return BTCUSDT and ETHUSDT as USDT-M perpetuals, with the scales of {@link #table()}.
     */
    public static InstrumentTable perpetuals()
    {
        final Instrument btc = new Instrument(0, "BTCUSDT", InstrumentKind.USDT_PERPETUAL, 0, 2, 2, 1, 4, 1, 0,
            100_000_000L, 50_000, 50_000, 1000, 1000, 200);
        final Instrument eth = new Instrument(1, "ETHUSDT", InstrumentKind.USDT_PERPETUAL, 1, 2, 2, 1, 4, 1, 0,
            100_000_000L, 50_000, 50_000, 1000, 1000, 200);
        return new InstrumentTable(List.of(btc, eth), List.of("BTC", "ETH", "USDT"));
    }

    public static InstrumentTable table()
    {
        final Instrument btc = new Instrument(0, "BTCUSDT", InstrumentKind.SPOT, 0, 2, 2, 1, 4, 1, 0, 100_000_000L,
            50_000, 50_000, 1000, 1000, 200);
        final Instrument eth = new Instrument(1, "ETHUSDT", InstrumentKind.SPOT, 1, 2, 2, 1, 4, 1, 0, 100_000_000L,
            50_000, 50_000, 1000, 1000, 200);
        return new InstrumentTable(List.of(btc, eth), List.of("BTC", "ETH", "USDT"));
    }
}
