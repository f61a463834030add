package io.bitmm.app.journal;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.journal.JournalAppender;

/**
 * The inbound ring's journal consumer. It runs after the core on the ring (so the journal holds exactly the
 * events the core processed, in its order) on its own thread, off the core's critical path.
 */
public final class JournalEventHandler implements EventHandler<InboundEvent>
{
    private final JournalAppender appender;
    private final RingBuffer<InboundEvent> ring;
    private final JournalLagGuard guard;

    /**
     * @param appender where to write (used from this consumer's thread only).
     * @param ring     the inbound ring, for its cursor.
     * @param guard    the lag guard.
     */
    public JournalEventHandler(final JournalAppender appender, final RingBuffer<InboundEvent> ring,
        final JournalLagGuard guard)
    {
        this.appender = appender;
        this.ring = ring;
        this.guard = guard;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        appender.append(sequence, event);
        if (endOfBatch)
        {
            guard.check("inbound", ring.getCursor() - sequence);
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
