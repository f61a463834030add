package io.bitmm.sim.engine;

/**
 * A spot instrument as the venue lists it.
 *
 * @param symbol            bare symbol, e.g. BTCUSDT
 * @param baseCoin          base coin
 * @param quoteCoin         quote coin
 * @param pricePrecision    decimals of a price (tick = 10^-pricePrecision)
 * @param quantityPrecision decimals of a size (step = 10^-quantityPrecision)
 * @param minTradeUsdt      minimum order value in quote
 * @param initialMid        starting mid price
 */
public record Instrument(
    String symbol,
    String baseCoin,
    String quoteCoin,
    int pricePrecision,
    int quantityPrecision,
    String minTradeUsdt,
    double initialMid)
{
    /** Price in ticks as a wire string. */
    public String price(final long ticks)
    {
        return Decimals.format(ticks, pricePrecision);
    }

    /** Size in lots as a wire string. */
    public String size(final long lots)
    {
        return Decimals.format(lots, quantityPrecision);
    }
}
