package io.bitmm.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slow-path log of distinct errors: the first occurrence of a kind is logged, later ones only counted. With an
 * Agrona {@link org.agrona.concurrent.errors.DistinctErrorLog} behind it (the run's counters file), every occurrence
 * is recorded there too: the first with its stack trace, then a count and the last time ({@code mm errors} reads
 * it). Callers pass a constant key so the hot path formats nothing: a repeat allocates nothing (one cached
 * exception per kind).
 */
public final class DistinctErrorLog
{
    private static final System.Logger LOGGER = System.getLogger("io.bitmm.gateway");

    private final ConcurrentHashMap<String, Kind> kinds = new ConcurrentHashMap<>();
    private final org.agrona.concurrent.errors.DistinctErrorLog errors;

    /**
     * A log that only counts and logs first occurrences (tests, tools).
     */
    public DistinctErrorLog()
    {
        this(null);
    }

    /**
     * @param errors the run's shared error log, or null for none.
     */
    public DistinctErrorLog(final org.agrona.concurrent.errors.DistinctErrorLog errors)
    {
        this.errors = errors;
    }

    /**
     * Record an error.
     *
     * @param key    a constant naming the kind of error.
     * @param detail extra detail for the first occurrence; may be null. Never pass secrets.
     * @return true when this was the first occurrence (and it was logged).
     */
    public boolean record(final String key, final String detail)
    {
        Kind kind = kinds.get(key);
        if (kind == null)
        {
            kind = kinds.computeIfAbsent(key, k -> new Kind(new GatewayError(detail == null ? k : k + ": " + detail)));
        }
        final boolean first = kind.count.getAndIncrement() == 0;
        if (first)
        {
            LOGGER.log(System.Logger.Level.WARNING, kind.error.getMessage());
        }
        if (errors != null)
        {
            errors.record(kind.error);
        }
        return first;
    }

    /**
     * @param key an error kind.
     * @return how often it occurred.
     */
    public long count(final String key)
    {
        final Kind kind = kinds.get(key);
        return kind == null ? 0 : kind.count.get();
    }

    /**
     * @return the number of distinct error kinds seen.
     */
    public int distinctCount()
    {
        return kinds.size();
    }

    private static final class Kind
    {
        private final AtomicLong count = new AtomicLong();
        private final GatewayError error;

        private Kind(final GatewayError error)
        {
            this.error = error;
        }
    }

    /** The first occurrence of a kind of gateway error, with the stack where it was seen. */
    static final class GatewayError extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        GatewayError(final String message)
        {
            super(message);
        }
    }
}
