package io.bitmm.sim.net;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Fixed one-second windows per endpoint and scope (per UID for trading endpoints, per IP for public ones) plus
 * the overall 6000/min/IP, as in protocol §8. Venue-thread only.
 */
public final class RateLimiter
{
    private static final int OVERALL_PER_MINUTE = 6000;

    private static final int RECENT = 12;

    private final Map<String, long[]> windows = new HashMap<>();
    private final Map<String, ArrayDeque<String>> recent = new HashMap<>();
    private final double scale;
    private final boolean enabled;

    /**
     * @param enabled whether limits apply
     * @param scale   multiplier of every limit
     */
    public RateLimiter(final boolean enabled, final double scale)
    {
        this.enabled = enabled;
        this.scale = scale;
    }

    /**
     * Counts a request and says whether it is within limits.
     *
     * @param key       endpoint + scope key
     * @param perSecond endpoint limit
     * @param ipKey     key of the overall per-IP budget
     * @param nowMs     current time
     * @return true if allowed
     */
    public boolean tryAcquire(final String key, final int perSecond, final String ipKey, final long nowMs)
    {
        if (!enabled)
        {
            return true;
        }
        final boolean overall = hit(ipKey, (long)(OVERALL_PER_MINUTE * scale), nowMs / 60_000);
        final boolean endpoint = hit(key, Math.max(1, (long)(perSecond * scale)), nowMs / 1000);
        return overall && endpoint;
    }

    /**
     * Notes a request for the debug trace of its key (the last few requests, printed when one is refused).
     *
     * @param key  endpoint + scope key
     * @param note what to print
     * @return the key's recent notes, oldest first, this one last
     */
    public ArrayDeque<String> note(final String key, final String note)
    {
        final ArrayDeque<String> q = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (q.size() == RECENT)
        {
            q.removeFirst();
        }
        q.addLast(note);
        return q;
    }

    private boolean hit(final String key, final long limit, final long window)
    {
        final long[] w = windows.computeIfAbsent(key, k -> new long[2]);
        if (w[0] != window)
        {
            w[0] = window;
            w[1] = 0;
        }
        w[1]++;
        return w[1] <= limit;
    }
}
