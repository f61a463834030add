package io.bitmm.sim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One futures position of the account: a side ({@code long}/{@code short}) of one perpetual. In one-way mode a
 * symbol has at most one non-empty position; in hedge mode one per side. Venue-thread only. Amounts in USDT.
 */
public final class Position
{
    /** The perpetual. */
    public final Instrument instrument;
    /** {@code long} or {@code short}. */
    public final String holdSide;
    /** Position id. */
    public final long posId;
    /** Open size in lots (never negative). */
    public long sizeLots;
    /** Average entry price. */
    public BigDecimal entryPrice = BigDecimal.ZERO;
    /** Initial margin held by the position. */
    public BigDecimal margin = BigDecimal.ZERO;
    /** {@code crossed} or {@code isolated}. */
    public String marginMode = "crossed";
    /** Leverage. */
    public int leverage = 1;
    /** Realized trading PnL (closing fills; fees and funding excluded). */
    public BigDecimal achievedProfits = BigDecimal.ZERO;
    /** Fees paid on this position's fills (positive = paid). */
    public BigDecimal totalFee = BigDecimal.ZERO;
    /** Funding settled on this position (positive = received, negative = paid). */
    public BigDecimal totalFunding = BigDecimal.ZERO;
    /** Lots reserved by open closing orders. */
    public long closingLots;
    /** Creation time (first open), epoch ms. */
    public long createdMs;
    /** Last change, epoch ms. */
    public long updatedMs;

    Position(final Instrument instrument, final String holdSide, final long posId)
    {
        this.instrument = instrument;
        this.holdSide = holdSide;
        this.posId = posId;
    }

    /** True for the long side. */
    public boolean isLong()
    {
        return "long".equals(holdSide);
    }

    /** Size in base coin. */
    public BigDecimal size()
    {
        return Decimals.big(sizeLots, instrument.quantityPrecision());
    }

    /** Lots that new closing orders may still reserve. */
    public long closableLots()
    {
        return sizeLots - closingLots;
    }

    /**
     * Unrealized PnL against a mark price: (mark - entry) x size, negated for a short.
     *
     * @param mark mark price
     * @return USDT
     */
    public BigDecimal unrealizedPnl(final BigDecimal mark)
    {
        if (sizeLots == 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal diff = mark.subtract(entryPrice).multiply(size());
        return (isLong() ? diff : diff.negate()).setScale(8, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** Net realized PnL: trading PnL plus funding minus fees. */
    public BigDecimal netRealized()
    {
        return achievedProfits.add(totalFunding).subtract(totalFee);
    }
}
