package io.bitmm.sim.cli;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs SimMain as a separate process: one ready line, serving, clean stop on SIGTERM. */
@Timeout(60)
class SimCommandTest
{
    private static final Pattern READY = Pattern.compile(
        "^ready rest=(http://127\\.0\\.0\\.1:(\\d+)) ws-public=ws://127\\.0\\.0\\.1:\\2/v2/ws/public"
            + " ws-private=ws://127\\.0\\.0\\.1:\\2/v2/ws/private"
            + " ws-public-v3=ws://127\\.0\\.0\\.1:\\2/v3/ws/public ws-private-v3=ws://127\\.0\\.0\\.1:\\2/v3/ws/private"
            + " account=(uta|classic)$");

    @ParameterizedTest
    @ValueSource(strings = {"uta", "classic"})
    void shouldPrintReadyLineServeAndStopOnSigterm(final String accountMode) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.bitmm.sim.SimMain", "--port", "0",
            "--account-mode", accountMode).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)))
        {
            final String line = out.readLine();
            final Matcher m = READY.matcher(line == null ? "" : line);
            assertTrue(m.matches(), "ready line: " + line);
            assertEquals(accountMode, m.group(3));
            final HttpResponse<String> resp = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(m.group(1) + "/api/v2/public/time")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, resp.statusCode());
            final HttpResponse<String> priv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(m.group(1) + "/api/v2/spot/account/assets")).header("ACCESS-KEY", "k").header("ACCESS-SIGN", "bad")
                .header("ACCESS-TIMESTAMP", "1").header("ACCESS-PASSPHRASE", "p").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, priv.statusCode());
            assertTrue(priv.body().contains("uta".equals(accountMode) ? "\"40085\"" : "\"40006\""), priv.body());
            p.destroy();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
        }
        finally
        {
            p.destroyForcibly();
        }
    }
}
