package io.bitmm.core.instrument;

/**
 * What an instrument is, as the core needs to know it: the dialect's codecs map it to their own product names (v2
 * spot paths and {@code instType SPOT}, v2 mix paths with {@code productType=USDT-FUTURES}, v3
 * {@code category=SPOT|USDT-FUTURES}). Ordinals are journaled: append only.
 */
public enum InstrumentKind
{
    /** Spot: a trade moves both coins. */
    SPOT,
    /**
     * USDT-margined linear perpetual: a trade moves a signed position in contracts, margined and settled in USDT,
     * with funding settlements; orders may be reduce-only.
     */
    USDT_PERPETUAL;

    private static final InstrumentKind[] VALUES = values();

    /**
     * @param ordinal an ordinal.
     * @return the kind; allocation-free, unlike {@code values()}.
     */
    public static InstrumentKind fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }

    /**
     * @return true for a product with a position, a mark price and funding.
     */
    public boolean isPerpetual()
    {
        return this == USDT_PERPETUAL;
    }
}
