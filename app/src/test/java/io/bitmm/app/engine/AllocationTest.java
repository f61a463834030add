package io.bitmm.app.engine;

import com.sun.management.ThreadMXBean;
import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.stat.CountersFile;
import io.bitmm.app.stat.CountersSnapshot;
import io.bitmm.app.stat.RunCounters;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.gateway.bitget.v2.ClassicSpotDialect;
import io.bitmm.gateway.bitget.v3.UtaDialect;
import io.bitmm.sim.SimVenue;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot threads allocate nothing per event, in both threading modes and both account dialects: the engine against
 * the sim in stress mode at a fixed rate; after a warm-up, the bytes the market-data I/O thread (socket reads,
 * WebSocket frames, decode, publish: Netty included), the core thread and the order I/O thread (encode, sign, HTTP/2
 * frames and flush, reply frames and decode: {@code gateway.http2-client = lean}) allocated (ThreadMXBean, by thread
 * id, sampled from this thread) over a measured window, divided by the book events processed in it (core, market
 * data) or by the commands sent in it (orders, beyond {@link #ORDER_THREAD_BYTES_PER_WINDOW} of time-driven work),
 * must be 0 (under one byte per event or command on average: what remains is the odd pooled buffer view and the
 * 30-second ping, not per-event work). Netty's HTTP/2 client ({@code gateway.http2-client = netty}) fails this with
 * ~3,000 B per command. With shared threading the three are the one {@code mm-shared} thread, whose bytes must be
 * under one per book event and under one per command.
 * Counters are on, as in a run: every counter in the run's memory-mapped counters file and the per-instrument gauges
 * written on the core thread after each event.
 */
@Tag("slow")
class AllocationTest
{
    private static final long WARMUP_MS = 8_000;
    private static final long MEASURE_MS = 5_000;
    /**
     * Windows measured at most: a per-event or per-command allocation shows in every window, while the rare one-off
     * (a JIT deoptimisation re-resolving a constant, a reconnect, Netty's buffer cache trimming and refilling, a reply
     * of a new shape interning its names) shows in one; the first clean window passes.
     */
    private static final int MAX_WINDOWS = 6;
    /**
     * The order I/O thread's time-driven work per window, not per command (measured 176-192 B per 5 s window with 73
     * to 109 commands): at ~20 commands a second a few such bytes would read as bytes per command. Netty's HTTP/2
     * client allocated ~3,000 B per command here.
     */
    private static final long ORDER_THREAD_BYTES_PER_WINDOW = 1024;

    @ParameterizedTest(name = "account {0}, engine.threading = {1}")
    @CsvSource({"classic, dedicated", "uta, dedicated", "classic, shared", "uta, shared", "uta-perpetual, dedicated"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldAllocateNothingPerEventOnTheMarketDataCoreAndOrderThreads(
        final String account, final String threading, @TempDir final Path dir)
        throws Exception
    {
        final boolean shared = "shared".equals(threading);
        final ThreadMXBean mx = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "per-thread allocation accounting");
        mx.setThreadAllocatedMemoryEnabled(true);
        // The tests run Netty with paranoid leak detection, which records a stack trace per buffer: not production.
        final ResourceLeakDetector.Level leakLevel = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        final boolean perpetual = account.endsWith("-perpetual");
        final String mode = perpetual ? "uta" : account;
        final Config config = EngineSettings.newConfig().override("test", List.of("sim.account-mode=" + mode,
            "venue.account-mode=" + mode, "sim.seed=7", "sim.stress=true", "sim.stress-rate=20000",
            "engine.threading=" + threading));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).tls(false)))
        {
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, Bindings.VenueUrls.of(sim),
                perpetual ? UtaDialect.FUTURES : "uta".equals(account) ? UtaDialect.INSTANCE : ClassicSpotDialect.INSTANCE,
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
            final RunCounters counters = RunCounters.create(dir, System.currentTimeMillis());
            gateway.errorLog(new DistinctErrorLog(counters.errorLog()));
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments);
            engine.counters(counters, new long[] {coreContext.limitsFor(instruments.instrument(0)).maxPosition()});
            final Set<Long> before = EngineThreads.alive();
            engine.start();
            try
            {
                Thread.sleep(WARMUP_MS);
                // this engine's threads: earlier tests in this JVM may have left threads of the same names behind
                // shared: one thread runs the md socket, the core and the order I/O agent; measured as both
                final long core = EngineThreads.startedSince(shared ? Engine.SHARED_THREAD : "mm-core", before);
                final long md = shared ? core : EngineThreads.startedSince("bitmm-md", before);
                final long orders = shared ? core : EngineThreads.startedSince("bitmm-orders", before);
                long coreBytes = 0;
                long mdBytes = 0;
                long orderBytes = 0;
                long commands = 0;
                long events = 0;
                // A new connection (a reconnect after a pong timeout on a busy box) allocates its frame reader and
                // pipeline: a slow path, not the per-event one measured here. A window with one is measured again, and
                // so is one whose order thread allocated: the first reply of a new shape interns its field names in
                // Jackson's symbol table, once (an allocation per command shows in every window).
                for (int window = 0; window < MAX_WINDOWS; window++)
                {
                    final long connectionsBefore = mdConnections(engine);
                    final long orderConnectionsBefore = orderConnections(engine);
                    final long coreBefore = mx.getThreadAllocatedBytes(core);
                    final long mdBefore = mx.getThreadAllocatedBytes(md);
                    final long ordersBefore = mx.getThreadAllocatedBytes(orders);
                    final long commandsBefore = engine.commandsPublished();
                    final long eventsBefore = engine.latency().bookEvents();
                    Thread.sleep(MEASURE_MS);
                    coreBytes = mx.getThreadAllocatedBytes(core) - coreBefore;
                    mdBytes = mx.getThreadAllocatedBytes(md) - mdBefore;
                    orderBytes = mx.getThreadAllocatedBytes(orders) - ordersBefore;
                    commands = engine.commandsPublished() - commandsBefore;
                    events = engine.latency().bookEvents() - eventsBefore;
                    final boolean reconnected = mdConnections(engine) != connectionsBefore ||
                        orderConnections(engine) != orderConnectionsBefore;
                    final boolean orderPathClean = commands > 0 &&
                        Math.max(0, orderBytes - ORDER_THREAD_BYTES_PER_WINDOW) / commands == 0;
                    System.out.printf(Locale.ROOT, "allocation check (%s) over %d book events: core thread %d bytes " +
                        "(%.2f B/event), md I/O thread %d bytes (%.2f B/event); order I/O thread %d bytes over %d " +
                        "commands (%.2f B/command)%s%n", account + "/" + threading,
                        events, coreBytes, (double)coreBytes / events, mdBytes, (double)mdBytes / events, orderBytes,
                        commands, commands == 0 ? 0.0 : (double)orderBytes / commands,
                        reconnected ? "; an md or order connection was replaced in the window: measured again" :
                        orderPathClean ? "" : "; measured again");
                    if (!reconnected && orderPathClean)
                    {
                        break;
                    }
                    assertTrue(!reconnected || window < MAX_WINDOWS - 1, "a market-data or order reconnect in every window");
                }
                assertTrue(events > 10_000, "book events processed in the window: " + events);
                assertTrue(commands > 20, "commands sent in the window: " + commands);
                assertEquals(0, coreBytes / events, "core thread bytes per book event (" + coreBytes + " in all)");
                assertEquals(0, mdBytes / events, "md I/O thread bytes per book event (" + mdBytes + " in all)");
                assertEquals(0, Math.max(0, orderBytes - ORDER_THREAD_BYTES_PER_WINDOW) / commands,
                    "order I/O thread bytes per command beyond " + ORDER_THREAD_BYTES_PER_WINDOW + " per window (" +
                    orderBytes + " in all, " + commands + " commands)");
                try (CountersFile file = CountersFile.open(dir))
                {
                    final CountersSnapshot snapshot = CountersSnapshot.read(file);
                    assertTrue(snapshot.value(CounterTypes.CORE, "book_updates") > events, "counters file moved");
                    assertTrue(snapshot.value(CounterTypes.INSTRUMENT, "best_bid", "symbol",
                        perpetual ? "USDT-FUTURES:BTCUSDT" : "BTCUSDT") > 0,
                        "instrument gauges written");
                }
            }
            finally
            {
                engine.stop();
                ResourceLeakDetector.setLevel(leakLevel);
            }
        }
    }

    private static long mdConnections(final Engine engine)
    {
        return engine.marketData().counters().get(GatewayCounters.CONNECTIONS_OPENED);
    }

    private static long orderConnections(final Engine engine)
    {
        return engine.orderCounters().get(GatewayCounters.CONNECTIONS_OPENED);
    }
}
