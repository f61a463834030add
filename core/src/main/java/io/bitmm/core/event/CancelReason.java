package io.bitmm.core.event;

/**
 * Why the venue cancelled an order (v2 {@code cancelReason}). A post-only order that would have crossed is
 * cancelled by the venue: that is normal, not an error.
 */
public enum CancelReason
{
    NONE,
    /** Cancelled on request ({@code normal_cancel}). */
    NORMAL,
    /** Self-trade prevention ({@code stp_cancel}). */
    SELF_TRADE_PREVENTION,
    /** A post-only order that would have taken ({@code post_only_fill_cancel} or an empty reason on a post-only order). */
    POST_ONLY_WOULD_TAKE,
    /** A reason this build does not know. */
    OTHER
}
