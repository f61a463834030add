package io.bitmm.app.paper;

import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperMatcherTest
{
    /** BTCUSDT with 2 price decimals, 6 size decimals, maker fee 0.002. */
    private static final InstrumentTable INSTRUMENTS = new InstrumentTable(
        List.of(InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200")),
        List.of("BTC", "USDT"));
    private static final long ONE = 1_000_000L;

    private final ArrayPublisher out = new ArrayPublisher(1024);
    private final PaperMatcher matcher = new PaperMatcher(INSTRUMENTS, out, 8);
    private final OutboundCommand command = new OutboundCommand();
    private final InboundEvent market = new InboundEvent();
    private long seq;

    @BeforeEach
    void setUp()
    {
        snapshot(9_990, 10_010);
        out.clear();
    }

    @Test
    void shouldAckThenReportLiveOnPlace()
    {
        place("a", Side.BUY, 9_990, ONE);

        assertEquals(2, out.count());
        final InboundEvent ack = out.get(0);
        assertEquals(EventType.COMMAND_ACK, ack.type);
        assertEquals(CommandType.PLACE, ack.commandType);
        assertEquals("a", oid(ack));
        assertTrue(ack.orderId != 0);
        assertTrue(ack.timestampNanos != 0);
        final InboundEvent live = out.get(1);
        assertEquals(EventType.ORDER_UPDATE, live.type);
        assertEquals(VenueOrderStatus.LIVE, live.venueStatus);
        assertEquals(ack.orderId, live.orderId);
        assertEquals(9_990, live.price);
        assertEquals(ONE, live.size);
        assertEquals(1, matcher.openOrderCount());
    }

    @Test
    void shouldCancelPostOnlyOrderThatWouldCross()
    {
        place("a", Side.BUY, 10_010, ONE);
        place("b", Side.SELL, 9_990, ONE);

        assertEquals(EventType.COMMAND_ACK, out.get(0).type);
        assertPostOnlyCancelled(out.get(1), "a");
        assertEquals(EventType.COMMAND_ACK, out.get(2).type);
        assertPostOnlyCancelled(out.get(3), "b");
        assertEquals(0, matcher.openOrderCount());
    }

    @Test
    void shouldFillPartiallyThenFullyOnTradesThroughRestingBuy()
    {
        place("a", Side.BUY, 9_990, ONE);
        out.clear();

        trade(9_990, 400_000);
        assertEquals(2, out.count());
        assertUpdate(out.get(0), "a", VenueOrderStatus.PARTIALLY_FILLED, 400_000);
        assertFill(out.get(1), "a", Side.BUY, 9_990, 400_000);

        trade(9_995, 400_000);
        assertEquals(1, out.count(EventType.FILL), "a trade above the bid does not fill it");

        trade(9_980, 2 * ONE);
        assertUpdate(out.get(2), "a", VenueOrderStatus.FILLED, ONE);
        assertFill(out.get(3), "a", Side.BUY, 9_990, 600_000);
        assertEquals(0, matcher.openOrderCount());
    }

    @Test
    void shouldShareTradeSizeBestPriceFirst()
    {
        place("low", Side.BUY, 9_980, ONE);
        place("high", Side.BUY, 9_990, ONE);
        out.clear();

        trade(9_970, 1_500_000);

        assertEquals(4, out.count());
        assertUpdate(out.get(0), "high", VenueOrderStatus.FILLED, ONE);
        assertFill(out.get(1), "high", Side.BUY, 9_990, ONE);
        assertUpdate(out.get(2), "low", VenueOrderStatus.PARTIALLY_FILLED, 500_000);
        assertFill(out.get(3), "low", Side.BUY, 9_980, 500_000);
    }

    @Test
    void shouldFillRestingSellWhenBestBidMovesThroughIt()
    {
        place("a", Side.SELL, 10_005, ONE);
        out.clear();

        update(Side.BUY, 10_005, 300_000);

        assertEquals(2, out.count());
        assertUpdate(out.get(0), "a", VenueOrderStatus.FILLED, ONE);
        assertFill(out.get(1), "a", Side.SELL, 10_005, ONE);
    }

    @Test
    void shouldFillRestingBuyWhenBestAskMovesToItsPrice()
    {
        place("a", Side.BUY, 9_990, ONE);
        out.clear();
        snapshot(9_980, 9_990);

        assertUpdate(out.get(0), "a", VenueOrderStatus.FILLED, ONE);
        assertFill(out.get(1), "a", Side.BUY, 9_990, ONE);
    }

    @Test
    void shouldChargeMakerFeeInQuoteAndUseUniqueTradeIds()
    {
        place("a", Side.BUY, 10_000, 10_000);
        place("b", Side.BUY, 10_000, 10_000);
        trade(10_000, 5_000);
        trade(10_000, 20_000);

        final Set<Long> tradeIds = new HashSet<>();
        for (int i = 0; i < out.count(); i++)
        {
            final InboundEvent e = out.get(i);
            if (e.type == EventType.FILL)
            {
                assertTrue(tradeIds.add(e.tradeId), "trade ids are unique");
                assertTrue(e.maker);
                assertEquals(1, e.feeAssetId);
                assertEquals(200_000L * e.size / 10_000, e.fee, "0.2% of 100 USDT per 0.01 BTC at 100.00");
            }
        }
        assertEquals(3, tradeIds.size());
    }

    @Test
    void shouldAckAndReportCancelledOnCancel()
    {
        place("a", Side.BUY, 9_990, ONE);
        out.clear();

        cancel("a");

        assertEquals(2, out.count());
        assertEquals(EventType.COMMAND_ACK, out.get(0).type);
        assertEquals(CommandType.CANCEL, out.get(0).commandType);
        assertEquals(VenueOrderStatus.CANCELLED, out.get(1).venueStatus);
        assertEquals(CancelReason.NORMAL, out.get(1).cancelReason);
        assertEquals(0, matcher.openOrderCount());
    }

    @Test
    void shouldRejectCancelOfUnknownOrClosedOrder()
    {
        cancel("nobody");
        assertReject(out.last(), CommandType.CANCEL, "nobody");

        place("a", Side.BUY, 9_990, ONE);
        cancel("a");
        out.clear();
        cancel("a");
        assertEquals(1, out.count());
        assertReject(out.last(), CommandType.CANCEL, "a");

        place("b", Side.BUY, 9_990, ONE);
        trade(9_990, ONE);
        out.clear();
        cancel("b");
        assertReject(out.last(), CommandType.CANCEL, "b");
    }

    @Test
    void shouldCancelThenPlaceOnReplace()
    {
        place("a", Side.BUY, 9_980, ONE);
        out.clear();

        replace("a", "b", 9_985, 2 * ONE);

        assertEquals(3, out.count());
        final InboundEvent ack = out.get(0);
        assertEquals(EventType.COMMAND_ACK, ack.type);
        assertEquals(CommandType.REPLACE, ack.commandType);
        assertEquals("a", oid(ack));
        assertEquals("b", new String(ack.newClientOid, 0, ack.newClientOidLength, StandardCharsets.US_ASCII));
        assertEquals(VenueOrderStatus.CANCELLED, out.get(1).venueStatus);
        assertEquals("a", oid(out.get(1)));
        assertUpdate(out.get(2), "b", VenueOrderStatus.LIVE, 0);
        assertEquals(ack.orderId, out.get(2).orderId);
        assertEquals(9_985, out.get(2).price);
        assertEquals(2 * ONE, out.get(2).size);
        assertEquals(Side.BUY, out.get(2).side);
        assertEquals(1, matcher.openOrderCount());

        out.clear();
        replace("a", "c", 9_985, ONE);
        assertReject(out.last(), CommandType.REPLACE, "a");
    }

    @Test
    void shouldCancelEveryOrderOnCancelAll()
    {
        place("a", Side.BUY, 9_980, ONE);
        place("b", Side.SELL, 10_020, ONE);
        out.clear();

        command.reset();
        command.type = CommandType.CANCEL_ALL;
        command.instrumentId = 0;
        matcher.onCommand(command);

        assertEquals(3, out.count());
        assertEquals(EventType.COMMAND_ACK, out.get(0).type);
        assertEquals(CommandType.CANCEL_ALL, out.get(0).commandType);
        assertEquals(VenueOrderStatus.CANCELLED, out.get(1).venueStatus);
        assertEquals(VenueOrderStatus.CANCELLED, out.get(2).venueStatus);
        assertEquals(0, matcher.openOrderCount());
    }

    @Test
    void shouldAnswerQueryWithCurrentStateOrUnknown()
    {
        place("a", Side.BUY, 9_990, ONE);
        trade(9_990, 250_000);
        out.clear();

        query("a");
        assertUpdate(out.last(), "a", VenueOrderStatus.PARTIALLY_FILLED, 250_000);

        query("never");
        assertEquals(EventType.ORDER_UPDATE, out.last().type);
        assertEquals(VenueOrderStatus.UNKNOWN, out.last().venueStatus);
        assertEquals(CommandType.QUERY_ORDER, out.last().commandType);
        assertEquals("never", oid(out.last()));
    }

    @Test
    void shouldNotFillWhileBookIsInvalidAndRecoverOnSnapshot()
    {
        place("a", Side.BUY, 9_990, ONE);
        market.reset();
        market.type = EventType.BOOK_RESET;
        market.instrumentId = 0;
        matcher.observe(market);
        out.clear();

        update(Side.SELL, 9_980, ONE);
        assertEquals(0, out.count(), "an update while awaiting a snapshot is ignored");
        snapshot(9_970, 9_985);
        assertEquals(2, out.count());
        assertUpdate(out.get(0), "a", VenueOrderStatus.FILLED, ONE);
    }

    @Test
    void shouldReuseSlotsOfClosedOrders()
    {
        for (int i = 0; i < 40; i++)
        {
            place("o" + i, Side.BUY, 9_980, ONE);
            cancel("o" + i);
        }
        out.clear();
        place("last", Side.BUY, 9_980, ONE);
        assertEquals(EventType.COMMAND_ACK, out.get(0).type);
        assertEquals(1, matcher.openOrderCount());
    }

    // -- helpers

    private void place(final String oid, final Side side, final long price, final long size)
    {
        command.reset();
        command.type = CommandType.PLACE;
        command.instrumentId = 0;
        setOid(command.clientOid, oid);
        command.clientOidLength = oid.length();
        command.side = side;
        command.price = price;
        command.size = size;
        command.timeInForce = TimeInForce.POST_ONLY;
        matcher.onCommand(command);
    }

    private void cancel(final String oid)
    {
        simple(CommandType.CANCEL, oid);
    }

    private void query(final String oid)
    {
        simple(CommandType.QUERY_ORDER, oid);
    }

    private void simple(final CommandType type, final String oid)
    {
        command.reset();
        command.type = type;
        command.instrumentId = 0;
        setOid(command.clientOid, oid);
        command.clientOidLength = oid.length();
        matcher.onCommand(command);
    }

    private void replace(final String oid, final String newOid, final long price, final long size)
    {
        command.reset();
        command.type = CommandType.REPLACE;
        command.instrumentId = 0;
        setOid(command.clientOid, oid);
        command.clientOidLength = oid.length();
        setOid(command.newClientOid, newOid);
        command.newClientOidLength = newOid.length();
        command.price = price;
        command.size = size;
        matcher.onCommand(command);
    }

    private static void setOid(final byte[] dst, final String oid)
    {
        final byte[] bytes = oid.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, dst, 0, bytes.length);
    }

    private void snapshot(final long bid, final long ask)
    {
        market.reset();
        market.type = EventType.BOOK_SNAPSHOT;
        market.instrumentId = 0;
        market.seq = ++seq;
        market.bidCount = 1;
        market.bidPrices[0] = bid;
        market.bidSizes[0] = ONE;
        market.askCount = 1;
        market.askPrices[0] = ask;
        market.askSizes[0] = ONE;
        observe();
    }

    private void update(final Side side, final long price, final long size)
    {
        market.reset();
        market.type = EventType.BOOK_UPDATE;
        market.instrumentId = 0;
        market.seq = ++seq;
        if (side == Side.BUY)
        {
            market.bidCount = 1;
            market.bidPrices[0] = price;
            market.bidSizes[0] = size;
        }
        else
        {
            market.askCount = 1;
            market.askPrices[0] = price;
            market.askSizes[0] = size;
        }
        observe();
    }

    private void trade(final long price, final long size)
    {
        market.reset();
        market.type = EventType.TRADE;
        market.instrumentId = 0;
        market.price = price;
        market.size = size;
        market.side = Side.SELL;
        observe();
    }

    private void observe()
    {
        matcher.observe(market);
        matcher.publishFills();
    }

    private static String oid(final InboundEvent e)
    {
        return new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII);
    }

    private static void assertPostOnlyCancelled(final InboundEvent e, final String oid)
    {
        assertEquals(EventType.ORDER_UPDATE, e.type);
        assertEquals(oid, oid(e));
        assertEquals(VenueOrderStatus.CANCELLED, e.venueStatus);
        assertEquals(CancelReason.POST_ONLY_WOULD_TAKE, e.cancelReason);
    }

    private static void assertUpdate(final InboundEvent e, final String oid, final VenueOrderStatus status, final long filled)
    {
        assertEquals(EventType.ORDER_UPDATE, e.type);
        assertEquals(oid, oid(e));
        assertEquals(status, e.venueStatus);
        assertEquals(filled, e.cumulativeFilledSize);
    }

    private static void assertFill(final InboundEvent e, final String oid, final Side side, final long price, final long size)
    {
        assertEquals(EventType.FILL, e.type);
        assertEquals(oid, oid(e));
        assertEquals(side, e.side);
        assertEquals(price, e.price);
        assertEquals(size, e.size);
        assertTrue(e.tradeId != 0);
        assertTrue(e.orderId != 0);
    }

    private static void assertReject(final InboundEvent e, final CommandType type, final String oid)
    {
        assertEquals(EventType.COMMAND_REJECT, e.type);
        assertEquals(type, e.commandType);
        assertEquals(PaperMatcher.ORDER_NOT_FOUND, e.rejectCode);
        assertEquals(oid, oid(e));
    }
}
