package io.bitmm.core.quoting;

/**
 * What the quoting model wants resting: per side, per level, a price (on the tick grid) and a size (on the step
 * grid). Reused: filled in place by {@link QuoteModel#compute}.
 */
public final class QuoteTargets
{
    private final long[] bidPrices;
    private final long[] askPrices;
    private final long[] sizes;
    private int levels;
    private long fairValuePrice;
    private long reservationPrice;
    private boolean valid;

    /**
     * @param maxLevels most levels per side.
     */
    public QuoteTargets(final int maxLevels)
    {
        bidPrices = new long[maxLevels];
        askPrices = new long[maxLevels];
        sizes = new long[maxLevels];
    }

    /**
     * @return most levels per side this can hold.
     */
    public int capacity()
    {
        return sizes.length;
    }

    public int levels()
    {
        return levels;
    }

    public long bidPrice(final int level)
    {
        return bidPrices[level];
    }

    public long askPrice(final int level)
    {
        return askPrices[level];
    }

    public long size(final int level)
    {
        return sizes[level];
    }

    /**
     * @return fair value rounded to the nearest price unit (for bands and marks).
     */
    public long fairValuePrice()
    {
        return fairValuePrice;
    }

    /**
     * @return the inventory-skewed reservation price, nearest price unit.
     */
    public long reservationPrice()
    {
        return reservationPrice;
    }

    /**
     * @return false when the book gave no two-sided touch to quote around.
     */
    public boolean isValid()
    {
        return valid;
    }

    void invalid()
    {
        valid = false;
        levels = 0;
    }

    void set(final int levels, final long fairValuePrice, final long reservationPrice)
    {
        this.levels = levels;
        this.fairValuePrice = fairValuePrice;
        this.reservationPrice = reservationPrice;
        this.valid = true;
    }

    void level(final int level, final long bidPrice, final long askPrice, final long size)
    {
        bidPrices[level] = bidPrice;
        askPrices[level] = askPrice;
        sizes[level] = size;
    }
}
