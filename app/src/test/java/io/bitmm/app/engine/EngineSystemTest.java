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
import io.bitmm.sim.CoinBalance;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole engine against the simulated venue on loopback for 25 s of simulated flow, in both threading modes, checked against the venue's
 * own state: fills on both sides, the position inside its limit throughout, no checksum failure, no orphan order
 * after shutdown, and the engine's position equal to the venue's balances.
 */
@Tag("slow")
class EngineSystemTest
{
    private static final long RUN_MS = 25_000;

    @ParameterizedTest(name = "engine.threading = {0}")
    @ValueSource(strings = {"dedicated", "shared"})
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldTradeBothSidesWithinLimitsAndLeaveNothingOpen(final String threading) throws Exception
    {
        final Config config = EngineSettings.newConfig().override("test", List.of("sim.account-mode=classic", "venue.account-mode=classic",
            "gateway.order-warmup=0",
            "sim.seed=11", "sim.books-interval=50ms", "risk.max-position=0.005", "risk.soft-position=0.003",
            "quoting.order-size=0.001", "gateway.order-warmup=2000", "engine.threading=" + threading,
            // order mechanics need fills on both sides in 25 s: tick-level spreads (the fee floor is tested in
            // PnlAttributionSystemTest)
            "quoting.fee-floor=false"));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(),
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
            final long limitUnits = coreContext.limitsFor(instruments.instrument(0)).maxPosition();
            final BigDecimal limit = BigDecimal.valueOf(limitUnits, instruments.instrument(0).sizeScale());

            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments);
            BigDecimal worstVenuePosition = BigDecimal.ZERO;
            engine.start();
            try
            {
                final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MS);
                while (System.nanoTime() - end < 0)
                {
                    final BigDecimal venuePosition = total(sim.balance("BTC")).subtract(total(baseBefore));
                    if (venuePosition.abs().compareTo(worstVenuePosition.abs()) > 0)
                    {
                        worstVenuePosition = venuePosition;
                    }
                    Thread.sleep(20);
                }
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }

            final CoreCounters counters = engine.core().counters();
            final Position position = engine.core().position(0);
            assertTrue(counters.fills(Side.BUY) > 0, "buy fills: " + counters);
            assertTrue(counters.fills(Side.SELL) > 0, "sell fills: " + counters);
            assertEquals(0, counters.get(CoreCounters.RESYNC_CHECKSUM), "checksum resyncs");
            assertEquals(0, engine.handlerErrors(), "ring handler errors");
            assertTrue(worstVenuePosition.abs().compareTo(limit.add(new BigDecimal("0.000001"))) <= 0,
                "venue position " + worstVenuePosition + " exceeded the limit " + limit);
            assertTrue(Math.abs(position.size()) <= limitUnits, "final position " + position.size());

            final List<OpenOrder> open = sim.openOrders("BTCUSDT");
            assertTrue(open.isEmpty(), "orders left open at the venue: " + open);

            final BigDecimal baseChange = total(sim.balance("BTC")).subtract(total(baseBefore));
            final BigDecimal quoteChange = total(sim.balance("USDT")).subtract(total(quoteBefore));
            // Exact to the engine's amount precision (10^-8): the venue reports fees with more decimals (a base-coin
            // fee such as 0.0000000024), which the private-stream decoder truncates, so each fill may differ by up to
            // one unit; nothing else may.
            final long fills = counters.fills(Side.BUY) + counters.fills(Side.SELL);
            final BigDecimal tolerance = BigDecimal.valueOf(fills, Amounts.DECIMALS);
            final BigDecimal baseGap = baseChange.subtract(BigDecimal.valueOf(position.baseHoldingsChange(), Amounts.DECIMALS));
            final BigDecimal quoteGap = quoteChange.subtract(BigDecimal.valueOf(position.quoteHoldingsChange(), Amounts.DECIMALS));
            assertTrue(baseGap.abs().compareTo(tolerance) <= 0, "venue base change " + baseChange + " vs engine " +
                position.baseHoldingsChange() + " (" + fills + " fills)");
            assertTrue(quoteGap.abs().compareTo(tolerance) <= 0, "venue quote change " + quoteChange + " vs engine " +
                position.quoteHoldingsChange() + " (" + fills + " fills)");
        }
    }

    private static BigDecimal total(final CoinBalance balance)
    {
        return balance.available().add(balance.frozen());
    }
}
