package io.bitmm.core.risk;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;

/**
 * Pre-trade checks on every new or replaced order, the order-rate budgets (Bitget's per-UID limits as token
 * buckets on event time), and the max-loss kill switch. Allocation-free; every answer is a {@link RiskReason}.
 */
public final class RiskManager
{
    private static final long PPM = 1_000_000L;

    private final InstrumentLimits[] limits;
    private final int maxOpenOrders;
    private final long priceBandPpm;
    private final long staleBookNanos;
    private final long maxLossAmount;
    private final long reduceLossAmount;
    private final RequestWindow placeBucket;
    private final RequestWindow cancelBucket;
    private final RequestWindow replaceBucket;
    private RiskState state = RiskState.ACTIVE;

    /**
     * @param limits              per instrument id.
     * @param maxOpenOrders       most open orders across instruments.
     * @param priceBandPpm        largest distance of a price from fair value, parts per million (the instrument's
     *                            own ratio applies too when tighter).
     * @param staleBookNanos      oldest book quoted from.
     * @param placePerSecond      place-order budget.
     * @param cancelPerSecond     cancel budget.
     * @param replacePerSecond    replace, batch and cancel-all budget.
     * @param rateWindowNanos     the budgets' window: one second plus a margin ({@link RequestWindow}).
     * @param maxLossAmount       loss (quote amount units, positive) that halts.
     * @param reduceLossAmount    loss that switches to reducing.
     */
    public RiskManager(
        final InstrumentLimits[] limits,
        final int maxOpenOrders,
        final long priceBandPpm,
        final long staleBookNanos,
        final long placePerSecond,
        final long cancelPerSecond,
        final long replacePerSecond,
        final long rateWindowNanos,
        final long maxLossAmount,
        final long reduceLossAmount)
    {
        this.limits = limits.clone();
        this.maxOpenOrders = maxOpenOrders;
        this.priceBandPpm = priceBandPpm;
        this.staleBookNanos = staleBookNanos;
        this.placeBucket = new RequestWindow(placePerSecond, rateWindowNanos);
        this.cancelBucket = new RequestWindow(cancelPerSecond, rateWindowNanos);
        this.replaceBucket = new RequestWindow(replacePerSecond, rateWindowNanos);
        this.maxLossAmount = maxLossAmount;
        this.reduceLossAmount = reduceLossAmount;
    }

    /**
     * @return the place-rate budget (read it on the core thread only).
     */
    public RequestWindow placeBudget()
    {
        return placeBucket;
    }

    /**
     * @return the cancel-rate budget (read it on the core thread only).
     */
    public RequestWindow cancelBudget()
    {
        return cancelBucket;
    }

    /**
     * @return the replace-rate budget (read it on the core thread only).
     */
    public RequestWindow replaceBudget()
    {
        return replaceBucket;
    }

    /**
     * @return the risk state.
     */
    public RiskState state()
    {
        return state;
    }

    public InstrumentLimits limits(final int instrumentId)
    {
        return limits[instrumentId];
    }

    /**
     * Stale-book guard.
     *
     * @param book     the book.
     * @param nowNanos event time.
     * @return {@link RiskReason#NONE}, {@link RiskReason#BOOK_INVALID} or {@link RiskReason#STALE_BOOK}.
     */
    public RiskReason checkBook(final OrderBook book, final long nowNanos)
    {
        if (!book.isValid())
        {
            return RiskReason.BOOK_INVALID;
        }
        return nowNanos - book.lastUpdateNanos() > staleBookNanos ? RiskReason.STALE_BOOK : RiskReason.NONE;
    }

    /**
     * Check one order against every static limit (not the rate budgets).
     *
     * @param instrument     the instrument.
     * @param side           side.
     * @param price          price units.
     * @param size           size units.
     * @param fairValue      fair value, price units.
     * @param position       signed position, size units.
     * @param sameSideAhead  size of this side's better levels already approved in this pass, size units.
     * @param openOrders     open orders now, not counting the one this order replaces.
     * @return {@link RiskReason#NONE} or the first reason to refuse.
     */
    public RiskReason checkOrder(
        final Instrument instrument,
        final Side side,
        final long price,
        final long size,
        final long fairValue,
        final long position,
        final long sameSideAhead,
        final int openOrders)
    {
        if (state == RiskState.HALTED)
        {
            return RiskReason.HALTED;
        }
        final RiskReason positionReason = checkPosition(instrument, side, size, position, sameSideAhead, fairValue);
        if (positionReason != RiskReason.NONE)
        {
            return positionReason;
        }
        final InstrumentLimits limit = limits[instrument.id()];
        if (size > limit.maxOrderSize())
        {
            return RiskReason.MAX_ORDER_SIZE;
        }
        final int gridCode = InstrumentRules.checkOrder(instrument, price, size);
        if (gridCode == InstrumentRules.BELOW_MIN_NOTIONAL)
        {
            return RiskReason.MIN_NOTIONAL;
        }
        if (gridCode != InstrumentRules.OK)
        {
            return RiskReason.OFF_GRID;
        }
        if (InstrumentRules.notionalAmount(instrument, price, size) > limit.maxOrderNotional())
        {
            return RiskReason.MAX_ORDER_NOTIONAL;
        }
        if (openOrders >= maxOpenOrders || openOrders >= instrument.maxOpenOrders())
        {
            return RiskReason.MAX_OPEN_ORDERS;
        }
        return outsideBand(instrument, side, price, fairValue) ? RiskReason.PRICE_BAND : RiskReason.NONE;
    }

