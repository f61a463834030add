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
 * Issue 11, fault 3: the engine against a venue that pays maker rebates ({@code sim.maker-fee} negative). Every
 * engine fill is a post-only maker fill, so every fee is a rebate: the engine's base and quote holdings must equal the
 * venue's balances (which grew by the rebates) and its fees must total negative.
 */
@Tag("slow")
class EngineRebateSystemTest
{
    private static final long MAX_RUN_MS = 40_000;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldBookMakerRebatesAsTheVenueDoes() throws Exception
    {
        final Config config = EngineSettings.newConfig().override("test", List.of("sim.account-mode=classic", "venue.account-mode=classic",
            "sim.seed=23", "sim.books-interval=50ms", "sim.maker-fee=-0.0002", "sim.taker-fee=0.0006",
            "risk.max-position=0.005", "risk.soft-position=0.003", "quoting.order-size=0.001", "gateway.order-warmup=2000"));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(),
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            assertTrue(instruments.instrument(0).makerFeePpm() < 0, "the venue's trade-rate reports the rebate");
            final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments);
            engine.start();
            try
            {
                final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_RUN_MS);
                final CoreCounters counters = engine.core().counters();
                while (System.nanoTime() - end < 0 && (counters.fills(Side.BUY) < 3 || counters.fills(Side.SELL) < 3))
                {
                    Thread.sleep(100);
                }
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }

            final CoreCounters counters = engine.core().counters();
            final Position position = engine.core().position(0);
            assertTrue(counters.fills(Side.BUY) > 0 && counters.fills(Side.SELL) > 0, "maker fills on both sides: " + counters);
            assertEquals(0, engine.handlerErrors(), "ring handler errors");
            assertTrue(sim.openOrders("BTCUSDT").isEmpty(), "orders left open at the venue");

            final BigDecimal baseChange = total(sim.balance("BTC")).subtract(total(baseBefore));
            final BigDecimal quoteChange = total(sim.balance("USDT")).subtract(total(quoteBefore));
            final long fills = counters.fills(Side.BUY) + counters.fills(Side.SELL);
            // the venue writes base-coin fees with more decimals than the engine's 10^-8: one unit per fill at most
            final BigDecimal tolerance = BigDecimal.valueOf(fills, Amounts.DECIMALS);
            final BigDecimal engineBase = BigDecimal.valueOf(position.baseHoldingsChange(), Amounts.DECIMALS);
            final BigDecimal engineQuote = BigDecimal.valueOf(position.quoteHoldingsChange(), Amounts.DECIMALS);
            assertTrue(baseChange.subtract(engineBase).abs().compareTo(tolerance) <= 0,
                "venue base change " + baseChange + " vs engine " + engineBase + " (" + fills + " fills)");
            assertTrue(quoteChange.subtract(engineQuote).abs().compareTo(tolerance) <= 0,
                "venue quote change " + quoteChange + " vs engine " + engineQuote + " (" + fills + " fills)");
            assertTrue(position.fees() < 0, "maker rebates only: fees total negative, was " +
                BigDecimal.valueOf(position.fees(), Amounts.DECIMALS) + " USDT over " + fills + " fills");
        }
    }

    private static BigDecimal total(final CoinBalance balance)
    {
        return balance.available().add(balance.frozen());
    }
}
