package io.bitmm.core.quoting;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;

/**
 * Turns a book, an inventory and the {@link QuoteParameters} into {@link QuoteTargets}. The model math is in
 * doubles of tick units (deterministic on one JVM); results are rounded to the grid as {@code long}s, away from
 * the touch: bids down, asks up. Never quotes through the opposite touch (orders are post-only).
 */
public final class QuoteModel
{
    private final QuoteParameters parameters;
    private final double glftC1;
    private final double glftC2;

    /**
     * @param parameters the coefficients.
     */
    public QuoteModel(final QuoteParameters parameters)
    {
        this.parameters = parameters;
        final double gamma = parameters.gamma();
        final double kappa = parameters.kappa();
        this.glftC1 = Math.log(1.0 + gamma / kappa) / gamma;
        this.glftC2 = Math.sqrt(gamma / (2.0 * parameters.arrivalRateA() * kappa) *
            Math.pow(1.0 + gamma / kappa, 1.0 + kappa / gamma));
    }

    public QuoteParameters parameters()
    {
        return parameters;
    }

    /**
     * @param book       the instrument's book; needs both sides.
     * @param position   signed position in size units.
     * @param orderSize  size of one quote in size units (rounded down to the step here).
     * @param out        where to write the targets.
     */
    public void compute(final OrderBook book, final long position, final long orderSize, final QuoteTargets out)
    {
        quote(book, position, orderSize, parameters.sigmaTicks(), glftC1, glftC2, 1.0, out);
    }

    /**
     * As {@link #compute(OrderBook, long, long, QuoteTargets)} with calibrated coefficients in basis points of the mid
     * in place of the configured ones in ticks: the model's spread and skew come out in bp (gamma, configured, is
     * then per bp) and are converted to ticks with {@code ticksPerBp}.
     *
     * @param book         the instrument's book; needs both sides.
     * @param position     signed position in size units.
     * @param orderSize    size of one quote in size units.
     * @param sigmaBps     volatility over the quoting horizon, bp, &ge; 0.
     * @param kappa        fill intensity decay per bp of distance, &gt; 0.
     * @param arrivalRateA intensity at the mid, per second, &gt; 0.
     * @param ticksPerBp   ticks in one basis point of the mid, &gt; 0.
     * @param out          where to write the targets.
     */
    public void compute(final OrderBook book, final long position, final long orderSize, final double sigmaBps,
        final double kappa, final double arrivalRateA, final double ticksPerBp, final QuoteTargets out)
    {
        final double gamma = parameters.gamma();
        final double c1 = Math.log(1.0 + gamma / kappa) / gamma;
        final double c2 = Math.sqrt(gamma / (2.0 * arrivalRateA * kappa) * Math.pow(1.0 + gamma / kappa, 1.0 + kappa / gamma));
        quote(book, position, orderSize, sigmaBps, c1, c2, ticksPerBp, out);
    }

    private void quote(final OrderBook book, final long position, final long orderSize, final double sigma,
        final double c1, final double c2, final double unitTicks, final QuoteTargets out)
    {
        final Instrument instrument = book.instrument();
        final long size = InstrumentRules.roundSizeDown(instrument, orderSize);
        if (!book.hasTwoSides() || size <= 0)
        {
            out.invalid();
            return;
        }
        final double tick = instrument.tickUnits();
        final double fairTicks = fairValue(book) / tick;
        final double q = (double)position / (double)size;
        final double reservationTicks = fairTicks - skewTicks(q, sigma, c2) * unitTicks;
        final double halfSpreadTicks = halfSpreadTicks(sigma, c1, c2) * unitTicks;
        long bidTicks = (long)Math.floor(reservationTicks - halfSpreadTicks);
        long askTicks = (long)Math.ceil(reservationTicks + halfSpreadTicks);
        final long deficit = spreadFloorTicks(instrument, fairTicks) - (askTicks - bidTicks);
        if (deficit > 0)
        {
            bidTicks -= deficit / 2;
            askTicks += deficit - deficit / 2;
        }
        final long bestAskTicks = ceilDiv(book.askPrice(0), instrument.tickUnits());
        final long bestBidTicks = Math.floorDiv(book.bidPrice(0), instrument.tickUnits());
        bidTicks = Math.min(bidTicks, bestAskTicks - 1);
        askTicks = Math.max(askTicks, bestBidTicks + 1);
        final int levels = Math.min(parameters.levels(), out.capacity());
        final long tickUnits = instrument.tickUnits();
        for (int level = 0; level < levels; level++)
        {
            final long offset = (long)level * parameters.levelSpacingTicks();
            out.level(level, Math.max(bidTicks - offset, 1) * tickUnits, (askTicks + offset) * tickUnits, size);
        }
        out.set(levels, Math.round(fairTicks * tick), Math.round(reservationTicks * tick));
    }

    /**
     * @param instrument the instrument (its maker fee rate).
     * @param fairTicks  fair value in ticks.
     * @return the narrowest distance between our best bid and best ask, in ticks: the configured tick floor, or the
     *     round-trip maker fee plus the edge (rounded up to whole ticks) when that is wider.
     */
    public long spreadFloorTicks(final Instrument instrument, final double fairTicks)
    {
        final double feeTicks = Math.ceil(fairTicks * parameters.feeFloorFraction(instrument.makerFeePpm()) - 1e-9);
        return Math.max(parameters.spreadFloorTicks(), (long)feeTicks);
    }

    /**
     * @param book a book with two sides.
     * @return fair value in price units (not rounded).
     */
    public double fairValue(final OrderBook book)
    {
        final double bid = book.bidPrice(0);
        final double ask = book.askPrice(0);
        if (parameters.fairValueMode() == FairValueMode.MID)
        {
            return (bid + ask) / 2.0;
        }
        final double bidSize = book.bidSize(0);
        final double askSize = book.askSize(0);
        return (bid * askSize + ask * bidSize) / (bidSize + askSize);
    }

    private double skewTicks(final double q, final double sigma, final double c2)
    {
        if (parameters.skewModel() == SkewModel.GLFT)
        {
            return q * sigma * c2;
        }
        return q * parameters.gamma() * sigma * sigma;
    }

    private double halfSpreadTicks(final double sigma, final double c1, final double c2)
    {
        if (parameters.skewModel() == SkewModel.GLFT)
        {
            return c1 + sigma * c2 / 2.0;
        }
        return parameters.gamma() * sigma * sigma / 2.0 + c1;
    }

    private static long ceilDiv(final long a, final long b)
    {
        return -Math.floorDiv(-a, b);
    }
}
