package io.bitmm.core.risk;

/**
 * Per-instrument quoting size and limits, in the instrument's size units and in quote {@code Amounts} units.
 *
 * @param orderSize         size of one quote, size units.
 * @param maxPosition       hard maximum absolute position, size units.
 * @param softLimit         absolute position beyond which only reducing orders are quoted, size units.
 * @param maxOrderSize      largest single order, size units.
 * @param maxOrderNotional  largest single order value, amount units of the quote asset.
 * @param maxPositionNotional hard maximum absolute position value at fair value, amount units of the quote asset;
 *                          0: no notional limit (the position limits in size units still apply).
 */
public record InstrumentLimits(long orderSize, long maxPosition, long softLimit, long maxOrderSize, long maxOrderNotional,
    long maxPositionNotional)
{
    /**
     * Limits without a notional position limit.
     *
     * @param orderSize        size of one quote, size units.
     * @param maxPosition      hard maximum absolute position, size units.
     * @param softLimit        absolute position beyond which only reducing orders are quoted, size units.
     * @param maxOrderSize     largest single order, size units.
     * @param maxOrderNotional largest single order value, amount units of the quote asset.
     */
    public InstrumentLimits(final long orderSize, final long maxPosition, final long softLimit, final long maxOrderSize,
        final long maxOrderNotional)
    {
        this(orderSize, maxPosition, softLimit, maxOrderSize, maxOrderNotional, 0);
    }

    /**
     * @param what name for the message.
     * @return null when consistent, else what is wrong.
     */
    public String problem(final String what)
    {
        if (orderSize <= 0)
        {
            return what + ": orderSize must be > 0, was " + orderSize;
        }
        if (maxPosition <= 0 || softLimit <= 0 || softLimit > maxPosition)
        {
            return what + ": need 0 < softLimit <= maxPosition, were " + softLimit + " and " + maxPosition;
        }
        if (maxOrderSize < orderSize)
        {
            return what + ": maxOrderSize " + maxOrderSize + " is below orderSize " + orderSize;
        }
        if (maxOrderNotional <= 0)
        {
            return what + ": maxOrderNotional must be > 0, was " + maxOrderNotional;
        }
        if (maxPositionNotional < 0)
        {
            return what + ": maxPositionNotional must be >= 0 (0: none), was " + maxPositionNotional;
        }
        return null;
    }
}
