package io.bitmm.app.engine;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.bitmm.gateway.SharedDutyCycle;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

import java.util.function.IntSupplier;

/**
 * {@link InboundPublisher} over the inbound multi-producer ring: producers claim a slot, decode into it, publish.
 * {@code next()} waits while the ring is full, so a slow core back-pressures the I/O threads instead of losing events.
 */
final class RingInboundPublisher implements InboundPublisher
{
    private final RingBuffer<InboundEvent> ring;
    private final SharedDutyCycle consumer;
    private IntSupplier inlineConsumer;

    /**
     * @param ring     the inbound ring.
     * @param consumer the shared duty cycle that polls the ring (woken after each publish), or null (the ring's
     *                 wait strategy wakes its consumer).
     */
    RingInboundPublisher(final RingBuffer<InboundEvent> ring, final SharedDutyCycle consumer)
    {
        this.ring = ring;
        this.consumer = consumer;
    }

    /**
     * @param duty the core's duty on the shared thread: run in place while the ring is full and the claim is made
     *             on that thread (the consumer cannot free a slot while its own thread waits for one).
     */
    void inlineConsumer(final IntSupplier duty)
    {
        inlineConsumer = duty;
    }

    @Override
    public long claim()
    {
        if (inlineConsumer == null || !consumer.inLoop())
        {
            return ring.next();
        }
        while (true)
        {
            if (ring.hasAvailableCapacity(1))
            {
                try
                {
                    return ring.tryNext();
                }
                catch (final InsufficientCapacityException ex)
                {
                    // another producer took the last slot: consume in place as below
                }
            }
            if (inlineConsumer.getAsInt() == 0)
            {
                Thread.yield(); // the journal, not the core, holds the ring: let it run
            }
        }
    }

    @Override
    public InboundEvent event(final long sequence)
    {
        return ring.get(sequence);
    }

    /**
     * Publish several claimed sequences (ascending, this thread's own) with one clock read, one ring publication per
     * contiguous run and one wake-up.
     *
     * @param sequences the sequences.
     * @param count     how many of them.
     */
    void publishAll(final long[] sequences, final int count)
    {
        final long now = System.nanoTime();
        long runStart = sequences[0];
        for (int i = 0; i < count; i++)
        {
            final long sequence = sequences[i];
            ring.get(sequence).publishNanos = now;
            if (i > 0 && sequence != sequences[i - 1] + 1)
            {
                ring.publish(runStart, sequences[i - 1]);
                runStart = sequence;
            }
        }
        ring.publish(runStart, sequences[count - 1]);
        if (consumer != null)
        {
            consumer.wakeup();
        }
    }

    @Override
    public void publish(final long sequence)
    {
        ring.get(sequence).publishNanos = System.nanoTime();
        ring.publish(sequence);
        if (consumer != null)
        {
            consumer.wakeup();
        }
    }
}
