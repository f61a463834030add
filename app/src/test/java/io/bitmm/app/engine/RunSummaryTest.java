package io.bitmm.app.engine;

import io.bitmm.app.stat.CountersFile;
import io.bitmm.app.stat.CountersSnapshot;
import io.bitmm.app.stat.RunCounters;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.position.Position;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary of a perpetual says what is true: in paper mode there is no venue (no venue position, mark price or
 * funding, and the orders closed are paper orders), and each PnL line says which price it is marked at.
 */
class RunSummaryTest
{
    private static final String PERP = "USDT-FUTURES:BTCUSDT";

    @Test
    void shouldNotReportAVenueInPaperMode(@TempDir final Path dir) throws Exception
    {
        final String text = RunSummary.render("bitmm run x  mode=paper", counters(dir, 0), true, true);
        assertTrue(text.contains("(paper mode: no venue, so no venue position or funding)"), text);
        assertFalse(text.contains("venue position 0"), text);
        assertFalse(text.contains("reports"), text);
        assertFalse(text.contains("confirmed closed at the venue"), text);
        assertTrue(text.contains("every paper order closed (paper mode: no venue)"), text);
        assertTrue(text.contains("unrealized 0.14460000 USDT (at the mid)"), text);
    }

    @Test
    void shouldSayTheLiveUnrealizedPnlIsAtTheVenuesMarkPrice(@TempDir final Path dir) throws Exception
    {
        final String text = RunSummary.render("bitmm run x  mode=live", counters(dir, 600_105), true, false);
        assertTrue(text.contains("unrealized 0.14460000 USDT (at the mark price)"), text);
        assertTrue(text.contains("mark 60010.5 (the venue's: public ticker and position pushes)"), text);
        assertTrue(text.contains("venue position"), text);
        assertTrue(text.contains("every order confirmed closed at the venue"), text);
        final String noMark = RunSummary.render("bitmm run x  mode=live", counters(dir.resolve("b"), 0), true, false);
        assertTrue(noMark.contains("mark - (none from the venue)"), noMark);
        assertTrue(noMark.contains("USDT (at the mid)"), noMark);
    }

    @Test
    void shouldNameThePriceEachPnlLineIsMarkedAt()
    {
        final Instrument perp = InstrumentFactory.usdtPerpetual(0, "BTCUSDT", 0, 1, "1", "0.1", "4", "0.0001",
            "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200", "1");
        final Position position = new Position(perp);
        position.onFill(Side.BUY, 600_000, 100, true, 0, -1);
        position.mark(600_020);
        final String atMid = RunSummary.marks(position, perp);
        assertTrue(atMid.contains("both at the mid 60002.0"), atMid);
        position.onMarkPrice(600_105);
        final String split = RunSummary.marks(position, perp);
        assertTrue(split.contains("pnl above at the mid 60002.0"), split);
        assertTrue(split.contains("unrealized PnL at the venue's mark price 60010.5"), split);
        assertTrue(split.contains("margin is marked at the mark price, trading PnL at the mid"), split);
    }

    /** A perpetual's gauges as the run leaves them: a long position, unrealized 0.1446 USDT, the given mark price. */
    private static CountersSnapshot counters(final Path dir, final long markPriceUnits) throws java.io.IOException
    {
        java.nio.file.Files.createDirectories(dir);
        final RunCounters run = RunCounters.create(dir, System.currentTimeMillis());
        final CountersManager manager = run.manager();
        new CoreCounters().register(manager);
        gauge(manager, "position", 4, 100);
        gauge(manager, "max_position", 4, 1_000);
        gauge(manager, "realized_pnl", 8, 0);
        gauge(manager, "unrealized_pnl", 8, 14_460_000);
        gauge(manager, "fees", 8, 120_000);
        gauge(manager, "entry_price", 1, 600_000);
        gauge(manager, "mark_price", 1, markPriceUnits);
        gauge(manager, "funding", 8, 0);
        gauge(manager, "venue_position", 4, 0);
        return CountersSnapshot.read(CountersFile.open(dir));
    }

    private static void gauge(final CountersManager manager, final String name, final int scale, final long value)
    {
        final int id = CounterTypes.allocate(manager, CounterTypes.INSTRUMENT, CounterTypes.KIND_GAUGE, scale,
            name + " symbol=" + PERP + " currency=USDT");
        manager.setCounterValue(id, value);
    }
}
