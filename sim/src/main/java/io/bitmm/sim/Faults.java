package io.bitmm.sim;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection, set from any thread (tests, the {@code POST /sim/fault} control endpoint) and read on the
 * venue thread. Counters record what was actually injected.
 */
public final class Faults
{
    private final AtomicInteger corruptChecksums = new AtomicInteger();
    private final AtomicInteger skipUpdates = new AtomicInteger();
    private final AtomicInteger http429 = new AtomicInteger();
    private final AtomicInteger http5xx = new AtomicInteger();
    private final AtomicInteger pseqGaps = new AtomicInteger();
    private volatile long stallUntilMs;
    private volatile long restDelayMs;
    private volatile double restDropFraction;
    private volatile double rejectOrderFraction;
    private volatile long ackDelayMs;
    private volatile Runnable dropAction;
    private final AtomicInteger refuseSubscribes = new AtomicInteger();
    private final AtomicInteger refuseLogins = new AtomicInteger();
    private final AtomicInteger dropPrivatePushes = new AtomicInteger();
    private volatile long dropPrivatePushesUntilMs;
    private volatile long clockStepMs;
    private volatile double duplicatePushFraction;
    private volatile double reorderPushFraction;
    private volatile double partialFillFraction;

    private final AtomicLong checksumCorruptionsInjected = new AtomicLong();
    private final AtomicLong updatesSkipped = new AtomicLong();
    private final AtomicLong restRepliesDropped = new AtomicLong();
    private final AtomicLong ordersRejected = new AtomicLong();
    private final AtomicLong http429Sent = new AtomicLong();
    private final AtomicLong http5xxSent = new AtomicLong();
    private final AtomicLong connectionsDropped = new AtomicLong();
    private final AtomicLong subscribesRefused = new AtomicLong();
    private final AtomicLong loginsRefused = new AtomicLong();
    private final AtomicLong clockSteps = new AtomicLong();
    private final AtomicLong privatePushesDropped = new AtomicLong();
    private final AtomicLong privatePushesDuplicated = new AtomicLong();
    private final AtomicLong privatePushesReordered = new AtomicLong();
    private final AtomicLong partialFillsInjected = new AtomicLong();
    private final AtomicLong pseqGapsInjected = new AtomicLong();

    /** Closes every WebSocket connection now. */
    public Faults dropConnections()
    {
        final Runnable action = dropAction;
        if (action != null)
        {
            action.run();
        }
        return this;
    }

    /** Stops all market-data pushes for the given time (books keep changing; the next update carries them). */
    public Faults stallStreamsMs(final long ms)
    {
        stallUntilMs = clockMs() + ms;
        return this;
    }

    /** The next {@code n} books updates carry a wrong checksum. */
    public Faults corruptChecksums(final int n)
    {
        corruptChecksums.addAndGet(n);
        return this;
    }

    /** The next {@code n} books updates are not sent (the book moves on, so the client's checksum breaks). */
    public Faults skipUpdates(final int n)
    {
        skipUpdates.addAndGet(n);
        return this;
    }

    /**
     * The next {@code n} v3 {@code books} updates carry a {@code pseq} that does not match the previous update's
     * {@code seq} (their levels are still right: the break is in the chain only, which a v3 client must treat as loss).
     */
    public Faults pseqGaps(final int n)
    {
        pseqGaps.addAndGet(n);
        return this;
    }

    /** Delays every REST reply. */
    public Faults restDelayMs(final long ms)
    {
        restDelayMs = ms;
        return this;
    }

    /** Never answers this fraction of REST requests (the request is still executed). */
    public Faults restDropFraction(final double fraction)
    {
        restDropFraction = fraction;
        return this;
    }

    /** Rejects this fraction of order placements with 40725 (outcome-unknown class error, but nothing placed). */
    public Faults rejectOrderFraction(final double fraction)
    {
        rejectOrderFraction = fraction;
        return this;
    }

    /** The next {@code n} REST requests get HTTP 429. */
    public Faults http429Burst(final int n)
    {
        http429.addAndGet(n);
        return this;
    }

    /** The next {@code n} REST requests get HTTP 500. */
    public Faults http5xx(final int n)
    {
        http5xx.addAndGet(n);
        return this;
    }

    /** Delays the REST acks of order actions (trade POSTs) and the private-channel pushes. */
    public Faults ackDelayMs(final long ms)
    {
        ackDelayMs = ms;
        return this;
    }

    /**
     * The next {@code n} subscribe requests (public or private socket) are answered
     * {@code {"event":"error","code":30006,"msg":"request too many"}} (no {@code arg}) and not subscribed.
     */
    public Faults refuseSubscribes(final int n)
    {
        refuseSubscribes.addAndGet(n);
        return this;
    }

    /**
     * The next {@code n} logins are refused with Bitget's {@code {"event":"error","code":30005,...}}, and the socket
     * is closed (§9).
     */
    public Faults refuseLogins(final int n)
    {
        refuseLogins.addAndGet(n);
        return this;
    }

