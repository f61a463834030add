package io.bitmm.core.calibration;

/**
 * Order-arrival intensity at a distance from the mid, {@code lambda(delta) = A exp(-k delta)}, from public trades
 * (as in hftbacktest's GLFT market-making example): a trade at distance {@code d} ticks from the mid of the moment
 * would have filled a quote resting at any {@code delta <= d}, so it counts once for each grid depth
 * {@code delta_i = i x stepTicks <= d}. Over a rolling window of {@code windowSeconds} one-second buckets of event
 * time, {@code lambda_i = count_i / seconds}; {@code ln lambda_i = ln A - k delta_i} is fitted by least squares over
 * the depths with at least one arrival. {@code A} is per second, {@code k} per unit of distance (the core feeds
 * distances in basis points of the mid, so k is per bp). Deterministic
 * ({@link StrictMath}), allocation-free.
 */
public final class IntensityEstimator
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int depths;
    private final double stepTicks;
    private final int minTrades;
    private final long[][] buckets;
    private final long[] bucketTrades;
    private final long[] totals;
    private long trades;
    private long currentSecond = Long.MIN_VALUE;
    private long firstSecond = Long.MIN_VALUE;
    private double arrivalRateA;
    private double kappa;
    private boolean fitted;

    /**
     * @param depths        grid depths, &ge; 2.
     * @param stepTicks     grid spacing (the distance unit), &gt; 0.
     * @param windowSeconds window, seconds, &ge; 1.
     * @param minTrades     trades in the window before {@link #ready()}.
     */
    public IntensityEstimator(final int depths, final double stepTicks, final int windowSeconds, final int minTrades)
    {
        this.depths = depths;
        this.stepTicks = stepTicks;
        this.minTrades = minTrades;
        this.buckets = new long[windowSeconds][depths];
        this.bucketTrades = new long[windowSeconds];
        this.totals = new long[depths];
    }

    /**
     * @param distanceTicks the trade's distance from the mid (absolute; the grid's unit).
     * @param nowNanos      event time.
     */
    public void onTrade(final double distanceTicks, final long nowNanos)
    {
        advance(nowNanos);
        final int b = (int)Math.floorMod(currentSecond, (long)buckets.length);
        final int reach = (int)Math.min(depths - 1, Math.floor(Math.abs(distanceTicks) / stepTicks + 1e-9));
        for (int i = 0; i <= reach; i++)
        {
            buckets[b][i]++;
            totals[i]++;
        }
        bucketTrades[b]++;
        trades++;
    }

    /**
     * Moves the window to {@code nowNanos} and refits.
     *
     * @param nowNanos event time.
     */
    public void advance(final long nowNanos)
    {
        final long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        if (currentSecond == Long.MIN_VALUE)
        {
            currentSecond = second;
            firstSecond = second;
            return;
        }
        if (second <= currentSecond)
        {
            return;
        }
        final long steps = Math.min(second - currentSecond, buckets.length);
        for (long s = 1; s <= steps; s++)
        {
            final int b = (int)Math.floorMod(currentSecond + s, (long)buckets.length);
            for (int i = 0; i < depths; i++)
            {
                totals[i] -= buckets[b][i];
                buckets[b][i] = 0;
            }
            trades -= bucketTrades[b];
            bucketTrades[b] = 0;
        }
        currentSecond = second;
        fit();
    }

    private void fit()
    {
        final long seconds = Math.min(currentSecond - firstSecond, buckets.length);
        if (seconds <= 0 || trades < minTrades)
        {
            return;
        }
        double n = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < depths; i++)
        {
            if (totals[i] == 0)
            {
                break;
            }
            final double x = i * stepTicks;
            final double y = StrictMath.log((double)totals[i] / (double)seconds);
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        final double denominator = n * sxx - sx * sx;
        if (n < 2 || denominator <= 0)
        {
            return;
        }
        final double slope = (n * sxy - sx * sy) / denominator;
        if (slope >= 0)
        {
            return;
        }
        kappa = -slope;
        arrivalRateA = StrictMath.exp((sy - slope * sx) / n);
        fitted = true;
    }

    /** @return true once a fit with at least {@code minTrades} trades in the window exists. */
    public boolean ready()
    {
        return fitted;
    }

    /** @return trades in the window. */
    public long trades()
    {
        return trades;
    }

    /** @return fitted A: arrivals per second at the mid; 0 before the first fit. */
    public double arrivalRateA()
    {
        return arrivalRateA;
    }

    /** @return fitted k: decay of the intensity per unit of distance; 0 before the first fit. */
    public double kappa()
    {
        return kappa;
    }
}
