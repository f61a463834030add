package io.bitmm.tuning.latency;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * One run's latency: the whole-run histogram of each stage, summed from the run's {@code .hlog} intervals.
 */
public final class RunLatency
{
    private final String name;
    private final Map<LatencyStage, Histogram> stages;
    private final Properties counts;

    private RunLatency(final String name, final Map<LatencyStage, Histogram> stages, final Properties counts)
    {
        this.name = name;
        this.stages = stages;
        this.counts = counts;
    }

    /**
     * Read a run directory's {@value LatencyLogWriter#FILE_NAME}.
     *
     * @param runDir the run directory (or the .hlog file itself).
     * @return the run's stages.
     * @throws IllegalArgumentException when there is no log.
     */
    public static RunLatency load(final Path runDir)
    {
        final Path file = Files.isDirectory(runDir) ? runDir.resolve(LatencyLogWriter.FILE_NAME) : runDir;
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("no latency log " + file + " (written by mm run / mm bench)");
        }
        final Map<LatencyStage, Histogram> stages = new EnumMap<>(LatencyStage.class);
        try
        {
            final HistogramLogReader reader = new HistogramLogReader(file.toFile());
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null)
            {
                final LatencyStage stage = LatencyStage.ofTag(next.getTag());
                if (stage != null && next instanceof Histogram)
                {
                    stages.computeIfAbsent(stage, s -> new Histogram(LatencyRecorders.SIGNIFICANT_DIGITS)).add((Histogram)next);
                }
            }
        }
        catch (final FileNotFoundException ex)
        {
            throw new IllegalArgumentException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        final Path dir = Files.isDirectory(runDir) ? runDir : runDir.toAbsolutePath().getParent();
        final Properties counts = new Properties();
        final Path countsFile = dir.resolve(LatencyLogWriter.COUNTS_FILE);
        if (Files.isRegularFile(countsFile))
        {
            try (Reader in = Files.newBufferedReader(countsFile, StandardCharsets.UTF_8))
            {
                counts.load(in);
            }
            catch (final IOException ex)
            {
                throw new IllegalArgumentException("cannot read " + countsFile + ": " + ex.getMessage(), ex);
            }
        }
        return new RunLatency(dir.toAbsolutePath().normalize().getFileName().toString(), stages, counts);
    }

    /**
     * @return book events the core handled, 0 when unknown.
     */
    public long bookEvents()
    {
        return Long.parseLong(counts.getProperty("book-events", "0"));
    }

    /**
     * @return book events handled per second over the run, 0 when unknown.
     */
    public double bookEventsPerSecond()
    {
        final double seconds = Double.parseDouble(counts.getProperty("book-seconds", "0"));
        return seconds <= 0 ? 0 : bookEvents() / seconds;
    }

    /**
     * @return process CPU time per book event handled over the measured window, in microseconds; NaN when unknown.
     */
    public double cpuMicrosPerBookEvent()
    {
        final double seconds = Double.parseDouble(counts.getProperty("cpu-seconds", "-1"));
        final long events = Long.parseLong(counts.getProperty("cpu-book-events", "0"));
        return seconds < 0 || events <= 0 ? Double.NaN : seconds * 1e6 / events;
    }

    /**
     * @return CPU seconds per thread name over the measured window, largest first (empty when unknown).
     */
    public java.util.List<Map.Entry<String, Double>> threadCpuSeconds()
    {
        final java.util.List<Map.Entry<String, Double>> threads = new java.util.ArrayList<>();
        for (final String key : counts.stringPropertyNames())
        {
            if (key.startsWith("thread-cpu."))
            {
                threads.add(Map.entry(key.substring("thread-cpu.".length()), Double.parseDouble(counts.getProperty(key))));
            }
        }
        threads.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        return threads;
    }

    /**
     * @param key a note's key (e.g. {@code threading}).
     * @return its value, or "?" when the run did not record it.
     */
    public String note(final String key)
    {
        return counts.getProperty(key, "?");
    }

    /**
     * @param newName a name to show instead (two runs with the same directory name).
     * @return the same run under that name.
     */
    public RunLatency named(final String newName)
    {
        return new RunLatency(newName, stages, counts);
    }

    /**
     * @return the run's name (its directory's name).
     */
    public String name()
    {
        return name;
    }

    /**
     * @param stage a stage.
     * @return its whole-run histogram (ns), or null when nothing was recorded.
     */
    public Histogram stage(final LatencyStage stage)
    {
        return stages.get(stage);
    }
}
