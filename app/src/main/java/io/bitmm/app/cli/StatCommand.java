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
import java.net.InetSocketAddress;
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
        description = "serve the counters for Prometheus at http://host:port/metrics until Ctrl-C: " +
            "127.0.0.1:9464 listens on this host only, :9464 on every interface (anyone who can reach the host " +
            "reads the counters: no authentication)")
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
        final InetSocketAddress address = prometheusAddress(prometheus);
        try (HTTPServer server = startPrometheus(file, address))
        {
            final boolean every = address.getAddress().isAnyLocalAddress();
            System.out.println("mm stat: serving " + dir + " for Prometheus at http://" +
                (every ? "<any address of this host>" : address.getHostString()) + ":" + server.getPort() + "/metrics" +
                (every ? " on every interface (127.0.0.1:" + server.getPort() + " keeps it on this host)" : "") +
                " (Ctrl-C stops)");
            System.out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    /**
     * @param value {@code host:port} ({@code 127.0.0.1:9464}, {@code localhost:9464}, {@code [::1]:9464}: that address
     *              only) or {@code :port} (every interface); port 0 takes any free one.
     * @return the address to listen on.
     * @throws IllegalArgumentException saying what to write, for a value without a port, a bad port or a host that
     *                                  does not resolve.
     */
    public static InetSocketAddress prometheusAddress(final String value)
    {
        final String usage = "write host:port, e.g. 127.0.0.1:9464 (this host only) or :9464 (every interface)";
        final int colon = value.lastIndexOf(':');
        if (colon < 0 || value.indexOf(':') != colon && !value.startsWith("["))
        {
            throw new IllegalArgumentException("--prometheus " + value + ": " + usage);
        }
        final String bracketed = value.substring(0, colon);
        final String host = bracketed.startsWith("[") && bracketed.endsWith("]") ?
            bracketed.substring(1, bracketed.length() - 1) : bracketed;
        final int port;
        try
        {
            port = Integer.parseInt(value.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("--prometheus " + value + ": the port is not a number from 0 to 65535; " +
                usage, ex);
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("--prometheus " + value + ": the port is not a number from 0 to 65535; " +
                usage);
        }
        final InetSocketAddress address = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (address.isUnresolved())
        {
            throw new IllegalArgumentException("--prometheus " + value + ": cannot resolve " + host + "; " + usage);
        }
        return address;
    }

    /**
     * Serve a counters file for Prometheus (each scrape reads it afresh).
     *
     * @param file    the mapped counters file.
     * @param address where to listen ({@link #prometheusAddress(String)}).
     * @return the started server ({@code /metrics}).
     * @throws IOException when it cannot bind.
     */
    public static HTTPServer startPrometheus(final CountersFile file, final InetSocketAddress address)
        throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new PrometheusCounters(() -> CountersSnapshot.read(file)));
        return HTTPServer.builder().inetAddress(address.getAddress()).port(address.getPort()).registry(registry)
            .buildAndStart();
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
        return startPrometheus(file, new InetSocketAddress(host, port));
    }

    static int distinctErrors(final CountersFile file)
    {
        return ErrorLogReader.read(file.errorLogBuffer(), (count, first, last, text) ->
        {
        });
    }
}
