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
        }
    }
}
