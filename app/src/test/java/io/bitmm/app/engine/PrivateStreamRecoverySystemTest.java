package io.bitmm.app.engine;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.Position;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.gateway.bitget.v3.UtaDialect;
import io.bitmm.sim.CoinBalance;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimPosition;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, fault 1: fills lost across a private-stream reconnect. The engine trades against the sim with 20
 * takers/s and delayed REST replies; a few times the sim drops every private push for a while ({@code
 * dropPrivatePushes}, as if lost while the socket was dying) until at least one of our orders has filled in that
 * window, then drops every connection. The engine must end with holdings equal to the venue's: the fills of each
 * gap are fetched after the reconnect, a cancel answered 43001 is resolved with a query, and no order is left open.
 */
@Tag("slow")
class PrivateStreamRecoverySystemTest
{
    private static final int GAPS = 3;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesHoldingsAfterPushesLostAcrossReconnects() throws Exception
    {
        pushesLostAcrossReconnects(config(23, "classic"));
    }

    /** The same on a Unified Trading Account: v3 fill pushes lost, the gap's fills fetched from /api/v3/trade/fills. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesHoldingsAfterPushesLostAcrossReconnectsOnUta() throws Exception
    {
        pushesLostAcrossReconnects(config(23, "uta"));
    }

    /**
     * The same on a UTA account's BTCUSDT perpetual: v3 fill and position pushes lost, the gap's fills fetched from
     * {@code /api/v3/trade/fills?category=USDT-FUTURES}; the engine's position ends equal to the venue's.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesPositionAfterPushesLostAcrossReconnectsOnAUtaPerpetual() throws Exception
    {
        final Config config = EngineSettings.newConfig().override("test", List.of("sim.account-mode=uta",
            "venue.account-mode=uta", "run.symbols=USDT-FUTURES:BTCUSDT", "sim.seed=23", "sim.books-interval=50ms",
            "risk.max-position=0.01", "risk.soft-position=0.006", "quoting.order-size=0.001", "gateway.order-warmup=0",
            "quoting.fee-floor=false"));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, Bindings.VenueUrls.of(sim), UtaDialect.FUTURES,
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments);
            int gapsWithFills = 0;
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().fills(Side.BUY) + engine.core().counters().fills(Side.SELL) > 0, 30_000);
                sim.faults().restDelayMs(200);
                for (int gap = 0; gap < GAPS; gap++)
                {
                    // every fill moves the wallet's USDT (its fee)
                    final BigDecimal before = total(sim.futuresBalance("USDT"));
                    sim.faults().dropPrivatePushesMs(60_000);
                    waitFor(() -> total(sim.futuresBalance("USDT")).compareTo(before) != 0, 30_000);
                    Thread.sleep(500);
                    if (total(sim.futuresBalance("USDT")).compareTo(before) != 0)
                    {
                        gapsWithFills++;
                    }
                    sim.faults().dropPrivatePushesMs(0);
                    sim.faults().dropConnections();
                    Thread.sleep(3_000);
                }
                sim.faults().restDelayMs(0);
                Thread.sleep(3_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertTrue(gapsWithFills > 0, "no fill happened while pushes were lost: the test proved nothing");
            assertTrue(sim.openFuturesOrders("BTCUSDT").isEmpty(), "orders left open at the venue");
            final Position position = engine.core().position(0);
            final BigDecimal venue = venuePosition(sim);
            final CoreCounters counters = engine.core().counters();
            assertEquals(0, venue.compareTo(BigDecimal.valueOf(position.size(), instruments.instrument(0).sizeScale())),
                "engine position " + position.size() + " vs the venue's " + venue + " (" + counters + ")");
            assertTrue(counters.get(CoreCounters.RECONNECT_RECONCILES) >= GAPS, counters.toString());
            assertTrue(counters.get(CoreCounters.RECOVERED_FILLS) >= 1, "fills recovered from the venue: " + counters);
            assertEquals(0, engine.handlerErrors(), "ring handler errors");
        }
    }

    private static BigDecimal venuePosition(final SimVenue sim)
    {
        final SimPosition longSide = sim.position("BTCUSDT", "long");
        final SimPosition shortSide = sim.position("BTCUSDT", "short");
        return (longSide == null ? BigDecimal.ZERO : longSide.size())
            .subtract(shortSide == null ? BigDecimal.ZERO : shortSide.size());
    }

    private static void pushesLostAcrossReconnects(final Config config) throws Exception
    {
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final Engine engine = engine(sim, config);
            int gapsWithFills = 0;
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().fills(Side.BUY) + engine.core().counters().fills(Side.SELL) > 0, 30_000);
                sim.faults().restDelayMs(200);
                for (int gap = 0; gap < GAPS; gap++)
                {
                    final BigDecimal before = total(sim.balance("BTC"));
                    sim.faults().dropPrivatePushesMs(60_000);
                    // keep the pushes lost until an order of ours filled in the gap (the base balance moved)
                    waitFor(() -> total(sim.balance("BTC")).compareTo(before) != 0, 30_000);
                    Thread.sleep(500);
                    if (total(sim.balance("BTC")).compareTo(before) != 0)
                    {
                        gapsWithFills++;
                    }
                    sim.faults().dropPrivatePushesMs(0);
                    sim.faults().dropConnections();
                    Thread.sleep(3_000);
                }
                sim.faults().restDelayMs(0);
                Thread.sleep(3_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertTrue(gapsWithFills > 0, "no fill happened while pushes were lost: the test proved nothing");
            assertTrue(sim.faults().privatePushesDropped() > 0, "pushes dropped");

            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
            final CoreCounters counters = engine.core().counters();
            assertTrue(counters.get(CoreCounters.RECONNECT_RECONCILES) >= GAPS, counters.toString());
            assertTrue(counters.get(CoreCounters.RECOVERED_FILLS) >= 1, "fills recovered from the venue: " + counters);
            System.out.println("recovery: " + gapsWithFills + " gaps with fills, " + sim.faults().privatePushesDropped() +
                " pushes dropped; " + counters);
        }
    }

    private static void assertHoldingsMatch(final SimVenue sim, final Engine engine, final CoinBalance baseBefore,
        final CoinBalance quoteBefore)
    {
        final List<OpenOrder> open = sim.openOrders("BTCUSDT");
        assertTrue(open.isEmpty(), "orders left open at the venue: " + open);
        final CoreCounters counters = engine.core().counters();
        final Position position = engine.core().position(0);
        final BigDecimal baseChange = total(sim.balance("BTC")).subtract(total(baseBefore));
        final BigDecimal quoteChange = total(sim.balance("USDT")).subtract(total(quoteBefore));
        final long fills = counters.fills(Side.BUY) + counters.fills(Side.SELL);
        final BigDecimal tolerance = BigDecimal.valueOf(fills, Amounts.DECIMALS);
        final BigDecimal baseGap = baseChange.subtract(BigDecimal.valueOf(position.baseHoldingsChange(), Amounts.DECIMALS));
        final BigDecimal quoteGap = quoteChange.subtract(BigDecimal.valueOf(position.quoteHoldingsChange(), Amounts.DECIMALS));
        assertTrue(baseGap.abs().compareTo(tolerance) <= 0, "venue base change " + baseChange + " vs engine " +
            BigDecimal.valueOf(position.baseHoldingsChange(), Amounts.DECIMALS) + " (" + fills + " fills, " +
            sim.faults().privatePushesDropped() + " pushes dropped; " + counters + ")");
        assertTrue(quoteGap.abs().compareTo(tolerance) <= 0, "venue quote change " + quoteChange + " vs engine " +
            BigDecimal.valueOf(position.quoteHoldingsChange(), Amounts.DECIMALS) + " (" + fills + " fills)");
        assertEquals(0, engine.handlerErrors(), "ring handler errors");
    }

    private static Engine engine(final SimVenue sim, final Config config) throws Exception
    {
        final io.bitmm.sim.Credentials accepted = sim.credentials();
        final GatewayContext gateway = Bindings.gateway(config, Bindings.VenueUrls.of(sim),
            Bindings.dialect(config, sim.restUri(), null),
            new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
        final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
        final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
        return new Engine(Bindings.engine(config), coreContext, gateway, instruments);
    }

    private static Config config(final int seed)
    {
        return config(seed, "classic");
    }

    private static Config config(final int seed, final String account)
    {
        return EngineSettings.newConfig().override("test", List.of("sim.account-mode=" + account,
            "venue.account-mode=" + account, "sim.seed=" + seed, "sim.books-interval=50ms",
            "risk.max-position=0.01", "risk.soft-position=0.006", "quoting.order-size=0.001", "gateway.order-warmup=0",
            // fills across reconnects need tick-level spreads (the fee floor is tested in PnlAttributionSystemTest)
            "quoting.fee-floor=false"));
    }

    /**
     * Chaos campaign, seed 3021: pushes lost (the stream still up), the orders found filled by queries near the end,
     * and the engine stopped while their fills were being fetched: those fills were never booked. Stopping waits for
     * every fill fetch the core asked for.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldBookTheFillsItIsStillFetchingWhenItStops() throws Exception
    {
        final Config config = config(29);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().get(CoreCounters.ACKS) > 0, 30_000);
                final BigDecimal before = total(sim.balance("BTC"));
                // every push lost from now on, the stream still up: only queries and fill fetches see the fills
                sim.faults().dropPrivatePushesMs(600_000).restDelayMs(300);
                waitFor(() -> total(sim.balance("BTC")).compareTo(before) != 0, 60_000);
                assertTrue(total(sim.balance("BTC")).compareTo(before) != 0, "no fill while pushes were lost");
            }
            finally
            {
                // stop at once: the filled orders are found by queries during the stop, their fills fetched then
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertTrue(engine.core().counters().get(CoreCounters.FILL_FETCHES_SENT) >= 1, engine.core().counters().toString());
            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
        }
    }

    /**
     * Chaos seed 3030: an order filled in part while its pushes were lost (the stream up), then replaced or cancelled
     * successfully: no reply, no query, no reconnect ever says it filled. The stop's sweep of the run's fills books it.
     */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldBookPartialFillsWhosePushesWereLostOnOrdersThenReplaced() throws Exception
    {
        final Config config = config(43);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().get(CoreCounters.ACKS) > 0, 30_000);
                sim.faults().partialFillFraction(1.0).dropPrivatePushesMs(600_000);
                waitFor(() -> sim.faults().partialFillsInjected() >= 3, 60_000);
                assertTrue(sim.faults().partialFillsInjected() >= 3, "partial fills while pushes were lost");
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
            assertTrue(engine.stopSweepFills() > 0 && engine.core().counters().get(CoreCounters.RECOVERED_FILLS) > 0,
                "the stop's sweep fetched " + engine.stopSweepFills() + " fills; " + engine.core().counters());
        }
    }

    /** The first input: 20 takers/s, REST replies delayed 400 ms, every connection dropped every 2 s. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesHoldingsWithRestDelayedAndConnectionsDroppedEveryTwoSeconds() throws Exception
    {
        final Config config = config(31);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().get(CoreCounters.ACKS) > 0, 30_000);
                sim.faults().restDelayMs(400);
                for (int i = 0; i < 10; i++)
                {
                    Thread.sleep(2_000);
                    sim.faults().dropConnections();
                }
                sim.faults().restDelayMs(0);
                Thread.sleep(3_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
            assertTrue(engine.core().counters().get(CoreCounters.RECONNECT_RECONCILES) >= 1, engine.core().counters().toString());
        }
    }

    /** The second input: only the venue's forced disconnect, every 6 s. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesHoldingsWithTheVenueClosingConnectionsEverySixSeconds() throws Exception
    {
        final Config config = config(41);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20).wsMaxAgeMs(6_000)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().get(CoreCounters.RECONNECT_RECONCILES) >= 4, 60_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
            assertTrue(engine.core().counters().get(CoreCounters.RECONNECT_RECONCILES) >= 4, engine.core().counters().toString());
        }
    }

    /** Private pushes sent twice or swapped with the next one, and orders filled in several parts. */
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesHoldingsWithDuplicatedReorderedPushesAndPartialFills() throws Exception
    {
        final Config config = config(37);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            sim.faults().duplicatePushFraction(0.3).reorderPushFraction(0.3).partialFillFraction(0.5);
            final Engine engine = engine(sim, config);
            engine.start();
            try
            {
                waitFor(() -> sim.faults().partialFillsInjected() >= 5 && sim.faults().privatePushesReordered() >= 5, 60_000);
                Thread.sleep(2_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            assertTrue(sim.faults().privatePushesDuplicated() > 0 && sim.faults().privatePushesReordered() > 0 &&
                sim.faults().partialFillsInjected() > 0, "faults injected");
            assertHoldingsMatch(sim, engine, baseBefore, quoteBefore);
            assertTrue(engine.core().counters().get(CoreCounters.DUPLICATE_FILLS) > 0, "duplicates were dropped");
        }
    }

    private static void waitFor(final java.util.function.BooleanSupplier condition, final long ms) throws InterruptedException
    {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!condition.getAsBoolean() && System.nanoTime() - end < 0)
        {
            Thread.sleep(20);
        }
    }

    private static BigDecimal total(final CoinBalance balance)
    {
        return balance.available().add(balance.frozen());
    }
}
