package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a known {@code .hlog} with HdrHistogram's own writer: per stage, 100,000 samples whose percentiles fall well
 * inside one value each, so p50, p90, p99, p99.9, p99.99 and max are six different values.
 */
final class KnownLatencyLog
{
    /** Sample values in microseconds before a stage's multiplier. */
    static final long[] MICROS = {100, 200, 300, 400, 500, 600};
    /** How many samples of each value: cumulative 60,000, 95,000, 99,500, 99,950, 99,995, 100,000. */
    static final long[] COUNTS = {60_000, 35_000, 4_500, 450, 45, 5};
    /** Total samples per stage. */
    static final long TOTAL = 100_000;

    private KnownLatencyLog()
    {
    }

    /**
     * @param dir         the run directory (created).
     * @param multipliers per stage ordinal, the factor on {@link #MICROS}; 0 leaves the stage out.
     * @return the log file.
     * @throws IOException when it cannot be written.
     */
    static Path write(final Path dir, final long... multipliers) throws IOException
    {
        Files.createDirectories(dir);
        final Path file = dir.resolve(LatencyLogWriter.FILE_NAME);
        final long startMs = 1_700_000_000_000L;
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.US_ASCII))
        {
            final HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(startMs);
            writer.setBaseTime(startMs);
            writer.outputLegend();
            // two intervals per stage: the first holds only the lowest value, the second the rest
            for (int interval = 0; interval < 2; interval++)
            {
                for (final LatencyStage stage : LatencyStage.values())
                {
                    final long multiplier = stage.ordinal() < multipliers.length ? multipliers[stage.ordinal()] : 0;
                    if (multiplier == 0)
                    {
                        continue;
                    }
                    final Histogram h = new Histogram(1, LatencyRecorders.HIGHEST_TRACKABLE_NANOS, LatencyRecorders.SIGNIFICANT_DIGITS);
                    for (int i = interval == 0 ? 0 : 1; i < (interval == 0 ? 1 : MICROS.length); i++)
                    {
                        h.recordValueWithCount(MICROS[i] * multiplier * 1000, COUNTS[i]);
                    }
                    h.setTag(stage.tag());
                    h.setStartTimeStamp(startMs + interval * 1000L);
                    h.setEndTimeStamp(startMs + interval * 1000L + 1000L);
                    writer.outputIntervalHistogram(h);
                }
            }
            final Histogram foreign = new Histogram(1, LatencyRecorders.HIGHEST_TRACKABLE_NANOS, LatencyRecorders.SIGNIFICANT_DIGITS);
            foreign.recordValue(1_000_000_000L);
            foreign.setStartTimeStamp(startMs);
            foreign.setEndTimeStamp(startMs + 1000L);
            writer.outputIntervalHistogram(foreign);
            foreign.setTag("not-a-stage");
            writer.outputIntervalHistogram(foreign);
        }
        return file;
    }
}
