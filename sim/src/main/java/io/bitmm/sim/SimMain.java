package io.bitmm.sim;

import io.bitmm.sim.cli.SimCommand;
import picocli.CommandLine;

/** Standalone entry point: {@code java ... io.bitmm.sim.SimMain --port 0}. */
public final class SimMain
{
    private SimMain()
    {
    }

    /**
     * @param args command-line options of {@link SimCommand}
     */
    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new SimCommand()).execute(args));
    }
}
