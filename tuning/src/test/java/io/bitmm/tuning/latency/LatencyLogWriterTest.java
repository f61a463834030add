package io.bitmm.tuning.latency;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyLogWriterTest
{
    /** Long enough that the writer thread never writes an interval of its own during a test: only close() does. */
    private static final long NEVER_MS = 3_600_000;
    private static final long T0 = 7_000_000_000L;

    @TempDir
    Path dir;

    private static InboundEvent bookUpdate(final long received, final long published, final long consumed)
    {
        final InboundEvent event = new InboundEvent();
        event.reset();
        event.type = EventType.BOOK_UPDATE;
        event.timestampNanos = received;
        event.publishNanos = published;
        event.consumeNanos = consumed;
        return event;
    }

    private static Map<LatencyStage, Histogram> readBack(final Path file) throws IOException
    {
        final Map<LatencyStage, Histogram> stages = new EnumMap<>(LatencyStage.class);
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        EncodableHistogram next;
        while ((next = reader.nextIntervalHistogram()) != null)
        {
            final LatencyStage stage = LatencyStage.ofTag(next.getTag());
            assertNotNull(stage, "every interval is tagged with a stage, not " + next.getTag());
            stages.computeIfAbsent(stage, s -> new Histogram(3)).add((Histogram)next);
        }
        return stages;
    }

    private static Properties counts(final Path runDir) throws IOException
    {
        final Properties counts = new Properties();
        try (Reader in = Files.newBufferedReader(runDir.resolve(LatencyLogWriter.COUNTS_FILE), StandardCharsets.UTF_8))
        {
            counts.load(in);
        }
        return counts;
    }

    @Test
    void shouldWriteAStandardLogWithEachStageUnderItsTag() throws IOException
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        final LatencyLogWriter writer = new LatencyLogWriter(recorders, dir, NEVER_MS, 0);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 2_000, T0 + 7_000), T0 + 47_000);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 3_000, T0 + 9_000), T0 + 1_500_007_000L);
        recorders.onFlushed(T0, T0 + 50_000, T0 + 62_000, T0 + 90_000, false);
        recorders.onFlushed(T0, T0 + 50_000, T0 + 62_000, T0 + 1_000_000, true);
        writer.close();

        final Path file = dir.resolve(LatencyLogWriter.FILE_NAME);
        final String text = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(text.contains("#[StartTime: "), text);
        assertTrue(text.contains("expected interval (coordinated-omission correction) 0 ns"), text);

        final Map<LatencyStage, Histogram> stages = readBack(file);
        assertEquals(2, stages.get(LatencyStage.DECODE).getTotalCount());
        assertEquals(1, stages.get(LatencyStage.DECODE).getCountAtValue(2_000));
        assertEquals(1, stages.get(LatencyStage.DECODE).getCountAtValue(3_000));
        assertEquals(1, stages.get(LatencyStage.QUEUE).getCountAtValue(5_000));
        assertEquals(1, stages.get(LatencyStage.QUEUE).getCountAtValue(6_000));
        assertEquals(1, stages.get(LatencyStage.CORE).getCountAtValue(40_000));
        assertTrue(stages.get(LatencyStage.CORE).valuesAreEquivalent(stages.get(LatencyStage.CORE).getMaxValue(), 1_499_998_000L));
        assertEquals(1, stages.get(LatencyStage.ENCODE).getTotalCount());
        assertEquals(1, stages.get(LatencyStage.ENCODE).getCountAtValue(12_000));
        assertEquals(2, stages.get(LatencyStage.FLUSH).getTotalCount());
        assertEquals(1, stages.get(LatencyStage.FLUSH).getCountAtValue(28_000));
        assertEquals(1, stages.get(LatencyStage.FLUSH).getCountAtValue(938_000));
        assertEquals(1, stages.get(LatencyStage.TICK_TO_TRADE).getTotalCount());
        assertEquals(1, stages.get(LatencyStage.TICK_TO_TRADE).getCountAtValue(90_000));
        assertEquals(1, stages.get(LatencyStage.RATE_LIMITED).getTotalCount());
        assertEquals(1, stages.get(LatencyStage.RATE_LIMITED).getCountAtValue(1_000_000));

        final Properties counts = counts(dir);
        assertEquals("2", counts.getProperty("book-events"));
        assertEquals("1.500", counts.getProperty("book-seconds"));
    }

    @Test
    void shouldLeaveStagesWithoutSamplesOutOfTheLog() throws IOException
    {
        final LatencyRecorders recorders = new LatencyRecorders(1_000);
        final LatencyLogWriter writer = new LatencyLogWriter(recorders, dir, NEVER_MS, 0);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 500, T0 + 1_000), T0 + 4_000);
        writer.close();

        final Map<LatencyStage, Histogram> stages = readBack(dir.resolve(LatencyLogWriter.FILE_NAME));
        assertEquals(3, stages.size(), stages.keySet().toString());
        assertEquals(3, stages.get(LatencyStage.CORE).getTotalCount(), "3000 ns at a 1000 ns interval, corrected");
        assertTrue(Files.readString(dir.resolve(LatencyLogWriter.FILE_NAME), StandardCharsets.US_ASCII)
            .contains("expected interval (coordinated-omission correction) 1000 ns"));
    }

    @Test
    void shouldReadBackThroughRunLatency() throws IOException
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        final LatencyLogWriter writer = LatencyLogWriter.start(recorders, dir, 0);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 2_000, T0 + 7_000), T0 + 47_000);
        recorders.onFlushed(T0, T0 + 50_000, T0 + 62_000, T0 + 90_000, false);
        writer.close();

        final RunLatency run = RunLatency.load(dir);
        assertEquals(dir.getFileName().toString(), run.name());
        assertEquals(1, run.stage(LatencyStage.CORE).getCountAtValue(40_000));
        assertEquals(1, run.stage(LatencyStage.TICK_TO_TRADE).getCountAtValue(90_000));
        assertNull(run.stage(LatencyStage.RATE_LIMITED));
        assertEquals(1, run.bookEvents());
    }

    @Test
    void shouldDropIntervalsThatEndWithinTheWarmup() throws IOException
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        final LatencyLogWriter writer = new LatencyLogWriter(recorders, dir, NEVER_MS, NEVER_MS);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 2_000, T0 + 7_000), T0 + 47_000);
        recorders.onFlushed(T0, T0 + 50_000, T0 + 62_000, T0 + 90_000, false);
        writer.close();

        assertTrue(readBack(dir.resolve(LatencyLogWriter.FILE_NAME)).isEmpty());
        assertEquals("1", counts(dir).getProperty("book-events"), "the counts are written all the same");
    }

    @Test
    void shouldCloseOnlyOnce() throws IOException
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        final LatencyLogWriter writer = new LatencyLogWriter(recorders, dir, NEVER_MS, 0);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 2_000, T0 + 7_000), T0 + 47_000);
        writer.close();
        final String first = Files.readString(dir.resolve(LatencyLogWriter.FILE_NAME), StandardCharsets.US_ASCII);
        recorders.onCoreEvent(bookUpdate(T0, T0 + 2_000, T0 + 7_000), T0 + 47_000);
        writer.close();

        assertEquals(first, Files.readString(dir.resolve(LatencyLogWriter.FILE_NAME), StandardCharsets.US_ASCII));
        assertEquals(1, readBack(dir.resolve(LatencyLogWriter.FILE_NAME)).get(LatencyStage.DECODE).getTotalCount());
    }

    @Test
    void shouldFailWhenTheLogCannotBeCreated()
    {
        final Path missing = dir.resolve("no-such-dir");
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> new LatencyLogWriter(new LatencyRecorders(0), missing, NEVER_MS, 0));
        assertTrue(ex.getMessage().contains(LatencyLogWriter.FILE_NAME), ex.getMessage());
        assertFalse(Files.exists(missing));
    }
}
