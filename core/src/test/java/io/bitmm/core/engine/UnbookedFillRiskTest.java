package io.bitmm.core.engine;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.bitmm.core.TestSupport.ack;
import static io.bitmm.core.TestSupport.fill;
import static io.bitmm.core.TestSupport.oid;
import static io.bitmm.core.TestSupport.orderUpdate;
import static io.bitmm.core.TestSupport.timer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The position check against the venue's two pushes of one fill: the order update (cumulative filled size; the order
 * may close with it) and the fill. Whichever comes first, no order may go out that could take the venue's position
 * past its limit. Classic futures (cancel-replace), UTA (in-place amend) and spot (base inventory).
 * <p>
 * Start long 200 of a 300 limit with quotes of 100: the resting bid filling makes the venue's position 300, so no
 * further bid (a place or a replace: the replacement is a whole new order) may be sent until the position comes down.
 */
class UnbookedFillRiskTest
{
    private static final long MS = 1_000_000L;

    /** BTCUSDT perpetual: tick 0.1, size step 0.0001, min 5 USDT (the sim's contract). */
    private final Instrument perp = InstrumentFactory.futures(
        0, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
    private final CoreTestRig rig = new CoreTestRig();

    private static CoreContext perpContext()
    {
        return new CoreContext()
            .runEpochMs(1_700_000_000_000L)
            .orderSizeUnits(100)
            .maxPositionUnits(300)
            .softLimitUnits(300)
            .startPositionUnits(0, 200)
            .maxOrderNotionalAmount(1_000 * Amounts.ONE)
            .maxOrderAgeMs(60_000)
            .staleBookMs(60_000);
    }

    private static CoreContext spotContext()
    {
        return new CoreContext()
            .runEpochMs(1_700_000_000_000L)
            .orderSizeUnits(1_000)
            .maxPositionUnits(3_000)
            .softLimitUnits(3_000)
            .startPositionUnits(0, 2_000)
            .maxOrderNotionalAmount(1_000 * Amounts.ONE)
            .maxOrderAgeMs(60_000)
            .staleBookMs(60_000);
    }

    /** Places and replaces of bids: each one could fill on top of the position. */
    private static List<OutboundCommand> bidGrowth(final List<OutboundCommand> commands)
    {
        final List<OutboundCommand> growth = new ArrayList<>();
        for (final OutboundCommand command : commands)
        {
            if (command.side == Side.BUY && (command.type == CommandType.PLACE || command.type == CommandType.REPLACE))
            {
                growth.add(command);
            }
        }
        return growth;
    }

    private static boolean has(final List<OutboundCommand> commands, final CommandType type, final Side side)
    {
        for (final OutboundCommand command : commands)
        {
            if (command.type == type && command.side == side)
            {
                return true;
            }
        }
        return false;
    }

    /** Quote both sides at 60000.0/60000.2 (spot 30000.10/30000.20), ack both: returns {bid, ask}. */
    private OutboundCommand[] quoteBoth(final TradingCore core, final Instrument instrument)
    {
        core.onEvent(instrument.isPerpetual() ? rig.snapshot(instrument, 10 * MS, "60000.0:1", "60000.2:1") :
            rig.snapshot(instrument, 10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(2, commands.size(), "both sides below the limit: " + commands);
        final OutboundCommand bid = commands.get(0).side == Side.BUY ? commands.get(0) : commands.get(1);
        final OutboundCommand ask = commands.get(0).side == Side.BUY ? commands.get(1) : commands.get(0);
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(bid), 1));
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(ask), 2));
        return new OutboundCommand[] {bid, ask};
    }

    /** The book moves up 1.0 (10 ticks; spot 10 ticks of 0.01): every quote would be replaced. */
    private InboundEvent moveUp(final Instrument instrument, final long nanos)
    {
        return instrument.isPerpetual() ? rig.snapshot(instrument, nanos, "60001.0:1", "60001.2:1") :
            rig.snapshot(instrument, nanos, "30000.20:1.5", "30000.30:0.75");
    }

    private void shouldSendNoBidWhileTheOrderUpdateLeadsTheFill(final TradingCore core, final Instrument instrument)
    {
        final long unit = core.position(0).size() / 2;
        final OutboundCommand[] quotes = quoteBoth(core, instrument);
        final OutboundCommand bid = quotes[0];

        core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.FILLED, bid.size));
        core.onEvent(moveUp(instrument, 13 * MS));
        final List<OutboundCommand> window = rig.drain();
        assertEquals(List.of(), bidGrowth(window), "the venue holds 3 units: no bid until the fill is booked");
        assertEquals(3 * unit, core.riskPosition(0), "booked 2 units + 1 reported filled");
        assertEquals(2 * unit, core.position(0).size(), "the booked position waits for the fill");

        core.onEvent(fill(14 * MS, 0, oid(bid), Side.BUY, bid.price, bid.size, 77));
        assertEquals(List.of(), bidGrowth(rig.drain()), "at the limit after the fill too");
        assertEquals(3 * unit, core.position(0).size());
        assertEquals(0, core.orders().unbookedFilled(0), "booked: nothing owed");
        assertEquals(0, core.orders().fillsOwedCount(), "the slot is free again");
        assertEquals(3 * unit, core.riskPosition(0));
    }

    @Test
    void shouldSendNoBidWhileTheOrderUpdateLeadsTheFillOnClassicFutures()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        shouldSendNoBidWhileTheOrderUpdateLeadsTheFill(core, perp);
    }

    @Test
    void shouldSendNoBidWhileTheOrderUpdateLeadsTheFillOnUta()
    {
        final TradingCore core = rig.core(perpContext().amendInPlace(true), perp);
        shouldSendNoBidWhileTheOrderUpdateLeadsTheFill(core, perp);
    }

    @Test
    void shouldSendNoBidWhileTheOrderUpdateLeadsTheFillOnSpot()
    {
        final Instrument spot = TestSupport.spotBtc();
        final TradingCore core = rig.core(spotContext(), spot);
        shouldSendNoBidWhileTheOrderUpdateLeadsTheFill(core, spot);
    }

    @Test
    void shouldQuoteTheReducingSideReduceOnlyFromTheReportedFill()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand[] quotes = quoteBoth(core, perp);
        core.onEvent(orderUpdate(12 * MS, 0, oid(quotes[0]), VenueOrderStatus.FILLED, quotes[0].size));
        final List<OutboundCommand> commands = rig.drain();
        assertTrue(has(commands, CommandType.CANCEL, Side.SELL),
            "at the limit by the reported fill: the plain ask makes way for a reduce-only one: " + commands);
        core.onEvent(orderUpdate(13 * MS, 0, oid(quotes[1]), VenueOrderStatus.CANCELLED, 0));
        final List<OutboundCommand> after = rig.drain();
        assertEquals(1, after.size(), after.toString());
        assertEquals(Side.SELL, after.get(0).side);
        assertTrue(after.get(0).reduceOnly, "reduce-only decided from the venue's position, not the booked one");
    }

    @Test
    void shouldSendNoBidWhenTheFillLeadsTheOrderUpdate()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand bid = quoteBoth(core, perp)[0];
        core.onEvent(fill(12 * MS, 0, oid(bid), Side.BUY, bid.price, bid.size, 77));
        core.onEvent(moveUp(perp, 13 * MS));
        core.onEvent(orderUpdate(14 * MS, 0, oid(bid), VenueOrderStatus.FILLED, bid.size));
        assertEquals(List.of(), bidGrowth(rig.drain()));
        assertEquals(300, core.position(0).size());
        assertEquals(0, core.orders().unbookedFilled(0));
        assertEquals(0, core.orders().fillsOwedCount());
    }

    @Test
    void shouldCountAPartialFillReportedBeforeItsFill()
    {
        for (final boolean uta : new boolean[] {false, true})
        {
            rig.sent.clear();
            rig.seq = 1;
            final TradingCore core = rig.core(perpContext().amendInPlace(uta), perp);
            final OutboundCommand bid = quoteBoth(core, perp)[0];
            core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.PARTIALLY_FILLED, 50));
            core.onEvent(moveUp(perp, 13 * MS));
            final List<OutboundCommand> window = rig.drain();
            assertEquals(List.of(), bidGrowth(window), "uta " + uta + ": 250 held, 100 more is past 300");
            assertTrue(has(window, CommandType.CANCEL, Side.BUY), "uta " + uta + ": the bid is pulled: " + window);
            assertEquals(250, core.riskPosition(0));

            core.onEvent(fill(14 * MS, 0, oid(bid), Side.BUY, bid.price, 50, 77));
            assertEquals(250, core.position(0).size());
            assertEquals(0, core.orders().unbookedFilled(0));
            core.onEvent(orderUpdate(15 * MS, 0, oid(bid), VenueOrderStatus.CANCELLED, 50));
            assertEquals(0, core.orders().fillsOwedCount());
            assertEquals(List.of(), bidGrowth(rig.drain()));
        }
    }

    @Test
    void shouldKeepAPartialFillOfAnOrderCancelledBeforeItsFillCame()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand bid = quoteBoth(core, perp)[0];
        core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.CANCELLED, 50));
        core.onEvent(moveUp(perp, 13 * MS));
        assertEquals(List.of(), bidGrowth(rig.drain()), "250 at the venue: a new bid of 100 could reach 350");
        assertEquals(250, core.riskPosition(0));
        assertEquals(1, core.orders().fillsOwedCount(), "closed, its slot kept for the fill");

        core.onEvent(fill(14 * MS, 0, oid(bid), Side.BUY, bid.price, 50, 77));
        assertEquals(250, core.position(0).size(), "the fill of a closed order is booked");
        assertEquals(0, core.orders().unbookedFilled(0));
        assertEquals(0, core.orders().fillsOwedCount());
    }

    @Test
    void shouldFetchAFillThatNeverCameAndBookIt()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand bid = quoteBoth(core, perp)[0];
        core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.FILLED, 100));
        rig.drain();
        core.onEvent(timer(500 * MS));
        assertEquals(List.of(), fetches(rig.drain()), "not late yet");
        core.onEvent(timer(1_100 * MS));
        final List<OutboundCommand> fetches = fetches(rig.drain());
        assertEquals(1, fetches.size(), "a query-retry interval late: fetched");
        assertEquals(1, fetches.get(0).orderId);
        assertEquals(oid(bid), oid(fetches.get(0)));
        assertEquals(1, core.counters().get(CoreCounters.OWED_FILL_FETCHES));
        assertEquals(300, core.riskPosition(0));

        final InboundEvent fetched = fill(1_200 * MS, 0, "", Side.BUY, bid.price, 100, 77);
        fetched.orderId = 1;
        fetched.commandType = CommandType.FETCH_FILLS;
        core.onEvent(fetched);
        assertEquals(300, core.position(0).size());
        assertEquals(1, core.counters().get(CoreCounters.RECOVERED_FILLS));
        assertEquals(0, core.orders().unbookedFilled(0));
        assertEquals(0, core.orders().fillsOwedCount());
        core.onEvent(timer(5_000 * MS));
        assertEquals(List.of(), fetches(rig.drain()), "nothing owed: no more fetches");
        assertEquals(List.of(), bidGrowth(rig.drain()));
    }

    @Test
    void shouldCountAFillNoFetchBooksAndBookItAtTheStopSweep()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand bid = quoteBoth(core, perp)[0];
        core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.FILLED, 100));
        for (int second = 1; second <= 8; second++)
        {
            core.onEvent(timer(second * 1_100 * MS));
        }
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(TradingCore.OWED_FILL_FETCHES, fetches(commands).size(), "a bounded number of fetches");
        assertEquals(1, core.counters().get(CoreCounters.FILLS_NEVER_BOOKED), "visible");
        assertEquals(List.of(), bidGrowth(commands), "the venue holds it: still counted against the limit");
        assertEquals(300, core.riskPosition(0));

        final InboundEvent stop = new InboundEvent();
        stop.type = EventType.STOP_QUOTING;
        stop.timestampNanos = 10_000 * MS;
        core.onEvent(stop);
        final InboundEvent swept = fill(10_100 * MS, 0, "", Side.BUY, bid.price, 100, 77);
        swept.orderId = 1;
        swept.commandType = CommandType.FETCH_FILLS;
        core.onEvent(swept);
        assertEquals(300, core.position(0).size(), "the stop's sweep books it");
        assertEquals(0, core.orders().unbookedFilled(0));
        assertEquals(0, core.orders().fillsOwedCount());
    }

    @Test
    void shouldNotCountTheVenuesPositionBetweenTheTwoPushesAsAMismatch()
    {
        final TradingCore core = rig.core(perpContext(), perp);
        final OutboundCommand bid = quoteBoth(core, perp)[0];
        core.onEvent(orderUpdate(12 * MS, 0, oid(bid), VenueOrderStatus.FILLED, 100));
        final InboundEvent report = new InboundEvent();
        report.type = EventType.POSITION_SNAPSHOT;
        report.instrumentId = 0;
        report.timestampNanos = 13 * MS;
        report.size = 300;
        report.averagePrice = 600_000;
        report.price = 600_000;
        core.onEvent(report);
        assertEquals(0, core.counters().get(CoreCounters.POSITION_MISMATCHES), "the venue's 300 is booked 200 + 100 reported");
        core.onEvent(fill(14 * MS, 0, oid(bid), Side.BUY, bid.price, bid.size, 77));
        report.timestampNanos = 15 * MS;
        core.onEvent(report);
        assertEquals(0, core.counters().get(CoreCounters.POSITION_MISMATCHES));
        report.size = 200;
        core.onEvent(report);
        assertEquals(1, core.counters().get(CoreCounters.POSITION_MISMATCHES), "a real difference still counts");
        assertEquals(3, core.counters().get(CoreCounters.POSITION_SNAPSHOTS));
    }

    private static List<OutboundCommand> fetches(final List<OutboundCommand> commands)
    {
        final List<OutboundCommand> fetches = new ArrayList<>();
        for (final OutboundCommand command : commands)
        {
            if (command.type == CommandType.FETCH_FILLS)
            {
                fetches.add(command);
            }
        }
        return fetches;
    }
}
