package io.bitmm.core.order;

import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;

/**
 * Our orders: clientOid generation, a fixed pool of {@link ManagedOrder} slots, and the per-order state machine
 * that tolerates acks, order pushes and fills in any order, twice, or for orders no longer tracked.
 * <p>
 * A clientOid's counter picks its slot ({@code counter mod capacity}); lookup parses the counter back and checks
 * the slot still holds that counter, so it is allocation-free and needs no hash map. A terminal order frees its
 * slot at once; later messages about it are reported as untracked.
 */
public final class OrderManager
{
    /** The event changed a tracked order. */
    public static final int APPLIED = 0;
    /** The event names no order we track (ours and finished, or not ours). */
    public static final int UNTRACKED = 1;
    /** The venue cancelled an order we had not asked to cancel (post-only that would take, STP, ...). */
    public static final int VENUE_CANCEL = 2;
    /** A tracked order is working but no quote slot holds it (after an unknown replace): cancel it. */
    public static final int ORPHAN_WORKING = 3;
    /** The event changed nothing (duplicate, late, or no transition applies). */
    public static final int NO_CHANGE = 4;

    private final ClientOidCodec codec;
    private final ManagedOrder[] orders;
    private final int mask;
    private long nextCounter;
    private int openCount;
    private volatile int publishedOpenCount;
    private int lastSlot = -1;
    private int queryNeeded = -1;
    private int reconcileOutstanding;
    /** Venue ids of this run's orders, kept after their slots are reused: fills fetched later carry only this id. */
    private final TradeIdFilter ownOrderIds;
    /** Per instrument: signed size reported filled by order updates and not booked by fills (buys +, sells -). */
    private final long[] unbookedFilled;
    private int owedCount;

    /**
     * One instrument (id 0).
     *
     * @param codec    clientOid format.
     * @param capacity slots, a power of two larger than the most orders ever open at once.
     */
    public OrderManager(final ClientOidCodec codec, final int capacity)
    {
        this(codec, capacity, 1);
    }

