package io.bitmm.sim.engine;

import java.math.BigDecimal;

/**
 * One execution of an account order.
 *
 * @param tradeId    trade id
 * @param order      the account's order
 * @param priceTicks execution price
 * @param lots       executed size
 * @param maker      true if the account's order was the resting one
 * @param fee        fee charged (positive = paid)
 * @param feeCoin    coin the fee was charged in
 * @param timeMs     execution time
 * @param pnl        futures: realized PnL of this execution (0 for spot and opening fills)
 */
public record Fill(long tradeId, Order order, long priceTicks, long lots, boolean maker, BigDecimal fee, String feeCoin, long timeMs,
    BigDecimal pnl)
{
    /** A spot execution (no PnL). */
    public Fill(final long tradeId, final Order order, final long priceTicks, final long lots, final boolean maker, final BigDecimal fee,
        final String feeCoin, final long timeMs)
    {
        this(tradeId, order, priceTicks, lots, maker, fee, feeCoin, timeMs, BigDecimal.ZERO);
    }
}
