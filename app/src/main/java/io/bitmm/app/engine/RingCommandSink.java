package io.bitmm.app.engine;

import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.CommandSink;
import io.bitmm.core.event.OutboundCommand;

/**
 * The core's {@link CommandSink}: copies each command into the next slot of the outbound ring (single producer: the
 * core thread) and publishes it to the order gateway and the journal.
 */
final class RingCommandSink implements CommandSink
{
    private final RingBuffer<OutboundCommand> ring;
    private boolean published;

    RingCommandSink(final RingBuffer<OutboundCommand> ring)
    {
        this.ring = ring;
    }

    @Override
    public void send(final OutboundCommand command)
    {
        final long sequence = ring.next();
        try
        {
            final OutboundCommand slot = ring.get(sequence);
            slot.copyFrom(command);
            slot.decisionNanos = System.nanoTime();
        }
        finally
        {
            ring.publish(sequence);
            published = true;
        }
    }

    /**
     * Core thread: whether commands were published since the last call (then the consumer may need waking).
     *
     * @return true once after one or more {@link #send}s.
     */
    boolean takePublished()
    {
        final boolean was = published;
        published = false;
        return was;
    }
}
