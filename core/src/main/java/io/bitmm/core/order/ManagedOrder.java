package io.bitmm.core.order;

import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;

/**
 * One of our orders, in a preallocated slot of the {@link OrderManager}. Mutable and reused; read its fields only
 * on the core thread.
 */
public final class ManagedOrder
{
    final byte[] clientOid = new byte[OutboundCommand.MAX_CLIENT_OID_LENGTH];
    int clientOidLength;
    final int slot;
    long counter = -1;
    boolean inUse;
    int instrumentId;
    Side side = Side.BUY;
    long price;
    long size;
    long filledByFills;
    long filledReported;
    /** filledReported - filledByFills when positive: size the venue reported filled that no fill has booked yet. */
    long unbooked;
    /** Finished while fills were owed ({@link #unbooked} > 0): the slot is kept (not reused) until they are booked. */
    boolean fillsOwed;
    /** FETCH_FILLS sent for it while its fills were owed after it finished. */
    int owedFetches;
    /** When the last of those was sent (ns). */
    long owedFetchNanos;
    long orderId;
    long createdNanos;
    long stateNanos;
    OrderState state = OrderState.REJECTED;
    /** Slot of the order replacing this one, -1 when none. */
    int replacementSlot = -1;
    /** Slot of the order this one replaces, -1 when none. */
    int replacesSlot = -1;
    /** An in-place amend (v3 modify-order) is in flight: its price and new total size, applied when acknowledged. */
    boolean amending;
    long amendPrice;
    long amendSize;
    /** Which quote slot of the engine this order fills, -1 when none. */
    int quoteSlot = -1;
    boolean cancelRequested;
    /** Queried after a private-stream reconnect and not answered yet: the core does not know this order. */
    boolean awaitingReconcile;
    /** When the last reconcile query was sent (ns). */
    long reconcileQueryNanos;
    /** Sent reduce-only (a perpetual at an inventory limit); kept by a replacement. */
    boolean reduceOnly;

    ManagedOrder(final int slot)
    {
        this.slot = slot;
    }

    public int slot()
    {
        return slot;
    }

    public long counter()
    {
        return counter;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    public Side side()
    {
        return side;
    }

    public long price()
    {
        return price;
    }

    public long size()
    {
        return size;
    }

    /**
     * @return true when the order was sent reduce-only.
     */
    public boolean reduceOnly()
    {
        return reduceOnly;
    }

    /**
     * @param reduceOnly whether the order is sent reduce-only; set by the core right after creating it.
     */
    public void reduceOnly(final boolean reduceOnly)
    {
        this.reduceOnly = reduceOnly;
    }

    /**
     * @return size filled according to the fills the core has seen (size units).
     */
    public long filledByFills()
    {
        return filledByFills;
    }

    /**
     * @return true while the order is tracked (not finished).
     */
    public boolean isInUse()
    {
        return inUse;
    }

    /**
     * @return true while a reconcile query after a private-stream reconnect is unanswered.
     */
    public boolean awaitingReconcile()
    {
        return awaitingReconcile;
    }

    /**
     * @return when the last reconcile query for it was sent (ns).
     */
    public long reconcileQueryNanos()
    {
        return reconcileQueryNanos;
    }

    /**
     * @return size filled according to the venue's order updates (cumulative filled size; size units).
     */
    public long filledReported()
    {
        return filledReported;
    }

    /**
     * @return size the venue reported filled that no fill has booked yet (size units, 0 or more).
     */
    public long unbooked()
    {
        return unbooked;
    }

    /**
     * @return true when the order is finished but fills it was reported to have are not booked yet: the slot stays
     * reserved so that those fills still find it.
     */
    public boolean fillsOwed()
    {
        return fillsOwed;
    }

    /**
     * @return FETCH_FILLS sent for it after it finished with fills owed.
     */
    public int owedFetches()
    {
        return owedFetches;
    }

    /**
     * @return when the last of those was sent (ns).
     */
    public long owedFetchNanos()
    {
        return owedFetchNanos;
    }

    /**
     * @return filled size: the larger of what fills and order updates said; never goes backwards.
     */
    public long filled()
    {
        return Math.max(filledByFills, filledReported);
    }

    /**
     * @return true while an in-place amend of this order is in flight.
     */
    public boolean amending()
    {
        return amending;
    }

    public long remaining()
    {
        return Math.max(0, size - filled());
    }

    public long orderId()
    {
        return orderId;
    }

    public long createdNanos()
    {
        return createdNanos;
    }

    public long stateNanos()
    {
        return stateNanos;
    }

    public OrderState state()
    {
        return state;
    }

    public int quoteSlot()
    {
        return quoteSlot;
    }

    public int replacementSlot()
    {
        return replacementSlot;
    }

    public int clientOidLength()
    {
        return clientOidLength;
    }

    /**
     * Copy the clientOid into a command field.
     *
     * @param dst at least 32 bytes.
     * @return the length.
     */
    public int copyClientOid(final byte[] dst)
    {
        System.arraycopy(clientOid, 0, dst, 0, clientOidLength);
        return clientOidLength;
    }
}
