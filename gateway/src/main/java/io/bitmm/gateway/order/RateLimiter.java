package io.bitmm.gateway.order;

/**
 * Per-endpoint limiter that never lets more than {@code limit} requests start within any window of
 * {@code windowNanos}: a token bucket of {@code limit} tokens where each token comes back exactly one window after
 * it was spent (so, unlike a classic bucket, a full bucket followed by refills cannot burst to twice the limit).
 * Allocation-free; single-threaded (the order I/O thread).
 */
public final class RateLimiter
{
    private final long[] sendTimes;
    private final long windowNanos;
    private int next;

    /**
     * @param limit       requests per window.
     * @param windowNanos the window (1 s for Bitget's per-second limits).
     */
    public RateLimiter(final int limit, final long windowNanos)
    {
        this.sendTimes = new long[limit];
        this.windowNanos = windowNanos;
        java.util.Arrays.fill(sendTimes, Long.MIN_VALUE / 2);
    }

    /**
     * @param nowNanos the current time.
     * @return true, consuming a token, when a request may start now.
     */
    public boolean tryAcquire(final long nowNanos)
    {
        if (nowNanos - sendTimes[next] < windowNanos)
        {
            return false;
        }
        sendTimes[next] = nowNanos;
        next = next + 1 == sendTimes.length ? 0 : next + 1;
        return true;
    }

    /**
     * @param nowNanos the current time.
     * @return nanoseconds until a token is available (0 when one is).
     */
    public long nanosUntilAvailable(final long nowNanos)
    {
        return Math.max(0, sendTimes[next] + windowNanos - nowNanos);
    }

    public int limit()
    {
        return sendTimes.length;
    }
}
