/**
 * Risk: pre-trade limits on every new or replaced order (position hard and soft limits, order size and notional,
 * open orders, price band, minimum notional, stale book), order-rate budgets as event-time sliding windows (RequestWindow), and the
 * max-loss kill switch ({@link io.bitmm.core.risk.RiskState}).
 */
package io.bitmm.core.risk;
