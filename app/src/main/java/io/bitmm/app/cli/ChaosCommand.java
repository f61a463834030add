package io.bitmm.app.cli;

import io.bitmm.app.chaos.ChaosCampaign;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mm chaos}: the chaos campaign. Each trial runs the engine ({@code mm run} in a child JVM) against a fresh
 * simulated venue in its own JVM under a random fault schedule drawn from the trial's seed, sometimes kills it with
 * SIGKILL and starts a second engine, then checks the venue and the journals; one table row per trial, a summary,
 * exit 1 when any trial failed a check. {@code --seed S --trials 1} (same {@code --duration}) replays trial S's
 * schedule exactly. See docs/chaos.md.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = "Chaos campaign: the engine against the sim under seeded random faults and kill -9; checks each trial.")
public final class ChaosCommand implements Callable<Integer>
{
    private static final DateTimeFormatter NAME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Option(names = "--trials", description = "how many trials (default 10)")
    private int trials = 10;

    @Option(names = "--seed", description = "the first trial's seed; trial i uses seed+i (default: from the clock, printed)")
    private Long seed;

    @Option(names = "--duration",
        description = "trading time per trial, e.g. 20s (default 18s: 50 trials take under 30 min on a busy 2-core box)")
    private String duration = "18s";

    @Option(names = "--no-kill", description = "never kill the engine (by default one trial in four kills it with SIGKILL and restarts it)")
    private boolean noKill;

    @Option(names = "--symbols", description = "symbols to quote, comma separated (default BTCUSDT)")
    private String symbols = "BTCUSDT";

    @Option(names = "--out", description = "where the trials go (default runs/chaos-<UTC timestamp>)")
    private Path out;

    @Option(names = "--set", description = "override an engine setting in every trial: --set quoting.levels=2 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        final long durationMs = millis(duration);
        if (durationMs < 8_000)
        {
            throw new IllegalArgumentException("--duration must be at least 8s, got " + duration);
        }
        if (trials < 1)
        {
            throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
        }
        final long first = seed != null ? seed : System.currentTimeMillis();
        final Path dir = out != null ? out : Path.of("runs", "chaos-" + NAME.format(Instant.now()));
        System.out.println("mm chaos: " + trials + " trials of " + durationMs / 1000.0 + " s from seed " + first +
            " -> " + dir);
        final int failed = new ChaosCampaign(first, trials, durationMs, !noKill, List.of(symbols.split(",")),
            overrides, dir, System.out).run();
        return failed == 0 ? 0 : 1;
    }

    static long millis(final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms"))
        {
            return Long.parseLong(t.substring(0, t.length() - 2));
        }
        if (t.endsWith("s"))
        {
            return (long)(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000);
        }
        if (t.endsWith("m"))
        {
            return (long)(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000);
        }
        throw new IllegalArgumentException("not a duration (e.g. 20s, 1500ms, 2m): " + text);
    }
}
