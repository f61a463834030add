package io.bitmm.core.event;

/**
 * Side of an order, a fill or a public trade (the taker's side for a trade).
 */
public enum Side
{
    BUY,
    SELL;

    /**
     * @return the other side.
     */
    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}
