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
    int levels,
    int levelSpacingTicks)
{
}
