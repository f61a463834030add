package io.bitmm.core.risk;

/**
 * A token bucket driven by event time: {@code ratePerSecond} tokens a second, holding at most {@code burst}.
 * Tokens are kept in nano-token units so refills are exact integers. Starts full. Time going backwards refills
 * nothing.
 */
public final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ratePerSecond;
    private final long capacityNanoTokens;
    private long nanoTokens;
    private long lastNanos;
    private boolean started;

    /**
     * @param ratePerSecond tokens per second, &gt; 0.
     * @param burst         most tokens held, &gt; 0.
     */
    public TokenBucket(final long ratePerSecond, final long burst)
    {
        if (ratePerSecond <= 0 || burst <= 0)
        {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.capacityNanoTokens = burst * NANOS_PER_SECOND;
        this.nanoTokens = capacityNanoTokens;
    }

    /**
     * @param nowNanos event time.
     * @return true, taking a token, when one is available.
     */
    public boolean tryAcquire(final long nowNanos)
    {
        refill(nowNanos);
        if (nanoTokens >= NANOS_PER_SECOND)
        {
            nanoTokens -= NANOS_PER_SECOND;
            return true;
        }
        return false;
    }

    /**
     * @param nowNanos event time.
     * @return whole tokens available now.
     */
    public long available(final long nowNanos)
    {
        refill(nowNanos);
        return nanoTokens / NANOS_PER_SECOND;
    }

    private void refill(final long nowNanos)
    {
        if (!started)
        {
            started = true;
            lastNanos = nowNanos;
            return;
        }
        final long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0)
        {
            return;
        }
        lastNanos = nowNanos;
        final long room = capacityNanoTokens - nanoTokens;
        if (elapsed >= room / ratePerSecond + 1)
        {
            nanoTokens = capacityNanoTokens;
        }
        else
        {
            nanoTokens = Math.min(capacityNanoTokens, nanoTokens + elapsed * ratePerSecond);
        }
    }
}
