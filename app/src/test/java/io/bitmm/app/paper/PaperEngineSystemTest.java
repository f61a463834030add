package io.bitmm.app.paper;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.engine.Engine;
import io.bitmm.app.engine.EngineThreads;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.sim.SimContext;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole engine in paper mode against the simulated venue's market data: it quotes, gets paper fills on both
 * sides, and never sends the venue a single order request.
 */
@Tag("slow")
class PaperEngineSystemTest
{
    private static final long RUN_MS = 15_000;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void shouldTradeOnPaperAgainstSimMarketDataWithoutSendingOrders() throws Exception
    {
        final Config config = EngineSettings.newConfig().override("test", List.of(
            "run.mode=paper", "sim.account-mode=classic", "venue.account-mode=classic",
            "engine.core-wait=sleeping", "engine.shutdown-timeout=5s",
            // paper-fill mechanics at tick-level spreads; the fee floor is tested in PnlAttributionSystemTest
            "quoting.fee-floor=false"));
        try (SimVenue sim = SimVenue.start(new SimContext().accountMode("classic").port(0).seed(7).booksIntervalMs(50)))
        {
            final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(), null);
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final FillTally tally = new FillTally();
            final Engine engine = new Engine(Bindings.engine(config), Bindings.core(config, instruments, System.currentTimeMillis()),
                gateway, instruments, ring -> new PaperVenue(instruments, tally.wrap(ring)), null);
            final boolean allClosed;
            final long orderThreadCpuNanos;
            final long windowNanos;
            try
            {
                final Set<Long> before = EngineThreads.alive();
                engine.start();
                final long start = System.nanoTime();
                final long orderThread = EngineThreads.startedSince("mm-order", before);
                final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                final long cpuBefore = mx.getThreadCpuTime(orderThread);
                while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(RUN_MS))
                {
                    Thread.sleep(100);
                }
                orderThreadCpuNanos = mx.getThreadCpuTime(orderThread) - cpuBefore;
                windowNanos = System.nanoTime() - start;
                allClosed = engine.stop();
            }
            finally
            {
                engine.close();
            }

            final TradingCore core = engine.core();
            System.out.println("paper run: buys " + tally.buys.get() + ", sells " + tally.sells.get() + ", net size " +
                tally.netSize.get() + ", venue requests " + sim.requestCounts());
            assertTrue(allClosed, "every paper order confirmed closed at shutdown");
            // the paper route's ring thread waits parked between commands (order-wait sleeping): Disruptor's sleeping
            // wait woke it every ~60 us and it used ~21% of a core (4.25 CPU-s in a 20 s run) doing nothing
            assertTrue(orderThreadCpuNanos < windowNanos / 20, "mm-order thread CPU " +
                TimeUnit.NANOSECONDS.toMillis(orderThreadCpuNanos) + " ms in " +
                TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms: it should sleep between commands");
            assertEquals(0, engine.handlerErrors());
            assertTrue(tally.buys.get() > 0, "paper buys: " + tally.buys.get());
            assertTrue(tally.sells.get() > 0, "paper sells: " + tally.sells.get());
            assertEquals(tally.buys.get(), core.counters().fills(Side.BUY));
            assertEquals(tally.sells.get(), core.counters().fills(Side.SELL));
            assertEquals(tally.netSize.get(), core.position(0).size(), "position equals the net paper fills");

            for (final Map.Entry<String, Long> entry : sim.requestCounts().entrySet())
            {
                final String path = entry.getKey();
                assertTrue(!path.contains("/trade/") && !path.contains("/account/") && !path.contains("trade-rate"),
                    "no signed request reaches the venue, got " + entry);
            }
            assertEquals(0, sim.requestCount("/api/v2/spot/trade/place-order"));
            assertEquals(0, sim.requestCount("/api/v2/spot/trade/batch-orders"));
            assertEquals(0, sim.requestCount("/api/v2/spot/trade/cancel-replace-order"));
            assertTrue(sim.openOrders(null).isEmpty(), "no order at the venue");
        }
    }

    /**
     * Counts the FILL events the paper venue publishes, on their way to the ring.
     */
    private static final class FillTally
    {
        final AtomicLong buys = new AtomicLong();
        final AtomicLong sells = new AtomicLong();
        final AtomicLong netSize = new AtomicLong();

        InboundPublisher wrap(final InboundPublisher ring)
        {
            return new InboundPublisher()
            {
                @Override
                public long claim()
                {
                    return ring.claim();
                }

                @Override
                public InboundEvent event(final long sequence)
                {
                    return ring.event(sequence);
                }

                @Override
                public void publish(final long sequence)
                {
                    final InboundEvent e = ring.event(sequence);
                    if (e.type == EventType.FILL)
                    {
                        (e.side == Side.BUY ? buys : sells).incrementAndGet();
                        netSize.addAndGet(e.side == Side.BUY ? e.size : -e.size);
                    }
                    ring.publish(sequence);
                }
            };
        }
    }
}
