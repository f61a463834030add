package io.bitmm.core.book;

import io.bitmm.core.instrument.DecimalFormatter;

/**
 * One side of an L2 book: sorted primitive arrays with the best level at the highest index, so that the frequent
 * changes near the touch shift few elements. Each level keeps the decimals the venue wrote for its price and size,
 * and its checksum text {@code price:size} rendered once when the level is set, so a checksum only concatenates.
 * The texts live in fixed slots that never move: a level holds its slot's number, so an insert or delete deep in
 * the book shifts four bytes of it per level, not the text.
 * Fixed capacity; a level that would fall below the deepest kept level when full is dropped and counted.
 */
final class BookSide
{
    /** Bytes reserved per level for its rendered {@code price:size}. */
    static final int TEXT_SLOT = 2 * DecimalFormatter.MAX_LENGTH + 1;

    private final boolean bid;
    private final int priceScale;
    private final int sizeScale;
    private final byte[] text;
    private final byte[] textLength;
    private final int[] slotOf;
    private final int[] freeSlots;
    private int freeCount;
    private final int capacity;
    private final long[] prices;
    private final long[] sizes;
    private final byte[] priceDecimals;
    private final byte[] sizeDecimals;
    private int count;
    private long droppedLevels;

    BookSide(final boolean bid, final int capacity, final int priceScale, final int sizeScale)
    {
        this.bid = bid;
        this.priceScale = priceScale;
        this.sizeScale = sizeScale;
        this.text = new byte[capacity * TEXT_SLOT];
        this.textLength = new byte[capacity];
        this.slotOf = new int[capacity];
        this.freeSlots = new int[capacity];
        freeAllSlots();
        this.capacity = capacity;
        this.prices = new long[capacity];
        this.sizes = new long[capacity];
        this.priceDecimals = new byte[capacity];
        this.sizeDecimals = new byte[capacity];
    }

    int count()
    {
        return count;
    }

    long droppedLevels()
    {
        return droppedLevels;
    }

    void clear()
    {
        count = 0;
        freeAllSlots();
    }

    private void freeAllSlots()
    {
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    /** @param depth 0 for the best level. */
    long price(final int depth)
    {
        return prices[count - 1 - depth];
    }

    long size(final int depth)
    {
        return sizes[count - 1 - depth];
    }

    int priceDecimals(final int depth)
    {
        return priceDecimals[count - 1 - depth];
    }

    int sizeDecimals(final int depth)
    {
        return sizeDecimals[count - 1 - depth];
    }

    /**
     * Append the level's {@code price:size} text (about 16 bytes: a plain loop beats an arraycopy call).
     *
     * @return the new end of {@code dst}.
     */
    int appendText(final int depth, final byte[] dst, final int offset)
    {
        final int slot = slotOf[count - 1 - depth];
        final int length = textLength[slot];
        final int from = slot * TEXT_SLOT;
        for (int i = 0; i < length; i++)
        {
            dst[offset + i] = text[from + i];
        }
        return offset + length;
    }

    /**
     * Set, replace or delete (size 0) a level.
     */
    void set(final long price, final long size, final int priceDecimal, final int sizeDecimal)
    {
        final int index = find(price);
        if (index >= 0)
        {
            if (size == 0)
            {
                remove(index);
            }
            else
            {
                sizes[index] = size;
                priceDecimals[index] = (byte)priceDecimal;
                sizeDecimals[index] = (byte)sizeDecimal;
                render(index);
            }
        }
        else if (size != 0)
        {
            insert(-index - 1, price, size, priceDecimal, sizeDecimal);
        }
    }

    /**
     * Append a level better than every level so far: the fast path for a snapshot walked from its deepest level.
     *
     * @return false when the level is not better than the last one appended (the caller falls back to {@link #set}).
     */
    boolean appendBetter(final long price, final long size, final int priceDecimal, final int sizeDecimal)
    {
        if (count > 0 && !better(price, prices[count - 1]))
        {
            return false;
        }
        if (size != 0)
        {
            insert(count, price, size, priceDecimal, sizeDecimal);
        }
        return true;
    }

    /** True when {@code a} is a better price than {@code b} on this side. */
    private boolean better(final long a, final long b)
    {
        return bid ? a > b : a < b;
    }

    /** Binary search in array order (worst first): the index, or -(insertion point) - 1. */
    private int find(final long price)
    {
        int low = 0;
        int high = count - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midPrice = prices[mid];
            if (midPrice == price)
            {
                return mid;
            }
            if (better(price, midPrice))
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }

    private void insert(final int index, final long price, final long size, final int priceDecimal, final int sizeDecimal)
    {
        int at = index;
        if (count == capacity)
        {
            droppedLevels++;
            if (at == 0)
            {
                return;
            }
            remove(0);
            at--;
        }
        final int tail = count - at;
        if (tail > 0)
        {
            System.arraycopy(prices, at, prices, at + 1, tail);
            System.arraycopy(sizes, at, sizes, at + 1, tail);
            System.arraycopy(priceDecimals, at, priceDecimals, at + 1, tail);
            System.arraycopy(sizeDecimals, at, sizeDecimals, at + 1, tail);
            System.arraycopy(slotOf, at, slotOf, at + 1, tail);
        }
        slotOf[at] = freeSlots[--freeCount];
        prices[at] = price;
        sizes[at] = size;
        priceDecimals[at] = (byte)priceDecimal;
        sizeDecimals[at] = (byte)sizeDecimal;
        render(at);
        count++;
    }

    private void remove(final int index)
    {
        freeSlots[freeCount++] = slotOf[index];
        final int tail = count - index - 1;
        if (tail > 0)
        {
            System.arraycopy(prices, index + 1, prices, index, tail);
            System.arraycopy(sizes, index + 1, sizes, index, tail);
            System.arraycopy(priceDecimals, index + 1, priceDecimals, index, tail);
            System.arraycopy(sizeDecimals, index + 1, sizeDecimals, index, tail);
            System.arraycopy(slotOf, index + 1, slotOf, index, tail);
        }
        count--;
    }

    private void render(final int index)
    {
        final int slot = slotOf[index];
        final int start = slot * TEXT_SLOT;
        int at = start;
        final int priceLength = DecimalFormatter.format(prices[index], priceScale, priceDecimals[index], text, at);
        at += Math.max(priceLength, 0);
        text[at++] = ':';
        final int sizeLength = DecimalFormatter.format(sizes[index], sizeScale, sizeDecimals[index], text, at);
        at += Math.max(sizeLength, 0);
        textLength[slot] = (byte)(at - start);
    }
}