    /**
     * Steps the venue's wall clock by {@code ms} (negative: back), on top of earlier steps: REST timestamps are
     * checked against it, {@code public/time} and every push carry it. From the client this looks exactly like its
     * own clock having been stepped the other way. {@link #clear()} resets it.
     */
    public Faults clockStepMs(final long ms)
    {
        clockStepMs += ms;
        clockSteps.incrementAndGet();
        return this;
    }

    /** The next {@code n} private pushes ({@code orders}, {@code fill}, {@code account}) are not sent. */
    public Faults dropPrivatePushes(final int n)
    {
        dropPrivatePushes.addAndGet(n);
        return this;
    }

    /** No private push is sent for the next {@code ms}, as if they were lost while the socket was down. */
    public Faults dropPrivatePushesMs(final long ms)
    {
        dropPrivatePushesUntilMs = System.currentTimeMillis() + ms;
        return this;
    }

    /** This fraction of private pushes is sent twice (seeded). */
    public Faults duplicatePushFraction(final double fraction)
    {
        duplicatePushFraction = fraction;
        return this;
    }

    /** This fraction of private pushes is held back and sent after the next push to the same socket (seeded). */
    public Faults reorderPushFraction(final double fraction)
    {
        reorderPushFraction = fraction;
        return this;
    }

    /**
     * This fraction of synthetic takers that reach one of the account's resting orders fills only part of it (half
     * its remaining size, at least one lot) and stops there, leaving the rest resting (seeded).
     */
    public Faults partialFillFraction(final double fraction)
    {
        partialFillFraction = fraction;
        return this;
    }

    /** Clears every fault setting (counters stay). */
    public Faults clear()
    {
        corruptChecksums.set(0);
        skipUpdates.set(0);
        http429.set(0);
        http5xx.set(0);
        pseqGaps.set(0);
        stallUntilMs = 0;
        restDelayMs = 0;
        restDropFraction = 0;
        rejectOrderFraction = 0;
        ackDelayMs = 0;
        refuseSubscribes.set(0);
        refuseLogins.set(0);
        dropPrivatePushes.set(0);
        dropPrivatePushesUntilMs = 0;
        clockStepMs = 0;
        duplicatePushFraction = 0;
        reorderPushFraction = 0;
        partialFillFraction = 0;
        return this;
    }

    /**
     * Applies a control-endpoint command, e.g. {@code {"fault":"corruptChecksum","count":3}}.
     *
     * @param cmd parsed JSON
     * @return null if applied, else an error message
     */
    public String apply(final Map<String, Object> cmd)
    {
        final String fault = cmd == null ? null : String.valueOf(cmd.get("fault"));
        final double value = number(cmd, "value", number(cmd, "count", number(cmd, "ms", number(cmd, "fraction", 1))));
        switch (fault == null ? "" : fault.toLowerCase(Locale.ROOT))
        {
            case "dropconnections":
                dropConnections();
                return null;
            case "stallstreams":
                stallStreamsMs((long)value);
                return null;
            case "corruptchecksum":
                corruptChecksums((int)value);
                return null;
            case "skipupdate":
                skipUpdates((int)value);
                return null;
            case "restdelay":
                restDelayMs((long)value);
                return null;
            case "restdrop":
                restDropFraction(value);
                return null;
            case "rejectorders":
                rejectOrderFraction(value);
                return null;
            case "http429":
                http429Burst((int)value);
                return null;
            case "http5xx":
                http5xx((int)value);
                return null;
            case "pseqgap":
                pseqGaps((int)value);
                return null;
            case "ackdelay":
                ackDelayMs((long)value);
                return null;
            case "refusesubscribe":
                refuseSubscribes((int)value);
                return null;
            case "refuselogin":
                refuseLogins((int)value);
                return null;
            case "clockstep":
                clockStepMs((long)value);
                return null;
            case "dropprivatepushes":
                if (cmd.containsKey("ms"))
                {
                    dropPrivatePushesMs((long)value);
                }
                else
                {
                    dropPrivatePushes((int)value);
                }
                return null;
            case "duplicatepushes":
                duplicatePushFraction(value);
                return null;
            case "reorderpushes":
                reorderPushFraction(value);
                return null;
            case "partialfills":
                partialFillFraction(value);
                return null;
            case "clear":
                clear();
                return null;
            default:
                return "unknown fault " + fault;
        }
    }

    private static double number(final Map<String, Object> cmd, final String key, final double dflt)
    {
        final Object v = cmd == null ? null : cmd.get(key);
        if (v instanceof Number)
        {
            return ((Number)v).doubleValue();
        }
        if (v instanceof String)
        {
            try
            {
                return Double.parseDouble((String)v);
            }
            catch (final NumberFormatException ex)
            {
                return dflt;
            }
        }
        return dflt;
    }

    public void dropAction(final Runnable action)
    {
        dropAction = action;
    }

