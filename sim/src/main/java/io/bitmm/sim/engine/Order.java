package io.bitmm.sim.engine;

import java.math.BigDecimal;

/** One order in the book; synthetic liquidity and the API account's orders share this type. Venue-thread only. */
public final class Order
{
    /** Owner id of synthetic (generated) orders. */
    public static final int SYNTHETIC = 0;
    /** Owner id of the API account. */
    public static final int ACCOUNT = 1;

    public long orderId;
    public String clientOid = "";
    public int owner;
    public Instrument instrument;
    public Side side;
    public String orderType = "limit";
    public String force = "gtc";
    public String stpMode = "none";
    public long priceTicks;
    /** Base quantity in lots for limits and market sells; for a market buy, 0 (see quoteBudget). */
    public long sizeLots;
    /** Market buy: the quote amount to spend. */
    public BigDecimal quoteBudget;
    public long filledLots;
    /** Sum of price ticks × lots over fills (exact, in 10^-(pp+qp) quote units). */
    public long filledNotionalRaw;
    public BigDecimal feeTotal = BigDecimal.ZERO;
    public String feeCoin = "";
    public String status = "live";
    public String cancelReason = "";
    public long createdMs;
    public long updatedMs;
    /** True if a post-only order was cancelled because it would have taken liquidity (v3: post_only_fill_cancel). */
    public boolean postOnlyCrossed;
    /** Times the order was amended in place (v3 modify-order). */
    public int amendments;
    /** Reserved amount still frozen for this order (spot: quote for buys, base for sells; futures: USDT margin). */
    public BigDecimal frozen = BigDecimal.ZERO;
    /** Futures: {@code open} or {@code close} as requested (hedge mode), "" when one-way decides per fill. */
    public String tradeSide = "";
    /** Futures: {@code long}/{@code short}, the position this order opens or closes (hedge), or last touched (one-way). */
    public String posSide = "";
    /** Futures: reduce-only (one-way) or a hedge-mode close: it may only shrink a position. */
    public boolean reduceOnly;
    /** Futures: {@code crossed} or {@code isolated}. */
    public String marginMode = "crossed";
    /** Futures: leverage at placement. */
    public int leverage = 1;
    /** Futures: {@code one_way_mode} or {@code hedge_mode} at placement. */
    public String posMode = "";
    /** Futures: realized PnL of this order's closing fills (USDT). */
    public BigDecimal pnl = BigDecimal.ZERO;
    /** Futures: lots reserved on a position by this closing order (released as it fills or ends). */
    public long closingLots;

    /** Remaining lots. */
    public long remainingLots()
    {
        return sizeLots - filledLots;
    }

    /** True if still working. */
    public boolean isOpen()
    {
        return "live".equals(status) || "partially_filled".equals(status);
    }

    /** Average fill price as a string with the instrument's decimals (0 if none). */
    public String priceAvg()
    {
        if (filledLots == 0)
        {
            return "0";
        }
        return Decimals.big(filledNotionalRaw, instrument.pricePrecision() + instrument.quantityPrecision())
            .divide(Decimals.big(filledLots, instrument.quantityPrecision()), instrument.pricePrecision(),
                java.math.RoundingMode.HALF_UP)
            .toPlainString();
    }

    /** Filled quote volume. */
    public BigDecimal quoteVolume()
    {
        return Decimals.big(filledNotionalRaw, instrument.pricePrecision() + instrument.quantityPrecision());
    }
}
