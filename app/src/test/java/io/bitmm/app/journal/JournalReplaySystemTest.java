package io.bitmm.app.journal;

import io.bitmm.app.cli.ReplayCommand;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.journal.JournalLayout;
import io.bitmm.journal.JournalReader;
import io.bitmm.journal.ReplayDriver.ReplayResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal as a regression suite: a quick-start-like run (engine + sim, 15 s, journal on) in a child JVM, then
 * a replay into a fresh core configured from the journal alone must reproduce every command exactly; a replay
 * with a changed strategy parameter must report the first divergence.
 */
@Tag("slow")
class JournalReplaySystemTest
{
    @TempDir
    static Path runDir;

    @BeforeAll
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    static void recordRun() throws Exception
    {
        // a maker rebate, so that the run fills (the trading plot's test counts them)
        final ChildEngine child = new ChildEngine(List.of("run", "--duration", "15s", "--run-dir", runDir.toString(),
            "--set", "sim.books-interval=50ms", "--set", "gateway.order-warmup=0", "--maker-fee", "-0.0001"));
        assertEquals(0, child.awaitExit(100), child.output());
        assertTrue(child.output().contains("journal: "), child.output());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReproduceEveryCommandExactly()
    {
        final ReplayResult result = ReplayCommand.replay(RunJournal.journalDir(runDir), List.of());
        assertTrue(result.commands() > 20, "commands: " + result.commands());
        assertTrue(result.events() > 200, "events: " + result.events());
        assertTrue(result.identical(), () -> "diverged: " + result.first());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReportTheFirstDivergenceWhenAStrategyParameterChanges()
    {
        final ReplayResult result = ReplayCommand.replay(RunJournal.journalDir(runDir),
            List.of("quoting.spread-floor-ticks=6"));
        assertFalse(result.identical());
        assertNotNull(result.first());
        assertNotNull(result.first().recorded());
        assertNotNull(result.first().replayed());
        assertFalse(result.first().before().isEmpty());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldJournalTheFittedModelAndReproduceIt()
    {
        int fits = 0;
        double lastVolatilityBps = 0;
        double lastKappa = 0;
        try (JournalReader reader = new JournalReader(RunJournal.journalDir(runDir), JournalLayout.KIND_COMMAND))
        {
            while (reader.next() != JournalReader.END)
            {
                final OutboundCommand command = reader.command();
                if (command.type == CommandType.MODEL_FIT)
                {
                    fits++;
                    lastVolatilityBps = command.price / 1e6;
                    lastKappa = command.orderId / 1e6;
                }
            }
        }
        // the intensity fit is ready after 50 public trades (a few seconds), then one record a second; the volatility
        // fit needs 100 returns of 100 ms (10 s of book data), which a 15 s run on a loaded box may not reach
        assertTrue(fits >= 2, "MODEL_FIT records: " + fits);
        assertTrue(lastKappa > 0.1 && lastKappa < 100, "fitted k " + lastKappa + " per bp");
        assertTrue(lastVolatilityBps == 0 || lastVolatilityBps > 0.05 && lastVolatilityBps < 50,
            "fitted volatility " + lastVolatilityBps);
        // identical replay (shouldReproduceEveryCommandExactly) compares them too; a coarser intensity grid changes
        // the fitted A and k from the first record on (the fit is journalled before it drives a quote), so the first
        // divergence is a MODEL_FIT record
        final ReplayResult changed = ReplayCommand.replay(RunJournal.journalDir(runDir),
            List.of("quoting.intensity-step-bps=0.2"));
        assertFalse(changed.identical());
        assertTrue(changed.first().replayed().contains("MODEL_FIT"), () -> "first divergence: " + changed.first());
    }

    /**
     * The stop's sweep fetches every fill of the run again; the core books each once, and those it had booked are
     * counted as swept, not as duplicates (nothing in this run is delivered twice).
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldCountTheStopSweepsKnownFillsApartFromDuplicates() throws Exception
    {
        final String summary = Files.readString(runDir.resolve("summary.txt"));
        final java.util.regex.Matcher fills = java.util.regex.Pattern.compile(
            "fills +buy (\\d+) +sell (\\d+) .* duplicates (\\d+) +stop sweep: already booked (\\d+)").matcher(summary);
        assertTrue(fills.find(), summary);
        final int booked = Integer.parseInt(fills.group(1)) + Integer.parseInt(fills.group(2));
        assertTrue(booked > 0, "the rebate run made fills");
        assertEquals(0, Integer.parseInt(fills.group(3)), "no fill was delivered twice:\n" + summary);
        final int swept = Integer.parseInt(fills.group(4));
        assertTrue(swept > 0 && swept <= booked, "the sweep found the fills already booked:\n" + summary);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldDrawTheTradingPlotFromTheJournal() throws Exception
    {
        // mm run wrote it at the end; mm report regenerates it from the journal alone
        assertTrue(Files.size(runDir.resolve("pnl-BTCUSDT.png")) > 0);
        Files.delete(runDir.resolve("pnl-BTCUSDT.png"));
        assertEquals(List.of(runDir.resolve("pnl-BTCUSDT.png")), PnlPlot.write(runDir));
        // each fill the run booked is drawn once: the stop's sweep re-reads every fill of the run into the journal
        final java.util.regex.Matcher fills = java.util.regex.Pattern.compile("fills +buy (\\d+) +sell (\\d+)")
            .matcher(Files.readString(runDir.resolve("summary.txt")));
        assertTrue(fills.find());
        final int booked = Integer.parseInt(fills.group(1)) + Integer.parseInt(fills.group(2));
        assertTrue(booked > 0, "the rebate run made fills");
        assertEquals(booked, PnlPlot.fillsDrawn(runDir));
        final BufferedImage image = javax.imageio.ImageIO.read(runDir.resolve("pnl-BTCUSDT.png").toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(850, image.getHeight(), "price chart 500 px over the position and PnL chart 350 px");
    }
}
