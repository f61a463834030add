package io.bitmm.app.cli;

import io.bitmm.app.config.Config;
import io.bitmm.app.engine.Engine;
import io.bitmm.tuning.latency.LatencyLogWriter;
import io.bitmm.tuning.latency.LatencyRecorders;
import io.bitmm.tuning.latency.LatencyReport;
import io.bitmm.tuning.latency.RunLatency;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's latency recording: the engine's stage recorders (corrected for coordinated omission when the sim paces
 * its updates), the interval-log writer thread, and the report written when the run ends.
 */
final class RunLatencyLog implements AutoCloseable
{
    private final Path dir;
    private final LatencyLogWriter writer;

    private final boolean report;

    private RunLatencyLog(final Path dir, final LatencyLogWriter writer, final boolean report)
    {
        this.dir = dir;
        this.writer = writer;
        this.report = report;
    }

    /**
     * Give the engine its recorders and start the log writer (before {@link Engine#start()}).
     *
     * @param config the run's settings.
     * @param engine the engine, not started.
     * @param dir    the run directory.
     * @return the log.
     */
    static RunLatencyLog start(final Config config, final Engine engine, final Path dir)
    {
        final LatencyRecorders recorders = new LatencyRecorders(expectedIntervalNanos(config));
        engine.latencyRecorders(recorders);
        return new RunLatencyLog(dir, LatencyLogWriter.start(recorders, dir, config.longValue("latency.warmup")),
            config.bool("latency.report"));
    }

    /**
     * @param listener also receives every interval's histograms (the run's latency counters).
     */
    void intervalListener(final LatencyLogWriter.IntervalListener listener)
    {
        writer.intervalListener(listener);
    }

    /**
     * Close the log (after the engine stopped) and write the report.
     *
     * @return the lines to print: tick-to-trade and where the report is.
     * @throws IOException when the report's files cannot be written.
     */
    String finish() throws IOException
    {
        writer.close();
        final String tickToTrade = LatencyReport.tickToTradeLine(RunLatency.load(dir));
        if (!report)
        {
            return tickToTrade + "latency report not written (latency.report = false): scripts/mm report " + dir + "\n";
        }
        try
        {
            LatencyReport.write(dir, null);
            return tickToTrade + "latency report: " + dir.resolve(LatencyReport.TABLE_FILE) + ", plot " +
                dir.resolve(LatencyReport.PLOT_NAME + ".png") + "\n";
        }
        catch (final RuntimeException ex)
        {
            // e.g. on SIGTERM the JVM is shutting down and AWT (the plot) cannot start; the log is complete.
            return tickToTrade + "latency report not written (" + ex.getMessage() + "): scripts/mm report " + dir + "\n";
        }
    }

    @Override
    public void close()
    {
        writer.close();
    }

    static long expectedIntervalNanos(final Config config)
    {
        final long rate = config.longValue("sim.stress-rate");
        final boolean paced = "sim".equals(config.text("run.venue")) && config.bool("sim.stress") && rate > 0;
        return paced ? 1_000_000_000L / rate : 0;
    }
}
