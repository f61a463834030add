package io.bitmm.app.engine;

import io.netty.util.concurrent.FastThreadLocalThread;
import net.openhft.affinity.AffinityLock;

import java.util.concurrent.ThreadFactory;

/**
 * Names an engine thread and, when a CPU is configured for it, pins it there with OpenHFT affinity for its whole
 * life. A CPU of -1 leaves the thread to the scheduler (the right choice on a small shared box).
 */
public final class PinnedThreadFactory implements ThreadFactory
{
    private final String name;
    private final int cpu;

    /**
     * @param name thread name, e.g. {@code mm-core}.
     * @param cpu  CPU to pin to, or -1.
     */
    public PinnedThreadFactory(final String name, final int cpu)
    {
        this.name = name;
        this.cpu = cpu;
    }

    @Override
    public Thread newThread(final Runnable task)
    {
        // A FastThreadLocalThread: Netty's per-thread caches (buffer pools, recyclers) take their fast path on it.
        final Thread thread = new FastThreadLocalThread(() -> runPinned(task), name);
        thread.setDaemon(true);
        return thread;
    }

    private void runPinned(final Runnable task)
    {
        if (cpu < 0)
        {
            task.run();
            return;
        }
        try (AffinityLock lock = AffinityLock.acquireLock(cpu))
        {
            if (lock.cpuId() != cpu)
            {
                System.err.println("mm: could not pin " + name + " to cpu " + cpu + " (got " + lock.cpuId() + ")");
            }
            task.run();
        }
    }
}
