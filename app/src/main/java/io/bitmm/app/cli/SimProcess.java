package io.bitmm.app.cli;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The simulated venue in a child JVM ({@code sim.process = separate}): its garbage collections and threads stay out
 * of the engine's process, as a real venue's do. Started with the same java and class path as this process (none of
 * its JVM flags: the sim gets a 1 GiB heap and the JVM's default collector), given the {@code sim.*} settings, and read until its
 * {@code ready rest=... ws-public=... ws-private=...} line. Its output goes to {@code sim.log} in the run directory.
 * It takes the same credentials from the environment as this process (BITGET_API_*, or the sim's defaults), and
 * exits when this process does, even when this one is killed ({@code --exit-with}).
 */
public final class SimProcess implements AutoCloseable
{
    private static final long READY_TIMEOUT_MS = 60_000;

    private final Process process;
    private final Bindings.VenueUrls urls;

    private SimProcess(final Process process, final Bindings.VenueUrls urls)
    {
        this.process = process;
        this.urls = urls;
    }

    /**
     * Start the child and wait until it is ready.
     *
     * @param config the run's settings ({@code sim.*}).
     * @param runDir where {@code sim.log} goes.
     * @return the running sim.
     * @throws IOException when it cannot be started or does not become ready.
     */
    static SimProcess start(final Config config, final Path runDir) throws IOException
    {
        final List<String> simArgs = new ArrayList<>();
        simArgs.add("--seed=" + config.longValue("sim.seed"));
        simArgs.add("--books-interval-ms=" + config.longValue("sim.books-interval"));
        simArgs.add("--maker-fee=" + config.text("sim.maker-fee"));
        simArgs.add("--taker-fee=" + config.text("sim.taker-fee"));
        simArgs.add("--futures-maker-fee=" + config.text("sim.futures-maker-fee"));
        simArgs.add("--futures-taker-fee=" + config.text("sim.futures-taker-fee"));
        simArgs.add("--account-mode=" + config.text("sim.account-mode"));
        if (config.bool("sim.stress"))
        {
            simArgs.add("--stress");
            simArgs.add("--stress-rate=" + config.longValue("sim.stress-rate"));
        }
        return start(simArgs, runDir.resolve("sim.log"));
    }

    /**
     * Start the child with the given {@code mm sim} options and wait until it is ready.
     *
     * @param simArgs {@code mm sim} options, e.g. {@code --seed=7}; {@code --exit-with} this process is added.
     * @param log     where the child's output goes.
     * @return the running sim.
     * @throws IOException when it cannot be started or does not become ready.
     */
    public static SimProcess start(final List<String> simArgs, final Path log) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MmMain.class.getName());
        command.add("sim");
        command.add("--exit-with=" + ProcessHandle.current().pid());
        command.addAll(simArgs);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final BlockingQueue<String> ready = new ArrayBlockingQueue<>(1);
        final Thread pump = new Thread(() -> pump(process, log, ready), "mm-sim-output");
        pump.setDaemon(true);
        pump.start();
        final String line;
        try
        {
            line = ready.poll(READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while starting the simulated venue", ex);
        }
        if (line == null || !line.startsWith("ready "))
        {
            process.destroyForcibly();
            throw new IOException("the simulated venue (child process) did not become ready within " +
                READY_TIMEOUT_MS / 1000 + "s; its output is in " + log);
        }
        return new SimProcess(process, new Bindings.VenueUrls(URI.create(field(line, "rest")),
            URI.create(field(line, "ws-public")), URI.create(field(line, "ws-private")),
            URI.create(field(line, "ws-public-v3")), URI.create(field(line, "ws-private-v3"))));
    }

    private static void pump(final Process process, final Path log, final BlockingQueue<String> ready)
    {
        boolean signalled = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING))
        {
            String line;
            while ((line = in.readLine()) != null)
            {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (!signalled && line.startsWith("ready "))
                {
                    signalled = ready.offer(line);
                }
            }
        }
        catch (final IOException ex)
        {
            // the child went away: nothing more to copy
        }
        if (!signalled)
        {
            ready.offer("exited");
        }
    }

    private static String field(final String line, final String name)
    {
        for (final String part : line.split(" "))
        {
            if (part.startsWith(name + "="))
            {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalStateException("the simulated venue's ready line has no " + name + ": " + line);
    }

    public URI restUri()
    {
        return urls.rest();
    }

    public URI wsPublicUri()
    {
        return urls.wsPublic();
    }

    public URI wsPrivateUri()
    {
        return urls.wsPrivate();
    }

    /**
     * @return every address of the child venue (v2 and v3 WebSockets).
     */
    public Bindings.VenueUrls urls()
    {
        return urls;
    }

    /**
     * Stop the child (SIGTERM: it closes its venue), then kill it when it does not exit within 10 s.
     */
    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(10, TimeUnit.SECONDS))
            {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
