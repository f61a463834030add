package io.bitmm.gateway.order;

/**
 * Local reject codes the order gateway puts in {@code InboundEvent.rejectCode} (Bitget's own codes are positive).
 */
public final class RejectCodes
{
    /** The endpoint's rate limit is reached and its wait queue is full (or it is paused after a 429/5xx). */
    public static final int LOCAL_RATE_LIMIT = -1;
    /** The hand-off ring from the core or the pool of in-flight requests is full. */
    public static final int LOCAL_OVERLOAD = -2;
    /** The command names an unknown instrument, or its type is not an order command. */
    public static final int LOCAL_INVALID_COMMAND = -3;
    /** A cancel-replace answered {@code success:"failure"} without an error code. */
    public static final int REPLACE_FAILED = -4;
    /** The venue's reply could not be decoded (the command is reported as COMMAND_UNKNOWN, not rejected). */
    public static final int UNDECODABLE_REPLY = -5;
    /** A batch reply or a query answer that does not name this order (reported as COMMAND_UNKNOWN: it is queried). */
    public static final int NOT_IN_REPLY = -6;

    private RejectCodes()
    {
    }

    /**
     * @param code a Bitget error code.
     * @return true when the code means the outcome is unknown (query before retrying, §3).
     */
    public static boolean isOutcomeUnknown(final int code)
    {
        return code == 40010 || code == 40725 || code == 45001;
    }
}
