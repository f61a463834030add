package io.bitmm.app.integration;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A test {@link InboundPublisher} for several producer threads: claim takes a lock, publish hands a copy of the
 * event to a listener (on the producer's thread) and keeps it, then releases the lock.
 */
final class CollectingPublisher implements InboundPublisher
{
    private final ReentrantLock lock = new ReentrantLock();
    private final InboundEvent scratch = new InboundEvent();
    private final List<InboundEvent> events = new ArrayList<>();
    private final Consumer<InboundEvent> listener;
    private final boolean keep;
    private long sequence;

    CollectingPublisher(final Consumer<InboundEvent> listener, final boolean keep)
    {
        this.listener = listener;
        this.keep = keep;
    }

    @Override
    public long claim()
    {
        lock.lock();
        return sequence++;
    }

    @Override
    public InboundEvent event(final long sequence)
    {
        return scratch;
    }

    @Override
    public void publish(final long sequence)
    {
        try
        {
            listener.accept(scratch);
            if (keep && scratch.type != EventType.NONE)
            {
                final InboundEvent copy = new InboundEvent();
                copy.copyFrom(scratch);
                events.add(copy);
            }
        }
        finally
        {
            lock.unlock();
        }
    }

    InboundEvent await(final Predicate<InboundEvent> match, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline)
        {
            lock.lock();
            try
            {
                for (final InboundEvent event : events)
                {
                    if (match.test(event))
                    {
                        return event;
                    }
                }
            }
            finally
            {
                lock.unlock();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no matching event within " + timeoutMs + " ms; saw " + describe());
    }

    private String describe()
    {
        lock.lock();
        try
        {
            final StringBuilder out = new StringBuilder();
            for (final InboundEvent event : events)
            {
                out.append(event.type).append('/').append(event.commandType).append('/').append(event.rejectCode)
                    .append('/').append(new String(event.clientOid, 0, event.clientOidLength,
                        java.nio.charset.StandardCharsets.US_ASCII)).append(' ');
            }
            return out.toString();
        }
        finally
        {
            lock.unlock();
        }
    }
}
