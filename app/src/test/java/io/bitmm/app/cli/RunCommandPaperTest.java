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
        assertTrue(summary.contains("every order confirmed closed"), summary);
    }
}
