package io.bitmm.core.calibration;

/**
 * The mid's volatility over a rolling window of event time: the mid is sampled at the first update at or after each
 * {@code sampleNanos} boundary; the estimate is {@code sqrt(sum r^2 / sum dt)} over the last {@code windowSamples}
 * log returns {@code r} and their durations {@code dt} (the realized variance per second, no drift removed). In
 * basis points per square root of a second ("bp per second" in the settings). Deterministic ({@link StrictMath}),
 * allocation-free.
 */
public final class VolatilityEstimator
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final long sampleNanos;
    private final int minSamples;
    private final double[] squares;
    private final long[] durations;
    private int next;
    private int count;
    private double sumSquares;
    private long sumNanos;
    private long lastMid;
    private long lastNanos;

    /**
     * @param sampleNanos   sampling interval, ns, &gt; 0.
     * @param windowSamples returns kept, &gt; 0.
     * @param minSamples    returns needed before {@link #ready()}, 1 to {@code windowSamples}.
     */
    public VolatilityEstimator(final long sampleNanos, final int windowSamples, final int minSamples)
    {
        this.sampleNanos = sampleNanos;
        this.minSamples = minSamples;
        this.squares = new double[windowSamples];
        this.durations = new long[windowSamples];
    }

    /**
     * @param mid      the mid, price units, &gt; 0.
     * @param nowNanos event time.
     */
    public void onMid(final long mid, final long nowNanos)
    {
        if (mid <= 0)
        {
            return;
        }
        if (lastMid == 0)
        {
            lastMid = mid;
            lastNanos = nowNanos;
            return;
        }
        final long dt = nowNanos - lastNanos;
        if (dt < sampleNanos)
        {
            return;
        }
        final double r = StrictMath.log((double)mid / (double)lastMid);
        if (count == squares.length)
        {
            sumSquares -= squares[next];
            sumNanos -= durations[next];
        }
        else
        {
            count++;
        }
        squares[next] = r * r;
        durations[next] = dt;
        sumSquares += r * r;
        sumNanos += dt;
        next = (next + 1) % squares.length;
        lastMid = mid;
        lastNanos = nowNanos;
    }

    /** @return true once {@code minSamples} returns are in the window. */
    public boolean ready()
    {
        return count >= minSamples;
    }

    /** @return returns in the window. */
    public int samples()
    {
        return count;
    }

    /** @return volatility in basis points per square root of a second; 0 before the first return. */
    public double volatilityBps()
    {
        if (sumNanos <= 0)
        {
            return 0.0;
        }
        return StrictMath.sqrt(Math.max(0.0, sumSquares) * NANOS_PER_SECOND / (double)sumNanos) * 10_000.0;
    }
}
