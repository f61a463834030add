package io.bitmm.core.order;

import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.bitmm.core.TestSupport.ack;
import static io.bitmm.core.TestSupport.fill;
import static io.bitmm.core.TestSupport.orderUpdate;
import static io.bitmm.core.TestSupport.reject;
import static io.bitmm.core.TestSupport.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderManagerTest
{
    private final OrderManager orders = new OrderManager(new ClientOidCodec("mm", 42), 8);

    private String oid(final int slot)
    {
        final ManagedOrder order = orders.order(slot);
        final byte[] bytes = new byte[32];
        final int length = order.copyClientOid(bytes);
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private int place()
    {
        return orders.create(0, Side.BUY, 100, 10, 0, 1);
    }

    @Test
    void shouldGoLiveOnAckAndFindOrderByClientOid()
    {
        final int slot = place();
        assertEquals(OrderState.PENDING_NEW, orders.order(slot).state());
        final byte[] id = oid(slot).getBytes(StandardCharsets.US_ASCII);
        assertEquals(slot, orders.lookup(id, id.length));
        assertEquals(OrderManager.APPLIED, orders.onAck(ack(2, CommandType.PLACE, oid(slot), 77)));
        assertEquals(OrderState.LIVE, orders.order(slot).state());
        assertEquals(77, orders.order(slot).orderId());
        assertEquals(OrderManager.NO_CHANGE, orders.onAck(ack(3, CommandType.PLACE, oid(slot), 77)));
        assertEquals(1, orders.openOrderCount());
    }

    @Test
    void shouldTolerateFillsAndPushesBeforeAckAndNeverGoBackwards()
    {
        final int slot = place();
        final String id = oid(slot);
        orders.onFill(fill(2, 0, id, Side.BUY, 100, 4, 1));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.order(slot).state());
        orders.onOrderUpdate(orderUpdate(3, 0, id, VenueOrderStatus.PARTIALLY_FILLED, 6));
        assertEquals(6, orders.order(slot).filled());
        orders.onOrderUpdate(orderUpdate(4, 0, id, VenueOrderStatus.LIVE, 2));
        assertEquals(6, orders.order(slot).filled(), "cumulative filled never goes backwards");
        orders.onAck(ack(5, CommandType.PLACE, id, 9));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.order(slot).state());
        orders.onOrderUpdate(orderUpdate(6, 0, id, VenueOrderStatus.FILLED, 10));
        assertEquals(OrderState.FILLED, orders.order(slot).state());
        assertEquals(0, orders.openOrderCount());
        assertEquals(6, orders.unbookedFilled(0), "reported 10, 4 booked");
        assertEquals(OrderManager.APPLIED, orders.onFill(fill(7, 0, id, Side.BUY, 100, 6, 2)), "the fill it owed");
        assertEquals(0, orders.unbookedFilled(0));
        assertEquals(OrderManager.UNTRACKED, orders.onFill(fill(8, 0, id, Side.BUY, 100, 4, 3)), "owes nothing now");
        assertEquals(OrderManager.UNTRACKED, orders.onOrderUpdate(orderUpdate(9, 0, id, VenueOrderStatus.LIVE, 0)));
    }

    @Test
    void shouldKeepTheSlotOfAFinishedOrderUntilTheFillsItWasReportedToHaveAreBooked()
    {
        final int slot = orders.create(0, Side.SELL, 100, 10, 0, 1);
        final String id = oid(slot);
        orders.onAck(ack(2, CommandType.PLACE, id, 77));
        orders.onOrderUpdate(orderUpdate(3, 0, id, VenueOrderStatus.PARTIALLY_FILLED, 4));
        assertEquals(-4, orders.unbookedFilled(0), "a sell: the position is 4 lower than booked");
        orders.onOrderUpdate(orderUpdate(4, 0, id, VenueOrderStatus.CANCELLED, 4));
        assertFalse(orders.order(slot).isInUse());
        assertTrue(orders.order(slot).fillsOwed());
        assertEquals(1, orders.fillsOwedCount());
        assertEquals(0, orders.openOrderCount(), "not open");
        final byte[] bytes = id.getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, orders.lookup(bytes, bytes.length), "order events find no tracked order");
        assertEquals(slot, orders.lookupForFill(bytes, bytes.length));
        assertEquals(slot, orders.lookupByOrderId(77), "a fetched fill (no clientOid) finds it too");
        for (int i = 0; i < orders.capacity() - 1; i++)
        {
            assertTrue(orders.create(0, Side.BUY, 100, 10, 1, 5) != slot, "the slot is not reused while owed");
        }
        assertEquals(-1, orders.create(0, Side.BUY, 100, 10, 1, 5), "every other slot taken");

        final InboundEvent fetched = fill(6, 0, "", Side.SELL, 100, 4, 9);
        fetched.orderId = 77;
        assertEquals(OrderManager.APPLIED, orders.onFill(fetched, orders.lookupByOrderId(77)));
        assertEquals(0, orders.unbookedFilled(0));
        assertEquals(0, orders.fillsOwedCount());
        assertFalse(orders.order(slot).fillsOwed());
        assertEquals(-1, orders.lookupForFill(bytes, bytes.length), "released");
    }

    @Test
    void shouldReportVenueCancelOfPostOnlyAsNormal()
    {
        final int slot = place();
        final InboundEvent cancelled = orderUpdate(2, 0, oid(slot), VenueOrderStatus.CANCELLED, 0);
        cancelled.cancelReason = CancelReason.POST_ONLY_WOULD_TAKE;
        assertEquals(OrderManager.VENUE_CANCEL, orders.onOrderUpdate(cancelled));
        assertEquals(OrderState.CANCELLED, orders.order(slot).state());
    }

    @Test
    void shouldCancelOnRequestAndRevertOnRejectUnlessGone()
    {
        final int slot = place();
        orders.onAck(ack(2, CommandType.PLACE, oid(slot), 1));
        orders.markPendingCancel(slot, 3);
        assertEquals(OrderState.PENDING_CANCEL, orders.order(slot).state());
        orders.onReject(reject(4, CommandType.CANCEL, oid(slot), 45129));
        assertEquals(OrderState.LIVE, orders.order(slot).state());
        assertEquals(-1, orders.queryNeeded());
        orders.markPendingCancel(slot, 5);
        orders.onReject(reject(6, CommandType.CANCEL, oid(slot), 43001));
        assertEquals(OrderState.UNKNOWN, orders.order(slot).state(), "not found: cancelled or filled, unknown until queried");
        assertEquals(slot, orders.queryNeeded());
        final InboundEvent answer = orderUpdate(7, 1, oid(slot), VenueOrderStatus.FILLED, 10);
        answer.commandType = CommandType.QUERY_ORDER;
        orders.onOrderUpdate(answer);
        assertEquals(OrderState.FILLED, orders.order(slot).state());
    }

    @Test
    void shouldReplaceAndGiveOldOrderBackOnReject()
    {
        final int slot = place();
        orders.onAck(ack(2, CommandType.PLACE, oid(slot), 1));
        final int replacement = orders.markPendingReplace(slot, 101, 10, 3);
        assertEquals(OrderState.PENDING_REPLACE, orders.order(slot).state());
        assertEquals(OrderState.PENDING_NEW, orders.order(replacement).state());
        final InboundEvent rejected = reject(4, CommandType.REPLACE, oid(slot), 40923);
        final byte[] newId = oid(replacement).getBytes(StandardCharsets.US_ASCII);
        rejected.newClientOid(newId, 0, newId.length);
        orders.onReject(rejected);
        assertEquals(OrderState.LIVE, orders.order(slot).state());
        assertEquals(slot, orders.lastSlot());
        assertEquals(0, orders.order(slot).quoteSlot());
        assertFalse(orders.isCurrent(replacement, orders.order(replacement).counter()));

        final int second = orders.markPendingReplace(slot, 102, 10, 5);
        final InboundEvent acked = ack(6, CommandType.REPLACE, oid(slot), 2);
        final byte[] secondId = oid(second).getBytes(StandardCharsets.US_ASCII);
        acked.newClientOid(secondId, 0, secondId.length);
        orders.onAck(acked);
        assertEquals(OrderState.LIVE, orders.order(second).state());
        assertEquals(1, orders.openOrderCount());
    }

    @Test
    void shouldAmendInPlaceKeepingTheOrderAndApplyOnlyWhenAcknowledged()
    {
        final int slot = place();
        final String id = oid(slot);
        final byte[] self = id.getBytes(StandardCharsets.US_ASCII);
        orders.onAck(ack(2, CommandType.PLACE, id, 1));
        orders.onFill(fill(3, 1, id, Side.BUY, 100, 4, 11));
        orders.markPendingAmend(slot, 101, 14, 4);
        assertEquals(OrderState.PENDING_REPLACE, orders.order(slot).state());
        assertEquals(100, orders.order(slot).price(), "not applied before the venue says so");
        assertTrue(orders.order(slot).amending());
        orders.onFill(fill(5, 1, id, Side.BUY, 100, 6, 12));
        assertEquals(OrderState.PENDING_REPLACE, orders.order(slot).state(),
            "10 filled of the old 10 while an amend to 14 is in flight: the order is not done");

        final InboundEvent acked = ack(6, CommandType.REPLACE, id, 1);
        acked.newClientOid(self, 0, self.length);
        assertEquals(OrderManager.APPLIED, orders.onAck(acked));
        assertEquals(OrderState.PARTIALLY_FILLED, orders.order(slot).state(), "the same order, still working");
        assertEquals(101, orders.order(slot).price());
        assertEquals(14, orders.order(slot).size());
        assertEquals(slot, orders.lookup(self, self.length), "same clientOid, same slot");
        assertEquals(1, orders.openOrderCount());

        orders.markPendingAmend(slot, 102, 14, 7);
        final InboundEvent refused = reject(8, CommandType.REPLACE, id, 25571);
        refused.newClientOid(self, 0, self.length);
        orders.onReject(refused);
        assertEquals(OrderState.PARTIALLY_FILLED, orders.order(slot).state(), "a refused amend leaves the order as it was");
        assertEquals(101, orders.order(slot).price());
        assertFalse(orders.order(slot).amending());

        orders.markPendingAmend(slot, 103, 14, 9);
        final InboundEvent gone = reject(10, CommandType.REPLACE, id, 25204);
        gone.newClientOid(self, 0, self.length);
        orders.onReject(gone);
        assertEquals(OrderState.UNKNOWN, orders.order(slot).state(), "v3 25204: cancelled or filled, query it");
        assertEquals(slot, orders.queryNeeded());
    }

    @Test
    void shouldLearnTheOutcomeOfAnUnknownAmendFromTheQueryAnswer()
    {
        final int slot = place();
        final String id = oid(slot);
        orders.onAck(ack(2, CommandType.PLACE, id, 1));
        orders.markPendingAmend(slot, 105, 12, 3);
        orders.onUnknown(unknown(4, CommandType.REPLACE, id));
        assertEquals(OrderState.UNKNOWN, orders.order(slot).state());
        final InboundEvent answer = orderUpdate(5, 1, id, VenueOrderStatus.LIVE, 0);
        answer.commandType = CommandType.QUERY_ORDER;
        answer.price = 105;
        answer.size = 12;
        orders.onOrderUpdate(answer);
        assertEquals(OrderState.LIVE, orders.order(slot).state());
        assertEquals(105, orders.order(slot).price(), "the venue applied it");
        assertEquals(12, orders.order(slot).size());
    }

    @Test
    void shouldGoUnknownAndResolveByQueryAnswer()
    {
        final int slot = place();
        assertEquals(OrderManager.APPLIED, orders.onUnknown(unknown(2, CommandType.PLACE, oid(slot))));
        assertEquals(OrderState.UNKNOWN, orders.order(slot).state());
        orders.onOrderUpdate(orderUpdate(3, 0, oid(slot), VenueOrderStatus.LIVE, 0));
        assertEquals(OrderState.LIVE, orders.order(slot).state());

        final int other = place();
        orders.onUnknown(unknown(4, CommandType.PLACE, oid(other)));
        orders.onOrderUpdate(orderUpdate(5, 0, oid(other), VenueOrderStatus.UNKNOWN, 0));
        assertEquals(OrderState.REJECTED, orders.order(other).state());
        assertEquals(1, orders.openOrderCount());
    }

    @Test
    void shouldReuseSlotsWithFreshIdsAndRefuseWhenFull()
    {
        final int first = place();
        final String firstId = oid(first);
        orders.onReject(reject(2, CommandType.PLACE, firstId, 43008));
        for (int i = 0; i < 8; i++)
        {
            assertTrue(place() >= 0);
        }
        assertEquals(-1, place());
        final byte[] stale = firstId.getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, orders.lookup(stale, stale.length), "a finished order's id never resolves to its slot's new order");
    }

    @Test
    void shouldDeduplicateTradeIdsWithinWindow()
    {
        final TradeIdFilter filter = new TradeIdFilter(3);
        assertTrue(filter.firstTime(1));
        assertFalse(filter.firstTime(1));
        assertTrue(filter.firstTime(2));
        assertTrue(filter.firstTime(3));
        assertTrue(filter.firstTime(4));
        assertTrue(filter.firstTime(1), "evicted from the window");
        assertFalse(filter.firstTime(4));
    }
}
