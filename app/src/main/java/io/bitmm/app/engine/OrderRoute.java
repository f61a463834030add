package io.bitmm.app.engine;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.order.OrderStageListener;

/**
 * Where the core's order commands go and how their answers come back: by default the venue's order gateway (with
 * the private stream reporting order states and fills); in paper mode a local matcher that answers through the
 * inbound ring itself. RESYNC_BOOK never reaches a route: the engine gives it to the market-data gateway.
 */
public interface OrderRoute extends AutoCloseable
{
    /**
     * Get ready to take commands (open and pre-warm connections); blocks until ready.
     */
    void start();

    /**
     * Take one command on the engine's order thread.
     *
     * @param command    the command (not kept).
     * @param sequence   its outbound ring sequence.
     * @param endOfBatch whether it ends the ring's current batch.
     */
    void onCommand(OutboundCommand command, long sequence, boolean endOfBatch);

    /**
     * @param ring the inbound ring.
     * @return what the market-data gateway publishes through: the ring itself, or a wrapper that lets a local
     * matcher see the market first.
     */
    InboundPublisher marketDataPublisher(InboundPublisher ring);

    /**
     * Where the route reports when an order was encoded and signed, and when it was flushed (latency stages).
     * A local route (paper) sends nothing and so reports nothing.
     *
     * @param listener called on the route's I/O thread.
     */
    default void stageListener(final OrderStageListener listener)
    {
    }

    /**
     * The core thread published commands (called once per event that produced any): wake whatever consumes them
     * if it sleeps. Allocation-free; a no-op for routes that consume the ring on a ring thread.
     */
    default void wakeup()
    {
    }

    @Override
    void close();
}
