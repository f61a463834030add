package io.bitmm.app.chaos;

import io.bitmm.app.cli.SimProcess;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A chaos campaign: {@code trials} trials with seeds {@code seed}, {@code seed + 1}, ..., each a {@link ChaosTrial}
 * in its own directory under {@code out}; one table row per trial as it ends, then a summary (faults injected by
 * kind, violations by check). The table also goes to {@code out/chaos.txt}. The next trial's venue starts while
 * the current trial trades (a JVM start costs seconds on a busy box), not while its engine starts: two JVMs
 * starting at once on the shared 2-core box kept a child engine's order connections from warming within its 5 s.
 */
public final class ChaosCampaign
{
    private final long seed;
    private final int trials;
    private final long durationMs;
    private final boolean kills;
    private final List<String> symbols;
    private final List<String> overrides;
    private final Path out;
    private final PrintStream print;

    /**
     * @param seed       the first trial's seed.
     * @param trials     how many trials.
     * @param durationMs trading time per trial.
     * @param kills      true when trials may kill the engine with SIGKILL and restart it.
     * @param symbols    the symbols the engine quotes.
     * @param overrides  {@code key=value} settings for every engine.
     * @param out        the campaign's directory.
     * @param print      where the table goes as it grows.
     */
    public ChaosCampaign(final long seed, final int trials, final long durationMs, final boolean kills,
        final List<String> symbols, final List<String> overrides, final Path out, final PrintStream print)
    {
        this.seed = seed;
        this.trials = trials;
        this.durationMs = durationMs;
        this.kills = kills;
        this.symbols = symbols;
        this.overrides = overrides;
        this.out = out;
        this.print = print;
    }

    /**
     * Run every trial.
     *
     * @return the number of trials that failed a check.
     * @throws IOException when the campaign cannot write its files or start a venue.
     * @throws InterruptedException when interrupted.
     */
    public int run() throws IOException, InterruptedException
    {
        Files.createDirectories(out);
        final StringBuilder table = new StringBuilder();
        final String header = header();
        print.print(header);
        table.append(header);
        final Map<FaultKind, Long> injected = new EnumMap<>(FaultKind.class);
        long forced = 0;
        long killed = 0;
        long rebates = 0;
        final Map<ChaosTrial.Check, Integer> violations = new EnumMap<>(ChaosTrial.Check.class);
        final List<String> failed = new ArrayList<>();
        final long started = System.nanoTime();
        CompletableFuture<SimProcess> nextVenue = ChaosTrial.startVenue(FaultSchedule.draw(seed, durationMs, kills),
            trialDir(seed), symbols);
        for (int i = 0; i < trials; i++)
        {
            final long trialSeed = seed + i;
            final FaultSchedule schedule = FaultSchedule.draw(trialSeed, durationMs, kills);
            final CompletableFuture<SimProcess> venue = nextVenue;
            final AtomicReference<CompletableFuture<SimProcess>> next = new AtomicReference<>();
            final boolean more = i + 1 < trials;
            // once per trial: called when its (last) engine trades and again after it; each call used to start another
            // venue JVM for the next seed, and every one but the first ran on, unclosed, until the campaign ended
            final Runnable startNext = () ->
            {
                synchronized (next)
                {
                    if (next.get() == null)
                    {
                        next.set(more ? ChaosTrial.startVenue(FaultSchedule.draw(trialSeed + 1, durationMs, kills),
                            trialDir(trialSeed + 1), symbols) : CompletableFuture.completedFuture(null));
                    }
                }
            };
            ChaosTrial.Outcome outcome;
            try
            {
                outcome = new ChaosTrial(schedule, trialDir(trialSeed), symbols, overrides, print).run(venue, startNext);
            }
            catch (final IOException ex)
            {
                final Map<ChaosTrial.Check, String> failure = new EnumMap<>(ChaosTrial.Check.class);
                failure.put(ChaosTrial.Check.RUN, "trial aborted: " + ex.getMessage());
                outcome = new ChaosTrial.Outcome(schedule, failure, "");
            }
            startNext.run();
            nextVenue = more ? next.get() : null;
            schedule.counts().forEach((kind, n) -> injected.merge(kind, (long)n, Long::sum));
            forced += schedule.forcedDisconnects();
            killed += schedule.killAtMs() >= 0 ? 1 : 0;
            rebates += schedule.rebate() ? 1 : 0;
            outcome.failures().keySet().forEach(check -> violations.merge(check, 1, Integer::sum));
            final String row = row(outcome);
            print.print(row);
            print.flush();
            table.append(row);
            if (!outcome.passed())
            {
                failed.add(trialSeed + ": " + outcome.failures());
            }
            Files.writeString(out.resolve("chaos.txt"), table.toString(), StandardCharsets.UTF_8);
        }
        final StringBuilder summary = new StringBuilder("\nfaults injected:");
        for (final FaultKind kind : FaultKind.values())
        {
            summary.append(' ').append(kind.label()).append('=').append(injected.getOrDefault(kind, 0L));
        }
        summary.append(" maxage-disconnects=").append(forced).append(" kill-9+restart=").append(killed)
            .append(" rebate-trials=").append(rebates).append('\n');
        summary.append("violations:");
        for (final ChaosTrial.Check check : ChaosTrial.Check.values())
        {
            summary.append(' ').append(check.label()).append('=').append(violations.getOrDefault(check, 0));
        }
        summary.append(String.format(Locale.ROOT, "%n%d trials, %d failed, in %.1f min; files in %s%n", trials,
            failed.size(), (System.nanoTime() - started) / 60e9, out));
        for (final String failure : failed)
        {
            summary.append("FAILED seed ").append(failure).append('\n')
                .append("  reproduce: scripts/mm chaos --trials 1 --duration ").append(durationMs).append("ms --seed ")
                .append(failure, 0, failure.indexOf(':')).append('\n');
        }
        print.print(summary);
        table.append(summary);
        Files.writeString(out.resolve("chaos.txt"), table.toString(), StandardCharsets.UTF_8);
        return failed.size();
    }

