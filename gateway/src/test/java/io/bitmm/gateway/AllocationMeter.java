package io.bitmm.gateway;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, corrected for the cost of reading the counter itself (the MXBean call
 * allocates a few hundred bytes on some JVMs).
 */
public final class AllocationMeter
{
    private static final com.sun.management.ThreadMXBean BEAN =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private final long overhead;
    private long start;

    public AllocationMeter()
    {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++)
        {
            final long a = BEAN.getCurrentThreadAllocatedBytes();
            final long b = BEAN.getCurrentThreadAllocatedBytes();
            min = Math.min(min, b - a);
        }
        overhead = min;
    }

    public void start()
    {
        start = BEAN.getCurrentThreadAllocatedBytes();
    }

    /**
     * @return bytes allocated since {@link #start()}, minus the meter's own overhead.
     */
    public long stop()
    {
        return BEAN.getCurrentThreadAllocatedBytes() - start - overhead;
    }

    public long overhead()
    {
        return overhead;
    }
}
