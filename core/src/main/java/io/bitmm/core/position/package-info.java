/**
 * Position and PnL per instrument from our fills: signed size, cost basis and average cost, realized and
 * unrealized PnL at the mid, fees, and the change of base and quote holdings for comparison with venue balances.
 */
package io.bitmm.core.position;
