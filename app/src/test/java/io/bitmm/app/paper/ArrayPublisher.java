package io.bitmm.app.paper;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

/**
 * An {@link InboundPublisher} over an array, for tests: keeps every published event in order.
 */
final class ArrayPublisher implements InboundPublisher
{
    private final InboundEvent[] events;
    private int claimed;
    private int published;

    ArrayPublisher(final int capacity)
    {
        events = new InboundEvent[capacity];
        for (int i = 0; i < capacity; i++)
        {
            events[i] = new InboundEvent();
        }
    }

    @Override
    public long claim()
    {
        return claimed++;
    }

    @Override
    public InboundEvent event(final long sequence)
    {
        return events[(int)sequence];
    }

    @Override
    public void publish(final long sequence)
    {
        published = Math.max(published, (int)sequence + 1);
    }

    int count()
    {
        return published;
    }

    InboundEvent get(final int index)
    {
        return events[index];
    }

    InboundEvent last()
    {
        return events[published - 1];
    }

    int count(final EventType type)
    {
        int n = 0;
        for (int i = 0; i < published; i++)
        {
            if (events[i].type == type)
            {
                n++;
            }
        }
        return n;
    }

    void clear()
    {
        claimed = 0;
        published = 0;
    }
}
