package io.bitmm.app.chaos;

import io.bitmm.app.cli.MmMain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code mm run} in a child JVM (same java, class path and JVM flags as this one), so that it can be killed with
 * SIGKILL like a real process. Its output goes to {@code engine.log} in its run directory.
 */
final class EngineProcess implements EngineRun
{
    private final Process process;
    private final CountDownLatch running = new CountDownLatch(1);
    private final Thread pump;
    private volatile long runningNanos;

    private EngineProcess(final Process process, final Path log)
    {
        this.process = process;
        this.pump = new Thread(() -> pump(log), "chaos-engine-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * @param runArgs {@code mm run} options; {@code --run-dir} must be among them.
     * @param log     where the child's output goes (its directory is created).
     * @return the started child.
     * @throws IOException when it cannot be started.
     */
    static EngineProcess start(final List<String> runArgs, final Path log) throws IOException
    {
        Files.createDirectories(log.getParent());
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle") || flag.startsWith("-XX:") ||
                flag.startsWith("-Xm") || flag.startsWith("-Xss"))
            {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MmMain.class.getName());
        command.add("run");
        command.addAll(runArgs);
        return new EngineProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /**
     * @param seconds how long to wait.
     * @return true once it printed {@code mm: running}, false when it did not in time or exited.
     * @throws InterruptedException when interrupted.
     */
    @Override
    public boolean awaitRunning(final long seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline)
        {
            if (running.await(200, TimeUnit.MILLISECONDS))
            {
                return true;
            }
            if (!process.isAlive())
            {
                return running.getCount() == 0;
            }
        }
        return false;
    }

    /**
     * @return {@code System.nanoTime()} when it printed {@code mm: running}.
     */
    @Override
    public long runningNanos()
    {
        return runningNanos;
    }

    /**
     * SIGKILL, then wait for it to be gone.
     *
     * @throws InterruptedException when interrupted.
     */
    void sigkill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        pump.join(5_000);
    }

    /**
     * @param seconds how long to wait.
     * @return its exit status, or -1 when it did not exit in time (it is then killed).
     * @throws InterruptedException when interrupted.
     */
    @Override
    public int awaitExit(final long seconds) throws InterruptedException
    {
        if (!process.waitFor(seconds, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            return -1;
        }
        pump.join(5_000);
        return process.exitValue();
    }

    /** Kills it if it is still running (the campaign is ending). */
    @Override
    public void destroy()
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
        }
    }

    private void pump(final Path log)
    {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = Files.newOutputStream(log))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (line.startsWith("mm: running"))
                {
                    runningNanos = System.nanoTime();
                    out.flush();
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
