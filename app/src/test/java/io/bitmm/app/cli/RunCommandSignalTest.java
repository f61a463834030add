package io.bitmm.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm run} in a child JVM, stopped by SIGTERM: it must stop quoting, have every order confirmed closed, print
 * and write its summary, and exit 0.
 */
@Tag("slow")
class RunCommandSignalTest
{
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldShutDownCleanlyAndExitZeroOnSigterm(@TempDir final Path runDir) throws Exception
    {
        final Path root = Path.of(System.getProperty("user.dir")).getParent();
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + root.resolve("config/jvm/base.options"),
            "-cp", System.getProperty("java.class.path"),
            MmMain.class.getName(), "run", "--duration", "10m", "--run-dir", runDir.toString(),
            "--set", "sim.books-interval=50ms"));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                output.append(line).append('\n');
                if (line.startsWith("mm: running"))
                {
                    Thread.sleep(5_000);
                    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
                }
            }
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "exited");
        assertEquals(0, process.exitValue(), output.toString());
        final String text = output.toString();
        assertTrue(text.contains("every order confirmed closed at the venue"), text);
        assertTrue(text.contains("quotes placed"), text);
        assertTrue(Files.readString(runDir.resolve("summary.txt")).contains("tick-to-trade"), text);
    }
}
