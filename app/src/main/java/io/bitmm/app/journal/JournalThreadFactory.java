package io.bitmm.app.journal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ring's thread factory when the journal shares the ring: the first thread the Disruptor asks for (its first
 * consumer: the core, or the order thread) comes from the ring's own, possibly pinned, factory; later ones (the
 * journal consumer) are plain daemon threads named {@code journalName}, left to the scheduler so they never share a
 * pinned CPU with a busy-spinning thread.
 */
public final class JournalThreadFactory implements ThreadFactory
{
    private final ThreadFactory first;
    private final String journalName;
    private final AtomicInteger created = new AtomicInteger();

    /**
     * @param first       the ring's own factory, for its first consumer.
     * @param journalName name of the journal consumer's thread.
     */
    public JournalThreadFactory(final ThreadFactory first, final String journalName)
    {
        this.first = first;
        this.journalName = journalName;
    }

    @Override
    public Thread newThread(final Runnable task)
    {
        if (created.getAndIncrement() == 0)
        {
            return first.newThread(task);
        }
        final Thread thread = new Thread(task, journalName);
        thread.setDaemon(true);
        return thread;
    }
}
