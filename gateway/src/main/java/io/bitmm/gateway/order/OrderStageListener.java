package io.bitmm.gateway.order;

/**
 * Told, on the order I/O thread, the stamps of each order command once its request has been flushed to the socket:
 * how latency recording sees the last two stages of tick-to-trade without the gateway knowing about histograms.
 * Called once per command (a batch request reports each of its commands), allocation-free.
 */
@FunctionalInterface
public interface OrderStageListener
{
    /** Records nothing. */
    OrderStageListener NONE = (triggerNanos, decisionNanos, encodedNanos, flushedNanos, rateLimited) ->
    {
    };

    /**
     * @param triggerNanos  receive stamp of the event that caused the command (0 when none).
     * @param decisionNanos when the core put the command on the outbound ring (0 when not stamped).
     * @param encodedNanos  when its request was encoded and signed.
     * @param flushedNanos  when the request's bytes were written and flushed.
     * @param rateLimited   whether the command waited in a rate-limit queue before it was encoded.
     */
    void onFlushed(long triggerNanos, long decisionNanos, long encodedNanos, long flushedNanos, boolean rateLimited);
}
