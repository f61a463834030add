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
}
