package io.bitmm.core.event;

/**
 * How a producer puts events on the inbound ring without copying: claim a slot, fill the preallocated
 * {@link InboundEvent} in place, publish it. The engine implements it over a multi-producer Disruptor ring; tests
 * implement it over an array. A producer that claims a slot must publish it, even when it could not fill it: it
 * then sets {@link EventType#NONE}, which the core skips.
 */
public interface InboundPublisher
{
    /**
     * Claim the next slot, waiting while the ring is full (back-pressure on the producer, never a drop).
     *
     * @return the claimed sequence.
     */
    long claim();

    /**
     * @param sequence a claimed sequence.
     * @return the slot's event, to fill in place.
     */
    InboundEvent event(long sequence);

    /**
     * Make a claimed slot visible to the consumers.
     *
     * @param sequence the claimed sequence.
     */
    void publish(long sequence);

    /**
     * The producer published the last event of a run it produced together (the frames of one socket read): an
     * implementation that defers making events visible ({@code publish}) makes them visible now. Default: nothing
     * (every {@code publish} is visible at once).
     */
    default void endOfBatch()
    {
    }
}
