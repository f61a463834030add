package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The thread that writes the recorders' interval histograms, one per stage per interval, tagged with the stage, to
 * {@value #FILE_NAME} in the standard {@code .hlog} format ({@link HistogramLogWriter}). Off the hot path: the hot
 * threads only record. {@link #close()} writes the last interval and closes the file.
 */
public final class LatencyLogWriter implements AutoCloseable
{
    /** The log's file name in the run directory. */
    public static final String FILE_NAME = "latency.hlog";
    /** Book events handled and over how long, written on close: {@code book-events=N} and {@code book-seconds=S}. */
    public static final String COUNTS_FILE = "latency-counts.txt";

    private final LatencyRecorders recorders;
    private final HistogramLogWriter writer;
    private final PrintStream out;
    private final long intervalMs;
    private final Histogram[] recycled = new Histogram[LatencyStage.values().length];
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Path runDir;
    private final long warmupEndMs;
    private volatile IntervalListener listener;

    /**
     * Open the log and start the writer thread.
     *
     * @param recorders  what to read.
     * @param runDir     where the log goes.
     * @param intervalMs how often to write an interval.
     * @param warmupMs   intervals ending within this long after start are read and dropped (JIT warm-up).
     * @throws IllegalStateException when the file cannot be created.
     */
    public LatencyLogWriter(final LatencyRecorders recorders, final Path runDir, final long intervalMs, final long warmupMs)
    {
        this.recorders = recorders;
        this.intervalMs = intervalMs;
        this.runDir = runDir;
        try
        {
            this.out = new PrintStream(runDir.resolve(FILE_NAME).toFile(), StandardCharsets.US_ASCII);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot create " + runDir.resolve(FILE_NAME) + ": " + ex.getMessage(), ex);
        }
        this.writer = new HistogramLogWriter(out);
        final long startMs = System.currentTimeMillis();
        this.warmupEndMs = startMs + warmupMs;
        writer.outputLogFormatVersion();
        writer.setBaseTime(startMs);
        writer.outputStartTime(startMs);
        writer.outputComment("bitmm latency stages, values in ns; expected interval (coordinated-omission correction) " +
            recorders.expectedIntervalNanos() + " ns");
        writer.outputLegend();
        for (final LatencyStage stage : LatencyStage.values())
        {
            recycled[stage.ordinal()] = recorders.intervalHistogram(stage, null);
        }
        this.thread = new Thread(this::run, "mm-latency-log");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Open the default log for a run directory.
     *
     * @param recorders what to read.
     * @param runDir    where the log goes.
     * @param warmupMs  how long after start nothing is logged.
     * @return the started writer (1 s intervals).
     */
    public static LatencyLogWriter start(final LatencyRecorders recorders, final Path runDir, final long warmupMs)
    {
        return new LatencyLogWriter(recorders, runDir, 1000, warmupMs);
    }

    /**
     * Also hand every interval's histograms (warm-up included) to {@code listener}, on the writer thread.
     *
     * @param listener e.g. the run's latency counters; null for none.
     */
    public void intervalListener(final IntervalListener listener)
    {
        this.listener = listener;
    }

    private void run()
    {
        while (running.get())
        {
            try
            {
                TimeUnit.MILLISECONDS.sleep(intervalMs);
            }
            catch (final InterruptedException ex)
            {
                break;
            }
            writeInterval();
        }
    }

    private synchronized void writeInterval()
    {
        final boolean warm = System.currentTimeMillis() >= warmupEndMs;
        for (final LatencyStage stage : LatencyStage.values())
        {
            final Histogram h = recorders.intervalHistogram(stage, recycled[stage.ordinal()]);
            recycled[stage.ordinal()] = h;
            h.setTag(stage.tag());
            final IntervalListener l = listener;
            if (l != null)
            {
                l.onInterval(stage, h);
            }
            if (warm && h.getTotalCount() > 0)
            {
                writer.outputIntervalHistogram(h);
            }
        }
        out.flush();
    }

    /**
     * Write the last interval and close the log (idempotent).
     */
    @Override
    public void close()
    {
        if (running.compareAndSet(true, false))
        {
            thread.interrupt();
            try
            {
                thread.join(5000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            writeInterval();
            out.close();
            writeCounts();
        }
    }

    private void writeCounts()
    {
        final String text = String.format(Locale.ROOT, "book-events=%d%nbook-seconds=%.3f%n",
            recorders.bookEvents(), recorders.bookEventSeconds());
        try
        {
            Files.writeString(runDir.resolve(COUNTS_FILE), text, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            System.err.println("mm: cannot write " + runDir.resolve(COUNTS_FILE) + ": " + ex.getMessage());
        }
    }

    /**
     * Receives each stage's histogram of the interval just ended (the writer thread; do not keep the histogram).
     */
    @FunctionalInterface
    public interface IntervalListener
    {
        /**
         * @param stage     the stage.
         * @param histogram its values in the interval, ns (possibly empty).
         */
        void onInterval(LatencyStage stage, Histogram histogram);
    }
}
