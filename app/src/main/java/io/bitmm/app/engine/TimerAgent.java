package io.bitmm.app.engine;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import org.agrona.concurrent.Agent;

/**
 * The timer producer: publishes a {@link EventType#TIMER} event every interval, so the core can age orders, refill
 * its rate budget and notice a stale book without ever reading a clock itself.
 */
final class TimerAgent implements Agent
{
    private final InboundPublisher publisher;
    private final long intervalNanos;
    private long nextTickNanos;

    TimerAgent(final InboundPublisher publisher, final long intervalMs)
    {
        this.publisher = publisher;
        this.intervalNanos = intervalMs * 1_000_000L;
    }

    @Override
    public void onStart()
    {
        nextTickNanos = System.nanoTime() + intervalNanos;
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now - nextTickNanos < 0)
        {
            return 0;
        }
        nextTickNanos = now + intervalNanos;
        final long sequence = publisher.claim();
        final InboundEvent event = publisher.event(sequence);
        event.reset();
        event.type = EventType.TIMER;
        event.timestampNanos = now;
        publisher.publish(sequence);
        return 1;
    }

    @Override
    public String roleName()
    {
        return "mm-timer";
    }
}
