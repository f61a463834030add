package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * Written on close: book events handled and over how long ({@code book-events=N}, {@code book-seconds=S}), the
     * process CPU time over the measured window (from the end of the warm-up to the close) and the book events in
     * it ({@code cpu-seconds}, {@code cpu-book-events}), each thread's CPU seconds in it ({@code thread-cpu.<name>}),
     * and the {@link #note notes}.
     */
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
    private final Map<String, String> notes = new ConcurrentHashMap<>();
    private ProcessCpu cpuAtWarm;
    private long bookEventsAtWarm;
    private ProcessCpu cpuAtEnd;
    private long bookEventsAtEnd;
    private long bookEventsAtLastInterval;

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

    /**
     * Record a fact about the run in the counts file (e.g. {@code threading=shared}).
     *
     * @param key   a key without spaces or '='.
     * @param value its value.
     */
    public void note(final String key, final String value)
    {
        notes.put(key, value);
    }

    private synchronized void writeInterval()
    {
        final boolean warm = System.currentTimeMillis() >= warmupEndMs;
        final long bookEvents = recorders.bookEvents();
        if (warm && cpuAtWarm == null && bookEventsAtLastInterval > 0)
        {
            // the CPU window starts once warm and with book updates flowing for a whole interval (not during the
            // order path's JIT warm-up or the first snapshot)
            cpuAtWarm = ProcessCpu.sample();
            bookEventsAtWarm = bookEvents;
        }
        bookEventsAtLastInterval = bookEvents;
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

    /**
     * End the CPU window now (before the engine's shutdown, whose cancels and drains are not per-update work); without
     * this call it ends at {@link #close()}.
     */
    public synchronized void endCpuWindow()
    {
        if (cpuAtEnd == null)
        {
            cpuAtEnd = ProcessCpu.sample();
            bookEventsAtEnd = recorders.bookEvents();
        }
    }

    private void writeCounts()
    {
        final StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "book-events=%d%nbook-seconds=%.3f%n",
            recorders.bookEvents(), recorders.bookEventSeconds()));
        endCpuWindow();
        if (cpuAtWarm != null)
        {
            final ProcessCpu end = cpuAtEnd;
            if (end.processNanos() >= 0 && cpuAtWarm.processNanos() >= 0)
            {
                text.append(String.format(Locale.ROOT, "cpu-seconds=%.3f%ncpu-book-events=%d%n",
                    (end.processNanos() - cpuAtWarm.processNanos()) / 1e9, bookEventsAtEnd - bookEventsAtWarm));
            }
            for (final Map.Entry<String, Double> e : end.threadSecondsSince(cpuAtWarm).entrySet())
            {
                text.append(String.format(Locale.ROOT, "thread-cpu.%s=%.2f%n", e.getKey(), e.getValue()));
            }
        }
        for (final Map.Entry<String, String> e : new TreeMap<>(notes).entrySet())
        {
            text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        try
        {
            Files.writeString(runDir.resolve(COUNTS_FILE), text.toString(), StandardCharsets.UTF_8);
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
