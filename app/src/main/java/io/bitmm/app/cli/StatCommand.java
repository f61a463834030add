package io.bitmm.app.cli;

import io.bitmm.app.stat.CountersFile;
import io.bitmm.app.stat.CountersSnapshot;
import io.bitmm.app.stat.PrometheusCounters;
import io.bitmm.app.stat.RunDirectories;
import io.bitmm.app.stat.StatScreen;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.agrona.concurrent.errors.ErrorLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code mm stat [run-dir]}: the run's counters file, read from this separate process. Refreshes the screen every
 * second until Ctrl-C (plain ANSI clear: works over SSH); {@code --once} prints one snapshot; {@code --prometheus
 * [host]:port} serves the counters in Prometheus' text format instead.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = "Watch a run's counters: quotes, position, PnL, counters by concern, latency, risk state.")
public final class StatCommand implements Callable<Integer>
{
    private static final String CLEAR = "\033[H\033[2J";

    @Parameters(arity = "0..1", paramLabel = "run-dir", description = "run directory (default: newest live run in runs/)")
    private Path runDir;

    @Option(names = "--once", description = "print one snapshot and exit")
    private boolean once;

    @Option(names = "--interval", description = "refresh interval, ms (default 1000)")
    private long intervalMs = 1000;

    @Option(names = "--prometheus", paramLabel = "[host]:port",
        description = "serve the counters for Prometheus at http://host:port/metrics (e.g. :9464) until Ctrl-C")
    private String prometheus;

    @Override
    public Integer call() throws Exception
    {
        final Path dir = runDir != null ? runDir : RunDirectories.newest(Path.of("runs"));
        try (CountersFile file = CountersFile.open(dir))
        {
            if (prometheus != null)
            {
                return serve(file, dir);
            }
            final PrintStream out = System.out;
            while (true)
            {
                final String screen = StatScreen.render(dir.toString(), CountersSnapshot.read(file),
                    distinctErrors(file), System.currentTimeMillis());
                out.print(once ? screen : CLEAR + screen);
                out.flush();
                if (once)
                {
                    return 0;
                }
                TimeUnit.MILLISECONDS.sleep(intervalMs);
            }
        }
    }

    private int serve(final CountersFile file, final Path dir) throws IOException, InterruptedException
    {
        final int colon = prometheus.lastIndexOf(':');
        final String host = colon <= 0 ? "0.0.0.0" : prometheus.substring(0, colon);
        final int port = Integer.parseInt(prometheus.substring(colon + 1));
        try (HTTPServer server = startPrometheus(file, host, port))
        {
            System.out.println("mm stat: serving " + dir + " for Prometheus at http://" + host + ":" + server.getPort() +
                "/metrics (Ctrl-C stops)");
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    /**
     * Serve a counters file for Prometheus (each scrape reads it afresh).
     *
     * @param file the mapped counters file.
     * @param host the address to bind.
     * @param port the port; 0 for any free one.
     * @return the started server ({@code /metrics}).
     * @throws IOException when it cannot bind.
     */
    public static HTTPServer startPrometheus(final CountersFile file, final String host, final int port)
        throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new PrometheusCounters(() -> CountersSnapshot.read(file)));
        return HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
    }

    static int distinctErrors(final CountersFile file)
    {
        return ErrorLogReader.read(file.errorLogBuffer(), (count, first, last, text) ->
        {
        });
    }
}
