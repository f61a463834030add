package io.bitmm.app.engine;

import io.bitmm.app.cli.ReplayCommand;
import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.app.reconcile.StartPositions;
import io.bitmm.app.reconcile.VenueReconciler;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.Position;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.gateway.bitget.v2.ClassicFuturesDialect;
import io.bitmm.gateway.bitget.v2.MixAccountSetup;
import io.bitmm.journal.ReplayDriver.ReplayResult;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimPosition;
import io.bitmm.sim.SimVenue;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation of a classic USDT-M perpetual (v2 mix) against the sim: at start (an orphan of an earlier run is
 * cancelled, a position held before the run is the engine's start position, journaled so that the replay is
 * identical), and after private-stream reconnects while fills happen (the gap's fills fetched from
 * {@code /api/v2/mix/order/fills}: the engine's position equals the venue's at the end).
 */
@Tag("slow")
class PerpetualReconcileSystemTest
{
    private static final String SYMBOL = "BTCUSDT";
    private static final int GAPS = 2;

    @TempDir
    Path runDir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldEndWithTheVenuesPositionAfterPushesLostAcrossReconnects() throws Exception
    {
        final Config config = config(43);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            final Started started = start(sim, config);
            final Engine engine = started.engine();
            int gapsWithFills = 0;
            engine.start();
            try
            {
                waitFor(() -> fills(engine) > 0, 30_000);
                sim.faults().restDelayMs(200);
                for (int gap = 0; gap < GAPS; gap++)
                {
                    final long fillsBefore = venueFills(sim);
                    sim.faults().dropPrivatePushesMs(60_000);
                    // keep the pushes lost until an order of ours filled in the gap
                    waitFor(() -> venueFills(sim) > fillsBefore, 30_000);
                    Thread.sleep(500);
                    if (venueFills(sim) > fillsBefore)
                    {
                        gapsWithFills++;
                    }
                    sim.faults().dropPrivatePushesMs(0);
                    sim.faults().dropConnections();
                    Thread.sleep(3_000);
                }
                sim.faults().restDelayMs(0);
                Thread.sleep(2_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
                started.journal().close();
            }
            assertTrue(gapsWithFills > 0, "no fill happened while pushes were lost: the test proved nothing");
            assertTrue(sim.faults().privatePushesDropped() > 0, "pushes dropped");
            final CoreCounters counters = engine.core().counters();
            assertTrue(counters.get(CoreCounters.RECONNECT_RECONCILES) >= GAPS, counters.toString());
            assertTrue(counters.get(CoreCounters.RECOVERED_FILLS) >= 1, "fills recovered from the venue: " + counters);
            assertPositionMatches(sim, engine, started.instruments());
            System.out.println("perpetual recovery: " + gapsWithFills + " gaps with fills, " +
                sim.faults().privatePushesDropped() + " pushes dropped; " + counters);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldCancelTheOrphanAndStartFromTheVenuesPosition() throws Exception
    {
        final Config config = config(47);
        try (SimVenue sim = SimVenue.start(Bindings.sim(config).takersPerSecond(20)))
        {
            // an earlier run's leftovers: a position (another tool's taker buy) and one of our quotes still resting
            assertTrue(place(sim, "buy", "market", null, "0.004", "other-tool-1"), "the position's taker buy");
            final long bid = sim.onVenue(v -> v.exchange().book(Instrument.key(Instrument.USDT_FUTURES, SYMBOL)).bestBid());
            final String orphanPrice = sim.onVenue(v -> v.exchange().book(Instrument.key(Instrument.USDT_FUTURES, SYMBOL))
                .instrument().price(bid * 98 / 100));
            assertTrue(place(sim, "buy", "limit", orphanPrice, "0.002", "mm-earlier-1"), "the orphan");
            assertTrue(place(sim, "buy", "limit", orphanPrice, "0.002", "grid-9"), "another tool's order");
            final BigDecimal venueStart = venuePosition(sim);
            assertEquals(0, new BigDecimal("0.004").compareTo(venueStart), "the venue's position before the run");

            final Started started = start(sim, config);
            final Engine engine = started.engine();
            assertTrue(started.reconciled().cancelled().contains("mm-earlier-1"), started.reconciled().describe());
            assertFalse(sim.openFuturesOrders(SYMBOL).stream().anyMatch(o -> o.clientOid().equals("mm-earlier-1")),
                "the orphan is cancelled before the engine starts");
            assertTrue(sim.openFuturesOrders(SYMBOL).stream().anyMatch(o -> o.clientOid().equals("grid-9")),
                "another tool's order is left alone");
            final String reconcileText = Files.readString(runDir.resolve("reconcile.txt"), StandardCharsets.UTF_8);
            assertTrue(reconcileText.contains("start positions BTCUSDT 0.004"), reconcileText);
            engine.start();
            try
            {
                waitFor(() -> engine.core().counters().get(CoreCounters.POSITION_SNAPSHOTS) > 1 && fills(engine) > 0,
                    30_000);
                Thread.sleep(2_000);
            }
            finally
            {
                assertTrue(engine.stop(), "every order confirmed closed within the shutdown timeout");
                started.journal().close();
                cancelOtherTool(sim);
            }
            assertPositionMatches(sim, engine, started.instruments());
            final ReplayResult replay = ReplayCommand.replay(RunJournal.journalDir(runDir), List.of());
            assertTrue(replay.commands() > 5, "commands: " + replay.commands());
            assertTrue(replay.identical(), () -> "diverged: " + replay.first());
            System.out.println(reconcileText + "perpetual start: venue " + venueStart + ", end engine " +
                engine.core().position(0).size() + " venue " + venuePosition(sim) + "; " + engine.core().counters());
        }
    }

    private record Started(Engine engine, InstrumentTable instruments, RunJournal journal, VenueReconciler.Result reconciled)
    {
    }

    /** What {@code mm run} does for a perpetual: reconcile, account setup, core, journal, start positions. */
    private Started start(final SimVenue sim, final Config config) throws Exception
    {
        final io.bitmm.sim.Credentials accepted = sim.credentials();
        final GatewayContext gateway = Bindings.gateway(config, sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(),
            new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase()));
        gateway.dialect(new ClassicFuturesDialect("crossed"));
        final InstrumentTable instruments = InstrumentLoader.load(gateway, List.of(SYMBOL));
        final VenueReconciler.Result reconciled = VenueReconciler.atStart(gateway.restUri(), gateway.credentials(),
            List.of(SYMBOL), CoreContext.CLIENT_OID_PREFIX_DEFAULT, gateway.dialect().accountQueries(), runDir);
        new MixAccountSetup(gateway).apply(instruments, "crossed", 5);
        final long epochMs = System.currentTimeMillis();
        final CoreContext coreContext = Bindings.core(config, instruments, epochMs);
        final RunJournal journal = RunJournal.open(config, runDir, epochMs, instruments);
        final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments, null, journal);
        for (final StartPositions.Start p : StartPositions.perpetuals(instruments, reconciled))
        {
            engine.startPosition(p.instrumentId(), p.sizeUnits(), p.entryPriceUnits());
        }
        return new Started(engine, instruments, journal, reconciled);
    }

