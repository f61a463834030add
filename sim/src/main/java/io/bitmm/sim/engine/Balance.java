package io.bitmm.sim.engine;

import java.math.BigDecimal;

/** Mutable balance of one coin: available and frozen (reserved by open orders). */
public final class Balance
{
    public BigDecimal available;
    public BigDecimal frozen = BigDecimal.ZERO;
    public long updatedMs;

    /**
     * @param available initial available amount
     */
    public Balance(final BigDecimal available)
    {
        this.available = available;
    }
}