    private Path trialDir(final long trialSeed)
    {
        return out.resolve("trial-" + trialSeed);
    }

    private static String header()
    {
        final StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20s %-4s %-72s", "seed", "kill",
            "faults injected"));
        for (final ChaosTrial.Check check : ChaosTrial.Check.values())
        {
            out.append(String.format(Locale.ROOT, " %-9s", check.label()));
        }
        return out.append(" notes\n").toString();
    }

    private static String row(final ChaosTrial.Outcome outcome)
    {
        final FaultSchedule schedule = outcome.schedule();
        final StringBuilder faults = new StringBuilder();
        schedule.counts().forEach((kind, n) -> faults.append(kind.label()).append(':').append(n).append(' '));
        if (schedule.wsMaxAgeMs() > 0)
        {
            faults.append("maxage:").append(schedule.wsMaxAgeMs() / 1000).append("s ");
        }
        if (schedule.rebate())
        {
            faults.append("rebate");
        }
        final StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-20d %-4s %-72s", schedule.seed(),
            schedule.killAtMs() >= 0 ? (schedule.killAtMs() / 1000) + "s" : "-", faults.toString().trim()));
        for (final ChaosTrial.Check check : ChaosTrial.Check.values())
        {
            out.append(String.format(Locale.ROOT, " %-9s", outcome.failures().containsKey(check) ? "FAIL" : "ok"));
        }
        out.append(' ').append(outcome.notes()).append('\n');
        for (final Map.Entry<ChaosTrial.Check, String> failure : outcome.failures().entrySet())
        {
            out.append("    seed ").append(schedule.seed()).append(' ').append(failure.getKey().label()).append(": ")
                .append(failure.getValue()).append('\n');
        }
        return out.toString();
    }
}
