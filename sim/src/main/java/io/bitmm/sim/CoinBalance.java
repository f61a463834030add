package io.bitmm.sim;

import java.math.BigDecimal;

/**
 * A coin balance of the API account.
 *
 * @param available free amount
 * @param frozen    reserved by open orders
 */
public record CoinBalance(BigDecimal available, BigDecimal frozen)
{
}
