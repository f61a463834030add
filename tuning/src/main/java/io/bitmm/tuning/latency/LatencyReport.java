package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code mm report}: a percentile table per stage (and tick-to-trade) in microseconds, the plot as PNG and SVG, and
 * with a second run, both on one plot and a table of ratios (other / this). Written next to the run's log as
 * {@value #TABLE_FILE}, {@value #PLOT_NAME}.png and {@value #PLOT_NAME}.svg.
 */
public final class LatencyReport
{
    /** The report's text in the run directory. */
    public static final String TABLE_FILE = "latency-report.txt";
    /** The plot's base name in the run directory. */
    public static final String PLOT_NAME = "latency";

    /** Percentiles in the table. */
    static final double[] PERCENTILES = { 50, 90, 99, 99.9, 99.99 };

    private LatencyReport()
    {
    }

    /**
     * Render the table(s) and plot for a run (and optionally a run to compare with), write them into {@code runDir}.
     *
     * @param runDir  the run.
     * @param vsDir   a second run, or null.
     * @return the text report (also written to {@value #TABLE_FILE}).
     * @throws IOException when files cannot be written.
     */
    public static String write(final Path runDir, final Path vsDir) throws IOException
    {
        RunLatency run = RunLatency.load(runDir);
        RunLatency vs = vsDir == null ? null : RunLatency.load(vsDir);
        if (vs != null && vs.name().equals(run.name()))
        {
            run = run.named(qualified(runDir));
            vs = vs.named(qualified(vsDir));
            if (vs.name().equals(run.name()))
            {
                vs = vs.named(vs.name() + " (2)");
            }
        }
        final StringBuilder out = new StringBuilder();
        table(out, run);
        if (vs != null)
        {
            out.append('\n');
            table(out, vs);
            out.append('\n');
            ratios(out, run, vs);
        }
        final String base = vs == null ? PLOT_NAME : PLOT_NAME + "-vs-" + vs.name().replaceAll("[^A-Za-z0-9._-]", "-");
        final Path dir = Files.isDirectory(runDir) ? runDir : runDir.toAbsolutePath().getParent();
        final Path png = PercentilePlot.write(dir.resolve(base), run, vs);
        out.append("plot: ").append(png).append(" (and .svg)\n");
        Files.writeString(dir.resolve(vs == null ? TABLE_FILE : base + ".txt"), out.toString(), StandardCharsets.UTF_8);
        return out.toString();
    }

    private static String qualified(final Path dir)
    {
        final Path absolute = dir.toAbsolutePath().normalize();
        final Path parent = absolute.getParent();
        return parent == null || parent.getFileName() == null ? absolute.getFileName().toString() :
            parent.getFileName() + "/" + absolute.getFileName();
    }

    /**
     * @param run a run.
     * @return its tick-to-trade line, e.g. for the end of {@code mm run}.
     */
    public static String tickToTradeLine(final RunLatency run)
    {
        final Histogram h = run.stage(LatencyStage.TICK_TO_TRADE);
        if (h == null)
        {
            return "tick-to-trade: no orders were sent\n";
        }
        return String.format(Locale.ROOT, "tick-to-trade (receive -> flushed, us): p50 %s  p90 %s  p99 %s  p99.9 %s  " +
            "p99.99 %s  max %s  count %d%n", micros(h.getValueAtPercentile(50)), micros(h.getValueAtPercentile(90)),
            micros(h.getValueAtPercentile(99)), micros(h.getValueAtPercentile(99.9)), micros(h.getValueAtPercentile(99.99)),
            micros(h.getMaxValue()), h.getTotalCount());
    }

    /**
     * @param run a run.
     * @return its threading mode and CPU line: process CPU per book update over the measured window and the busiest
     * threads.
     */
    public static String cpuLine(final RunLatency run)
    {
        final double perEvent = run.cpuMicrosPerBookEvent();
        final String mode = "engine.threading = " + run.note("threading") + "; ";
        if (Double.isNaN(perEvent))
        {
            return mode + "cpu: not measured (a run shorter than its warm-up)\n";
        }
        final StringBuilder out = new StringBuilder(mode).append(String.format(Locale.ROOT,
            "cpu per book update (whole process, measured window): %.2f us (%.0f updates per CPU-second); threads (s):",
            perEvent, 1e6 / perEvent));
        int shown = 0;
        for (final java.util.Map.Entry<String, Double> e : run.threadCpuSeconds())
        {
            if (shown++ == 8)
            {
                break;
            }
            out.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue()));
        }
        return out.append('\n').toString();
    }

    static void table(final StringBuilder out, final RunLatency run)
    {
        out.append("latency of run ").append(run.name()).append(" (us)\n");
        out.append(String.format(Locale.ROOT, "%-15s %10s %10s %10s %10s %10s %10s %10s  %s%n",
            "stage", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count", "span"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            row(out, run.stage(stage), stage.tag());
            out.setLength(out.length() - 1);
            out.append("  ").append(stage.span()).append('\n');
        }
        out.append(cpuLine(run));
    }

    private static void row(final StringBuilder out, final Histogram h, final String label)
    {
        out.append(String.format(Locale.ROOT, "%-15s", label));
        for (final double p : PERCENTILES)
        {
            out.append(String.format(Locale.ROOT, " %10s", micros(h == null ? -1 : h.getValueAtPercentile(p))));
        }
        out.append(String.format(Locale.ROOT, " %10s %10d%n", micros(h == null ? -1 : h.getMaxValue()),
            h == null ? 0 : h.getTotalCount()));
    }

    static void ratios(final StringBuilder out, final RunLatency run, final RunLatency vs)
    {
        out.append("ratio ").append(vs.name()).append(" / ").append(run.name()).append(" (>1: ").append(vs.name())
            .append(" is slower)\n");
        out.append(String.format(Locale.ROOT, "%-15s %10s %10s %10s %10s %10s %10s%n",
            "stage", "p50", "p90", "p99", "p99.9", "p99.99", "max"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            final Histogram a = run.stage(stage);
            final Histogram b = vs.stage(stage);
            out.append(String.format(Locale.ROOT, "%-15s", stage.tag()));
            for (final double p : PERCENTILES)
            {
                out.append(String.format(Locale.ROOT, " %10s",
                    ratio(a == null ? 0 : a.getValueAtPercentile(p), b == null ? 0 : b.getValueAtPercentile(p))));
            }
            out.append(String.format(Locale.ROOT, " %10s%n",
                ratio(a == null ? 0 : a.getMaxValue(), b == null ? 0 : b.getMaxValue())));
        }
    }

    private static String ratio(final long a, final long b)
    {
        return a <= 0 || b <= 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double)b / a);
    }

    private static String micros(final long nanos)
    {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }
}
