package io.bitmm.core.risk;

import java.util.Arrays;

/**
 * An order-rate budget with the venue's semantics: never more than {@code limit} requests within any window of
 * {@code windowNanos} of event time (Bitget counts requests per UID in a sliding second). Each request's slot comes
 * back exactly one window after it was spent, so a full budget followed by refills cannot reach twice the limit in
 * one window the way a token bucket of the same rate can; the window may be set a little over a second so that
 * uneven send delays never squeeze more than the limit into one second at the venue. Allocation-free; a time
 * earlier than a spent slot's (events from different producers are not strictly ordered) finds no budget.
 */
public final class RequestWindow
{
    private final long[] spentAt;
    private final long windowNanos;
    private int next;

    /**
     * @param limit       requests per window, &gt; 0.
     * @param windowNanos the window, &gt; 0.
     */
    public RequestWindow(final long limit, final long windowNanos)
    {
        if (limit <= 0 || limit > Integer.MAX_VALUE || windowNanos <= 0)
        {
            throw new IllegalArgumentException("limit and window must be positive");
        }
        this.spentAt = new long[(int)limit];
        this.windowNanos = windowNanos;
        Arrays.fill(spentAt, Long.MIN_VALUE / 2);
    }

    /**
     * @param nowNanos event time.
     * @return true, spending a slot, when a request fits the window.
     */
    public boolean tryAcquire(final long nowNanos)
    {
        if (nowNanos - spentAt[next] < windowNanos)
        {
            return false;
        }
        spentAt[next] = nowNanos;
        next = next + 1 == spentAt.length ? 0 : next + 1;
        return true;
    }

    /**
     * Count every slot as spent at {@code nowNanos}: for a process that starts while a predecessor (a run killed a
     * moment ago) may have spent the venue's budget, which the venue counts per account, not per process.
     *
     * @param nowNanos event time.
     */
    public void spendAll(final long nowNanos)
    {
        Arrays.fill(spentAt, nowNanos);
        next = 0;
    }

    /**
     * @return the slot the last successful {@link #tryAcquire} spent (for {@link #restamp}).
     */
    public int lastSpent()
    {
        return (next == 0 ? spentAt.length : next) - 1;
    }

    /**
     * Count a spent slot from a later time: when the request actually left (after its flush), not when the slot was
     * taken. A thread descheduled between the two would otherwise send the request late while its slot comes back
     * early, and a full window's requests could reach the venue within less than a window (chaos seed 3047).
     *
     * @param slot     from {@link #lastSpent()} right after the acquire.
     * @param nowNanos the time the request left; an earlier time than the slot's is ignored.
     */
    public void restamp(final int slot, final long nowNanos)
    {
        if (nowNanos - spentAt[slot] > 0)
        {
            spentAt[slot] = nowNanos;
        }
    }

    /**
     * @return requests per window.
     */
    public int limit()
    {
        return spentAt.length;
    }

    /**
     * @param nowNanos event time.
     * @return requests that would fit the window now.
     */
    public int available(final long nowNanos)
    {
        int free = 0;
        for (final long at : spentAt)
        {
            free += nowNanos - at >= windowNanos ? 1 : 0;
        }
        return free;
    }
}
