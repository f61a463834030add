package io.bitmm.app.chaos;

import io.bitmm.app.cli.RunCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code mm run} in this JVM, on its own thread, as {@code mm bench} runs it: no JVM start per trial. Its standard
 * output and error go to {@code engine.log} while it runs (one in-process engine at a time).
 */
final class InProcessEngine implements EngineRun
{
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread thread;
    private volatile long runningNanos;
    private volatile int status = -1;

    private InProcessEngine(final List<String> runArgs, final Path log) throws IOException
    {
        final OutputStream file = Files.newOutputStream(log);
        final PrintStream out = new PrintStream(new LineWatcher(file), true, StandardCharsets.UTF_8);
        this.thread = new Thread(() ->
        {
            final PrintStream stdout = System.out;
            final PrintStream stderr = System.err;
            System.setOut(out);
            System.setErr(out);
            try
            {
                final PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
                status = new CommandLine(new RunCommand()).setOut(writer).setErr(writer)
                    .execute(runArgs.toArray(new String[0]));
            }
            finally
            {
                System.setOut(stdout);
                System.setErr(stderr);
                out.close();
                ended.countDown();
            }
        }, "chaos-engine");
        thread.setDaemon(true);
    }

    /**
     * @param runArgs {@code mm run} options.
     * @param log     where its output goes (the directory is created).
     * @return the started run.
     * @throws IOException when the log cannot be created.
     */
    static InProcessEngine start(final List<String> runArgs, final Path log) throws IOException
    {
        Files.createDirectories(log.getParent());
        final InProcessEngine engine = new InProcessEngine(runArgs, log);
        engine.thread.start();
        return engine;
    }

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
            if (ended.getCount() == 0)
            {
                return false;
            }
        }
        return false;
    }

    @Override
    public long runningNanos()
    {
        return runningNanos;
    }

    @Override
    public int awaitExit(final long seconds) throws InterruptedException
    {
        return ended.await(seconds, TimeUnit.SECONDS) ? status : -1;
    }

    @Override
    public void destroy()
    {
        thread.interrupt();
    }

    /** Copies to the log and notices the {@code mm: running} line. */
    private final class LineWatcher extends OutputStream
    {
        private final OutputStream file;
        private final StringBuilder line = new StringBuilder();

        LineWatcher(final OutputStream file)
        {
            this.file = file;
        }

        @Override
        public synchronized void write(final int b) throws IOException
        {
            file.write(b);
            if (b == '\n')
            {
                if (line.toString().startsWith("mm: running"))
                {
                    runningNanos = System.nanoTime();
                    running.countDown();
                }
                line.setLength(0);
            }
            else if (line.length() < 64)
            {
                line.append((char)b);
            }
        }

        @Override
        public synchronized void flush() throws IOException
        {
            file.flush();
        }

        @Override
        public synchronized void close() throws IOException
        {
            file.close();
        }
    }
}
