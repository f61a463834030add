package io.bitmm.app.cli;

import io.bitmm.app.config.ConfigException;
import io.bitmm.sim.cli.SimCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scripts/mm}: the one entry point. Subcommands: {@code run} (the engine), {@code replay} and {@code dump} (a
 * run's journal), {@code report} (latency of a run), {@code bench} (end-to-end latency at fixed rates),
 * {@code chaos} (the chaos campaign), {@code sim} (the simulated venue on its own), {@code stat} and {@code errors}
 * (a run's counters file, live or after).
 */
@Command(
    name = "mm",
    mixinStandardHelpOptions = true,
    version = "bitmm 0.1.0",
    description = "A low-latency market-making engine for Bitget.",
    footer = {"", "Also: scripts/mm jmh [JMH options] runs the JMH benchmarks (tuning/target/benchmarks.jar) with the "
        + "engine's JVM flags, e.g. scripts/mm jmh RecordedBooksBenchmark -prof gc"},
    subcommands = { RunCommand.class, ReplayCommand.class, DumpCommand.class, ReportCommand.class,
        BenchCommand.class, ChaosCommand.class, SimCommand.class, StatCommand.class, ErrorsCommand.class })
public final class MmMain
{
    /**
     * @param args command-line arguments.
     */
    public static void main(final String[] args)
    {
        final CommandLine commandLine = new CommandLine(new MmMain())
            .setExecutionExceptionHandler((ex, cmd, parseResult) ->
            {
                if (ex instanceof ConfigException || ex instanceof IllegalStateException ||
                    ex instanceof IllegalArgumentException)
                {
                    cmd.getErr().println("mm: " + ex.getMessage());
                    return 2;
                }
                throw ex;
            });
        System.exit(commandLine.execute(args));
    }
}