    private static Config config(final int seed)
    {
        return EngineSettings.newConfig().override("test", List.of("sim.account-mode=classic",
            "venue.account-mode=classic", "run.symbols=USDT-FUTURES:BTCUSDT", "sim.seed=" + seed,
            "sim.books-interval=50ms", "risk.max-position=0.01", "risk.soft-position=0.006", "quoting.order-size=0.002",
            "venue.leverage=5", "gateway.order-warmup=0", "gateway.request-timeout=15s",
            // fills across reconnects need tick-level spreads (the fee floor is tested in PnlAttributionSystemTest)
            "quoting.fee-floor=false"));
    }

    private static boolean place(final SimVenue sim, final String side, final String type, final String price,
        final String size, final String clientOid)
    {
        return sim.onVenue(v ->
        {
            final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
            r.category = Instrument.USDT_FUTURES;
            r.symbol = SYMBOL;
            r.side = side;
            r.orderType = type;
            r.force = "gtc";
            r.price = price;
            r.size = size;
            r.clientOid = clientOid;
            r.reduceOnly = "NO";
            final Exchange.PlaceResult result = v.place(r);
            if (result.accepted())
            {
                v.exchange().process(result.order());
            }
            return result.accepted();
        });
    }

    private static void cancelOtherTool(final SimVenue sim)
    {
        sim.onVenue(v ->
        {
            final io.bitmm.sim.engine.Order o = v.exchange().orderByClientOid("grid-9");
            return o != null && v.exchange().cancel(o);
        });
    }

    private static void assertPositionMatches(final SimVenue sim, final Engine engine, final InstrumentTable instruments)
    {
        final List<OpenOrder> open = sim.openFuturesOrders(SYMBOL);
        assertTrue(open.stream().noneMatch(o -> o.clientOid().startsWith("mm-")), "our orders left open: " + open);
        final Position position = engine.core().position(0);
        final BigDecimal engineSize = BigDecimal.valueOf(position.size(), instruments.instrument(0).sizeScale());
        assertEquals(0, venuePosition(sim).compareTo(engineSize), "engine position " + engineSize + " vs the venue's " +
            venuePosition(sim) + "; " + engine.core().counters());
        assertEquals(0, engine.handlerErrors(), "ring handler errors");
    }

    private static long fills(final Engine engine)
    {
        return engine.core().counters().fills(Side.BUY) + engine.core().counters().fills(Side.SELL);
    }

    private static long venueFills(final SimVenue sim)
    {
        return sim.onVenue(v -> (long)v.exchange().fills(Instrument.USDT_FUTURES, SYMBOL, 0).size());
    }

    private static BigDecimal venuePosition(final SimVenue sim)
    {
        final SimPosition longSide = sim.position(SYMBOL, "long");
        final SimPosition shortSide = sim.position(SYMBOL, "short");
        return (longSide == null ? BigDecimal.ZERO : longSide.size())
            .subtract(shortSide == null ? BigDecimal.ZERO : shortSide.size());
    }

    private static void waitFor(final java.util.function.BooleanSupplier condition, final long ms) throws InterruptedException
    {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (!condition.getAsBoolean() && System.nanoTime() - end < 0)
        {
            Thread.sleep(20);
        }
    }
}
