package io.bitmm.app.cli;

import io.bitmm.app.journal.PnlPlot;
import io.bitmm.tuning.latency.LatencyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code mm report <run-dir> [--vs <other-run-dir>]}: the latency percentile table per stage and the plot (PNG and
 * SVG, written into the run directory) from the run's {@code latency.hlog}; and the trading plot
 * ({@code pnl-<SYMBOL>.png}: mid, our quotes and fills, position and PnL) from the run's journal ({@link PnlPlot}).
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Latency report of a run: percentile table per stage and tick-to-trade, plot as PNG and SVG; " +
        "and the trading plot (mid, quotes, fills, position, PnL) from the run's journal as pnl-<SYMBOL>.png.")
public final class ReportCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "<run-dir>", description = "a run directory (with latency.hlog)")
    private Path runDir;

    @Option(names = "--vs", paramLabel = "<other-run-dir>", description = "a second run: both on one plot, and ratios")
    private Path vsDir;

    @Override
    public Integer call() throws Exception
    {
        System.out.print(LatencyReport.write(runDir, vsDir));
        for (final Path png : PnlPlot.write(runDir))
        {
            System.out.println("pnl plot: " + png);
        }
        return 0;
    }
}
