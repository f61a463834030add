package io.bitmm.tuning.latency;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CPU time this process has used, in all and per thread: the JVM's process CPU time, and each thread's user +
 * system time from {@code /proc/self/task/<tid>/stat} (Linux; the kernel's 15-character thread name, JVM threads
 * included: GC, JIT). Sampled at the start and end of a measured window; never on a hot thread.
 */
public final class ProcessCpu
{
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final long processNanos;
    private final Map<String, Double> threadSeconds;

    private ProcessCpu(final long processNanos, final Map<String, Double> threadSeconds)
    {
        this.processNanos = processNanos;
        this.threadSeconds = threadSeconds;
    }

    /**
     * @return the process's CPU time now (and each live thread's, by name; threads of one name summed).
     */
    public static ProcessCpu sample()
    {
        long nanos = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean)
        {
            nanos = ((com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        }
        return new ProcessCpu(nanos, threads());
    }

    /**
     * @return process CPU time, ns; -1 when the JVM does not say.
     */
    public long processNanos()
    {
        return processNanos;
    }

    /**
     * @param earlier a sample taken before this one.
     * @return CPU seconds each thread name used between the two (threads born in between count from zero;
     * threads that died in between are missing).
     */
    public Map<String, Double> threadSecondsSince(final ProcessCpu earlier)
    {
        final Map<String, Double> delta = new TreeMap<>();
        for (final Map.Entry<String, Double> e : threadSeconds.entrySet())
        {
            final double before = earlier.threadSeconds.getOrDefault(e.getKey(), 0.0);
            final double used = e.getValue() - before;
            if (used > 0)
            {
                delta.put(e.getKey(), used);
            }
        }
        return delta;
    }

    private static Map<String, Double> threads()
    {
        final Map<String, Double> seconds = new TreeMap<>();
        final Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks))
        {
            return seconds;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks))
        {
            for (final Path task : dirs)
            {
                addThread(seconds, task.resolve("stat"));
            }
        }
        catch (final IOException ex)
        {
            // the process is going away or /proc is not readable: no per-thread figures
        }
        return seconds;
    }

    private static void addThread(final Map<String, Double> seconds, final Path stat)
    {
        try
        {
            final String text = Files.readString(stat, StandardCharsets.US_ASCII);
            final int open = text.indexOf('(');
            final int close = text.lastIndexOf(')');
            final String name = text.substring(open + 1, close).trim().replaceAll("([-#_ ]?[0-9]+)+$", "")
                .replaceAll("[^A-Za-z0-9._-]", "_");
            // fields after the name: state(3) ... utime(14) stime(15), numbered from pid = 1
            final String[] fields = text.substring(close + 2).split(" ");
            final double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            seconds.merge(name.isEmpty() ? "thread" : name, ticks / CLOCK_TICKS_PER_SECOND, Double::sum);
        }
        catch (final IOException | RuntimeException ex)
        {
            // the thread ended while we read it
        }
    }
}
