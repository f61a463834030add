package io.bitmm.app.paper;

import io.bitmm.app.engine.OrderRoute;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.InstrumentTable;

/**
 * The order route of paper mode: commands are answered by a {@link PaperMatcher} instead of being sent, and the
 * market-data gateway publishes through {@link #marketDataPublisher} so the matcher sees every book change and
 * public trade just before the core does, and publishes the fills they cause right after them.
 * <p>
 * Threads: the engine's order thread calls {@link #onCommand}; the market-data I/O thread publishes. One plain
 * lock around the matcher serialises them. Paper mode is not the latency path, so a lock is acceptable here; the
 * matcher still allocates nothing per event. The lock is held while claiming ring slots: the core, the ring's
 * consumer, never takes it, so back-pressure cannot deadlock.
 */
public final class PaperVenue implements OrderRoute
{
    /** Order slots: open orders plus recently closed ones that can still be queried. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final Object lock = new Object();
    private final PaperMatcher matcher;

    /**
     * @param instruments what is traded.
     * @param ring        the inbound ring, where the answers go.
     */
    public PaperVenue(final InstrumentTable instruments, final InboundPublisher ring)
    {
        this.matcher = new PaperMatcher(instruments, ring, DEFAULT_CAPACITY);
    }

    @Override
    public void start()
    {
    }

    @Override
    public void onCommand(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        if (command.type == CommandType.RESYNC_BOOK || command.type == CommandType.NONE)
        {
            return;
        }
        if (command.type == CommandType.MODEL_FIT)
        {
            return; // the journal's record of the core's model: nothing to match
        }
        synchronized (lock)
        {
            matcher.onCommand(command);
        }
    }

    @Override
    public InboundPublisher marketDataPublisher(final InboundPublisher ring)
    {
        return new MarketDataTap(ring);
    }

    /**
     * @return orders resting in the paper book (any thread).
     */
    public int openOrderCount()
    {
        synchronized (lock)
        {
            return matcher.openOrderCount();
        }
    }

    @Override
    public void close()
    {
    }

    /**
     * The publisher handed to the market-data gateway: lets the matcher observe each event before it is
     * published (the slot is still the producer's then), and publishes the fills it caused after it.
     */
    private final class MarketDataTap implements InboundPublisher
    {
        private final InboundPublisher ring;

        MarketDataTap(final InboundPublisher ring)
        {
            this.ring = ring;
        }

        @Override
        public long claim()
        {
            return ring.claim();
        }

        @Override
        public InboundEvent event(final long sequence)
        {
            return ring.event(sequence);
        }

        @Override
        public void publish(final long sequence)
        {
            synchronized (lock)
            {
                matcher.observe(ring.event(sequence));
                ring.publish(sequence);
                matcher.publishFills();
            }
        }
    }
}
