package io.bitmm.app.journal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.journal.JournalAppender;

/**
 * The outbound ring's journal consumer, in parallel with the order gateway.
 */
public final class JournalCommandHandler implements EventHandler<OutboundCommand>
{
    private final JournalAppender appender;
    private final RingBuffer<OutboundCommand> ring;
    private final JournalLagGuard guard;

    /**
     * @param appender where to write (used from this consumer's thread only).
     * @param ring     the outbound ring, for its cursor.
     * @param guard    the lag guard.
     */
    public JournalCommandHandler(final JournalAppender appender, final RingBuffer<OutboundCommand> ring,
        final JournalLagGuard guard)
    {
        this.appender = appender;
        this.ring = ring;
        this.guard = guard;
    }

    @Override
    public void onEvent(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        appender.append(sequence, command);
        if (endOfBatch)
        {
            guard.check("outbound", ring.getCursor() - sequence);
        }
    }

    /**
     * @return entries written.
     */
    public long entries()
    {
        return appender.entries();
    }
}
