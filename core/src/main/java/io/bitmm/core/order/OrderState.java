package io.bitmm.core.order;

/**
 * Where one of our orders stands, as far as the core knows.
 */
public enum OrderState
{
    /** Place sent, no word from the venue yet. */
    PENDING_NEW,
    /** Resting, nothing filled. */
    LIVE,
    /** Resting, partly filled. */
    PARTIALLY_FILLED,
    /** Cancel sent. */
    PENDING_CANCEL,
    /** Cancel-replace sent; this is the order being replaced. */
    PENDING_REPLACE,
    /** A command's outcome is unknown; a query is out. */
    UNKNOWN,
    /** Completely filled. Terminal. */
    FILLED,
    /** Cancelled (by us or the venue). Terminal. */
    CANCELLED,
    /** Refused by the venue, or never reached it. Terminal. */
    REJECTED;

    /**
     * @return true when nothing more can happen to the order.
     */
    public boolean isTerminal()
    {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }

    /**
     * @return true while a command about the order awaits its answer.
     */
    public boolean isPending()
    {
        return this == PENDING_NEW || this == PENDING_CANCEL || this == PENDING_REPLACE;
    }

    /**
     * @return true when the order rests and no command about it is outstanding.
     */
    public boolean isWorking()
    {
        return this == LIVE || this == PARTIALLY_FILLED;
    }
}
