package io.bitmm.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm run --mode paper} against the built-in simulated venue's market data.
 */
@Tag("slow")
class RunCommandPaperTest
{
    /** The replace budget: see PaperEngineSystemTest on why it is raised. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRunPaperModeAgainstSimulatedMarketData(@TempDir final Path dir) throws Exception
    {
        final int exit = new CommandLine(new RunCommand()).execute(
            "--mode", "paper", "--duration", "4s", "--run-dir", dir.toString(), "--set", "engine.core-wait=sleeping");

        assertEquals(0, exit);
        final String summary = Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("mode=paper"), summary);
        assertTrue(summary.contains("every paper order closed (paper mode: no venue)"), summary);
    }

    /**
     * A perpetual in paper mode: the summary reports no venue position or funding, since there is no venue; the mark
     * price comes from the public ticker, so the position is marked at it.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldReportNoVenueForAPerpetualInPaperMode(@TempDir final Path dir) throws Exception
    {
        final int exit = new CommandLine(new RunCommand()).execute(
            "--mode", "paper", "--symbols", "USDT-FUTURES:BTCUSDT", "--duration", "4s", "--run-dir", dir.toString(),
            "--set", "engine.core-wait=sleeping", "--set", "gateway.order-warmup=0");

        assertEquals(0, exit);
        final String summary = Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("(paper mode: no venue, so no venue position or funding)"), summary);
        assertTrue(summary.matches("(?s).*mark [0-9.]+ \\(the venue's: public ticker.*"), "the ticker's mark price:\n" +
            summary);
        assertFalse(summary.contains("venue position 0"), summary);
        assertFalse(summary.contains("reports"), summary);
        assertFalse(summary.contains("confirmed closed at the venue"), summary);
        assertTrue(summary.contains("every paper order closed (paper mode: no venue)"), summary);
        assertTrue(summary.contains("USDT (at the mark price)"), summary);
        assertTrue(summary.contains("the position line's unrealized PnL at the venue's mark price"), summary);
    }
}
