package io.bitmm.tuning.latency;

/**
 * The stages of tick-to-trade, in pipeline order, and the thread that records each (DESIGN.md "Latency"). The tag is
 * the histogram's tag in the {@code .hlog} file.
 */
public enum LatencyStage
{
    /** Wire receive to decoded and published on the inbound ring (stamps of the md I/O thread; core thread records). */
    DECODE("decode", "receive -> published"),
    /** Published to taken by the core thread (ring queueing and wake-up). */
    QUEUE("queue", "published -> consumed"),
    /** Taken by the core to its decision done (book, strategy, risk, OMS, command published). */
    CORE("core", "consumed -> decided"),
    /** Decision to the order request encoded and signed (outbound ring, hand-off, encode, HMAC); order I/O thread. */
    ENCODE("encode", "decided -> encoded+signed"),
    /** Encoded and signed to written and flushed to the socket; order I/O thread. */
    FLUSH("flush", "encoded -> flushed"),
    /**
     * Wire receive of a book event to the flush of an order request it caused, for orders the rate limiter let
     * through at once (the engine's own reaction time); order I/O thread.
     */
    TICK_TO_TRADE("tick-to-trade", "receive -> flushed"),
    /** The same, for orders that first waited in a rate-limit queue (venue budget, not engine speed). */
    RATE_LIMITED("rate-limited", "receive -> flushed, held by rate limit");

    private static final LatencyStage[] VALUES = values();

    private final String tag;
    private final String span;

    LatencyStage(final String tag, final String span)
    {
        this.tag = tag;
        this.span = span;
    }

    /**
     * @return the histogram tag in the log.
     */
    public String tag()
    {
        return tag;
    }

    /**
     * @return which two stamps the stage spans.
     */
    public String span()
    {
        return span;
    }

    /**
     * @param tag a histogram tag.
     * @return the stage, or null when the tag is not one of ours.
     */
    public static LatencyStage ofTag(final String tag)
    {
        for (final LatencyStage stage : VALUES)
        {
            if (stage.tag.equals(tag))
            {
                return stage;
            }
        }
        return null;
    }
}
