package io.bitmm.sim.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Price-time priority book of one instrument. Tracks which levels changed since the last published update
 * (the "dirty" prices) so the {@code books} channel can send deltas, and computes Bitget's CRC32 checksum over
 * exactly the strings it sends (fixed decimals: pricePrecision / quantityPrecision).
 */
public final class OrderBook
{
    /** Levels used by the checksum. */
    public static final int CHECKSUM_DEPTH = 25;

    private final Instrument instrument;
    private final NavigableMap<Long, Level> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<Long, Level> asks = new TreeMap<>();
    private long[] dirtyBids = new long[64];
    private int dirtyBidCount;
    private long[] dirtyAsks = new long[64];
    private int dirtyAskCount;
    private final StringBuilder checksumText = new StringBuilder(2048);
    private final CRC32 crc = new CRC32();
    private byte[] checksumBytes = new byte[2048];

    /**
     * @param instrument the instrument
     */
    public OrderBook(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    /** The instrument. */
    public Instrument instrument()
    {
        return instrument;
    }

    /** Levels of a side, best first. */
    public NavigableMap<Long, Level> side(final Side side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /** Best bid in ticks or -1. */
    public long bestBid()
    {
        return bids.isEmpty() ? -1 : bids.firstKey();
    }

    /** Best ask in ticks or -1. */
    public long bestAsk()
    {
        return asks.isEmpty() ? -1 : asks.firstKey();
    }

    /** Appends an order at the back of its level. */
    public void add(final Order order)
    {
        final NavigableMap<Long, Level> map = side(order.side);
        Level level = map.get(order.priceTicks);
        if (level == null)
        {
            level = new Level(order.priceTicks);
            map.put(order.priceTicks, level);
        }
        level.orders.addLast(order);
        level.totalLots += order.remainingLots();
        markDirty(order.side, order.priceTicks);
    }

    /** Removes an order (cancel); its remaining size leaves the level. */
    public void remove(final Order order)
    {
        final NavigableMap<Long, Level> map = side(order.side);
        final Level level = map.get(order.priceTicks);
        if (level != null && level.orders.remove(order))
        {
            level.totalLots -= order.remainingLots();
            if (level.orders.isEmpty())
            {
                map.remove(order.priceTicks);
            }
            markDirty(order.side, order.priceTicks);
        }
    }

    /** Reduces a level after a fill of {@code lots} of its front order (the caller updates the order). */
    public void reduce(final Side side, final Level level, final long lots)
    {
        level.totalLots -= lots;
        markDirty(side, level.priceTicks);
    }

    /** Removes a level once empty. */
    public void dropIfEmpty(final Side side, final Level level)
    {
        if (level.orders.isEmpty())
        {
            side(side).remove(level.priceTicks);
            markDirty(side, level.priceTicks);
        }
    }

    /** Marks a price level as changed since the last publication. */
    public void markDirty(final Side side, final long price)
    {
        if (side == Side.BUY)
        {
            for (int i = 0; i < dirtyBidCount; i++)
            {
                if (dirtyBids[i] == price)
                {
                    return;
                }
            }
            if (dirtyBidCount == dirtyBids.length)
            {
                dirtyBids = Arrays.copyOf(dirtyBids, dirtyBidCount * 2);
            }
            dirtyBids[dirtyBidCount++] = price;
        }
        else
        {
            for (int i = 0; i < dirtyAskCount; i++)
            {
                if (dirtyAsks[i] == price)
                {
                    return;
                }
            }
            if (dirtyAskCount == dirtyAsks.length)
            {
                dirtyAsks = Arrays.copyOf(dirtyAsks, dirtyAskCount * 2);
            }
            dirtyAsks[dirtyAskCount++] = price;
        }
    }

    /** True if anything changed since the last {@link #clearDirty()}. */
    public boolean hasDirty()
    {
        return dirtyBidCount + dirtyAskCount > 0;
    }

    /** Forgets the changed levels (after publishing them). */
    public void clearDirty()
    {
        dirtyBidCount = 0;
        dirtyAskCount = 0;
    }

    /** Appends the changed levels of a side as a JSON array of [price,size] string pairs, in book order. */
    public void appendDirty(final StringBuilder sb, final Side side)
    {
        final long[] prices = side == Side.BUY ? dirtyBids : dirtyAsks;
        final int count = side == Side.BUY ? dirtyBidCount : dirtyAskCount;
        Arrays.sort(prices, 0, count);
        final NavigableMap<Long, Level> map = side(side);
        sb.append('[');
        for (int k = 0; k < count; k++)
        {
            final long price = side == Side.BUY ? prices[count - 1 - k] : prices[k];
            final Level level = map.get(price);
            if (k > 0)
            {
                sb.append(',');
            }
            appendLevel(sb, price, level == null ? 0 : level.totalLots);
        }
        sb.append(']');
    }

    /** Appends up to {@code depth} levels of a side as a JSON array (0 = all). */
    public void appendLevels(final StringBuilder sb, final Side side, final int depth)
    {
        sb.append('[');
        int n = 0;
        for (final Level level : side(side).values())
        {
            if (depth > 0 && n == depth)
            {
                break;
            }
            if (n > 0)
            {
                sb.append(',');
            }
            appendLevel(sb, level.priceTicks, level.totalLots);
            n++;
        }
        sb.append(']');
    }

    private void appendLevel(final StringBuilder sb, final long price, final long lots)
    {
        sb.append("[\"");
        Decimals.append(sb, price, instrument.pricePrecision()).append("\",\"");
        Decimals.append(sb, lots, instrument.quantityPrecision()).append("\"]");
    }

    /** Bitget's checksum over the top 25 levels of each side, as signed int32. */
    public int checksum()
    {
        final StringBuilder sb = checksumText;
        sb.setLength(0);
        final Iterator<Map.Entry<Long, Level>> bidIt = bids.entrySet().iterator();
        final Iterator<Map.Entry<Long, Level>> askIt = asks.entrySet().iterator();
        for (int i = 0; i < CHECKSUM_DEPTH; i++)
        {
            if (bidIt.hasNext())
            {
                appendPair(sb, bidIt.next().getValue());
            }
            if (askIt.hasNext())
            {
                appendPair(sb, askIt.next().getValue());
            }
        }
        final int len = sb.length();
        if (checksumBytes.length < len)
        {
            checksumBytes = new byte[len * 2];
        }
        for (int i = 0; i < len; i++)
        {
            checksumBytes[i] = (byte)sb.charAt(i);
        }
        crc.reset();
        crc.update(checksumBytes, 0, len > 0 ? len - 1 : 0);
        return (int)crc.getValue();
    }

    private void appendPair(final StringBuilder sb, final Level level)
    {
        Decimals.append(sb, level.priceTicks, instrument.pricePrecision()).append(':');
        Decimals.append(sb, level.totalLots, instrument.quantityPrecision()).append(':');
    }

    /** The checksum text (for tests): levels joined by ':' as UTF-8. */
    public byte[] checksumText()
    {
        checksum();
        final String text = checksumText.length() == 0 ? "" : checksumText.substring(0, checksumText.length() - 1);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