    /**
     * @param nowNanos event time.
     * @return true, spending a slot, when a place fits the budget.
     */
    public boolean tryPlace(final long nowNanos)
    {
        return placeBucket.tryAcquire(nowNanos);
    }

    /**
     * @param nowNanos event time.
     * @return true, spending a slot, when a cancel fits the budget.
     */
    public boolean tryCancel(final long nowNanos)
    {
        return cancelBucket.tryAcquire(nowNanos);
    }

    /**
     * @param nowNanos event time.
     * @return true, spending a slot, when a replace, batch or cancel-all fits the budget.
     */
    public boolean tryReplace(final long nowNanos)
    {
        return replaceBucket.tryAcquire(nowNanos);
    }

    /**
     * Feed the kill switch the total PnL (realized + unrealized - fees, quote amount units).
     *
     * @param totalPnlAmount the PnL now.
     * @return the state after the update.
     */
    public RiskState onPnl(final long totalPnlAmount)
    {
        if (state == RiskState.HALTED)
        {
            return state;
        }
        if (totalPnlAmount <= -maxLossAmount)
        {
            state = RiskState.HALTED;
        }
        else if (totalPnlAmount <= -reduceLossAmount)
        {
            state = RiskState.REDUCING;
        }
        else
        {
            state = RiskState.ACTIVE;
        }
        return state;
    }

    /**
     * Halt for good (operator stop).
     */
    public void halt()
    {
        state = RiskState.HALTED;
    }

    /**
     * Whether the position is at an inventory limit: the side that would grow it is refused for a position reason
     * (in contracts, in notional, the soft limit, or the kill switch reducing). The core then quotes the reducing side
     * only, reduce-only on a perpetual.
     *
     * @param instrument the instrument.
     * @param position   signed position, size units.
     * @param size       the size of one quote, size units.
     * @param fairValue  fair value, price units.
     * @return {@link RiskReason#NONE} when flat or below every limit, else the reason growing it is refused.
     */
    public RiskReason growthRefusal(final Instrument instrument, final long position, final long size, final long fairValue)
    {
        if (position == 0)
        {
            return RiskReason.NONE;
        }
        return checkPosition(instrument, position > 0 ? Side.BUY : Side.SELL, size, position, 0, fairValue);
    }

    private RiskReason checkPosition(
        final Instrument instrument, final Side side, final long size, final long position, final long sameSideAhead,
        final long fairValue)
    {
        final InstrumentLimits limit = limits[instrument.id()];
        final boolean buy = side == Side.BUY;
        final boolean reduces = buy ? position < 0 : position > 0;
        if (state == RiskState.REDUCING && !reduces)
        {
            return RiskReason.REDUCING;
        }
        final long after = buy ? position + sameSideAhead + size : position - sameSideAhead - size;
        if (Math.abs(after) > limit.maxPosition() && Math.abs(after) > Math.abs(position))
        {
            return RiskReason.MAX_POSITION;
        }
        if (Math.abs(position) > limit.softLimit() && !reduces)
        {
            return RiskReason.SOFT_LIMIT;
        }
        if (limit.maxPositionNotional() > 0 && Math.abs(after) > Math.abs(position) &&
            InstrumentRules.notionalAmount(instrument, fairValue, Math.abs(after)) > limit.maxPositionNotional())
        {
            return RiskReason.MAX_POSITION_NOTIONAL;
        }
        return RiskReason.NONE;
    }

    private boolean outsideBand(final Instrument instrument, final Side side, final long price, final long fairValue)
    {
        final long instrumentRatio = side == Side.BUY ? instrument.buyLimitPriceRatioPpm() : instrument.sellLimitPriceRatioPpm();
        final long bandPpm = instrumentRatio > 0 ? Math.min(priceBandPpm, instrumentRatio) : priceBandPpm;
        final double distance = Math.abs((double)price - (double)fairValue);
        return distance * PPM > (double)bandPpm * (double)fairValue;
    }
}
