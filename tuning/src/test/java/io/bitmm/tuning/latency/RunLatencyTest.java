package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLatencyTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSumTheIntervalsOfEachStage() throws IOException
    {
        final Path runDir = dir.resolve("run-a");
        KnownLatencyLog.write(runDir, 1, 2, 3, 4, 5, 6, 0);

        final RunLatency run = RunLatency.load(runDir);
        assertEquals("run-a", run.name());
        for (final LatencyStage stage : LatencyStage.values())
        {
            if (stage == LatencyStage.RATE_LIMITED)
            {
                assertNull(run.stage(stage));
                continue;
            }
            final long multiplier = stage.ordinal() + 1;
            final Histogram h = run.stage(stage);
            assertEquals(KnownLatencyLog.TOTAL, h.getTotalCount(), stage.tag());
            for (int i = 0; i < KnownLatencyLog.MICROS.length; i++)
            {
                assertEquals(KnownLatencyLog.COUNTS[i], h.getCountAtValue(KnownLatencyLog.MICROS[i] * multiplier * 1000),
                    stage.tag() + " " + KnownLatencyLog.MICROS[i]);
            }
        }
    }

    @Test
    void shouldIgnoreHistogramsWithoutAStageTag() throws IOException
    {
        KnownLatencyLog.write(dir, 1);

        final RunLatency run = RunLatency.load(dir);
        assertEquals(KnownLatencyLog.TOTAL, run.stage(LatencyStage.DECODE).getTotalCount());
        for (final LatencyStage stage : LatencyStage.values())
        {
            if (stage != LatencyStage.DECODE)
            {
                assertNull(run.stage(stage), stage.tag());
            }
        }
    }

    @Test
    void shouldLoadTheLogFileItselfAndNameTheRunAfterItsDirectory() throws IOException
    {
        final Path file = KnownLatencyLog.write(dir.resolve("by-file"), 1, 1);

        final RunLatency run = RunLatency.load(file);
        assertEquals("by-file", run.name());
        assertEquals(KnownLatencyLog.TOTAL, run.stage(LatencyStage.QUEUE).getTotalCount());
    }

    @Test
    void shouldReadBookEventCountsWhenPresent() throws IOException
    {
        final Path withCounts = dir.resolve("with");
        KnownLatencyLog.write(withCounts, 1);
        Files.writeString(withCounts.resolve(LatencyLogWriter.COUNTS_FILE), "book-events=1000\nbook-seconds=2.500\n",
            StandardCharsets.UTF_8);
        final Path without = dir.resolve("without");
        KnownLatencyLog.write(without, 1);

        final RunLatency run = RunLatency.load(withCounts);
        assertEquals(1000, run.bookEvents());
        assertEquals(400.0, run.bookEventsPerSecond(), 1e-9);
        assertEquals(0, RunLatency.load(without).bookEvents());
        assertEquals(0.0, RunLatency.load(without).bookEventsPerSecond());
    }

    @Test
    void shouldRenameWithoutLosingTheStages() throws IOException
    {
        KnownLatencyLog.write(dir, 1, 1);
        final RunLatency run = RunLatency.load(dir);

        final RunLatency renamed = run.named("other");
        assertEquals("other", renamed.name());
        assertSame(run.stage(LatencyStage.QUEUE), renamed.stage(LatencyStage.QUEUE));
    }

    @Test
    void shouldRejectARunWithoutALog()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> RunLatency.load(dir));
        assertTrue(ex.getMessage().contains(LatencyLogWriter.FILE_NAME), ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RunLatency.load(dir.resolve("missing.hlog")));
    }
}
