package io.bitmm.sim.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderBookChecksumTest
{
    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", 2, 4, "1", 30_000);

    @Test
    void shouldMatchProtocolWorkedExample()
    {
        final Exchange ex = new Exchange(List.of(BTC), Map.of("USDT", BigDecimal.ONE), BigDecimal.ZERO, BigDecimal.ZERO);
        ex.syntheticMake("BTCUSDT", Side.SELL, 3_000_020, 7_500);
        ex.syntheticMake("BTCUSDT", Side.SELL, 3_000_030, 20_000);
        final Order b30000 = ex.syntheticMake("BTCUSDT", Side.BUY, 3_000_000, 2_500);
        ex.syntheticMake("BTCUSDT", Side.BUY, 3_000_010, 15_000);
        ex.syntheticMake("BTCUSDT", Side.BUY, 2_999_990, 30_000);
        final OrderBook book = ex.book("BTCUSDT");
        assertEquals("30000.10:1.5000:30000.20:0.7500:30000.00:0.2500:30000.30:2.0000:29999.90:3.0000",
            new String(book.checksumText(), StandardCharsets.UTF_8));
        assertEquals(-659_131_820, book.checksum());

        ex.syntheticTake("BTCUSDT", Side.BUY, 2_500);
        ex.syntheticMake("BTCUSDT", Side.SELL, 3_000_050, 10_000);
        ex.syntheticCancel(b30000);
        ex.syntheticMake("BTCUSDT", Side.BUY, 3_000_015, 1_000);
        assertEquals(2_064_583_265, book.checksum());
    }

    @Test
    void shouldRenderDirtyLevelsWithZeroForRemoved()
    {
        final Exchange ex = new Exchange(List.of(BTC), Map.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        final Order o = ex.syntheticMake("BTCUSDT", Side.BUY, 3_000_000, 2_500);
        final OrderBook book = ex.book("BTCUSDT");
        book.clearDirty();
        ex.syntheticCancel(o);
        final StringBuilder sb = new StringBuilder();
        book.appendDirty(sb, Side.BUY);
        assertEquals("[[\"30000.00\",\"0.0000\"]]", sb.toString());
    }
}
