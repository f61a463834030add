package io.bitmm.app.journal;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shared by the two journal consumers: when either trails its ring's cursor by more than the threshold, the
 * journal cannot keep up, so quoting stops. A consumer gates its ring, so nothing is ever dropped; the guard only
 * makes sure the engine does not keep trading on a record that falls further and further behind. It publishes one
 * {@link EventType#STOP_QUOTING} into the inbound ring with {@code tryNext} (never blocking the journal thread,
 * which could be what the ring is waiting for) and says so once on stderr.
 */
public final class JournalLagGuard
{
    private final RingBuffer<InboundEvent> inbound;
    private final long thresholdSlots;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean published;

    /**
     * @param inbound        the inbound ring, where STOP_QUOTING goes.
     * @param thresholdSlots lag beyond which quoting stops.
     */
    public JournalLagGuard(final RingBuffer<InboundEvent> inbound, final long thresholdSlots)
    {
        this.inbound = inbound;
        this.thresholdSlots = thresholdSlots;
    }

    /**
     * @param ringName  for the message.
     * @param lagSlots  how far the journal trails the ring's cursor.
     */
    public void check(final String ringName, final long lagSlots)
    {
        if (lagSlots > thresholdSlots && stopRequested.compareAndSet(false, true))
        {
            System.err.println("mm: journal cannot keep up (" + ringName + " ring: " + lagSlots + " entries behind, " +
                "threshold " + thresholdSlots + "): stopping quoting; no entry is dropped");
        }
        if (stopRequested.get() && !published)
        {
            tryPublish();
        }
    }

    /**
     * @return true once the guard stopped quoting.
     */
    public boolean tripped()
    {
        return stopRequested.get();
    }

    private synchronized void tryPublish()
    {
        if (published)
        {
            return;
        }
        try
        {
            final long sequence = inbound.tryNext();
            final InboundEvent event = inbound.get(sequence);
            event.reset();
            event.type = EventType.STOP_QUOTING;
            event.timestampNanos = System.nanoTime();
            event.publishNanos = event.timestampNanos;
            inbound.publish(sequence);
            published = true;
        }
        catch (final InsufficientCapacityException ex)
        {
            // the ring is full: try again after the next batch
        }
    }
}
