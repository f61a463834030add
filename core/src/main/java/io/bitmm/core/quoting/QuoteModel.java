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
    private final double asHalfSpreadTicks;

    /**
     * @param parameters the coefficients.
     */
    public QuoteModel(final QuoteParameters parameters)
    {
        this.parameters = parameters;
        final double gamma = parameters.gamma();
        final double kappa = parameters.kappa();
        final double sigma = parameters.sigmaTicks();
        this.glftC1 = Math.log(1.0 + gamma / kappa) / gamma;
        this.glftC2 = Math.sqrt(gamma / (2.0 * parameters.arrivalRateA() * kappa) *
            Math.pow(1.0 + gamma / kappa, 1.0 + kappa / gamma));
        this.asHalfSpreadTicks = gamma * sigma * sigma / 2.0 + glftC1;
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
        final double reservationTicks = fairTicks - skewTicks(q);
        final double halfSpreadTicks = halfSpreadTicks();
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

    private double skewTicks(final double q)
    {
        if (parameters.skewModel() == SkewModel.GLFT)
        {
            return q * parameters.sigmaTicks() * glftC2;
        }
        return q * parameters.gamma() * parameters.sigmaTicks() * parameters.sigmaTicks();
    }

    private double halfSpreadTicks()
    {
        if (parameters.skewModel() == SkewModel.GLFT)
        {
            return glftC1 + parameters.sigmaTicks() * glftC2 / 2.0;
        }
        return asHalfSpreadTicks;
    }

    private static long ceilDiv(final long a, final long b)
    {
        return -Math.floorDiv(-a, b);
    }
}
