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
import io.bitmm.core.position.Position;
import io.bitmm.core.risk.RiskReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.bitmm.core.TestSupport.ack;
import static io.bitmm.core.TestSupport.fill;
import static io.bitmm.core.TestSupport.oid;
import static io.bitmm.core.TestSupport.orderUpdate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core on a USDT-M perpetual: inventory limits in contracts and notional with reduce-only quotes, mark price,
 * funding and the venue's position reports.
 */
class PerpetualCoreTest
{
    private static final long MS = 1_000_000L;

    /** BTCUSDT perpetual: tick 0.1, size step 0.0001, min 5 USDT (the sim's contract). */
    private final Instrument perp = InstrumentFactory.futures(
        0, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
    private final CoreTestRig rig = new CoreTestRig();

    private static CoreContext context()
    {
        return new CoreContext()
            .runEpochMs(1_700_000_000_000L)
            .orderSizeUnits(100)
            .maxPositionUnits(300)
            .softLimitUnits(200)
            .maxOrderNotionalAmount(1_000 * Amounts.ONE)
            .maxOrderAgeMs(60_000)
            .staleBookMs(5_000);
    }

    private static InboundEvent perpetualEvent(final EventType type, final long nanos)
    {
        final InboundEvent event = new InboundEvent();
        event.type = type;
        event.timestampNanos = nanos;
        event.instrumentId = 0;
        return event;
    }

    @Test
    void shouldQuoteBothSidesWithoutReduceOnlyBelowTheLimits()
    {
        final TradingCore core = rig.core(context(), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(2, commands.size());
        assertEquals(Side.BUY, commands.get(0).side);
        assertFalse(commands.get(0).reduceOnly);
        assertFalse(commands.get(1).reduceOnly);
    }

    @Test
    void shouldQuoteOnlyTheReducingSideReduceOnlyAtTheContractLimit()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, 250), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(1, commands.size(), commands.toString());
        assertEquals(CommandType.PLACE, commands.get(0).type);
        assertEquals(Side.SELL, commands.get(0).side);
        assertTrue(commands.get(0).reduceOnly);
        assertEquals(100, commands.get(0).size);
        assertEquals(1, core.counters().get(CoreCounters.REDUCE_ONLY_PLACES));
        assertEquals(1, core.counters().riskRejections(RiskReason.MAX_POSITION), "250 + 100 > 300");
    }

