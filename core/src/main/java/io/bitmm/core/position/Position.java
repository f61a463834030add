package io.bitmm.core.position;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;

/**
 * Position and PnL of one instrument, from our fills. Size in the instrument's size units (signed: long is
 * positive); cost, PnL and fees in quote {@link io.bitmm.core.instrument.Amounts} units. The cost basis is the
 * signed quote value of the open position (positive when long); closing part of it releases cost in proportion
 * and books the difference as realized PnL. Also tracks how the base and quote holdings changed, net of fees
 * charged in each, so a system test can compare with the venue's balances.
 * <p>
 * A USDT-M perpetual's position is the same signed size (contracts, in size units) with its entry price
 * ({@link #averageCost()}), realized PnL on reducing fills, fees, and in addition funding payments
 * ({@link #onFunding}) and the venue's mark price ({@link #onMarkPrice}): once one arrived, unrealized PnL is taken
 * against it rather than the book's mid. The venue's own view of the position ({@link #onVenuePosition}) is kept
 * beside the engine's for reconciliation; the engine's position is always the one built from fills.
 */
public final class Position
{
    private static final long PPM = 1_000_000L;

    private final Instrument instrument;
    private long size;
    private long cost;
    private long realizedPnl;
    private long fees;
    private long baseHoldingsChange;
    private long quoteHoldingsChange;
    private long markPrice;
    private long buyFills;
    private long sellFills;
    private long otherAssetFeeFills;
    private boolean costPending;
    private long funding;
    private long fundingPayments;
    private long venueMarkPrice;
    private long venueSize;
    private long venueEntryPrice;
    private long venueUnrealizedPnl;
    private long venueSnapshots;

