package io.bitmm.app.stat;

import io.bitmm.app.cli.StatCommand;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.tuning.latency.LatencyStage;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scrapes {@code mm stat --prometheus}'s endpoint over HTTP and checks the exposition with the text-format parser of
 * Prometheus' own Python client ({@code prometheus_client.parser}, maintained by the Prometheus project; Prometheus'
 * Java client writes the format but has no parser). The parser rejects a malformed exposition; the test then checks
 * names, types, labels and values it parsed. Skipped, saying why, where python3 with prometheus_client is missing.
 */
class PrometheusEndpointTest
{
    private static final String PARSE = String.join("\n",
        "import sys",
        "from prometheus_client.parser import text_string_to_metric_families",
        "for f in text_string_to_metric_families(open(sys.argv[1]).read()):",
        "    for s in f.samples:",
        "        labels = ','.join(k + '=' + v for k, v in sorted(s.labels.items()))",
        "        print(f.type + ' ' + s.name + ' ' + labels + ' ' + repr(float(s.value)))");

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldServeCountersThatPrometheusParses(@TempDir final Path dir) throws Exception
    {
        final String python = pythonWithParser(dir);
        final String missing = "python3 with prometheus_client (pip install prometheus_client, or apt-get install " +
            "python3-prometheus-client, which .ci/run does) is needed to parse the exposition";
        if (python == null && "true".equals(System.getenv("CI")))
        {
            Assertions.fail(missing);
        }
        Assumptions.assumeTrue(python != null, missing);
        final RunCounters counters = RunCounters.create(dir, System.currentTimeMillis());
        new CoreCounters().register(counters.manager());
        final GatewayCounters md = new GatewayCounters();
        md.register(counters.manager(), "md");
        for (int i = 0; i < 3; i++)
        {
            md.increment(GatewayCounters.FRAMES);
        }
        final Histogram histogram = new Histogram(3);
        histogram.recordValue(12_000);
        histogram.recordValue(40_000);
        counters.onInterval(LatencyStage.TICK_TO_TRADE, histogram);
        counters.runState(StatusAgent.RUNNING);

        final String text;
        try (CountersFile file = CountersFile.open(dir);
             HTTPServer server = StatCommand.startPrometheus(file, "127.0.0.1", 0))
        {
            final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.getPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
            text = response.body();
        }
        final List<String> parsed = parse(python, dir, text);

        assertTrue(parsed.contains("counter bitmm_gateway_frames_total gateway=md 3.0"), String.join("\n", parsed));
        assertTrue(parsed.contains("counter bitmm_gateway_requests_total endpoint=place_order,gateway=md 0.0"),
            String.join("\n", parsed));
        assertTrue(parsed.contains("counter bitmm_core_book_snapshots_total  0.0"), String.join("\n", parsed));
        assertTrue(parsed.contains("gauge bitmm_engine_run_state  1.0"), String.join("\n", parsed));
        assertTrue(parsed.stream().anyMatch(l -> l.startsWith("gauge bitmm_latency_p99_seconds stage=tick_to_trade 4.0")),
            String.join("\n", parsed));
        for (final String line : parsed)
        {
            final String[] words = line.split(" ");
            assertTrue(words[1].matches("bitmm_[a-z0-9_]+"), line);
            assertTrue(!"counter".equals(words[0]) || words[1].endsWith("_total"), line);
        }
    }

    /** The first of python3 on the PATH and Debian's /usr/bin/python3 that has prometheus_client, or null. */
    private static String pythonWithParser(final Path dir) throws InterruptedException
    {
        for (final String python : List.of("python3", "/usr/bin/python3"))
        {
            try
            {
                final Process p = new ProcessBuilder(python, "-c", "import prometheus_client.parser")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("probe.txt").toFile()).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
                {
                    return python;
                }
            }
            catch (final IOException ex)
            {
                // not installed: try the next
            }
        }
        return null;
    }

    private static List<String> parse(final String python, final Path dir, final String text) throws IOException, InterruptedException
    {
        final Path file = dir.resolve("metrics.txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        final Process p = new ProcessBuilder(python, "-c", PARSE, file.toString()).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "parser finished");
        assertEquals(0, p.exitValue(), "prometheus_client rejected the exposition:\n" + out + "\n---\n" + text);
        return List.of(out.split("\n"));
    }
}
