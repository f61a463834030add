package io.bitmm.sim.net;

import java.math.BigDecimal;

/** Rolling ticker statistics of one product (last, high, low, volumes since start). Venue-thread only. */
public final class TickerStats
{
    /** Opening price (the generator's initial mid). */
    public final double open;
    /** Last trade price as sent, or null before the first trade. */
    public String last;
    /** Highest trade price, or null. */
    public String high;
    /** Lowest trade price, or null. */
    public String low;
    /** Traded base quantity. */
    public BigDecimal baseVolume = BigDecimal.ZERO;
    /** Traded quote value. */
    public BigDecimal quoteVolume = BigDecimal.ZERO;

    /**
     * @param open opening price
     */
    public TickerStats(final double open)
    {
        this.open = open;
    }

    /**
     * Records one trade.
     *
     * @param price      price as sent
     * @param size       base quantity
     * @param priceValue price as a number
     */
    public void onTrade(final String price, final BigDecimal size, final BigDecimal priceValue)
    {
        last = price;
        if (high == null || new BigDecimal(high).compareTo(priceValue) < 0)
        {
            high = price;
        }
        if (low == null || new BigDecimal(low).compareTo(priceValue) > 0)
        {
            low = price;
        }
        baseVolume = baseVolume.add(size);
        quoteVolume = quoteVolume.add(size.multiply(priceValue));
    }
}
