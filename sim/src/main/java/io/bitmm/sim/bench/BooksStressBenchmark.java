package io.bitmm.sim.bench;

import io.bitmm.sim.SimContext;
import io.bitmm.sim.SimVenue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the stress-mode {@code books} rate to one WebSocket client on loopback, on the classic v2 socket
 * ({@code SPOT books}, CRC32 checksum) or the UTA v3 one ({@code spot books}, {@code seq}/{@code pseq}).
 * Run: {@code java -cp sim/target/bitmm-sim-0.1.0-SNAPSHOT.jar:$(cat sim/target/classpath.txt)
 * io.bitmm.sim.bench.BooksStressBenchmark [seconds] [v2|v3]}.
 */
public final class BooksStressBenchmark
{
    private BooksStressBenchmark()
    {
    }

    /**
     * @param args optional duration in seconds (default 10), then the dialect {@code v2} (default) or {@code v3}
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception
    {
        final int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        final boolean v3 = args.length > 1 && "v3".equals(args[1]);
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        final AtomicLong frames = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).stress(true).symbols("BTCUSDT"));
            WsClient client = WsClient.connect(v3 ? venue.wsPublicV3Uri() : venue.wsPublicUri(), t ->
            {
                frames.incrementAndGet();
                bytes.addAndGet(t.length());
            }))
        {
            client.send(v3 ? "{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"BTCUSDT\"}]}"
                : "{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}");
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
            out.printf(java.util.Locale.ROOT, "total frames %,d (%s)%n", frames.get(), v3 ? "v3 /v3/ws/public" : "v2 /v2/ws/public");
        }
    }
}
