package io.bitmm.app.cli;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.journal.JournalHeader;
import io.bitmm.journal.ReplayDriver;
import io.bitmm.journal.ReplayDriver.ReplayResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code mm replay <run-dir>}: re-drive a fresh core, configured from the journal's header alone, with the recorded
 * inbound events in order, and compare every command it emits with the recorded ones. Exit 0 when identical;
 * 1, with the first divergent command (both versions) and the events before it, when not. With {@code --set} the
 * divergences are the expected output of a what-if, so they are printed and the exit status is 0.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replay a run's journal into a fresh core and check every command matches.")
public final class ReplayCommand implements Callable<Integer>
{
    @Parameters(index = "0", description = "the run's directory (holds journal/)")
    private Path runDir;

    @Option(names = "--set", description = "replay with a changed setting: --set quoting.levels=2 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Option(names = "--repeat", description = "replay this many times and report the fastest pass (a throughput "
        + "measurement; each pass uses a fresh core)")
    private int repeat = 1;

    @Override
    public Integer call()
    {
        ReplayResult result = replay(RunJournal.journalDir(runDir), overrides);
        for (int pass = 1; pass < repeat; pass++)
        {
            final ReplayResult next = replay(RunJournal.journalDir(runDir), overrides);
            result = next.elapsedNanos() < result.elapsedNanos() ? next : result;
        }
        final PrintStream out = System.out;
        out.printf(Locale.ROOT, "replay %s: %d events, %d commands replayed in %.3f s (%.2f M events/s)%n",
            runDir, result.events(), result.commands(), result.elapsedNanos() / 1e9, result.eventsPerSecond() / 1e6);
        if (result.identical())
        {
            out.println("identical: every command matches the record" +
                (overrides.isEmpty() ? "" : " (the change " + overrides + " did not alter any decision)"));
            return 0;
        }
        printDivergence(out, result);
        return overrides.isEmpty() ? 1 : 0;
    }

    /**
     * @param journalDir the journal's directory.
     * @param overrides  {@code key=value} changes to the recorded configuration.
     * @return the outcome.
     */
    public static ReplayResult replay(final Path journalDir, final List<String> overrides)
    {
        try (ReplayDriver driver = new ReplayDriver(journalDir))
        {
            final JournalHeader header = driver.header();
            final Config config = RunJournal.config(header, overrides);
            final CoreContext context = Bindings.core(config, header.instruments(), header.runEpochMs());
            final TradingCore core = new TradingCore(context, header.instruments(), driver);
            return driver.run(core::onEvent);
        }
    }

    private void printDivergence(final PrintStream out, final ReplayResult result)
    {
        out.println((overrides.isEmpty() ? "DIVERGED" : "diverged with " + overrides) + ": " + result.divergent() +
            " of the commands differ (" + result.missing() + " recorded commands never produced)");
        final ReplayDriver.Divergence first = result.first();
        out.println("first divergence, after these events:");
        for (final String line : first.before())
        {
            out.println("  " + line);
        }
        out.println("  recorded: " + (first.recorded() == null ? "(nothing: the replay emitted one more)" : first.recorded()));
        out.println("  replayed: " + (first.replayed() == null ? "(nothing: the replay never emitted it)" : first.replayed()));
    }
}
