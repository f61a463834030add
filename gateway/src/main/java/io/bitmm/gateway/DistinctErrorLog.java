package io.bitmm.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow-path log of distinct errors: the first occurrence of a kind is logged, later ones only counted (Agrona's
 * {@code DistinctErrorLog} idea). Callers pass a constant key so the hot path formats nothing.
 */
public final class DistinctErrorLog
{
    private static final System.Logger LOGGER = System.getLogger("io.bitmm.gateway");

    private final ConcurrentHashMap<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /**
     * Record an error.
     *
     * @param key    a constant naming the kind of error.
     * @param detail extra detail for the first occurrence; may be null. Never pass secrets.
     * @return true when this was the first occurrence (and it was logged).
     */
    public boolean record(final String key, final String detail)
    {
        AtomicLong count = counts.get(key);
        if (count == null)
        {
            count = counts.computeIfAbsent(key, k -> new AtomicLong());
        }
        if (count.getAndIncrement() == 0)
        {
            LOGGER.log(System.Logger.Level.WARNING, detail == null ? key : key + ": " + detail);
            return true;
        }
        return false;
    }

    /**
     * @param key an error kind.
     * @return how often it occurred.
     */
    public long count(final String key)
    {
        final AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }

    /**
     * @return the number of distinct error kinds seen.
     */
    public int distinctCount()
    {
        return counts.size();
    }
}