    /**
     * @param codec       clientOid format.
     * @param capacity    slots, a power of two larger than the most orders ever open at once.
     * @param instruments instrument ids are 0 to instruments - 1.
     */
    public OrderManager(final ClientOidCodec codec, final int capacity, final int instruments)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("order capacity must be a power of two, was " + capacity);
        }
        this.codec = codec;
        this.orders = new ManagedOrder[capacity];
        this.mask = capacity - 1;
        this.ownOrderIds = new TradeIdFilter(capacity * 4);
        this.unbookedFilled = new long[instruments];
        for (int i = 0; i < capacity; i++)
        {
            orders[i] = new ManagedOrder(i);
        }
    }

    /**
     * @return open (non-terminal) orders; safe to read from any thread.
     */
    public int openOrderCountVolatile()
    {
        return publishedOpenCount;
    }

    /**
     * @return open (non-terminal) orders; core thread.
     */
    public int openOrderCount()
    {
        return openCount;
    }

    public int capacity()
    {
        return orders.length;
    }

    public ManagedOrder order(final int slot)
    {
        return orders[slot];
    }

    /**
     * @param slot    a slot.
     * @param counter the counter it held when remembered.
     * @return true when the slot still holds that order and it is not finished.
     */
    public boolean isCurrent(final int slot, final long counter)
    {
        final ManagedOrder order = orders[slot];
        return order.inUse && order.counter == counter;
    }

    /**
     * @return the slot the last handler call resolved, -1 when none.
     */
    public int lastSlot()
    {
        return lastSlot;
    }

    /**
     * Track a new order (PENDING_NEW) and give it a fresh clientOid.
     *
     * @return its slot, or -1 when every slot is taken.
     */
    public int create(
        final int instrumentId, final Side side, final long price, final long size, final int quoteSlot, final long nowNanos)
    {
        for (int attempt = 0; attempt < orders.length; attempt++)
        {
            final long counter = nextCounter++;
            final ManagedOrder order = orders[(int)(counter & mask)];
            if (!order.inUse && !order.fillsOwed)
            {
                order.inUse = true;
                order.counter = counter;
                order.clientOidLength = codec.encode(counter, order.clientOid);
                order.instrumentId = instrumentId;
                order.side = side;
                order.price = price;
                order.size = size;
                order.filledByFills = 0;
                order.filledReported = 0;
                order.unbooked = 0;
                order.owedFetches = 0;
                order.owedFetchNanos = 0;
                order.orderId = 0;
                order.createdNanos = nowNanos;
                order.stateNanos = nowNanos;
                order.state = OrderState.PENDING_NEW;
                order.replacementSlot = -1;
                order.replacesSlot = -1;
                order.amending = false;
                order.quoteSlot = quoteSlot;
                order.cancelRequested = false;
                order.awaitingReconcile = false;
                order.reduceOnly = false;
                setOpen(openCount + 1);
                return order.slot;
            }
        }
        return -1;
    }

    /**
     * @param src    clientOid bytes.
     * @param length length.
     * @return the slot of the tracked order with that id, or -1.
     */
    public int lookup(final byte[] src, final int length)
    {
        final long counter = codec.decode(src, length);
        if (counter < 0)
        {
            return -1;
        }
        final ManagedOrder order = orders[(int)(counter & mask)];
        return order.inUse && order.counter == counter ? order.slot : -1;
    }

    /**
     * The slot of a FILL's order: a tracked order, or a finished one whose reported fills are not booked yet
     * ({@link ManagedOrder#fillsOwed()}).
     *
     * @param src    clientOid bytes.
     * @param length length.
     * @return the slot, or -1.
     */
    public int lookupForFill(final byte[] src, final int length)
    {
        final long counter = codec.decode(src, length);
        if (counter < 0)
        {
            return -1;
        }
        final ManagedOrder order = orders[(int)(counter & mask)];
        return (order.inUse || order.fillsOwed) && order.counter == counter ? order.slot : -1;
    }

    /**
     * Size the venue has reported filled (order updates' cumulative filled size, query answers included) that fills
     * have not booked yet, over this instrument's orders, tracked or finished. The position the venue holds is the
     * booked position plus this, whichever of the order push and the fill push arrives first.
     *
     * @param instrumentId an instrument.
     * @return signed size units: buys positive, sells negative.
     */
    public long unbookedFilled(final int instrumentId)
    {
        return unbookedFilled[instrumentId];
    }

    /**
     * @return finished orders whose reported fills are not booked yet (their slots are kept until they are).
     */
    public int fillsOwedCount()
    {
        return owedCount;
    }

    /**
     * A FETCH_FILLS was sent for a finished order whose fills are owed.
     *
     * @param slot     the order.
     * @param nowNanos now.
     */
    public void owedFillsFetched(final int slot, final long nowNanos)
    {
        final ManagedOrder order = orders[slot];
        order.owedFetches++;
        order.owedFetchNanos = nowNanos;
    }

    /**
     * A cancel was sent.
     */
    public void markPendingCancel(final int slot, final long nowNanos)
    {
        final ManagedOrder order = orders[slot];
        order.cancelRequested = true;
        transition(order, OrderState.PENDING_CANCEL, nowNanos);
    }

    /**
     * A cancel-replace is about to be sent: the old order goes PENDING_REPLACE and leaves its quote slot to a new
     * PENDING_NEW order.
     *
     * @return the new order's slot, or -1 (nothing changed) when no slot is free.
     */
    public int markPendingReplace(final int oldSlot, final long price, final long size, final long nowNanos)
    {
        final ManagedOrder old = orders[oldSlot];
        final int newSlot = create(old.instrumentId, old.side, price, size, old.quoteSlot, nowNanos);
        if (newSlot < 0)
        {
            return -1;
        }
        final ManagedOrder replacement = orders[newSlot];
        replacement.replacesSlot = oldSlot;
        replacement.reduceOnly = old.reduceOnly;
        old.replacementSlot = newSlot;
        old.quoteSlot = -1;
        old.cancelRequested = true;
        transition(old, OrderState.PENDING_REPLACE, nowNanos);
        return newSlot;
    }

    /**
     * An in-place amend (the venue keeps the order, its orderId and clientOid: UTA {@code modify-order}) is about to be
     * sent: the order goes PENDING_REPLACE and keeps its quote slot; the new price and total size apply when the
     * venue acknowledges (a REPLACE whose newClientOid is the order's own clientOid).
     *
     * @param slot      the order.
     * @param price     the new price.
     * @param totalSize the new total size (filled included).
     * @param nowNanos  now.
     */
    public void markPendingAmend(final int slot, final long price, final long totalSize, final long nowNanos)
    {
        final ManagedOrder order = orders[slot];
        order.amending = true;
        order.amendPrice = price;
        order.amendSize = totalSize;
        transition(order, OrderState.PENDING_REPLACE, nowNanos);
    }

    /**
     * No answer came for a pending command (or a query) in time: the order goes, or stays, UNKNOWN from now; the
     * caller queries it.
     */
    public void markUnknown(final int slot, final long nowNanos)
    {
        final ManagedOrder order = orders[slot];
        order.state = OrderState.UNKNOWN;
        order.stateNanos = nowNanos;
    }

    /**
     * A cancel-all was sent for an instrument: every open order of it goes PENDING_CANCEL.
     */
    public void markAllPendingCancel(final int instrumentId, final long nowNanos)
    {
        for (final ManagedOrder order : orders)
        {
            if (order.inUse && order.instrumentId == instrumentId)
            {
                order.cancelRequested = true;
                transition(order, OrderState.PENDING_CANCEL, nowNanos);
            }
        }
    }

    /**
     * @param instrumentId an instrument.
     * @return whether any order of it is open.
     */
    public boolean hasOpenOrders(final int instrumentId)
    {
        for (final ManagedOrder order : orders)
        {
            if (order.inUse && order.instrumentId == instrumentId)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code COMMAND_ACK}.
     *
     * @return {@link #APPLIED}, {@link #NO_CHANGE} or {@link #UNTRACKED}.
     */
    public int onAck(final InboundEvent event)
    {
        final int slot = lookup(event.clientOid, event.clientOidLength);
        lastSlot = slot;
        if (event.commandType == CommandType.REPLACE && slot >= 0 && isAmend(event, slot))
        {
            final ManagedOrder order = orders[slot];
            if (order.amending)
            {
                order.amending = false;
                order.price = order.amendPrice;
                order.size = order.amendSize;
            }
            if (order.state == OrderState.PENDING_REPLACE)
            {
                transition(order, order.filled() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.LIVE, event.timestampNanos);
            }
            if (order.filled() >= order.size)
            {
                finish(order, OrderState.FILLED, event.timestampNanos);
            }
            return APPLIED;
        }
        if (event.commandType == CommandType.REPLACE)
        {
            final int newSlot = lookup(event.newClientOid, event.newClientOidLength);
            if (newSlot >= 0)
            {
                acknowledgeNew(orders[newSlot], event.orderId, event.timestampNanos);
            }
            if (slot >= 0)
            {
                finish(orders[slot], OrderState.CANCELLED, event.timestampNanos);
            }
            return slot >= 0 || newSlot >= 0 ? APPLIED : UNTRACKED;
        }
        if (slot < 0)
        {
            return UNTRACKED;
        }
        final ManagedOrder order = orders[slot];
        if (event.commandType == CommandType.PLACE)
        {
            return acknowledgeNew(order, event.orderId, event.timestampNanos) ? APPLIED : NO_CHANGE;
        }
        if (event.commandType == CommandType.CANCEL)
        {
            finish(order, OrderState.CANCELLED, event.timestampNanos);
            return APPLIED;
        }
        return NO_CHANGE;
    }

    /**
     * {@code COMMAND_REJECT}. A rejected replace gives the old order back to its quote slot: read
     * {@link #lastSlot()} for it when this returns {@link #APPLIED} and the old order is still working.
     *
     * @return {@link #APPLIED} or {@link #UNTRACKED}.
     */
    public int onReject(final InboundEvent event)
    {
        final int slot = lookup(event.clientOid, event.clientOidLength);
        lastSlot = -1;
        queryNeeded = -1;
        final boolean gone = isNotFound(event.rejectCode);
        switch (event.commandType)
        {
            case PLACE:
                if (slot >= 0)
                {
                    finish(orders[slot], OrderState.REJECTED, event.timestampNanos);
                }
                break;
            case CANCEL:
                if (slot >= 0)
                {
                    revertOrQuery(orders[slot], gone, event.timestampNanos);
                }
                break;
            case REPLACE:
                if (slot >= 0 && isAmend(event, slot))
                {
                    // refused amend: the order stands as it was (or, "does not exist", is queried)
                    orders[slot].amending = false;
                    revertOrQuery(orders[slot], gone, event.timestampNanos);
                }
                else
                {
                    rejectReplace(slot, event, gone);
                }
                break;
            default:
                return slot >= 0 ? NO_CHANGE : UNTRACKED;
        }
        return slot >= 0 ? APPLIED : UNTRACKED;
    }

    /**
     * {@code COMMAND_UNKNOWN}: the order (and a replacement) goes UNKNOWN; the caller queries it (and
     * {@link ManagedOrder#replacementSlot()} when set).
     *
     * @return {@link #APPLIED} (slot in {@link #lastSlot()}) or {@link #UNTRACKED}.
     */
    public int onUnknown(final InboundEvent event)
    {
        final int slot = lookup(event.clientOid, event.clientOidLength);
        lastSlot = slot;
        if (slot < 0)
        {
            return UNTRACKED;
        }
        final ManagedOrder order = orders[slot];
        transition(order, OrderState.UNKNOWN, event.timestampNanos);
        if (event.commandType == CommandType.REPLACE && order.replacementSlot >= 0)
        {
            final ManagedOrder replacement = orders[order.replacementSlot];
            if (replacement.inUse && replacement.replacesSlot == slot)
            {
                transition(replacement, OrderState.UNKNOWN, event.timestampNanos);
            }
        }
        return APPLIED;
    }

    /**
     * {@code ORDER_UPDATE} (a push, or the answer to a query; venue status UNKNOWN means not found).
     *
     * @return {@link #APPLIED}, {@link #VENUE_CANCEL}, {@link #ORPHAN_WORKING}, {@link #NO_CHANGE} or
     * {@link #UNTRACKED}.
     */
    public int onOrderUpdate(final InboundEvent event)
    {
        final int slot = lookup(event.clientOid, event.clientOidLength);
        lastSlot = slot;
        if (slot < 0)
        {
            return UNTRACKED;
        }
        final ManagedOrder order = orders[slot];
        final long now = event.timestampNanos;
        if (event.commandType == CommandType.QUERY_ORDER)
        {
            endReconcile(order);
        }
        order.filledReported = Math.max(order.filledReported, event.cumulativeFilledSize);
        updateUnbooked(order);
        if (order.orderId == 0)
        {
            order.orderId = event.orderId;
            rememberOrderId(event.orderId);
        }
        if (order.amending && order.state == OrderState.UNKNOWN && event.price > 0 && event.size > 0)
        {
            // the amend's outcome was unknown: the venue's answer says which price and size the order has
            order.amending = false;
            order.price = event.price;
            order.size = event.size;
        }
        switch (event.venueStatus)
        {
            case LIVE:
            case PARTIALLY_FILLED:
                return onWorking(order, now);
            case FILLED:
                finish(order, OrderState.FILLED, now);
                return APPLIED;
            case CANCELLED:
                final boolean requested = order.cancelRequested;
                finish(order, order.filled() >= order.size ? OrderState.FILLED : OrderState.CANCELLED, now);
                return requested && event.cancelReason != CancelReason.POST_ONLY_WOULD_TAKE ? APPLIED : VENUE_CANCEL;
            default:
                if (order.state == OrderState.UNKNOWN)
                {
                    finish(order, order.orderId == 0 ? OrderState.REJECTED : OrderState.CANCELLED, now);
                    return APPLIED;
                }
                return NO_CHANGE;
        }
    }

    /**
     * {@code FILL} of a tracked order, or of a finished one that owes reported fills (deduplicate trade ids before
     * calling).
     *
     * @return {@link #APPLIED} or {@link #UNTRACKED}.
     */
    public int onFill(final InboundEvent event)
    {
        return onFill(event, lookupForFill(event.clientOid, event.clientOidLength));
    }

    /**
     * {@code FILL} of the order in {@code slot} (found by the caller, e.g. by venue order id).
     *
     * @return {@link #APPLIED} or {@link #UNTRACKED} (slot -1).
     */
    public int onFill(final InboundEvent event, final int slot)
    {
        lastSlot = slot;
        if (slot < 0)
        {
            return UNTRACKED;
        }
        final ManagedOrder order = orders[slot];
        order.filledByFills += event.size;
        updateUnbooked(order);
        if (order.orderId == 0)
        {
            order.orderId = event.orderId;
            rememberOrderId(event.orderId);
        }
        if (!order.inUse)
        {
            // finished with fills owed: booked now
            if (order.unbooked == 0)
            {
                order.fillsOwed = false;
                owedCount--;
            }
            return APPLIED;
        }
        if (order.filled() >= (order.amending ? Math.max(order.size, order.amendSize) : order.size))
        {
            finish(order, OrderState.FILLED, event.timestampNanos);
        }
        else if (order.state == OrderState.LIVE || order.state == OrderState.PENDING_NEW)
        {
            transition(order, OrderState.PARTIALLY_FILLED, event.timestampNanos);
        }
        return APPLIED;
    }

    /**
     * @return after {@link #onReject}: the slot of an order a "does not exist" refusal left UNKNOWN, which the caller
     * must query; -1 when none.
     */
    public int queryNeeded()
    {
        return queryNeeded;
    }

    /**
     * The private stream came back: every tracked order is marked awaiting reconcile until a query answers for it
     * ({@link #onOrderUpdate} with {@code commandType} QUERY_ORDER) or it finishes; the caller queries each.
     *
     * @return how many orders were marked.
     */
    public int beginReconcile(final long nowNanos)
    {
        int marked = 0;
        for (final ManagedOrder order : orders)
        {
            if (order.inUse)
            {
                if (!order.awaitingReconcile)
                {
                    order.awaitingReconcile = true;
                    reconcileOutstanding++;
                }
                order.reconcileQueryNanos = nowNanos;
                marked++;
            }
        }
        return marked;
    }

    /**
     * @return orders still awaiting their reconcile answer after a private-stream reconnect.
     */
    public int reconcileOutstanding()
    {
        return reconcileOutstanding;
    }

    /**
     * A reconcile query was sent again.
     */
    public void reconcileQueried(final int slot, final long nowNanos)
    {
        orders[slot].reconcileQueryNanos = nowNanos;
    }

    /**
     * @param orderId a venue order id (non-zero).
     * @return the slot of the tracked order with that id, or -1. A scan: for events that carry no clientOid (fills
     * from the venue's fill history), not for the hot path.
     */
    public int lookupByOrderId(final long orderId)
    {
        if (orderId == 0)
        {
            return -1;
        }
        for (final ManagedOrder order : orders)
        {
            if ((order.inUse || order.fillsOwed) && order.orderId == orderId)
            {
                return order.slot;
            }
        }
        return -1;
    }

    /**
     * Whether a FILL belongs to an order this run placed: a tracked order, a clientOid of this run's format (prefix
     * and run id; the order may be finished and its slot reused), or, for a fill without a clientOid (the venue's fill
     * history), a venue order id one of this run's orders had. A fill of anyone else's order is already in the start
     * balances (the start cancels the orphans, then reads the balances) and must not be booked again.
     *
     * @param event a FILL.
     * @param slot  its tracked order's slot, or -1.
     * @return true when the fill is this run's to book.
     */
    public boolean placedByThisRun(final InboundEvent event, final int slot)
    {
        if (slot >= 0)
        {
            return true;
        }
        if (event.clientOidLength > 0)
        {
            return codec.decode(event.clientOid, event.clientOidLength) >= 0;
        }
        return event.orderId != 0 && ownOrderIds.contains(event.orderId);
    }

    private void rememberOrderId(final long orderId)
    {
        if (orderId != 0)
        {
            ownOrderIds.firstTime(orderId);
        }
    }

    /**
     * @param code a Bitget reject code.
     * @return true when it says the order does not exist (any more).
     */
    public static boolean isNotFound(final int code)
    {
        // v2: 43001 and kin; v3 (UTA): 25204 "Order does not exist"
        return code == 43001 || code == 40109 || code == 40768 || code == 43004 || code == 22001 || code == 25204;
    }

    private int onWorking(final ManagedOrder order, final long nowNanos)
    {
        final OrderState state = order.state;
        if (state == OrderState.PENDING_CANCEL || state == OrderState.PENDING_REPLACE)
        {
            return NO_CHANGE;
        }
        final OrderState working = order.filled() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.LIVE;
        if (order.filled() >= order.size)
        {
            finish(order, OrderState.FILLED, nowNanos);
            return APPLIED;
        }
        if (state == working)
        {
            return NO_CHANGE;
        }
        transition(order, working, nowNanos);
        return order.quoteSlot < 0 ? ORPHAN_WORKING : APPLIED;
    }

    private boolean acknowledgeNew(final ManagedOrder order, final long orderId, final long nowNanos)
    {
        if (order.orderId == 0)
        {
            order.orderId = orderId;
            rememberOrderId(orderId);
        }
        if (order.state == OrderState.PENDING_NEW)
        {
            transition(order, OrderState.LIVE, nowNanos);
            return true;
        }
        return false;
    }

    private void rejectReplace(final int oldSlot, final InboundEvent event, final boolean gone)
    {
        final int newSlot = event.newClientOidLength > 0 ? lookup(event.newClientOid, event.newClientOidLength) :
            (oldSlot >= 0 ? replacementOf(orders[oldSlot]) : -1);
        int quoteSlot = -1;
        if (newSlot >= 0)
        {
            quoteSlot = orders[newSlot].quoteSlot;
            finish(orders[newSlot], OrderState.REJECTED, event.timestampNanos);
        }
        if (oldSlot >= 0)
        {
            final ManagedOrder old = orders[oldSlot];
            old.replacementSlot = -1;
            revertOrQuery(old, gone, event.timestampNanos);
            if (old.inUse && quoteSlot >= 0)
            {
                old.quoteSlot = quoteSlot;
                lastSlot = oldSlot;
            }
        }
    }

    /** A REPLACE naming the order itself as its replacement: an in-place amend. */
    private boolean isAmend(final InboundEvent event, final int slot)
    {
        return orders[slot].amending || event.newClientOidLength > 0 && lookup(event.newClientOid, event.newClientOidLength) == slot;
    }

    private int replacementOf(final ManagedOrder old)
    {
        final int slot = old.replacementSlot;
        return slot >= 0 && orders[slot].inUse && orders[slot].replacesSlot == old.slot ? slot : -1;
    }

    /**
     * A cancel (or the cancel half of a cancel-replace) was refused. "Does not exist" does not say whether the order
     * was cancelled or filled (its fills may have been lost with the private stream), so the order goes UNKNOWN and
     * the caller queries it ({@link #queryNeeded()}); any other refusal means it still works.
     */
    private void revertOrQuery(final ManagedOrder order, final boolean gone, final long nowNanos)
    {
        if (gone)
        {
            transition(order, OrderState.UNKNOWN, nowNanos);
            queryNeeded = order.slot;
            return;
        }
        order.cancelRequested = false;
        transition(order, order.filled() > 0 ? OrderState.PARTIALLY_FILLED : OrderState.LIVE, nowNanos);
    }

    private void transition(final ManagedOrder order, final OrderState state, final long nowNanos)
    {
        if (order.state != state)
        {
            order.state = state;
            order.stateNanos = nowNanos;
        }
    }

    private void endReconcile(final ManagedOrder order)
    {
        if (order.awaitingReconcile)
        {
            order.awaitingReconcile = false;
            reconcileOutstanding--;
        }
    }

    private void finish(final ManagedOrder order, final OrderState state, final long nowNanos)
    {
        if (!order.inUse)
        {
            return;
        }
        endReconcile(order);
        transition(order, state, nowNanos);
        order.inUse = false;
        setOpen(openCount - 1);
        if (order.unbooked > 0)
        {
            // the venue said filled, the fills are still on their way (or lost): keep the slot for them
            order.fillsOwed = true;
            owedCount++;
        }
    }

    /** Keep {@link ManagedOrder#unbooked} and the instrument's sum in step with the two filled sizes. */
    private void updateUnbooked(final ManagedOrder order)
    {
        final long unbooked = Math.max(0, order.filledReported - order.filledByFills);
        final long change = unbooked - order.unbooked;
        if (change != 0)
        {
            order.unbooked = unbooked;
            unbookedFilled[order.instrumentId] += order.side == Side.BUY ? change : -change;
        }
    }

    private void setOpen(final int count)
    {
        openCount = count;
        publishedOpenCount = count;
    }
}
