package io.bitmm.app.engine;

import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

/**
 * {@link InboundPublisher} over the inbound multi-producer ring: producers claim a slot, decode into it, publish.
 * {@code next()} waits while the ring is full, so a slow core back-pressures the I/O threads instead of losing events.
 */
final class RingInboundPublisher implements InboundPublisher
{
    private final RingBuffer<InboundEvent> ring;

    RingInboundPublisher(final RingBuffer<InboundEvent> ring)
    {
        this.ring = ring;
    }

    @Override
    public long claim()
    {
        return ring.next();
    }

    @Override
    public InboundEvent event(final long sequence)
    {
        return ring.get(sequence);
    }

    @Override
    public void publish(final long sequence)
    {
        ring.get(sequence).publishNanos = System.nanoTime();
        ring.publish(sequence);
    }
}
