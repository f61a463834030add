package io.bitmm.core.engine;

import io.bitmm.core.TestSupport;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.risk.RiskReason;
import io.bitmm.core.risk.RiskState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.bitmm.core.TestSupport.ack;
import static io.bitmm.core.TestSupport.fill;
import static io.bitmm.core.TestSupport.oid;
import static io.bitmm.core.TestSupport.orderUpdate;
import static io.bitmm.core.TestSupport.timer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingCoreTest
{
    private static final long MS = 1_000_000L;
    private static final long RUN_EPOCH_MS = 1_700_000_000_000L;

    private final Instrument btc = TestSupport.spotBtc();
    private final List<OutboundCommand> sent = new ArrayList<>();
    private long seq = 1000;

    /** Order mechanics at tick-level spreads: the fee floor (20 bp maker fee on the test instrument) is off here. */
    static CoreContext context()
    {
        return new CoreContext()
            .runEpochMs(RUN_EPOCH_MS)
            .feeFloor(false)
            .orderSizeUnits(1_000)
            .maxPositionUnits(3_000)
            .softLimitUnits(2_000)
            .maxOrderNotionalAmount(1_000 * Amounts.ONE)
            .maxOrderAgeMs(1_000)
            .staleBookMs(5_000);
    }

    private TradingCore core(final CoreContext context)
    {
        return new TradingCore(context, TestSupport.table(btc), command ->
        {
            final OutboundCommand copy = new OutboundCommand();
            copy.copyFrom(command);
            sent.add(copy);
        });
    }

    private InboundEvent snapshot(final long nanos, final String bid, final String ask)
    {
        final InboundEvent event = TestSupport.book(EventType.BOOK_SNAPSHOT, btc, seq++, new String[] {bid}, new String[] {ask});
        event.timestampNanos = nanos;
        return event;
    }

    private InboundEvent update(final long nanos, final String[] bids, final String[] asks)
    {
        final InboundEvent event = TestSupport.book(EventType.BOOK_UPDATE, btc, seq++, bids, asks);
        event.timestampNanos = nanos;
        return event;
    }

    private List<OutboundCommand> drain()
    {
        final List<OutboundCommand> copy = new ArrayList<>(sent);
        sent.clear();
        return copy;
    }

    private void ackAll(final TradingCore core, final List<OutboundCommand> commands, final long nanos)
    {
        long orderId = 1;
        for (final OutboundCommand command : commands)
        {
            if (command.type == CommandType.PLACE)
            {
                core.onEvent(ack(nanos, CommandType.PLACE, oid(command), orderId++));
            }
        }
    }

    @Test
    void shouldQuoteNoPairNarrowerThanTheRoundTripMakerFeeByDefault()
    {
        // the test instrument's maker fee is 20 bp: round trip 40 bp + 1 bp default edge = 41 bp of 30000.15
        final TradingCore core = core(context().feeFloor(CoreContext.FEE_FLOOR_DEFAULT));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        final long spread = commands.get(1).price - commands.get(0).price;
        final long floor = (long)Math.ceil(3_000_015 * 0.0041);
        assertTrue(spread >= floor && spread <= floor + 2, "spread " + spread + " ticks, floor " + floor);
    }

    @Test
    void shouldQuoteFromTheModelsCoefficientsInBasisPointsWhenConfigured()
    {
        // A-S, gamma 0.1 per bp, sigma 1 bp/sqrt(s) over 1 s, k 1 per bp: half spread 0.1 x 1 / 2 + ln(1.1) / 0.1
        // = 1.003 bp = 3.009 USDT of 30000.15 = 301 ticks a side (rounded away from the mid)
        final TradingCore inBps = core(context().modelBps(1.0, 5.0, 1.0));
        inBps.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        final double halfSpreadTicks = (0.1 / 2 + Math.log(1.1) / 0.1) * 3_000_015 / 10_000.0;
        assertEquals(3_000_015 - halfSpreadTicks, commands.get(0).price, 1.0, "bid");
        assertEquals(3_000_015 + halfSpreadTicks, commands.get(1).price, 1.0, "ask");
        // the tick coefficients (sigma 2 ticks, k 1.5 per tick) quote at the 2-tick floor
        final TradingCore inTicks = core(context());
        inTicks.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> ticks = drain();
        assertTrue(ticks.get(1).price - ticks.get(0).price < 20, "tick model spread " + (ticks.get(1).price - ticks.get(0).price));
    }

    @Test
    void shouldJournalTheFittedModelOnceASecondOnceReady()
    {
        // volatility fit ready after 20 returns of 100 ms; mids from a seeded walk, fed to a reference estimator too
        final CoreContext context = context().calibration(true, 60_000, 100, 20, 60, 0.1, 20, 50, 1_000);
        final TradingCore core = core(context);
        final io.bitmm.core.calibration.VolatilityEstimator reference = context.newVolatilityEstimator();
        final java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        long bidCents = 3_000_000_00L;
        final List<Long> fitTimes = new ArrayList<>();
        for (int step = 1; step <= 60; step++)
        {
            final long nanos = step * 100 * MS;
            bidCents += random.nextInt(-3, 4);
            final InboundEvent book = snapshot(nanos, String.format(java.util.Locale.ROOT, "%d.%02d:1", bidCents / 100,
                bidCents % 100), String.format(java.util.Locale.ROOT, "%d.%02d:1", (bidCents + 10) / 100,
                (bidCents + 10) % 100));
            core.onEvent(book);
            reference.onMid(core.position(0).markPrice(), nanos);
            for (final OutboundCommand command : drain())
            {
                if (command.type == CommandType.MODEL_FIT)
                {
                    assertTrue(reference.ready());
                    assertEquals(Math.round(reference.volatilityBps() * TradingCore.FIT_UNITS), command.price);
                    assertEquals(0, command.size, "intensity not ready: no trades");
                    assertEquals(nanos, command.triggerTimestampNanos);
                    fitTimes.add(nanos);
                }
            }
        }
        // ready at the 21st snapshot (2.1 s), then 3.1, 4.1, 5.1 s; none in between
        assertEquals(List.of(2_100 * MS, 3_100 * MS, 4_100 * MS, 5_100 * MS), fitTimes);
        assertTrue(core.volatility(0).volatilityBps() > 0);
    }

    @Test
    void shouldPlacePostOnlyQuotesOnBothSidesAroundMid()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        final OutboundCommand bid = commands.get(0);
        final OutboundCommand ask = commands.get(1);
        assertEquals(CommandType.PLACE, bid.type);
        assertEquals(Side.BUY, bid.side);
        assertEquals(3_000_014, bid.price);
        assertEquals(Side.SELL, ask.side);
        assertEquals(3_000_016, ask.price);
        assertEquals(1_000, bid.size);
        assertEquals(TimeInForce.POST_ONLY, bid.timeInForce);
        assertEquals(1, bid.commandSequence);
        assertEquals(2, ask.commandSequence);
        assertEquals(10 * MS, ask.triggerTimestampNanos);
        assertEquals("mm-" + Long.toString(RUN_EPOCH_MS, 36) + "-0", oid(bid));
        assertTrue(oid(ask).matches("[A-Za-z0-9._:-]{1,32}"));
        assertEquals(2, core.openOrderCount());
        assertEquals(2, core.counters().get(CoreCounters.PLACES_SENT));
    }

    @Test
    void shouldRequoteOnlyWhenPriceMovesBeyondTolerance()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        core.onEvent(update(12 * MS, new String[] {"30000.11:1"}, new String[0]));
        assertEquals(0, drain().size(), "mid moved half a tick");
        core.onEvent(update(13 * MS, new String[] {"30000.15:1"}, new String[] {"30000.20:0", "30000.25:1"}));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        // both quotes move up: the ask goes first, so the raised bid never crosses our own resting ask (post-only)
        assertEquals(Side.SELL, commands.get(0).side);
        assertTrue(commands.get(0).price > commands.get(1).price);
        final OutboundCommand replace = commands.get(1);
        assertEquals(CommandType.REPLACE, replace.type);
        assertEquals(Side.BUY, replace.side);
        assertEquals(3_000_019, replace.price);
        assertEquals(1, replace.orderId);
        assertTrue(replace.newClientOidLength > 0);
        assertEquals(2, core.openOrderCount() - 2, "replacements pending next to the old orders");
        final InboundEvent replaceAck = ack(14 * MS, CommandType.REPLACE, oid(replace), 7);
        TestSupport.setNewOid(replaceAck, TestSupport.newOid(replace));
        core.onEvent(replaceAck);
        assertEquals(3, core.openOrderCount());
    }

    @Test
    void shouldReplaceOrdersOlderThanMaxAge()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        core.onEvent(timer(500 * MS));
        assertEquals(0, drain().size());
        core.onEvent(timer(1_100 * MS));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        assertEquals(CommandType.REPLACE, commands.get(0).type);
        assertEquals(3_000_014, commands.get(0).price);
    }

    @Test
    void shouldCancelQuotesWhenBookGoesStale()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        core.onEvent(timer(5_011 * MS));
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        assertEquals(CommandType.CANCEL, commands.get(0).type);
        assertEquals(CommandType.CANCEL, commands.get(1).type);
        assertTrue(core.counters().riskRejections(RiskReason.STALE_BOOK) == 0, "a stale book cancels; it is not a rejection");
    }

    @Test
    void shouldEmitResyncOnChecksumMismatchAndCancelQuotes()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        final InboundEvent bad = update(12 * MS, new String[] {"30000.11:1"}, new String[0]);
        bad.checksumPresent = true;
        bad.checksum = 42;
        core.onEvent(bad);
        final List<OutboundCommand> commands = drain();
        assertEquals(CommandType.RESYNC_BOOK, commands.get(0).type);
        assertEquals(0, commands.get(0).instrumentId);
        assertEquals(CommandType.CANCEL, commands.get(1).type);
        assertEquals(1, core.counters().get(CoreCounters.RESYNC_CHECKSUM));
        core.onEvent(update(13 * MS, new String[] {"30000.11:2"}, new String[0]));
        assertEquals(0, drain().size());
        assertEquals(1, core.counters().get(CoreCounters.BOOK_IGNORED));
    }

    @Test
    void shouldCountEveryResyncCause()
    {
        final TradingCore core = core(context());
        core.onEvent(update(1 * MS, new String[] {"30000.11:2"}, new String[0]));
        assertEquals(1, core.counters().get(CoreCounters.RESYNC_UPDATE_BEFORE_SNAPSHOT));
        core.onEvent(snapshot(2 * MS, "30000.10:1.5", "30000.20:0.75"));
        final InboundEvent backwards = update(3 * MS, new String[] {"30000.11:2"}, new String[0]);
        backwards.seq = 1;
        core.onEvent(backwards);
        assertEquals(1, core.counters().get(CoreCounters.RESYNC_SEQ_BACKWARDS));
        core.onEvent(snapshot(4 * MS, "30000.10:1.5", "30000.20:0.75"));
        core.onEvent(update(5 * MS, new String[] {"30000.30:2"}, new String[0]));
        assertEquals(1, core.counters().get(CoreCounters.RESYNC_CROSSED));
        assertEquals(3, core.counters().resyncs());
    }

    @Test
    void shouldGoInvalidOnBookResetWithoutResync()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        final InboundEvent reset = new InboundEvent();
        reset.type = EventType.BOOK_RESET;
        reset.instrumentId = 0;
        reset.timestampNanos = 12 * MS;
        core.onEvent(reset);
        final List<OutboundCommand> commands = drain();
        assertEquals(2, commands.size());
        assertTrue(commands.stream().allMatch(c -> c.type == CommandType.CANCEL));
        assertFalse(core.book(0).isValid());
        assertEquals(0, core.counters().resyncs());
    }

    @Test
    void shouldQueryOnUnknownOutcomeAndResolveWhenNotFound()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        final String bidOid = oid(places.get(0));
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(places.get(1)), 2));
        core.onEvent(TestSupport.unknown(12 * MS, CommandType.PLACE, bidOid));
        final List<OutboundCommand> queries = drain();
        assertEquals(1, queries.size());
        assertEquals(CommandType.QUERY_ORDER, queries.get(0).type);
        assertEquals(bidOid, oid(queries.get(0)));
        core.onEvent(timer(1_500 * MS));
        assertTrue(drain().stream().anyMatch(c -> c.type == CommandType.QUERY_ORDER), "re-query after queryRetryMs");
        core.onEvent(orderUpdate(1_600 * MS, 0, bidOid, VenueOrderStatus.UNKNOWN, 0));
        final List<OutboundCommand> after = drain();
        assertEquals(1, after.size(), "the unknown order is gone: quote the bid again");
        assertEquals(CommandType.PLACE, after.get(0).type);
        assertEquals(Side.BUY, after.get(0).side);
        assertEquals(2, core.openOrderCount());
    }

    @Test
    void shouldQueryCommandsLeftUnansweredAndRetryOncePerInterval()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000).staleBookMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(places.get(1)), 2));
        core.onEvent(timer(4_000 * MS));
        assertEquals(0, drain().size());
        core.onEvent(timer(5_100 * MS));
        final List<OutboundCommand> queries = drain();
        assertEquals(1, queries.size());
        assertEquals(CommandType.QUERY_ORDER, queries.get(0).type);
        assertEquals(oid(places.get(0)), oid(queries.get(0)));
        assertEquals(1, core.counters().get(CoreCounters.PENDING_TIMEOUTS));
        core.onEvent(timer(5_200 * MS));
        core.onEvent(timer(5_900 * MS));
        assertEquals(0, drain().size(), "no re-query before queryRetryMs");
        core.onEvent(timer(6_200 * MS));
        assertEquals(1, drain().size());
    }

    @Test
    void shouldCapOpenOrdersWithoutCancellingRestingOnes()
    {
        final TradingCore core = core(context().maxOpenOrders(1).maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        assertEquals(1, places.size());
        assertEquals(Side.BUY, places.get(0).side);
        assertEquals(1, core.counters().riskRejections(RiskReason.MAX_OPEN_ORDERS));
        ackAll(core, places, 11 * MS);
        core.onEvent(update(12 * MS, new String[] {"30000.15:1"}, new String[] {"30000.20:0", "30000.25:1"}));
        final List<OutboundCommand> commands = drain();
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.CANCEL), "the resting bid stays");
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.PLACE), "no ask while at the cap");
    }

    @Test
    void shouldQuoteOnlyTheReducingSideWhenReducing()
    {
        final TradingCore core = core(context().maxLossAmount(50 * Amounts.ONE).reduceLossAmount(2 * Amounts.ONE).maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        core.onEvent(fill(12 * MS, 0, oid(places.get(0)), Side.BUY, 3_000_014, 1_000, 1));
        ackAll(core, drain(), 12 * MS);
        core.onEvent(snapshot(13 * MS, "27000.00:1", "27000.10:1"));
        assertEquals(RiskState.REDUCING, core.riskState());
        final List<OutboundCommand> commands = drain();
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.PLACE && c.side == Side.BUY), "no buy when long");
        assertTrue(commands.stream().anyMatch(c -> c.type == CommandType.CANCEL && c.side == Side.BUY), "the resting bid goes");
        assertTrue(commands.stream().anyMatch(c -> c.side == Side.SELL), "the sell keeps quoting to reduce");
        assertTrue(core.counters().riskRejections(RiskReason.REDUCING) > 0);
    }

    @Test
    void shouldPullQuotesWhilePrivateStreamIsDown()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        final InboundEvent down = new InboundEvent();
        down.type = EventType.PRIVATE_STREAM_STATE;
        down.timestampNanos = 12 * MS;
        down.flag = false;
        core.onEvent(down);
        assertEquals(2, drain().stream().filter(c -> c.type == CommandType.CANCEL).count());
        final InboundEvent up = new InboundEvent();
        up.type = EventType.PRIVATE_STREAM_STATE;
        up.timestampNanos = 13 * MS;
        up.flag = true;
        core.onEvent(up);
        final List<OutboundCommand> reconcile = drain();
        assertEquals(2, reconcile.size());
        assertTrue(reconcile.stream().allMatch(c -> c.type == CommandType.QUERY_ORDER), "every tracked order is queried");
        core.onEvent(update(14 * MS, new String[] {"30000.10:1.6"}, new String[0]));
        assertTrue(drain().isEmpty(), "cancels still pending: wait for their answers");
    }

    private static InboundEvent streamState(final long nanos, final boolean up)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.PRIVATE_STREAM_STATE;
        event.timestampNanos = nanos;
        event.flag = up;
        return event;
    }

    private static InboundEvent queryAnswer(
        final long nanos, final String oid, final VenueOrderStatus status, final long cumFilled, final long orderId)
    {
        final InboundEvent event = orderUpdate(nanos, 0, oid, status, cumFilled);
        event.commandType = CommandType.QUERY_ORDER;
        event.orderId = orderId;
        return event;
    }

    @Test
    void shouldQueryACancelAnsweredNotFoundAndFetchTheFillsItMissed()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        final String bidOid = oid(places.get(0));
        core.onEvent(streamState(12 * MS, false));
        assertEquals(2, drain().stream().filter(c -> c.type == CommandType.CANCEL).count());
        // the bid filled while the stream was down: its push is lost and the cancel finds nothing
        core.onEvent(TestSupport.reject(13 * MS, CommandType.CANCEL, bidOid, 43001));
        final List<OutboundCommand> query = drain();
        assertEquals(1, query.size(), "43001 is not taken as cancelled: the order is queried");
        assertEquals(CommandType.QUERY_ORDER, query.get(0).type);
        assertEquals(bidOid, oid(query.get(0)));
        assertEquals(2, core.openOrderCount(), "the bid is still tracked (unknown)");
        assertEquals(1, core.counters().get(CoreCounters.NOT_FOUND_QUERIES));

        core.onEvent(queryAnswer(14 * MS, bidOid, VenueOrderStatus.FILLED, 1_000, 1));
        final List<OutboundCommand> fetch = drain();
        assertEquals(1, fetch.size());
        assertEquals(CommandType.FETCH_FILLS, fetch.get(0).type);
        assertEquals(1, fetch.get(0).orderId);
        assertEquals(bidOid, oid(fetch.get(0)));
        assertEquals(1, core.counters().get(CoreCounters.FOUND_FILLED));
        assertEquals(0, core.position(0).size(), "no fill seen yet");

        final InboundEvent recovered = TestSupport.fill(15 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 77);
        recovered.commandType = CommandType.FETCH_FILLS;
        core.onEvent(recovered);
        core.onEvent(recovered);
        assertEquals(1_000, core.position(0).size(), "the recovered fill counts once");
        assertEquals(1, core.counters().get(CoreCounters.RECOVERED_FILLS));
        assertEquals(1, core.counters().get(CoreCounters.DUPLICATE_FILLS));
    }

    @Test
    void shouldTakeACancelAnsweredNotFoundAsCancelledOnlyWhenTheQuerySaysSo()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        final String askOid = oid(places.get(1));
        core.onEvent(streamState(12 * MS, false));
        drain();
        core.onEvent(TestSupport.reject(13 * MS, CommandType.CANCEL, askOid, 43001));
        assertEquals(CommandType.QUERY_ORDER, drain().get(0).type);
        core.onEvent(timer(1_200 * MS));
        assertTrue(drain().stream().anyMatch(c -> c.type == CommandType.QUERY_ORDER && oid(c).equals(askOid)),
            "asked again while unanswered");
        core.onEvent(queryAnswer(1_300 * MS, askOid, VenueOrderStatus.CANCELLED, 0, 2));
        assertTrue(drain().stream().noneMatch(c -> c.type == CommandType.FETCH_FILLS), "nothing filled: nothing to fetch");
        assertEquals(1, core.counters().get(CoreCounters.FOUND_CANCELLED));
        assertEquals(0, core.position(0).size());
    }

    @Test
    void shouldReconcileEveryOrderAfterAReconnectBeforeQuotingAgain()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000).staleBookMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        core.onEvent(streamState(12 * MS, false));
        final List<OutboundCommand> cancels = drain();
        assertEquals(2, cancels.size());
        // the cancels' answers are slow (delayed REST): the stream is back first
        core.onEvent(streamState(13 * MS, true));
        final List<OutboundCommand> queries = drain();
        assertEquals(2, queries.size());
        assertTrue(queries.stream().allMatch(c -> c.type == CommandType.QUERY_ORDER));
        assertEquals(1, core.counters().get(CoreCounters.RECONNECT_RECONCILES));
        assertEquals(2, core.counters().get(CoreCounters.RECONCILE_QUERIES));
        // one order: cancelled; the other: partly filled while we were away, its cancel still pending
        core.onEvent(queryAnswer(14 * MS, oid(places.get(1)), VenueOrderStatus.CANCELLED, 0, 2));
        core.onEvent(update(15 * MS, new String[] {"30000.10:1.6"}, new String[0]));
        assertTrue(drain().isEmpty(), "no quote while an order is not reconciled");
        core.onEvent(queryAnswer(16 * MS, oid(places.get(0)), VenueOrderStatus.PARTIALLY_FILLED, 400, 1));
        final List<OutboundCommand> fetch = drain();
        assertTrue(fetch.stream().anyMatch(c -> c.type == CommandType.FETCH_FILLS && c.orderId == 1), "its fills are fetched");
        assertEquals(List.of(Side.SELL), fetch.stream().filter(c -> c.type == CommandType.PLACE).map(c -> c.side).toList(),
            "reconciled: the ask quotes again; the bid's cancel is still pending");
        core.onEvent(ack(17 * MS, CommandType.CANCEL, oid(places.get(0)), 1));
        core.onEvent(timer(18 * MS));
        final List<OutboundCommand> requote = drain();
        assertEquals(List.of(Side.BUY), requote.stream().filter(c -> c.type == CommandType.PLACE).map(c -> c.side).toList());
    }

    @Test
    void shouldReQueryUnansweredReconcileQueries()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000).staleBookMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        core.onEvent(streamState(12 * MS, false));
        drain();
        core.onEvent(streamState(13 * MS, true));
        assertEquals(2, drain().size());
        core.onEvent(timer(500 * MS));
        assertTrue(drain().isEmpty());
        core.onEvent(timer(1_100 * MS));
        final List<OutboundCommand> again = drain();
        assertEquals(2, again.stream().filter(c -> c.type == CommandType.QUERY_ORDER).count());
    }

    @Test
    void shouldMatchAFillWithoutClientOidByVenueOrderId()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        final InboundEvent gapFill = TestSupport.fill(12 * MS, 0, "", Side.BUY, 3_000_014, 1_000, 5);
        gapFill.orderId = 1;
        gapFill.commandType = CommandType.FETCH_FILLS;
        core.onEvent(gapFill);
        assertEquals(1_000, core.position(0).size());
        assertEquals(0, core.counters().get(CoreCounters.UNTRACKED_ORDER_EVENTS), "the order was found by its venue id");
        assertTrue(drain().stream().anyMatch(c -> c.type == CommandType.PLACE && c.side == Side.BUY), "the bid filled: a new one");
    }

    /**
     * Chaos campaign, kill trials (seeds 1025, 1031, 1033, 1040): a restarted run takes the venue's balances, which
     * hold the killed run's fills, as its start; a gap fetch after a reconnect returned those fills again (their venue
     * times were not older than the restart when the venue's clock had stepped) and the core booked them a second time.
     */
    @Test
    void shouldNotBookTheFillsOfOrdersAnotherRunPlaced()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        // fetched from the fill history (no clientOid): an order id this run never had
        final InboundEvent fetched = TestSupport.fill(12 * MS, 0, "", Side.BUY, 3_000_014, 1_000, 5);
        fetched.orderId = 999;
        fetched.commandType = CommandType.FETCH_FILLS;
        core.onEvent(fetched);
        // pushed, with the killed run's clientOid (same prefix, another run id)
        final String otherRun = "mm-" + Long.toString(RUN_EPOCH_MS - 60_000, 36) + "-7";
        final InboundEvent pushed = TestSupport.fill(13 * MS, 0, otherRun, Side.BUY, 3_000_014, 1_000, 6);
        pushed.orderId = 998;
        core.onEvent(pushed);
        assertEquals(0, core.position(0).size(), "neither is booked: both are in the start balances");
        assertEquals(0, core.position(0).fees(), "no fee booked either");
        assertEquals(2, core.counters().get(CoreCounters.FOREIGN_FILLS));
        assertEquals(0, core.counters().fills(Side.BUY) + core.counters().fills(Side.SELL));
    }

    @Test
    void shouldBookAFetchedFillOfOneOfItsOrdersAfterTheOrderFinished()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        final String bidOid = oid(places.get(0));
        // the bid filled: the orders push said so, the fill push was lost; the order is finished, its slot kept for
        // the fill it owes
        core.onEvent(orderUpdate(12 * MS, 0, bidOid, VenueOrderStatus.FILLED, 1_000));
        final int owed = core.orders().lookupByOrderId(1);
        assertTrue(owed >= 0 && !core.orders().order(owed).isInUse() && core.orders().order(owed).fillsOwed(),
            "no longer tracked as open; kept for its fill");
        assertEquals(1_000, core.riskPosition(0), "the reported fill counts against the limits before it is booked");
        final InboundEvent gapFill = TestSupport.fill(13 * MS, 0, "", Side.BUY, 3_000_014, 1_000, 5);
        gapFill.orderId = 1;
        gapFill.commandType = CommandType.FETCH_FILLS;
        core.onEvent(gapFill);
        assertEquals(1_000, core.position(0).size(), "one of this run's orders: booked");
        assertEquals(0, core.counters().get(CoreCounters.FOREIGN_FILLS));
        // a pushed fill of a finished order of this run (clientOid of this run): booked too
        final InboundEvent late = TestSupport.fill(14 * MS, 0, oid(places.get(1)), Side.SELL, 3_000_016, 400, 6);
        core.onEvent(orderUpdate(13 * MS, 0, oid(places.get(1)), VenueOrderStatus.CANCELLED, 0));
        core.onEvent(late);
        assertEquals(600, core.position(0).size());
        assertEquals(0, core.orders().fillsOwedCount(), "the gap fill settled what the bid owed");
        assertEquals(600, core.riskPosition(0));
    }

    /**
     * The stop's sweep fetches every fill of the run again: those already booked are counted as swept, not as
     * duplicates; a fill pushed twice, or a gap fill the push already delivered, is still a duplicate.
     */
    @Test
    void shouldCountTheSweepsKnownFillsApartFromDuplicates()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final String bidOid = oid(drain().get(0));
        core.onEvent(fill(11 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501));
        final InboundEvent swept = fill(12 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501);
        swept.commandType = CommandType.SWEEP_FILLS;
        core.onEvent(swept);
        assertEquals(0, core.counters().get(CoreCounters.DUPLICATE_FILLS));
        assertEquals(1, core.counters().get(CoreCounters.FILLS_SWEPT_KNOWN));
        assertEquals(1_000, core.position(0).size());
        core.onEvent(fill(13 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501));
        final InboundEvent gap = fill(14 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501);
        gap.commandType = CommandType.FETCH_FILLS;
        core.onEvent(gap);
        assertEquals(2, core.counters().get(CoreCounters.DUPLICATE_FILLS));
        final InboundEvent sweptNew = fill(15 * MS, 0, bidOid, Side.BUY, 3_000_014, 500, 502);
        sweptNew.commandType = CommandType.SWEEP_FILLS;
        core.onEvent(sweptNew);
        assertEquals(1_500, core.position(0).size());
        assertEquals(1, core.counters().get(CoreCounters.RECOVERED_FILLS));
        assertEquals(1, core.counters().get(CoreCounters.FILLS_SWEPT_KNOWN));
    }

    /**
     * A foreign fill's trade id is not remembered: the same fill, fetched later for one of our orders whose venue id
     * the gap fetch did not know yet (its place reply was lost), is booked.
     */
    @Test
    void shouldBookAFillFirstSeenWithoutAnOwnerOnceItsOrderIsKnown()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        final String bidOid = oid(places.get(0));
        final InboundEvent gapFill = TestSupport.fill(12 * MS, 0, "", Side.BUY, 3_000_014, 1_000, 5);
        gapFill.orderId = 41;
        gapFill.commandType = CommandType.FETCH_FILLS;
        core.onEvent(gapFill);
        assertEquals(0, core.position(0).size());
        final InboundEvent byOrder = TestSupport.fill(13 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 5);
        byOrder.orderId = 41;
        byOrder.commandType = CommandType.FETCH_FILLS;
        core.onEvent(byOrder);
        assertEquals(1_000, core.position(0).size());
        assertEquals(0, core.counters().get(CoreCounters.DUPLICATE_FILLS));
    }

    /**
     * Chaos campaign: the engine quoted before its private stream's first up (the gateways start together and the
     * book came first), so a fill of those orders could not be seen.
     */
    @Test
    void shouldPlaceNothingBeforeThePrivateStreamIsFirstUp()
    {
        final TradingCore core = core(context().awaitPrivateStream(true));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        core.onEvent(timer(20 * MS));
        assertTrue(drain().isEmpty(), "no order before the private stream is up");
        core.onEvent(streamState(30 * MS, true));
        assertEquals(0, core.counters().get(CoreCounters.RECONNECT_RECONCILES), "the first up needs no reconcile");
        core.onEvent(timer(40 * MS));
        assertEquals(2, drain().stream().filter(c -> c.type == CommandType.PLACE).count(), "quotes once it is up");
    }

    @Test
    void shouldKeepInstrumentsApart()
    {
        final Instrument eth = io.bitmm.core.instrument.InstrumentFactory.spot(
            1, "ETHUSDT", 0, 1, "2", "4", "1", "0.05", "0.05", "0.001", "0.001", "200");
        final TradingCore core = new TradingCore(context().orderSizeUnits(1, 100).maxPositionUnits(1, 1_000).softLimitUnits(1, 500),
            new io.bitmm.core.instrument.InstrumentTable(List.of(btc, eth), List.of("BTC", "USDT")), command ->
            {
                final OutboundCommand copy = new OutboundCommand();
                copy.copyFrom(command);
                sent.add(copy);
            });
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final InboundEvent ethBook =
            TestSupport.book(EventType.BOOK_SNAPSHOT, eth, 1, new String[] {"2000.00:5"}, new String[] {"2000.10:5"});
        ethBook.timestampNanos = 11 * MS;
        core.onEvent(ethBook);
        final List<OutboundCommand> commands = drain();
        assertEquals(4, commands.size());
        assertEquals(1, commands.get(2).instrumentId);
        assertEquals(100, commands.get(2).size);
        assertEquals(1_000, commands.get(0).size);
        final InboundEvent bad = update(12 * MS, new String[] {"30000.11:1"}, new String[0]);
        bad.checksumPresent = true;
        bad.checksum = 7;
        core.onEvent(bad);
        assertFalse(core.book(0).isValid());
        assertTrue(core.book(1).isValid());
        assertTrue(drain().stream().allMatch(c -> c.instrumentId == 0));
    }

    @Test
    void shouldBackOffAfterRejectedPlace()
    {
        final TradingCore core = core(context().rejectBackoffMs(500));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        core.onEvent(TestSupport.reject(11 * MS, CommandType.PLACE, oid(places.get(0)), 43012));
        core.onEvent(update(12 * MS, new String[] {"30000.10:1.6"}, new String[0]));
        assertEquals(0, drain().size());
        core.onEvent(update(600 * MS, new String[] {"30000.10:1.7"}, new String[0]));
        final List<OutboundCommand> again = drain();
        assertEquals(1, again.size());
        assertEquals(Side.BUY, again.get(0).side);
        assertEquals(1, core.counters().rejectsByCode(43012));
    }

    @Test
    void shouldTreatPostOnlyCancelAsNormalAndQuoteAgain()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        final InboundEvent cancelled = orderUpdate(12 * MS, 0, oid(places.get(0)), VenueOrderStatus.CANCELLED, 0);
        cancelled.cancelReason = CancelReason.POST_ONLY_WOULD_TAKE;
        core.onEvent(cancelled);
        assertEquals(1, core.counters().get(CoreCounters.POST_ONLY_CANCELS));
        assertEquals(0, core.counters().get(CoreCounters.REJECTS));
        final List<OutboundCommand> again = drain();
        assertEquals(1, again.size());
        assertEquals(CommandType.PLACE, again.get(0).type);
    }

    @Test
    void shouldApplyFillsOnceInAnyOrderAndStopGrowingAtMaxPosition()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        final String bidOid = oid(places.get(0));
        core.onEvent(fill(11 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501));
        core.onEvent(fill(11 * MS, 0, bidOid, Side.BUY, 3_000_014, 1_000, 501));
        assertEquals(1, core.counters().get(CoreCounters.DUPLICATE_FILLS));
        assertEquals(1_000, core.position(0).size());
        core.onEvent(ack(12 * MS, CommandType.PLACE, bidOid, 1));
        core.onEvent(orderUpdate(13 * MS, 0, bidOid, VenueOrderStatus.FILLED, 1_000));
        assertEquals(1, core.counters().get(CoreCounters.FILLS_BUY));
        assertEquals(1_000, core.counters().filledSize(Side.BUY));
        // an order of this run no longer tracked (this run's clientOid format): its fill still counts
        final InboundEvent unknownOrderFill = fill(14 * MS, 0, "mm-" + Long.toString(RUN_EPOCH_MS, 36) + "-zz",
            Side.BUY, 3_000_010, 2_500, 502);
        core.onEvent(unknownOrderFill);
        assertEquals(3_500, core.position(0).size());
        final OutboundCommand newBid = drain().stream()
            .filter(c -> c.type == CommandType.PLACE && c.side == Side.BUY).findFirst().orElseThrow();
        core.onEvent(ack(15 * MS, CommandType.PLACE, oid(newBid), 3));
        core.onEvent(update(16 * MS, new String[] {"30000.09:1"}, new String[0]));
        final List<OutboundCommand> commands = drain();
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.PLACE && c.side == Side.BUY));
        assertTrue(commands.stream().anyMatch(c -> c.type == CommandType.CANCEL && c.side == Side.BUY));
        assertTrue(core.counters().riskRejections(RiskReason.MAX_POSITION) + core.counters().riskRejections(RiskReason.SOFT_LIMIT) > 0);
    }

    @Test
    void shouldCancelAllOnStopQuotingAndNeverQuoteAgain()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        final InboundEvent stop = new InboundEvent();
        stop.type = EventType.STOP_QUOTING;
        stop.timestampNanos = 12 * MS;
        core.onEvent(stop);
        final List<OutboundCommand> commands = drain();
        assertEquals(1, commands.size());
        assertEquals(CommandType.CANCEL_ALL, commands.get(0).type);
        core.onEvent(update(13 * MS, new String[] {"30000.12:1"}, new String[0]));
        core.onEvent(timer(14 * MS));
        assertEquals(0, drain().size());
        assertTrue(core.isStopped());
    }

    @Test
    void shouldRetryCancelAllHeldBackByTheRateBudgetAfterStopQuoting()
    {
        final TradingCore core = core(context().replacePerSecond(1).maxOrderAgeMs(60_000).requoteToleranceTicks(0));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        core.onEvent(update(20 * MS, new String[] {"30000.14:1"}, new String[0]));
        assertTrue(drain().stream().anyMatch(c -> c.type == CommandType.REPLACE), "the replace spends the budget");

        final InboundEvent stop = new InboundEvent();
        stop.type = EventType.STOP_QUOTING;
        stop.timestampNanos = 21 * MS;
        core.onEvent(stop);
        assertTrue(drain().stream().noneMatch(c -> c.type == CommandType.CANCEL_ALL), "no budget left for it yet");

        core.onEvent(timer(1_500 * MS));
        final List<OutboundCommand> later = drain();
        assertTrue(later.stream().anyMatch(c -> c.type == CommandType.CANCEL_ALL), "retried once budget returned: " + later);
        assertTrue(later.stream().noneMatch(c -> c.type == CommandType.PLACE || c.type == CommandType.REPLACE));
    }

    @Test
    void shouldStartFromAPositionHeldBeforeTheRunAndQuoteOnlyToReduceIt()
    {
        final TradingCore core = core(context().startPositionUnits(0, 3_000));
        assertEquals(3_000, core.position(0).size());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = drain();
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.PLACE && c.side == Side.BUY), "at the limit");
        assertTrue(commands.stream().anyMatch(c -> c.type == CommandType.PLACE && c.side == Side.SELL), "reduces");
        assertEquals(0, core.position(0).unrealizedPnl(), "cost basis taken at the first mark");
        assertEquals(3_000_015, core.position(0).averageCost());
    }

    @Test
    void shouldHaltOnMaxLossAndCancelEverything()
    {
        final TradingCore core = core(context().maxLossAmount(5 * Amounts.ONE).reduceLossAmount(2 * Amounts.ONE));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = drain();
        ackAll(core, places, 11 * MS);
        core.onEvent(fill(12 * MS, 0, oid(places.get(0)), Side.BUY, 3_000_014, 1_000, 1));
        drain();
        assertEquals(RiskState.ACTIVE, core.riskState());
        core.onEvent(snapshot(13 * MS, "24000.00:1", "24000.10:1"));
        assertEquals(RiskState.HALTED, core.riskState());
        final List<OutboundCommand> commands = drain();
        assertTrue(commands.stream().anyMatch(c -> c.type == CommandType.CANCEL_ALL));
        assertTrue(commands.stream().noneMatch(c -> c.type == CommandType.PLACE));
    }

    @Test
    void shouldLimitReplacesToTheRateBudget()
    {
        final TradingCore core = core(context().maxOrderAgeMs(60_000).requoteToleranceTicks(0));
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        ackAll(core, drain(), 11 * MS);
        int replaces = 0;
        for (int i = 0; i < 20; i++)
        {
            final long nanos = (20 + i) * MS;
            final String price = (i % 2 == 0) ? "30000.14:1" : "30000.14:0";
            core.onEvent(update(nanos, new String[] {price}, new String[0]));
            for (final OutboundCommand command : drain())
            {
                if (command.type == CommandType.REPLACE)
                {
                    replaces++;
                    final InboundEvent replaceAck = ack(nanos, CommandType.REPLACE, oid(command), 100 + replaces);
                    TestSupport.setNewOid(replaceAck, TestSupport.newOid(command));
                    core.onEvent(replaceAck);
                }
            }
        }
        assertEquals(5, replaces);
        assertTrue(core.counters().riskRejections(RiskReason.RATE_REPLACE) > 0);
    }

    @Test
    void shouldProduceSameCommandsForSameEvents()
    {
        final List<OutboundCommand> first = runScript();
        final List<OutboundCommand> second = runScript();
        assertEquals(first.size(), second.size());
        assertTrue(first.size() >= 4);
        for (int i = 0; i < first.size(); i++)
        {
            assertTrue(first.get(i).sameAs(second.get(i)), "command " + i + ": " + describe(first.get(i)) + " vs " +
                describe(second.get(i)));
        }
    }

    @Test
    void shouldRefuseIncompleteContextWithClearMessage()
    {
        final IllegalStateException noEpoch = assertThrows(IllegalStateException.class, () -> new CoreContext().conclude());
        assertTrue(noEpoch.getMessage().contains("runEpochMs"));
        final IllegalStateException noSize = assertThrows(IllegalStateException.class,
            () -> new TradingCore(new CoreContext().runEpochMs(1), TestSupport.table(btc), TradingCoreTest::ignore));
        assertTrue(noSize.getMessage().contains("orderSizeUnits"), noSize.getMessage());
        assertTrue(noSize.getMessage().contains("BTCUSDT"));
    }

    @Test
    void shouldDescribeCountersForHumans()
    {
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        core.onEvent(TestSupport.reject(11 * MS, CommandType.PLACE, oid(drain().get(0)), 43008));
        assertEquals(1, core.counters().rejectsByCode(43008));
        final StringBuilder out = new StringBuilder();
        core.counters().describeTo(out);
        assertTrue(out.toString().contains("placesSent=2"), out.toString());
        assertTrue(out.toString().contains("reject.43008=1"), out.toString());
        final OrderBook book = core.book(0);
        assertTrue(book.isValid());
    }

    private static String describe(final OutboundCommand c)
    {
        return c.type + " " + oid(c) + " " + c.side + " " + c.price + " " + c.size + " " + c.commandSequence + " " +
            c.triggerTimestampNanos;
    }

    private static void ignore(final OutboundCommand command)
    {
        assertTrue(command.commandSequence > 0);
    }

    private List<OutboundCommand> runScript()
    {
        seq = 1000;
        sent.clear();
        final TradingCore core = core(context());
        core.onEvent(snapshot(10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> places = new ArrayList<>(sent);
        ackAll(core, places, 11 * MS);
        core.onEvent(fill(12 * MS, 0, oid(places.get(0)), Side.BUY, 3_000_014, 400, 9));
        core.onEvent(update(13 * MS, new String[] {"30000.12:1"}, new String[] {"30000.20:0", "30000.24:1"}));
        core.onEvent(timer(2_000 * MS));
        core.onEvent(timer(9_000 * MS));
        final List<OutboundCommand> all = new ArrayList<>(sent);
        sent.clear();
        return all;
    }
}
