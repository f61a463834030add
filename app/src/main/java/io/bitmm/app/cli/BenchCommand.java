package io.bitmm.app.cli;

import io.bitmm.tuning.latency.LatencyReport;
import io.bitmm.tuning.latency.LatencyStage;
import io.bitmm.tuning.latency.RunLatency;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mm bench}: the whole engine driven by the simulated venue in stress mode at fixed book-update rates, one
 * {@code mm run} per rate and threading mode (each with its own run directory, latency log and report; both modes of
 * a rate run back to back, so they see the same load on a shared box), then one line per run: throughput,
 * tick-to-trade percentiles, the whole process's CPU time per book update over the measured window, the load average;
 * then each run's CPU per thread. Paced rates correct for coordinated omission; {@code max} is flat out.
 * The sim runs in a child JVM ({@code sim.process=separate}, unless overridden with {@code --set}), so that its
 * garbage collections (it allocates ~150 MB/s at 100k updates/s) do not pause the engine being measured, and with
 * a 16384-slot inbound ring (journal lag threshold 12288): at 100k updates/s the default 4096 slots are 40 ms, and
 * on a shared 2-core machine the journal thread is sometimes descheduled longer than the default 2048-entry lag
 * threshold allows, which stops quoting for the rest of the run. Any of these can be overridden with --set.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "End-to-end benchmark: engine + sim in stress mode at fixed update rates; throughput and tick-to-trade.")
public final class BenchCommand implements Callable<Integer>
{
    private static final DateTimeFormatter NAME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Option(names = "--rates", split = ",", description = "book updates per second, or max (default 10000,100000,max)")
    private List<String> rates = new ArrayList<>(List.of("10000", "100000", "max"));

    @Option(names = "--threading", split = ",",
        description = "engine.threading modes to run at each rate, one after the other (default dedicated,shared)")
    private List<String> modes = new ArrayList<>(List.of("dedicated", "shared"));

    @Option(names = "--duration", description = "how long each rate runs (default 20s)")
    private String duration = "20s";

    @Option(names = "--warmup", description = "left out of the figures at the start of each run (default 5s)")
    private String warmup = "5s";

    @Option(names = "--out", description = "where the runs go (default runs/bench-<UTC timestamp>)")
    private Path out;

    @Option(names = "--set", description = "override a setting for every run (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        final Path dir = out != null ? out : Path.of("runs", "bench-" + NAME.format(Instant.now()));
        Files.createDirectories(dir);
        final StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
            "%-8s %-10s %12s %10s %10s %10s %10s %10s %9s %10s %10s  %s%n", "rate", "threading", "updates/s", "t2t p50",
            "p90", "p99", "p99.9", "max", "orders", "cpu/upd", "load1", "(tick-to-trade and CPU per update in us)"));
        final StringBuilder threads = new StringBuilder();
        for (final String rate : rates)
        {
            for (final String mode : modes)
            {
                final Path runDir = dir.resolve(modes.size() == 1 ? "rate-" + rate : "rate-" + rate + "-" + mode);
                final int status = runAt(rate, mode, runDir);
                if (status != 0)
                {
                    System.err.println("mm bench: the run at rate " + rate + " (" + mode + ") failed with status " +
                        status);
                    return status;
                }
                final RunLatency run = RunLatency.load(runDir);
                table.append(row(rate, mode, run));
                threads.append(String.format(Locale.ROOT, "%-8s %-10s ", rate, mode))
                    .append(LatencyReport.cpuLine(run).replaceFirst("^.*threads \\(s\\):", "threads (s):"));
            }
        }
        table.append(threads);
        Files.writeString(dir.resolve("bench.txt"), table.toString(), StandardCharsets.UTF_8);
        System.out.print("\nmm bench: " + dir + "\n" + table);
        return 0;
    }

    private int runAt(final String rate, final String mode, final Path runDir)
    {
        final long perSecond = "max".equalsIgnoreCase(rate) ? 0 : Long.parseLong(rate);
        final List<String> args = new ArrayList<>(List.of("--duration", duration, "--run-dir", runDir.toString(),
            "--set", "sim.stress=true", "--set", "sim.stress-rate=" + perSecond, "--set", "latency.warmup=" + warmup,
            "--set", "sim.process=separate", "--set", "engine.inbound-ring-size=16384",
            "--set", "journal.lag-threshold=12288", "--set", "engine.threading=" + mode));
        for (final String override : overrides)
        {
            args.add("--set");
            args.add(override);
        }
        System.out.println("mm bench: rate " + rate + ", engine.threading=" + mode + ", for " + duration + " (first " +
            warmup + " left out) -> " + runDir);
        return new CommandLine(new RunCommand()).execute(args.toArray(new String[0]));
    }

    private static String row(final String rate, final String mode, final RunLatency run)
    {
        final Histogram h = run.stage(LatencyStage.TICK_TO_TRADE);
        return String.format(Locale.ROOT, "%-8s %-10s %12.0f %10s %10s %10s %10s %10s %9d %10.2f %10.2f%n", rate, mode,
            run.bookEventsPerSecond(), us(h, 50), us(h, 90), us(h, 99), us(h, 99.9), us(h, 100),
            h == null ? 0 : h.getTotalCount(), run.cpuMicrosPerBookEvent(), loadAverage());
    }

    /** The host's one-minute load average as the run ended (the box may be shared: figures depend on it). */
    private static double loadAverage()
    {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String us(final Histogram h, final double percentile)
    {
        if (h == null)
        {
            return "-";
        }
        final long nanos = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }
}
