package io.bitmm.app.journal;

import io.bitmm.app.cli.ReplayCommand;
import io.bitmm.journal.ReplayDriver.ReplayResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
        final ChildEngine child = new ChildEngine(List.of("run", "--duration", "15s", "--run-dir", runDir.toString(),
            "--set", "sim.books-interval=50ms", "--set", "gateway.order-warmup=0"));
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
}
