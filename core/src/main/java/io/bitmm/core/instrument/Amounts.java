package io.bitmm.core.instrument;

/**
 * Amount units: balances, fees, notional and PnL are fixed-point {@code long}s with {@value #DECIMALS} decimals
 * of their asset (1 BTC = 100,000,000 units; 1 USDT = 100,000,000 units).
 */
public final class Amounts
{
    /** Decimals of an amount. */
    public static final int DECIMALS = 8;

    /** Units in one whole asset. */
    public static final long ONE = 100_000_000L;

    private Amounts()
    {
    }
}
