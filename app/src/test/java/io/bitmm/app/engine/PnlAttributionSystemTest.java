package io.bitmm.app.engine;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.PnlAttribution;
import io.bitmm.core.position.Position;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine with default quoting settings (fee floor on, calibration on) against the sim's default market: the PnL
 * attribution adds up to the position's total, and the spread captured per fill is at least the fee paid per fill.
 * The sim's market is not changed. The sim account's fee tier is: at the quick start's default (Bitget spot non-VIP,
 * 0.1% maker) the fee floor puts the quotes over 10 bp from the mid and a 40 s run gets no fill (README "Fees and
 * fills"), so these runs give the account a market maker's tier, as Bitget's liquidity programme does.
 */
@Tag("slow")
class PnlAttributionSystemTest
{
    private static final long RUN_MS = 40_000;

    @Test
    @Timeout(value = 360, unit = TimeUnit.SECONDS)
    void shouldExplainThePnlAtAMarketMakersRebate() throws Exception
    {
        // Bitget spot market maker tier: maker -0.01% (a rebate)
        final PnlAttribution attribution = run("-0.0001");
        assertTrue(attribution.fees() < 0, "a rebate: fees " + attribution.fees());
    }

    @Test
    @Timeout(value = 360, unit = TimeUnit.SECONDS)
    void shouldClearTheFeesAtAPayingMakerTier() throws Exception
    {
        // a small paid maker rate, 0.002% (not a Bitget tier): the floor (2 x 0.2 bp + 1 bp edge) must still put the
        // quotes far enough out that each fill's spread pays its fee. At Bitget's lowest paying tiers (0.008% and up)
        // a 40 s run got 0 or 1 fills, too few to test anything (sim/README.md "Fees, and the synthetic market")
        final PnlAttribution attribution = run("0.00002");
        final long fills = attribution.fills();
        assertTrue(attribution.fees() > 0, "the maker fee is paid: fees " + attribution.fees());
        assertTrue(attribution.spreadCaptured() / fills >= attribution.fees() / fills,
            "spread captured per fill " + attribution.spreadCaptured() / fills + " below the fee per fill " +
                attribution.fees() / fills);
    }

    private PnlAttribution run(final String makerFee) throws Exception
    {
        // defaults, but no JIT warm-up of the order path (slow on a busy machine, irrelevant to PnL)
        final Config config = EngineSettings.newConfig().override("test", List.of("gateway.order-warmup=0",
            "sim.account-mode=classic", "venue.account-mode=classic",
            "sim.maker-fee=" + makerFee));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(),
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final CoreContext coreContext = Bindings.core(config, instruments, System.currentTimeMillis());
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments);
            engine.start();
            try
            {
                final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MS);
                while (System.nanoTime() - end < 0)
                {
                    Thread.sleep(50);
                }
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
            }
            final Position position = engine.core().position(0);
            final PnlAttribution attribution = engine.core().attribution(0);
            final StringBuilder summary = new StringBuilder();
            RunSummary.attribution(summary, attribution, "USDT");
            System.out.println("pnl attribution system test: " + attribution.fills() + " fills\n" + summary +
                RunSummary.model(engine.core().volatility(0), engine.core().intensity(0)));
            final long fills = position.buyFills() + position.sellFills();
            assertTrue(fills > 0, "no fills in " + RUN_MS + " ms: nothing to attribute");
            assertEquals(fills, attribution.fills());
            assertEquals(position.fees(), attribution.fees());
            assertEquals(position.totalPnl(), attribution.total(), fills,
                "spread + inventory - fees + funding = the position's total, to a unit of 10^-8 per fill");
            return attribution;
        }
    }
}
