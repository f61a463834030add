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
 */
public record Fill(long tradeId, Order order, long priceTicks, long lots, boolean maker, BigDecimal fee, String feeCoin, long timeMs)
{
}