    /**
     * @param instrument the instrument.
     */
    public Position(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    /**
     * Start from a position held before this run (a restart: the venue's balance against the inventory target). Its
     * cost basis is unknown, so it is taken at the first mark or fill price the core sees: PnL counts from then.
     *
     * @param startSize signed size, size units.
     */
    public void start(final long startSize)
    {
        size = startSize;
        cost = 0;
        costPending = startSize != 0;
    }

    /**
     * Start from the venue's position at reconciliation (a perpetual's start POSITION_SNAPSHOT), replacing the
     * configured start: its cost basis is the venue's entry price when known, else the first mark or fill price.
     * Only before the first fill; later a venue report is recorded, never adopted ({@link #onVenuePosition}).
     *
     * @param startSize  signed size, size units.
     * @param entryPrice the venue's average entry price, price units; 0 when unknown.
     * @return false (nothing changed) when a fill was already booked.
     */
    public boolean startFromVenue(final long startSize, final long entryPrice)
    {
        if (buyFills + sellFills > 0)
        {
            return false;
        }
        start(startSize);
        if (startSize != 0 && entryPrice > 0)
        {
            costPending = false;
            cost = InstrumentRules.notionalAmount(instrument, entryPrice, startSize);
        }
        return true;
    }

    /**
     * Apply one fill.
     *
     * @param side       our side.
     * @param price      price units.
     * @param fillSize   size units, &gt; 0.
     * @param maker      whether we were the maker (picks the configured rate when the fill carries no fee).
     * @param fee        fee paid in amount units of {@code feeAssetId} (negative is a rebate received).
     * @param feeAssetId the fee's asset, -1 when the fill carries none (the instrument's rate then applies); another
     *                   asset than base or quote (BGB, {@code InboundEvent.FEE_ASSET_OTHER}) changes neither holding
     *                   and is not in {@link #fees()}.
     */
    public void onFill(
        final Side side, final long price, final long fillSize, final boolean maker, final long fee, final int feeAssetId)
    {
        priceStartPosition(price);
        final long delta = side == Side.BUY ? fillSize : -fillSize;
        final long notional = InstrumentRules.notionalAmount(instrument, price, fillSize);
        applyCost(delta, price, fillSize, notional);
        size += delta;
        baseHoldingsChange += InstrumentRules.sizeToAmount(instrument, delta);
        quoteHoldingsChange += side == Side.BUY ? -notional : notional;
        applyFee(price, notional, maker, fee, feeAssetId);
        if (side == Side.BUY)
        {
            buyFills++;
        }
        else
        {
            sellFills++;
        }
        if (markPrice == 0)
        {
            markPrice = price;
        }
    }

    /**
     * @param price mark price (mid), price units; 0 keeps the last.
     */
    public void mark(final long price)
    {
        if (price > 0)
        {
            priceStartPosition(price);
            markPrice = price;
        }
    }

    /**
     * The venue's mark price of a perpetual: unrealized PnL is taken against it from now on.
     *
     * @param price mark price, price units; 0 or less is ignored.
     */
    public void onMarkPrice(final long price)
    {
        if (price > 0)
        {
            priceStartPosition(price);
            venueMarkPrice = price;
        }
    }

    /**
     * A funding settlement.
     *
     * @param amount quote amount units, positive received, negative paid.
     */
    public void onFunding(final long amount)
    {
        funding += amount;
        fundingPayments++;
    }

    /**
     * The venue's view of the position (reconciliation); does not change the engine's.
     *
     * @param signedSize    contracts, size units, long positive.
     * @param entryPrice    the venue's average entry price, price units.
     * @param unrealizedPnl the venue's unrealized PnL, quote amount units.
     */
    public void onVenuePosition(final long signedSize, final long entryPrice, final long unrealizedPnl)
    {
        venueSize = signedSize;
        venueEntryPrice = entryPrice;
        venueUnrealizedPnl = unrealizedPnl;
        venueSnapshots++;
    }

    private void priceStartPosition(final long price)
    {
        if (costPending)
        {
            costPending = false;
            cost = InstrumentRules.notionalAmount(instrument, price, size);
        }
    }

    /**
     * @return signed size, size units.
     */
    public long size()
    {
        return size;
    }

    /**
     * @return average entry price of the open position, price units (rounded), 0 when flat.
     */
    public long averageCost()
    {
        if (size == 0)
        {
            return 0;
        }
        final double scale = (double)DecimalParser.powerOfTen(instrument.priceScale() + instrument.sizeScale()) /
            (double)Amounts.ONE;
        return Math.round((double)Math.abs(cost) * scale / (double)Math.abs(size));
    }

    /**
     * @return signed cost basis of the open position, quote amount units.
     */
    public long cost()
    {
        return cost;
    }

    public long realizedPnl()
    {
        return realizedPnl;
    }

    /**
     * @return the open position's value at the mark minus its cost, quote amount units.
     */
    public long unrealizedPnl()
    {
        if (size == 0)
        {
            return 0;
        }
        return InstrumentRules.notionalAmount(instrument, valuationPrice(), size) - cost;
    }

    /**
     * @return the price unrealized PnL is taken at: the venue's mark price once one arrived, else the book's mid.
     */
    public long valuationPrice()
    {
        return venueMarkPrice > 0 ? venueMarkPrice : markPrice;
    }

    /**
     * @return the venue's last mark price, price units; 0 before any.
     */
    public long venueMarkPrice()
    {
        return venueMarkPrice;
    }

    /**
     * @return funding received minus funding paid, quote amount units.
     */
    public long funding()
    {
        return funding;
    }

    /**
     * @return funding settlements applied.
     */
    public long fundingPayments()
    {
        return fundingPayments;
    }

    /**
     * @return change of a perpetual's margin balance from this position: realized PnL - fees + funding, quote amount
     *         units.
     */
    public long marginBalanceChange()
    {
        return realizedPnl - fees + funding;
    }

    /**
     * @return the venue's last reported position, contracts in size units (signed); 0 before any report.
     */
    public long venueSize()
    {
        return venueSize;
    }

    /**
     * @return the venue's last reported entry price, price units.
     */
    public long venueEntryPrice()
    {
        return venueEntryPrice;
    }

    /**
     * @return the venue's last reported unrealized PnL, quote amount units.
     */
    public long venueUnrealizedPnl()
    {
        return venueUnrealizedPnl;
    }

    /**
     * @return venue position reports received.
     */
    public long venueSnapshots()
    {
        return venueSnapshots;
    }

    /**
     * @return fees paid in quote amount units (fees charged in the base coin converted at the fill price); negative
     *         when rebates received exceed fees paid.
     */
    public long fees()
    {
        return fees;
    }

    /**
     * @return realized + unrealized - fees + funding, quote amount units.
     */
    public long totalPnl()
    {
        return realizedPnl + unrealizedPnl() - fees + funding;
    }

    /**
     * @return change of the base coin holding, base amount units, net of fees charged in the base coin.
     */
    public long baseHoldingsChange()
    {
        return baseHoldingsChange;
    }

    /**
     * @return change of the quote coin holding, quote amount units, net of fees charged in the quote coin.
     */
    public long quoteHoldingsChange()
    {
        return quoteHoldingsChange;
    }

    public long markPrice()
    {
        return markPrice;
    }

    public long buyFills()
    {
        return buyFills;
    }

    public long sellFills()
    {
        return sellFills;
    }

    /**
     * @return fills whose fee was paid in an asset that is neither the base nor the quote coin (BGB deduction): not
     *         in {@link #fees()}, and not in either holdings change.
     */
    public long otherAssetFeeFills()
    {
        return otherAssetFeeFills;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    private void applyCost(final long delta, final long price, final long fillSize, final long notional)
    {
        final boolean reduces = size != 0 && (size > 0) != (delta > 0);
        if (!reduces)
        {
            cost += delta > 0 ? notional : -notional;
            return;
        }
        final long absSize = Math.abs(size);
        final long closed = Math.min(fillSize, absSize);
        final long released = closed == absSize ? cost : Math.round((double)cost * (double)closed / (double)absSize);
        final long closedValue = closed == fillSize ? notional : InstrumentRules.notionalAmount(instrument, price, closed);
        realizedPnl += (size > 0 ? closedValue : -closedValue) - released;
        cost -= released;
        final long opened = fillSize - closed;
        if (opened > 0)
        {
            final long openedValue = notional - closedValue;
            cost = delta > 0 ? openedValue : -openedValue;
        }
    }

    private void applyFee(final long price, final long notional, final boolean maker, final long fee, final int feeAssetId)
    {
        if (feeAssetId < 0 && feeAssetId != InboundEvent.FEE_ASSET_OTHER)
        {
            final long rate = maker ? instrument.makerFeePpm() : instrument.takerFeePpm();
            final long computed = Math.round((double)notional * (double)rate / (double)PPM);
            fees += computed;
            quoteHoldingsChange -= computed;
        }
        else if (feeAssetId == instrument.baseAssetId())
        {
            baseHoldingsChange -= fee;
            final double priceValue = (double)price / (double)DecimalParser.powerOfTen(instrument.priceScale());
            fees += Math.round((double)fee * priceValue);
        }
        else if (feeAssetId == instrument.quoteAssetId())
        {
            fees += fee;
            quoteHoldingsChange -= fee;
        }
        else
        {
            otherAssetFeeFills++;
        }
    }
}
