package io.bitmm.core.quoting;

/**
 * The model's coefficients, all in tick units: {@code sigmaTicks} is the volatility over the quoting horizon in
 * ticks, {@code kappa} the decay of fill intensity per tick, {@code arrivalRateA} GLFT's intensity scale, inventory
 * {@code q} is the position in order-size units. Immutable.
 *
 * @param fairValueMode     mid or micro-price.
 * @param skewModel         Avellaneda-Stoikov or GLFT.
 * @param gamma             risk aversion, &gt; 0.
 * @param sigmaTicks        volatility in ticks, &ge; 0.
 * @param kappa             fill intensity decay per tick, &gt; 0.
 * @param arrivalRateA      GLFT intensity scale, &gt; 0.
 * @param spreadFloorTicks  smallest distance between our best bid and best ask, in ticks.
 * @param feeFloor          when true, the distance between our best bid and best ask is also at least the round-trip
 *                          maker fee (twice the instrument's {@code makerFeePpm}, negative for a rebate) plus
 *                          {@code edgeBps}, of fair value.
 * @param edgeBps           edge over the round-trip maker fee, in basis points of fair value (may be negative: a
 *                          floor below the fee, on purpose).
 * @param levels            quote levels per side.
 * @param levelSpacingTicks distance between consecutive levels of one side, in ticks.
 */
public record QuoteParameters(
    FairValueMode fairValueMode,
    SkewModel skewModel,
    double gamma,
    double sigmaTicks,
    double kappa,
    double arrivalRateA,
    int spreadFloorTicks,
    boolean feeFloor,
    double edgeBps,
    int levels,
    int levelSpacingTicks)
{
    /**
     * @param makerFeePpm the instrument's maker fee rate in parts per million (negative for a rebate).
     * @return the smallest quoted spread the fee floor allows, as a fraction of fair value (e.g. 0.0005 = 5 bp);
     *     0 or less when the floor is off or the rebate outweighs the edge (the tick floor still applies).
     */
    public double feeFloorFraction(final long makerFeePpm)
    {
        return feeFloor ? 2.0 * makerFeePpm / 1_000_000.0 + edgeBps / 10_000.0 : 0.0;
    }
}
