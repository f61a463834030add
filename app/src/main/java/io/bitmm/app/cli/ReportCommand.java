package io.bitmm.app.cli;

import io.bitmm.tuning.latency.LatencyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code mm report <run-dir> [--vs <other-run-dir>]}: the latency percentile table per stage and the plot (PNG and
 * SVG, written into the run directory) from the run's {@code latency.hlog}.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Latency report of a run: percentile table per stage and tick-to-trade, plot as PNG and SVG.")
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
        return 0;
    }
}
