package io.bitmm.app.engine;

import io.bitmm.app.cli.ReplayCommand;
import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.Position;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.gateway.bitget.v2.ClassicFuturesDialect;
import io.bitmm.gateway.bitget.v2.MixAccountSetup;
import io.bitmm.gateway.bitget.v3.UtaAccountSetup;
import io.bitmm.gateway.bitget.v3.UtaDialect;
import io.bitmm.journal.ReplayDriver.ReplayResult;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimPosition;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole engine on a USDT-M perpetual against the simulated venue for 20 s, on each account: classic (v2 mix) and
 * Unified Trading Account (v3, {@code category USDT-FUTURES}, one-way hold mode, in-place modifies). Checked against
 * the venue's own state: fills on both sides, the venue's position sampled throughout and never beyond the limit,
 * reduce-only quotes at the limit, the venue's position pushes received, requotes sent (on UTA never a reduce-only
 * modify, which v3 refuses with 25568), no order left after shutdown, the engine's position equal to the venue's, and
 * the journal replaying to identical commands.
 */
@Tag("slow")
class PerpetualEngineSystemTest
{
    private static final long RUN_MS = 20_000;

    @TempDir
    Path runDir;

    @ParameterizedTest(name = "account {0}")
    @ValueSource(strings = {"classic", "uta"})
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldTradeThePerpetualWithinLimitsAndReplayIdentically(final String account) throws Exception
    {
        final boolean uta = "uta".equals(account);
        final Config config = EngineSettings.newConfig().override("test", List.of(
            "sim.account-mode=" + account, "venue.account-mode=" + account,
            "run.symbols=USDT-FUTURES:BTCUSDT", "sim.seed=11", "sim.books-interval=50ms", "sim.funding-interval=4s",
            "risk.max-position=0.006", "risk.soft-position=0.004", "quoting.order-size=0.002", "venue.leverage=5",
            "symbol.BTCUSDT.leverage=7",
            "gateway.order-warmup=2000", "gateway.request-timeout=15s",
            // fills on both sides in 20 s need tick-level spreads (the fee floor is tested in PnlAttributionSystemTest)
            "quoting.fee-floor=false"));
        try (SimVenue sim = SimVenue.start(Bindings.sim(config)))
        {
            final io.bitmm.sim.Credentials accepted = sim.credentials();
            final GatewayContext gateway = Bindings.gateway(config, Bindings.VenueUrls.of(sim),
                uta ? UtaDialect.FUTURES : new ClassicFuturesDialect("crossed"),
                new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
            final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of("BTCUSDT"));
            assertEquals(InstrumentKind.USDT_PERPETUAL, instruments.instrument(0).kind());
            final String changes = setUp(uta, gateway, instruments, config);
            assertTrue(changes.contains("BTCUSDT leverage set to 7"), "the sim starts at 20x; per symbol: " + changes);
            assertEquals("", setUp(uta, gateway, instruments, config), "nothing left to change");
            final long epochMs = System.currentTimeMillis();
            final CoreContext coreContext = Bindings.core(config, instruments, epochMs);
            final long limitUnits = coreContext.limitsFor(instruments.instrument(0)).maxPosition();
            final int sizeScale = instruments.instrument(0).sizeScale();
            final BigDecimal limit = BigDecimal.valueOf(limitUnits, sizeScale);

            final RunJournal journal = RunJournal.open(config, runDir, epochMs, instruments);
            final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments, null, journal);
            BigDecimal worst = BigDecimal.ZERO;
            long samples = 0;
            engine.start();
            try
            {
                final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MS);
                while (System.nanoTime() - end < 0)
                {
                    final BigDecimal venuePosition = venuePosition(sim);
                    samples++;
                    if (venuePosition.abs().compareTo(worst.abs()) > 0)
                    {
                        worst = venuePosition;
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
            System.out.println(account + " perpetual: " + samples + " venue samples, worst " + worst + " of " + limit + ", position " +
                position.size() + ", funding " + position.funding() + " (" + position.fundingPayments() + ")\n" + counters);
            assertTrue(counters.fills(Side.BUY) > 0, "buy fills: " + counters);
            assertTrue(counters.fills(Side.SELL) > 0, "sell fills: " + counters);
            assertEquals(0, counters.get(CoreCounters.RESYNC_CHECKSUM), "checksum resyncs");
            assertEquals(0, engine.handlerErrors(), "ring handler errors");
            assertTrue(worst.abs().compareTo(limit) <= 0, "venue position " + worst + " exceeded the limit " + limit);
            // the random walk reaches the limit in most 20 s runs, not all (3 net fills one way; since the core counts a
            // fill its orders push reported before the fill push, classic no longer overshoots on the way there)
            assertTrue(worst.abs().compareTo(limit) < 0 || counters.get(CoreCounters.REDUCE_ONLY_PLACES) > 0,
                "reduce-only quotes at the limit: " + counters);
            assertTrue(counters.get(CoreCounters.POSITION_SNAPSHOTS) > 0, "venue position reports: " + counters);
            assertTrue(counters.get(CoreCounters.REPLACES_SENT) > 0, "requotes: " + counters);
            // v3 modify-order refuses reduce-only orders: they are cancelled and placed again, never modified
            assertTrue(!counters.toString().contains("reject.25568"), "modify refused (25568): " + counters);

            final List<OpenOrder> open = sim.openFuturesOrders("BTCUSDT");
            assertTrue(open.isEmpty(), "orders left open at the venue: " + open);
            assertEquals(0, venuePosition(sim).compareTo(BigDecimal.valueOf(position.size(), sizeScale)),
                "engine position " + position.size() + " vs the venue's " + venuePosition(sim));
            assertEquals(position.size(), position.venueSize(), "the venue's last report");
            // fills the orders push reported ahead of their fill (every completing fill on classic) were all booked
            assertEquals(0, engine.core().orders().unbookedFilled(0), "reported filled, never booked");
            assertEquals(0, engine.core().orders().fillsOwedCount(), "finished orders still owing fills");
            assertEquals(0, counters.get(CoreCounters.FILLS_NEVER_BOOKED), "fills no fetch booked");

            final ReplayResult replay = ReplayCommand.replay(RunJournal.journalDir(runDir), List.of());
            assertTrue(replay.commands() > 20, "commands: " + replay.commands());
            assertTrue(replay.identical(), () -> "diverged: " + replay.first());
        }
    }

    private static String setUp(final boolean uta, final GatewayContext gateway, final InstrumentTable instruments,
        final Config config) throws IOException
    {
        return uta ? new UtaAccountSetup(gateway).apply(instruments, "crossed", s -> Bindings.leverage(config, s)) :
            new MixAccountSetup(gateway).apply(instruments, "crossed", s -> Bindings.leverage(config, s));
    }

    private static BigDecimal venuePosition(final SimVenue sim)
    {
        final SimPosition longSide = sim.position("BTCUSDT", "long");
        final SimPosition shortSide = sim.position("BTCUSDT", "short");
        return (longSide == null ? BigDecimal.ZERO : longSide.size())
            .subtract(shortSide == null ? BigDecimal.ZERO : shortSide.size());
    }
}