    /** Venue side: true if this books update should carry a bad checksum (and counts it). */
    public boolean takeCorruptChecksum()
    {
        if (corruptChecksums.get() > 0 && corruptChecksums.getAndDecrement() > 0)
        {
            checksumCorruptionsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if this books update should be skipped (and counts it). */
    public boolean takeSkipUpdate()
    {
        if (skipUpdates.get() > 0 && skipUpdates.getAndDecrement() > 0)
        {
            updatesSkipped.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if this v3 books update should carry a broken pseq (and counts it). */
    public boolean takePseqGap()
    {
        if (pseqGaps.get() > 0 && pseqGaps.getAndDecrement() > 0)
        {
            pseqGapsInjected.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if the next REST reply should be a 429. */
    public boolean take429()
    {
        if (http429.get() > 0 && http429.getAndDecrement() > 0)
        {
            http429Sent.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if the next REST reply should be a 500. */
    public boolean take5xx()
    {
        if (http5xx.get() > 0 && http5xx.getAndDecrement() > 0)
        {
            http5xxSent.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if this subscribe request is to be refused with 30006 (and counts it). */
    public boolean takeRefuseSubscribe()
    {
        return take(refuseSubscribes, subscribesRefused);
    }

    /** Venue side: true if this login is to be refused with 30005 (and counts it). */
    public boolean takeRefuseLogin()
    {
        return take(refuseLogins, loginsRefused);
    }

    /** Venue side: true if this private push is to be dropped (and counts it). */
    public boolean takeDropPrivatePush()
    {
        if (System.currentTimeMillis() < dropPrivatePushesUntilMs || take(dropPrivatePushes, null))
        {
            privatePushesDropped.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Venue side: true if this private push is to be sent twice, given a uniform draw in [0, 1) (and counts it). */
    public boolean takeDuplicatePush(final double draw)
    {
        return draw(draw, duplicatePushFraction, privatePushesDuplicated);
    }

    /** Venue side: true if this private push is to be held back behind the next, given a draw (and counts it). */
    public boolean takeReorderPush(final double draw)
    {
        return draw(draw, reorderPushFraction, privatePushesReordered);
    }

    /** Venue side: true if this taker is to fill an account order only partly, given a draw (and counts it). */
    public boolean takePartialFill(final double draw)
    {
        return draw(draw, partialFillFraction, partialFillsInjected);
    }

    private static boolean draw(final double draw, final double fraction, final AtomicLong counter)
    {
        if (fraction > 0 && draw < fraction)
        {
            counter.incrementAndGet();
            return true;
        }
        return false;
    }

    private static boolean take(final AtomicInteger remaining, final AtomicLong counter)
    {
        if (remaining.get() > 0 && remaining.getAndDecrement() > 0)
        {
            if (counter != null)
            {
                counter.incrementAndGet();
            }
            return true;
        }
        return false;
    }

    /**
     * The venue's wall clock: the local clock plus every {@link #clockStepMs clock step}. Everything the venue
     * stamps or checks against "now" reads this.
     *
     * @return epoch ms.
     */
    public long clockMs()
    {
        return System.currentTimeMillis() + clockStepMs;
    }

    /** Venue side: true while streams are stalled. */
    public boolean stalled(final long nowMs)
    {
        return nowMs < stallUntilMs;
    }

    public long restDelayMs()
    {
        return restDelayMs;
    }

    public double restDropFraction()
    {
        return restDropFraction;
    }

    public double rejectOrderFraction()
    {
        return rejectOrderFraction;
    }

    public long ackDelayMs()
    {
        return ackDelayMs;
    }

    public void countDrop()
    {
        restRepliesDropped.incrementAndGet();
    }

    public void countReject()
    {
        ordersRejected.incrementAndGet();
    }

    public void countConnectionDropped()
    {
        connectionsDropped.incrementAndGet();
    }

    public long checksumCorruptionsInjected()
    {
        return checksumCorruptionsInjected.get();
    }

    public long updatesSkipped()
    {
        return updatesSkipped.get();
    }

    public long restRepliesDropped()
    {
        return restRepliesDropped.get();
    }

    public long ordersRejected()
    {
        return ordersRejected.get();
    }

    public long http429Sent()
    {
        return http429Sent.get();
    }

    public long http5xxSent()
    {
        return http5xxSent.get();
    }

    public long connectionsDropped()
    {
        return connectionsDropped.get();
    }

    public long subscribesRefused()
    {
        return subscribesRefused.get();
    }

    public long loginsRefused()
    {
        return loginsRefused.get();
    }

    public long clockSteps()
    {
        return clockSteps.get();
    }

    /** @return the venue clock's current offset from the local clock, ms. */
    public long clockOffsetMs()
    {
        return clockStepMs;
    }

    public long privatePushesDropped()
    {
        return privatePushesDropped.get();
    }

    public long privatePushesDuplicated()
    {
        return privatePushesDuplicated.get();
    }

    public long privatePushesReordered()
    {
        return privatePushesReordered.get();
    }

    public long partialFillsInjected()
    {
        return partialFillsInjected.get();
    }

    /** v3 books updates sent with a broken pseq chain on purpose. */
    public long pseqGapsInjected()
    {
        return pseqGapsInjected.get();
    }
}
