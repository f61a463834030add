package io.bitmm.core.risk;

/**
 * Why risk refused a new or replaced order. Counted per reason.
 */
public enum RiskReason
{
    NONE,
    /** The order would take the position beyond the hard maximum. */
    MAX_POSITION,
    /** The position is beyond the soft limit and the order would not reduce it. */
    SOFT_LIMIT,
    /** Order size above the maximum. */
    MAX_ORDER_SIZE,
    /** Order value above the maximum notional. */
    MAX_ORDER_NOTIONAL,
    /** Too many open orders. */
    MAX_OPEN_ORDERS,
    /** Price outside the band around fair value. */
    PRICE_BAND,
    /** Order value below the instrument's minimum notional. */
    MIN_NOTIONAL,
    /** Price or size off the instrument's grid, or not positive. */
    OFF_GRID,
    /** The book is older than the stale limit. */
    STALE_BOOK,
    /** The book is invalid or resyncing. */
    BOOK_INVALID,
    /** The place-order rate budget is spent. */
    RATE_PLACE,
    /** The cancel rate budget is spent. */
    RATE_CANCEL,
    /** The replace (and batch) rate budget is spent. */
    RATE_REPLACE,
    /** The kill switch is reducing: only orders that reduce the position. */
    REDUCING,
    /** The kill switch halted quoting, or quoting was stopped. */
    HALTED,
    /** The order would take the position's value at fair value beyond the notional maximum. */
    MAX_POSITION_NOTIONAL,
    /** At an inventory limit: a reduce-only quote would be larger than the position left to reduce. */
    REDUCE_ONLY_SIZE;

    private static final RiskReason[] VALUES = values();

    /**
     * @param ordinal an ordinal.
     * @return the reason; allocation-free, unlike {@code values()}.
     */
    public static RiskReason fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
