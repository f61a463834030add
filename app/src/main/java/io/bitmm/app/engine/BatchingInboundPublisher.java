package io.bitmm.app.engine;

import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

/**
 * The market-data thread's publisher: the events decoded from the frames of one socket read become visible together
 * at the read's end ({@link #endOfBatch()}), with one clock read, one publication per contiguous run of sequences and
 * one wake-up of the consumer, instead of one of each per frame. Allocation-free; one producer thread.
 * <p>
 * Events are never held back past the read: at {@value #MAX_PENDING} pending events, before a claim that could wait
 * for the consumer (the consumer cannot pass a claimed, unpublished slot, so the ring must not fill while some are
 * pending), and for a BOOK_RESET (published outside any read, e.g. when the connection closed), the pending events
 * are published at once.
 */
final class BatchingInboundPublisher implements InboundPublisher
{
    private static final int MAX_PENDING = 64;
    private static final int CAPACITY_MARGIN = 2 * MAX_PENDING;

    private final InboundPublisher delegate;
    private final RingInboundPublisher ring;
    private final RingBuffer<InboundEvent> ringBuffer;
    private final long[] pending = new long[MAX_PENDING];
    private int count;

    /**
     * @param delegate   where events go (the ring, or a paper route's tap in front of it).
     * @param ringBuffer the inbound ring (its free capacity is checked before a claim).
     */
    BatchingInboundPublisher(final InboundPublisher delegate, final RingBuffer<InboundEvent> ringBuffer)
    {
        this.delegate = delegate;
        this.ring = delegate instanceof RingInboundPublisher ? (RingInboundPublisher)delegate : null;
        this.ringBuffer = ringBuffer;
    }

    @Override
    public long claim()
    {
        if (count > 0 && ringBuffer.remainingCapacity() < CAPACITY_MARGIN)
        {
            flush();
        }
        return delegate.claim();
    }

    @Override
    public InboundEvent event(final long sequence)
    {
        return delegate.event(sequence);
    }

    @Override
    public void publish(final long sequence)
    {
        pending[count++] = sequence;
        if (count == MAX_PENDING || delegate.event(sequence).type == EventType.BOOK_RESET)
        {
            flush();
        }
    }

    @Override
    public void endOfBatch()
    {
        if (count > 0)
        {
            flush();
        }
    }

    private void flush()
    {
        if (ring != null)
        {
            ring.publishAll(pending, count);
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                delegate.publish(pending[i]);
            }
        }
        count = 0;
    }
}
