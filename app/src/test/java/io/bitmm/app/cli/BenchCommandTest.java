package io.bitmm.app.cli;

import io.bitmm.tuning.latency.LatencyStage;
import io.bitmm.tuning.latency.RunLatency;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short {@code mm bench} CI runs: one paced rate for a few seconds against the sim in a child JVM, then the run's
 * latency log, report and plot exist, and a {@code mm report --vs} of the run with itself renders.
 */
@Tag("slow")
class BenchCommandTest
{
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRunTheShortBenchAndWriteItsReport(@TempDir final Path dir) throws Exception
    {
        final int status = new CommandLine(new BenchCommand()).execute(
            "--rates", "10000", "--duration", "6s", "--warmup", "2s", "--out", dir.toString());
        assertEquals(0, status);
        final Path run = dir.resolve("rate-10000");
        assertTrue(Files.readString(run.resolve("sim.log")).startsWith("ready rest="),
            "the sim ran in its own JVM and its output went to sim.log");
        assertTrue(Files.size(run.resolve("latency.png")) > 10_000, "plot rendered");
        assertTrue(Files.exists(run.resolve("latency.svg")));
        assertTrue(Files.readString(dir.resolve("bench.txt")).contains("10000"));
        final RunLatency latency = RunLatency.load(run);
        assertNotNull(latency.stage(LatencyStage.CORE), "core stage recorded");
        assertTrue(latency.bookEventsPerSecond() > 5_000, "throughput " + latency.bookEventsPerSecond());
        assertEquals(0, new CommandLine(new ReportCommand()).execute(run.toString(), "--vs", run.toString()));
        try (Stream<Path> files = Files.list(run))
        {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("latency-vs-.*\\.png")), "--vs plot");
        }
    }
}
