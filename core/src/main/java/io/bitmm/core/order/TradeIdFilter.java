package io.bitmm.core.order;

import org.agrona.collections.LongHashSet;

/**
 * Remembers the last {@code window} trade ids and answers whether a fill was seen before: fills may arrive twice
 * (the {@code fill} push and the fill part of an {@code orders} push, or a replayed stream). Also keeps the venue
 * order ids of a run's orders ({@link OrderManager#placedByThisRun}). Allocation-free once
 * constructed: the set is sized so it never grows, the oldest id leaves when the window is full.
 */
public final class TradeIdFilter
{
    private final LongHashSet seen;
    private final long[] ring;
    private int next;
    private int size;

    /**
     * @param window how many recent trade ids to remember.
     */
    public TradeIdFilter(final int window)
    {
        ring = new long[window];
        seen = new LongHashSet(window * 4, 0.5f);
    }

    /**
     * @param id an id.
     * @return true when it is among the remembered ones (nothing is remembered by asking).
     */
    public boolean contains(final long id)
    {
        return seen.contains(id);
    }

    /**
     * @param tradeId a fill's trade id.
     * @return true when new (and now remembered), false when already seen.
     */
    public boolean firstTime(final long tradeId)
    {
        if (seen.contains(tradeId))
        {
            return false;
        }
        if (size == ring.length)
        {
            seen.remove(ring[next]);
        }
        else
        {
            size++;
        }
        ring[next] = tradeId;
        next = next + 1 == ring.length ? 0 : next + 1;
        seen.add(tradeId);
        return true;
    }
}
