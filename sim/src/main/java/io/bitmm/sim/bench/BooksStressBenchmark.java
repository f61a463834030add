package io.bitmm.sim.bench;

import io.bitmm.sim.SimContext;
import io.bitmm.sim.SimVenue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the stress-mode {@code books} rate to one WebSocket client on loopback.
 * Run: {@code java -cp sim/target/bitmm-sim-0.1.0-SNAPSHOT.jar:$(cat sim/target/classpath.txt)
 * io.bitmm.sim.bench.BooksStressBenchmark [seconds]}.
 */
public final class BooksStressBenchmark
{
    private BooksStressBenchmark()
    {
    }

    /**
     * @param args optional duration in seconds (default 10)
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).stress(true).symbols("BTCUSDT"));
            WsClient client = WsClient.connect(venue.wsPublicUri(), t ->
            {
                frames.incrementAndGet();
                bytes.addAndGet(t.length());
            }))
        {
            client.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}");
            Thread.sleep(2000);
            for (int s = 0; s < seconds; s++)
            {
                final long f0 = frames.get();
                final long b0 = bytes.get();
                final long t0 = System.nanoTime();
                Thread.sleep(1000);
                final double dt = (System.nanoTime() - t0) / 1e9;
                out.printf(java.util.Locale.ROOT, "books updates/s %,.0f  MB/s %.1f%n", (frames.get() - f0) / dt,
                    (bytes.get() - b0) / dt / 1e6);
            }
            out.printf(java.util.Locale.ROOT, "total frames %,d%n", frames.get());
        }
    }
}