    @Test
    void shouldQuoteAShortAtTheLimitWithReduceOnlyBids()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, -250), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(1, commands.size());
        assertEquals(Side.BUY, commands.get(0).side);
        assertTrue(commands.get(0).reduceOnly);
    }

    @Test
    void shouldCutReduceOnlyQuotesToThePositionLeft()
    {
        final TradingCore core = rig.core(context().levels(3).startPositionUnits(0, 250), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(3, commands.size(), commands.toString());
        assertEquals(100, commands.get(0).size);
        assertEquals(100, commands.get(1).size);
        assertEquals(50, commands.get(2).size, "250 held: 100 + 100 + 50 can reduce it to flat, never flip it");
        for (final OutboundCommand command : commands)
        {
            assertEquals(Side.SELL, command.side);
            assertTrue(command.reduceOnly);
        }
    }

    @Test
    void shouldSwitchTheReducingQuoteToReduceOnlyWhenAFillReachesTheLimit()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, 200), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        List<OutboundCommand> commands = rig.drain();
        assertEquals(2, commands.size(), "at 200 of 300 both sides still quote");
        final OutboundCommand bid = commands.get(0);
        final OutboundCommand ask = commands.get(1);
        assertFalse(ask.reduceOnly);
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(bid), 1));
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(ask), 2));

        core.onEvent(fill(12 * MS, 0, oid(bid), Side.BUY, bid.price, bid.size, 77));
        assertEquals(300, core.position(0).size());
        commands = rig.drain();
        assertEquals(1, commands.size(), commands.toString());
        assertEquals(CommandType.CANCEL, commands.get(0).type, "the plain ask is cancelled, reduce-only is set at placement");
        assertEquals(oid(ask), oid(commands.get(0)));

        core.onEvent(orderUpdate(13 * MS, 0, oid(bid), VenueOrderStatus.FILLED, bid.size));
        core.onEvent(orderUpdate(14 * MS, 0, oid(ask), VenueOrderStatus.CANCELLED, 0));
        commands = rig.drain();
        assertEquals(1, commands.size(), commands.toString());
        assertEquals(CommandType.PLACE, commands.get(0).type);
        assertEquals(Side.SELL, commands.get(0).side);
        assertTrue(commands.get(0).reduceOnly);
    }

    @Test
    void shouldRefuseGrowthBeyondTheNotionalLimit()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, 100), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        assertEquals(2, rig.drain().size(), "without a notional limit 0.02 BTC is within 300 contracts");

        rig.seq = 1;
        final TradingCore limited = rig.core(context().startPositionUnits(0, 100).maxPositionNotionalAmount(1_000 * Amounts.ONE), perp);
        limited.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(1, commands.size(), "0.01 BTC more at 60000 is 1200 USDT, beyond 1000");
        assertEquals(Side.SELL, commands.get(0).side);
        assertTrue(commands.get(0).reduceOnly);
        assertEquals(1, limited.counters().riskRejections(RiskReason.MAX_POSITION_NOTIONAL));
    }

    @Test
    void shouldNeverSendReduceOnlyOnSpot()
    {
        final Instrument spot = TestSupport.spotBtc();
        final TradingCore core = rig.core(context().orderSizeUnits(1_000).maxPositionUnits(3_000).softLimitUnits(2_000)
            .startPositionUnits(0, 2_500), spot);
        core.onEvent(rig.snapshot(spot, 10 * MS, "30000.10:1.5", "30000.20:0.75"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(1, commands.size());
        assertEquals(Side.SELL, commands.get(0).side);
        assertFalse(commands.get(0).reduceOnly);
    }

    @Test
    void shouldTakeUnrealizedPnlAtTheMarkPriceAndBookFunding()
    {
        final TradingCore core = rig.core(context(), perp);
        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final OutboundCommand bid = rig.drain().get(0);
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(bid), 1));
        core.onEvent(fill(12 * MS, 0, oid(bid), Side.BUY, 600_000, 100, 5));
        final Position position = core.position(0);
        assertEquals(600_000, position.averageCost(), "entry price 60000.0");

        final InboundEvent mark = perpetualEvent(EventType.MARK_PRICE, 13 * MS);
        mark.price = 600_100;
        core.onEvent(mark);
        assertEquals(600_100, position.venueMarkPrice());
        assertEquals(10_000_000, position.unrealizedPnl(), "0.01 BTC x 10 USDT above entry = 0.1 USDT");

        final InboundEvent funding = perpetualEvent(EventType.FUNDING, 14 * MS);
        funding.amount = -6_000_000;
        core.onEvent(funding);
        assertEquals(-6_000_000, position.funding());
        assertEquals(1, position.fundingPayments());
        assertEquals(position.realizedPnl() + position.unrealizedPnl() - position.fees() - 6_000_000, position.totalPnl());
        assertEquals(-position.fees() - 6_000_000, position.marginBalanceChange());
        assertEquals(1, core.counters().get(CoreCounters.FUNDING_SETTLEMENTS));
        assertEquals(1, core.counters().get(CoreCounters.MARK_PRICES));
        assertEquals(-6_000_000, core.attribution(0).funding(), "the summary's PnL split has the funding too");
        assertEquals(core.attribution(0).spreadCaptured() + core.attribution(0).inventoryPnl() - core.attribution(0).fees() -
            6_000_000, core.attribution(0).total());
    }

    @Test
    void shouldRecordTheVenuePositionAndCountAMismatch()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, 100), perp);
        final InboundEvent report = perpetualEvent(EventType.POSITION_SNAPSHOT, 10 * MS);
        report.size = 100;
        report.averagePrice = 599_000;
        report.price = 600_000;
        report.amount = 10 * Amounts.ONE;
        core.onEvent(report);
        assertEquals(0, core.counters().get(CoreCounters.POSITION_MISMATCHES));
        assertEquals(100, core.position(0).venueSize());
        assertEquals(599_000, core.position(0).venueEntryPrice());
        assertEquals(600_000, core.position(0).venueMarkPrice());

        report.size = -100;
        core.onEvent(report);
        assertEquals(1, core.counters().get(CoreCounters.POSITION_MISMATCHES));
        assertEquals(100, core.position(0).size(), "the engine's position comes from fills, not from reports");
        assertEquals(2, core.position(0).venueSnapshots());
    }

    @Test
    void shouldStartFromTheVenuesPositionAtItsEntryPriceAndQuoteReduceOnlyAtTheLimit()
    {
        // a configured start the venue contradicts: the venue wins
        final TradingCore core = rig.core(context().startPositionUnits(0, 100), perp);
        final InboundEvent start = perpetualEvent(EventType.POSITION_SNAPSHOT, 1 * MS);
        start.flag = true;
        start.size = -300;
        start.averagePrice = 599_000;
        core.onEvent(start);
        assertEquals(-300, core.position(0).size());
        assertEquals(599_000, core.position(0).averageCost(), "the venue's entry is the cost basis");
        assertEquals(0, core.counters().get(CoreCounters.POSITION_MISMATCHES));
        assertEquals(0, core.counters().get(CoreCounters.BAD_EVENTS));

        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final List<OutboundCommand> commands = rig.drain();
        assertEquals(1, commands.size(), "a short at the limit quotes its bid only: " + commands);
        assertEquals(Side.BUY, commands.get(0).side);
        assertTrue(commands.get(0).reduceOnly);
    }

    @Test
    void shouldStartFromAFlatVenueAndRefuseAStartAfterAFill()
    {
        final TradingCore core = rig.core(context().startPositionUnits(0, 100), perp);
        final InboundEvent start = perpetualEvent(EventType.POSITION_SNAPSHOT, 1 * MS);
        start.flag = true;
        core.onEvent(start);
        assertEquals(0, core.position(0).size(), "flat at the venue: the configured 100 is not used");

        core.onEvent(rig.snapshot(perp, 10 * MS, "60000.0:1", "60000.2:1"));
        final OutboundCommand bid = rig.drain().get(0);
        core.onEvent(ack(11 * MS, CommandType.PLACE, oid(bid), 1));
        core.onEvent(fill(12 * MS, 0, oid(bid), Side.BUY, bid.price, bid.size, 77));
        assertEquals(100, core.position(0).size());
        start.size = 250;
        core.onEvent(start);
        assertEquals(100, core.position(0).size(), "a start event after a fill changes nothing");
        assertEquals(1, core.counters().get(CoreCounters.BAD_EVENTS));
    }
}
