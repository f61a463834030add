package io.bitmm.app.engine;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, faults 2 and 4, engine against the sim: subscriptions refused with 30006 after a disconnect (public and
 * private sockets) are retried and quoting resumes; a venue clock stepped 60 s (what a local clock stepped back looks
 * like) is re-measured at the first 40008 and trading goes on.
 */
@Tag("slow")
class VenueFaultsSystemTest
{
    private static Engine engine(final SimVenue sim, final Config config) throws Exception
    {
        final io.bitmm.sim.Credentials accepted = sim.credentials();
        final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(),
            new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
        final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
        final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
        return new Engine(Bindings.engine(config), coreContext, gateway, instruments);
    }

    private static Config config()
    {
        return EngineSettings.newConfig().override("test", List.of("sim.account-mode=classic", "venue.account-mode=classic",
            "sim.seed=29", "sim.books-interval=50ms",
            "risk.max-position=0.01", "risk.soft-position=0.006", "quoting.order-size=0.001", "gateway.order-warmup=0"));
    }

    private static boolean waitFor(final BooleanSupplier condition, final long ms) throws InterruptedException
    {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!condition.getAsBoolean() && System.nanoTime() - end < 0)
        {
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldRetryRefusedSubscriptionsAndQuoteAgain() throws Exception
    {
        final Config config = config();
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                final CoreCounters counters = engine.core().counters();
                assertTrue(waitFor(() -> counters.get(CoreCounters.PLACES_SENT) > 0, 30_000), "quoting");
                // the next four subscribes (books, the private channels, and the first retries) are refused
                sim.faults().refuseSubscribes(4);
                sim.faults().dropConnections();
                assertTrue(waitFor(() -> sim.faults().subscribesRefused() == 4, 30_000), "refused: " +
                    sim.faults().subscribesRefused());
                final long placesAfterRefusals = counters.get(CoreCounters.PLACES_SENT);
                final long snapshots = counters.get(CoreCounters.BOOK_SNAPSHOTS);
                assertTrue(waitFor(() -> counters.get(CoreCounters.BOOK_SNAPSHOTS) > snapshots, 30_000), "books back");
                assertTrue(waitFor(() -> counters.get(CoreCounters.PLACES_SENT) > placesAfterRefusals, 30_000),
                    "quoting again: " + counters);
                assertTrue(engine.marketData().counters().get(io.bitmm.gateway.GatewayCounters.SUBSCRIBE_RETRIES) +
                    engine.privateStreamCounters().get(io.bitmm.gateway.GatewayCounters.SUBSCRIBE_RETRIES) >= 1);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed");
            }
            assertTrue(sim.openOrders("BTCUSDT").isEmpty());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldResyncTheClockAtTheFirstRefusalAndKeepTrading() throws Exception
    {
        final Config config = config();
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(10)))
        {
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                final CoreCounters counters = engine.core().counters();
                assertTrue(waitFor(() -> counters.get(CoreCounters.ACKS) > 5, 30_000), "trading");
                // the local clock stepped 60 s back: seen from the engine, the venue's clock jumped 60 s ahead
                sim.faults().clockStepMs(60_000);
                final long acks = counters.get(CoreCounters.ACKS);
                assertTrue(waitFor(() -> counters.get(CoreCounters.ACKS) > acks + 10, 20_000), "acks go on: " + counters);
                assertTrue(counters.rejectsByCode(40008) <= 2, "40008 rejects reaching the core: " +
                    counters.rejectsByCode(40008));
                assertTrue(Math.abs(engine.clockOffsetMs() - 60_000) < 5_000, "offset " + engine.clockOffsetMs());
                // and the private stream logs in with the venue's time after a reconnect
                sim.faults().dropConnections();
                final long reconciles = counters.get(CoreCounters.RECONNECT_RECONCILES);
                assertTrue(waitFor(() -> counters.get(CoreCounters.RECONNECT_RECONCILES) > reconciles, 30_000),
                    "private stream back: " + counters);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed");
            }
            assertTrue(sim.openOrders("BTCUSDT").isEmpty());
        }
    }
}
