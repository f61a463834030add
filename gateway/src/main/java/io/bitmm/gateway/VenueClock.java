package io.bitmm.gateway;

/**
 * The venue's wall clock as seen from here: local epoch ms plus an offset measured with
 * {@code GET /api/v2/public/time}. Written by the order pool (each time request), read by every signer (REST
 * {@code ACCESS-TIMESTAMP}, the private stream's login). Thread-safe.
 */
public final class VenueClock
{
    private volatile long offsetMs;
    private volatile boolean synced;
    private volatile boolean resyncRequested;
    private final java.util.concurrent.atomic.AtomicLong resyncRequests = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @return the venue's time in epoch milliseconds.
     */
    public long epochMs()
    {
        return System.currentTimeMillis() + offsetMs;
    }

    /**
     * @return venue minus local, in ms.
     */
    public long offsetMs()
    {
        return offsetMs;
    }

    /**
     * @return true once an offset was measured.
     */
    public boolean synced()
    {
        return synced;
    }

    /**
     * Record a measurement: the server's time and the local send and receive times of the request.
     *
     * @param serverTimeMs the venue's {@code serverTime}.
     * @param sentMs       local epoch ms when the request was sent.
     * @param receivedMs   local epoch ms when the reply arrived.
     */
    public void update(final long serverTimeMs, final long sentMs, final long receivedMs)
    {
        offsetMs = serverTimeMs - (sentMs + (receivedMs - sentMs) / 2);
        synced = true;
    }

    /**
     * The venue refused a timestamp (REST 40008 / 40005, WebSocket login 30014 / 30013): measure the offset again now
     * instead of on the next idle-connection check. Any thread; the order pool sends the time request.
     */
    public void requestResync()
    {
        if (!resyncRequested)
        {
            resyncRequests.incrementAndGet();
        }
        resyncRequested = true;
    }

    /**
     * @return true when a re-sync was asked for and not yet started.
     */
    public boolean resyncRequested()
    {
        return resyncRequested;
    }

    /**
     * The re-sync's time request was sent.
     */
    public void resyncStarted()
    {
        resyncRequested = false;
    }

    /**
     * @return how many re-syncs were asked for (a burst of refusals counts once until the re-sync starts).
     */
    public long resyncRequests()
    {
        return resyncRequests.get();
    }
}
