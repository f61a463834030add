package io.bitmm.app.engine;

import io.bitmm.app.cli.ReplayCommand;
import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.journal.RunJournal;
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
import io.bitmm.journal.ReplayDriver.ReplayResult;
import io.bitmm.sim.CoinBalance;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EngineSystemTest} on a Unified Trading Account (v3): the whole engine against the simulated venue's default
 * UTA account for 25 s, checked against the venue: fills on both sides, requotes as in-place {@code modify-order}
 * (never a cancel-replace), the position inside its limit throughout, no book resync, no orphan order after shutdown,
 * the engine's holdings equal to the venue's balances, and a replay of the journal identical to the run.
 */
@Tag("slow")
class EngineUtaSystemTest
{
    private static final long RUN_MS = 25_000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldTradeBothSidesWithInPlaceModifiesWithinLimitsAndReplayIdentically(@TempDir final Path runDir) throws Exception
    {
        final Config config = EngineSettings.newConfig().override("test", List.of("sim.account-mode=uta", "venue.account-mode=uta",
            "gateway.order-warmup=0",
            "sim.seed=11", "sim.books-interval=50ms", "risk.max-position=0.005", "risk.soft-position=0.003",
            "quoting.order-size=0.001",
            // order mechanics need fills on both sides: tick-level spreads (the fee floor is tested in
            // PnlAttributionSystemTest)
            "quoting.fee-floor=false"));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final CoinBalance baseBefore = sim.balance("BTC");
            final CoinBalance quoteBefore = sim.balance("USDT");
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, Bindings.VenueUrls.of(sim), UtaDialect.INSTANCE,
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            final long runEpochMs = System.currentTimeMillis();
            final CoreContext coreContext = Bindings.core(config, instruments, runEpochMs);
            final long limitUnits = coreContext.limitsFor(instruments.instrument(0)).maxPosition();
            final BigDecimal limit = BigDecimal.valueOf(limitUnits, instruments.instrument(0).sizeScale());

            final RunJournal journal = RunJournal.open(config, runDir, runEpochMs, instruments);
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments, null, journal);
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
                journal.close();
            }

            final CoreCounters counters = engine.core().counters();
            final Position position = engine.core().position(0);
            assertTrue(counters.fills(Side.BUY) > 0, "buy fills: " + counters);
            assertTrue(counters.fills(Side.SELL) > 0, "sell fills: " + counters);
            assertEquals(0, counters.get(CoreCounters.RESYNC_CHECKSUM), "checksum resyncs");
            assertTrue(sim.requestCount("/api/v3/trade/modify-order") > 0, "requotes amend in place: " + sim.requestCounts());
            assertEquals(0, sim.requestCount("/api/v2/spot/trade/cancel-replace-order"), "no v2 on a UTA account");
            assertEquals(0, sim.requestCount("/api/v2/spot/trade/place-order"), "no v2 on a UTA account");
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

            final ReplayResult replay = ReplayCommand.replay(RunJournal.journalDir(runDir), List.of());
            assertTrue(replay.commands() > 20, "commands replayed: " + replay.commands());
            assertTrue(replay.identical(), () -> "replay diverged: " + replay.first());
        }
    }

    private static BigDecimal total(final CoinBalance balance)
    {
        return balance.available().add(balance.frozen());
    }
}
