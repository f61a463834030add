package io.bitmm.app.journal;

import io.bitmm.app.cli.MmMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code mm run} in a child JVM, for tests that kill it or run it to the end; collects its output.
 */
final class ChildEngine
{
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch running = new CountDownLatch(1);
    private final Thread pump;

    ChildEngine(final List<String> args) throws IOException
    {
        final Path root = Path.of(System.getProperty("user.dir")).getParent();
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "@" + root.resolve("config/jvm/base.options"),
            "-cp", System.getProperty("java.class.path"),
            MmMain.class.getName()));
        command.addAll(args);
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
        this.pump = new Thread(this::pump, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    boolean awaitRunning(final long seconds) throws InterruptedException
    {
        return running.await(seconds, TimeUnit.SECONDS);
    }

    void sigkill() throws Exception
    {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start().waitFor();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int awaitExit(final long seconds) throws InterruptedException
    {
        if (!process.waitFor(seconds, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("child did not exit:\n" + output);
        }
        pump.join(5_000);
        return process.exitValue();
    }

    String output()
    {
        return output.toString();
    }

    private void pump()
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                output.append(line).append('\n');
                if (line.startsWith("mm: running"))
                {
                    running.countDown();
                }
            }
        }
        catch (final IOException ignore)
        {
            // the child died: its output ends here
        }
    }
}
