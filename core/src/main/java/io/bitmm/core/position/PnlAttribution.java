package io.bitmm.core.position;

import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;

/**
 * Where one instrument's PnL came from, marked to the book's mid like {@link Position}: spread captured (each fill's
 * price against the mid at the fill), inventory PnL (mid moves on the position held), fees (positive paid, negative
 * a rebate) and funding (perpetuals; zero for spot). {@code spread + inventory - fees + funding} equals
 * {@link Position#totalPnl()} up to the position's rounding of released cost (a unit of 10^-8 per fill).
 * <p>
 * Markouts: for each fill, the mid's move 1 s, 5 s and 30 s of event time later, in our favour (a buy gains when
 * the mid rises), in basis points of the mid at the fill; averaged per side. Negative is adverse selection. The
 * mid is sampled at the first book event at or after the horizon. Fills still pending when the
 * {@value #MARKOUT_CAPACITY}-fill queue of a horizon is full drop its oldest (counted in {@link #markoutsDropped()}).
 * <p>
 * Allocation-free; fed by the core on its thread, read by the summary after the core stopped.
 */
public final class PnlAttribution
{
    /** Markout horizons, seconds. */
    public static final int[] MARKOUT_SECONDS = {1, 5, 30};
    /** Pending fills per horizon. */
    public static final int MARKOUT_CAPACITY = 1024;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Instrument instrument;
    private long spreadCaptured;
    private long inventoryPnl;
    private long fees;
    private long funding;
    private long fills;
    private long markoutsDropped;
    private final long[][] pendingTime = new long[MARKOUT_SECONDS.length][MARKOUT_CAPACITY];
    private final long[][] pendingMid = new long[MARKOUT_SECONDS.length][MARKOUT_CAPACITY];
    private final boolean[][] pendingBuy = new boolean[MARKOUT_SECONDS.length][MARKOUT_CAPACITY];
    private final int[] head = new int[MARKOUT_SECONDS.length];
    private final int[] count = new int[MARKOUT_SECONDS.length];
    /** [horizon][0 buy, 1 sell]: sum of markouts in bp, and how many. */
    private final double[][] markoutSumBps = new double[MARKOUT_SECONDS.length][2];
    private final long[][] markoutCount = new long[MARKOUT_SECONDS.length][2];

    /**
     * @param instrument the instrument (scales).
     */
    public PnlAttribution(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    /**
     * A fill, after {@link Position#onFill} applied it.
     *
     * @param side       our side.
     * @param price      fill price, price units.
     * @param size       fill size, size units, &gt; 0.
     * @param midBefore  the position's mark (mid) before the fill, price units; 0 when there was none (the fill
     *                   price then stands for it, as in {@link Position}).
     * @param fee        the fee {@link Position} booked for this fill, quote amount units (negative: a rebate).
     * @param nowNanos   event time.
     */
    public void onFill(final Side side, final long price, final long size, final long midBefore, final long fee,
        final long nowNanos)
    {
        final long mid = midBefore > 0 ? midBefore : price;
        final long atMid = InstrumentRules.notionalAmount(instrument, mid, size);
        final long atPrice = InstrumentRules.notionalAmount(instrument, price, size);
        final boolean buy = side == Side.BUY;
        spreadCaptured += buy ? atMid - atPrice : atPrice - atMid;
        fees += fee;
        fills++;
        for (int h = 0; h < MARKOUT_SECONDS.length; h++)
        {
            if (count[h] == MARKOUT_CAPACITY)
            {
                head[h] = (head[h] + 1) % MARKOUT_CAPACITY;
                count[h]--;
                markoutsDropped++;
            }
            final int at = (head[h] + count[h]) % MARKOUT_CAPACITY;
            pendingTime[h][at] = nowNanos + MARKOUT_SECONDS[h] * NANOS_PER_SECOND;
            pendingMid[h][at] = mid;
            pendingBuy[h][at] = buy;
            count[h]++;
        }
    }

    /**
     * A new mid, before {@link Position#mark} takes it.
     *
     * @param positionSize the position held while the mid moved, size units (signed).
     * @param oldMid       the position's mark before, price units; 0: none yet (nothing to attribute).
     * @param newMid       the new mid, price units, &gt; 0.
     * @param nowNanos     event time.
     */
    public void onMid(final long positionSize, final long oldMid, final long newMid, final long nowNanos)
    {
        if (oldMid > 0 && positionSize != 0 && newMid != oldMid)
        {
            inventoryPnl += InstrumentRules.notionalAmount(instrument, newMid, positionSize) -
                InstrumentRules.notionalAmount(instrument, oldMid, positionSize);
        }
        for (int h = 0; h < MARKOUT_SECONDS.length; h++)
        {
            while (count[h] > 0 && pendingTime[h][head[h]] <= nowNanos)
            {
                final int at = head[h];
                final long fillMid = pendingMid[h][at];
                final double move = (double)(newMid - fillMid) / (double)fillMid * 10_000.0;
                final int side = pendingBuy[h][at] ? 0 : 1;
                markoutSumBps[h][side] += pendingBuy[h][at] ? move : -move;
                markoutCount[h][side]++;
                head[h] = (at + 1) % MARKOUT_CAPACITY;
                count[h]--;
            }
        }
    }

    /** @return spread captured, quote amount units: sum over fills of (mid - price) x size for buys, (price - mid) x size for sells. */
    public long spreadCaptured()
    {
        return spreadCaptured;
    }

    /** @return inventory PnL, quote amount units: sum over mid moves of position x move. */
    public long inventoryPnl()
    {
        return inventoryPnl;
    }

    /** @return fees, quote amount units; positive paid, negative a net rebate. */
    public long fees()
    {
        return fees;
    }

    /**
     * A funding settlement of the perpetual's position.
     *
     * @param amount quote amount units, positive received, negative paid.
     */
    public void onFunding(final long amount)
    {
        funding += amount;
    }

    /** @return funding received (negative: paid), quote amount units; 0 for spot. */
    public long funding()
    {
        return funding;
    }

    /** @return spread + inventory - fees + funding, quote amount units. */
    public long total()
    {
        return spreadCaptured + inventoryPnl - fees + funding;
    }

    /** @return fills attributed. */
    public long fills()
    {
        return fills;
    }

    /** @return fills whose markout was dropped because a horizon's queue was full. */
    public long markoutsDropped()
    {
        return markoutsDropped;
    }

    /**
     * @param horizon index into {@link #MARKOUT_SECONDS}.
     * @param side    our side.
     * @return the average markout in bp (positive: the mid moved our way), NaN when none was measured.
     */
    public double markoutBps(final int horizon, final Side side)
    {
        final int s = side == Side.BUY ? 0 : 1;
        return markoutCount[horizon][s] == 0 ? Double.NaN : markoutSumBps[horizon][s] / markoutCount[horizon][s];
    }

    /**
     * @param horizon index into {@link #MARKOUT_SECONDS}.
     * @param side    our side.
     * @return how many fills the average covers.
     */
    public long markoutCount(final int horizon, final Side side)
    {
        return markoutCount[horizon][side == Side.BUY ? 0 : 1];
    }
}
