package io.bitmm.gateway;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

import java.util.ArrayList;
import java.util.List;

/**
 * A ring-like {@link InboundPublisher} over a preallocated array, thread-safe enough for tests (synchronized).
 */
public final class TestPublisher implements InboundPublisher
{
    private final InboundEvent[] ring;
    private final int mask;
    private long next;
    private long published;
    private final boolean keep;
    private final List<InboundEvent> events = new ArrayList<>();

    /**
     * @param capacity power of two.
     * @param keep     copy every published event into a list.
     */
    public TestPublisher(final int capacity, final boolean keep)
    {
        ring = new InboundEvent[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new InboundEvent();
        }
        mask = capacity - 1;
        this.keep = keep;
    }

    public TestPublisher()
    {
        this(64, true);
    }

    @Override
    public synchronized long claim()
    {
        return next++;
    }

    @Override
    public synchronized InboundEvent event(final long sequence)
    {
        return ring[(int)(sequence & mask)];
    }

    @Override
    public synchronized void publish(final long sequence)
    {
        published++;
        if (keep)
        {
            final InboundEvent copy = new InboundEvent();
            copy.copyFrom(ring[(int)(sequence & mask)]);
            events.add(copy);
        }
    }

    /** @return slots claimed so far (a decoder must publish each one). */
    public synchronized long claimedCount()
    {
        return next;
    }

    public synchronized long publishedCount()
    {
        return published;
    }

    public synchronized List<InboundEvent> events()
    {
        return new ArrayList<>(events);
    }

    /**
     * @param type a type.
     * @return the published events of that type.
     */
    public synchronized List<InboundEvent> events(final EventType type)
    {
        final List<InboundEvent> result = new ArrayList<>();
        for (final InboundEvent e : events)
        {
            if (e.type == type)
            {
                result.add(e);
            }
        }
        return result;
    }

    public synchronized void clear()
    {
        events.clear();
    }
}
