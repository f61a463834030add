package io.bitmm.app.config;

import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadFloorLinesTest
{
    private static InstrumentTable btc(final String makerFee)
    {
        return new InstrumentTable(List.of(InstrumentFactory.spot(
            0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", makerFee, "0.0006", "200")), List.of("BTC", "USDT"));
    }

    private static List<String> lines(final String makerFee, final String... overrides)
    {
        final Config config = EngineSettings.newConfig();
        config.override("--set", List.of(overrides));
        return Bindings.spreadFloorLines(config, btc(makerFee));
    }

    @Test
    void shouldStateTheFloorWithoutAWarningByDefault()
    {
        final List<String> lines = lines("0.0002");
        assertEquals(1, lines.size());
        assertFalse(lines.get(0).contains("warning"), lines.get(0));
        assertTrue(lines.get(0).contains("spread floor 5.00 bp = round-trip maker fee 4.00 bp"), lines.get(0));
    }

    @Test
    void shouldWarnWhenTheUserQuotesInsideTheFeeOnPurpose()
    {
        final String negativeEdge = lines("0.0002", "quoting.edge-bps=-3").get(0);
        assertTrue(negativeEdge.startsWith("mm: warning: BTCUSDT: spread floor 1.00 bp"), negativeEdge);
        assertTrue(negativeEdge.contains("below the round-trip maker fee 4.00 bp"), negativeEdge);
        final String off = lines("0.0002", "quoting.fee-floor=false").get(0);
        assertTrue(off.startsWith("mm: warning: BTCUSDT: quoting.fee-floor = false"), off);
    }

    @Test
    void shouldShowARebateLoweringTheFloor()
    {
        final String rebate = lines("-0.0001").get(0);
        assertFalse(rebate.contains("warning"), rebate);
        assertTrue(rebate.contains("spread floor 0.00 bp = max(0, round-trip maker fee -2.00 bp " +
            "(maker -1.00 bp a side, a rebate) + edge 1 bp)"), rebate);
    }
}
