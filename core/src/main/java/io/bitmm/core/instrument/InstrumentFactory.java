package io.bitmm.core.instrument;

/**
 * Slow-path construction of an {@link Instrument} from the venue's instrument list fields, given as the strings
 * the REST reply carries (spot {@code /api/v2/spot/public/symbols}, futures {@code /api/v2/mix/market/contracts}).
 * Throws {@link IllegalArgumentException} naming the bad field: this runs at start-up, not on the hot path.
 */
public final class InstrumentFactory
{
    private static final int PPM_SCALE = 6;

    private InstrumentFactory()
    {
    }

    /**
     * Spot: tick = 10^-pricePrecision, step = 10^-quantityPrecision.
     *
     * @param id                  index in the instrument table.
     * @param symbol              {@code symbol}.
     * @param baseAssetId         asset id of {@code baseCoin}.
     * @param quoteAssetId        asset id of {@code quoteCoin}.
     * @param pricePrecision      {@code pricePrecision}.
     * @param quantityPrecision   {@code quantityPrecision}.
     * @param minTradeUsdt        {@code minTradeUSDT}.
     * @param buyLimitPriceRatio  {@code buyLimitPriceRatio}, e.g. {@code "0.05"}.
     * @param sellLimitPriceRatio {@code sellLimitPriceRatio}.
     * @param makerFeeRate        {@code makerFeeRate}, e.g. {@code "0.002"}.
     * @param takerFeeRate        {@code takerFeeRate}.
     * @param orderQuantity       {@code orderQuantity}: max open orders for the symbol.
     * @return the instrument.
     */
    public static Instrument spot(
        final int id,
        final String symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final String pricePrecision,
        final String quantityPrecision,
        final String minTradeUsdt,
        final String buyLimitPriceRatio,
        final String sellLimitPriceRatio,
        final String makerFeeRate,
        final String takerFeeRate,
        final String orderQuantity)
    {
        final DecimalParser parser = new DecimalParser();
        final int priceScale = (int)parse(parser, symbol, "pricePrecision", pricePrecision, 0);
        final int sizeScale = (int)parse(parser, symbol, "quantityPrecision", quantityPrecision, 0);
        return new Instrument(
            id, symbol, Market.SPOT, baseAssetId, quoteAssetId,
            checkScale(symbol, "pricePrecision", priceScale), 1,
            checkScale(symbol, "quantityPrecision", sizeScale), 1, 0,
            parse(parser, symbol, "minTradeUSDT", minTradeUsdt, Amounts.DECIMALS),
            parse(parser, symbol, "buyLimitPriceRatio", buyLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "sellLimitPriceRatio", sellLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "makerFeeRate", makerFeeRate, PPM_SCALE),
            parse(parser, symbol, "takerFeeRate", takerFeeRate, PPM_SCALE),
            (int)parse(parser, symbol, "orderQuantity", orderQuantity, 0));
    }

    /**
     * USDT-M futures: tick = priceEndStep x 10^-pricePlace, step = sizeMultiplier (volumePlace decimals), minimum
     * size = minTradeNum.
     *
     * @param id                  index in the instrument table.
     * @param symbol              {@code symbol}.
     * @param baseAssetId         asset id of {@code baseCoin}.
     * @param quoteAssetId        asset id of {@code quoteCoin}.
     * @param pricePlace          {@code pricePlace}.
     * @param priceEndStep        {@code priceEndStep}.
     * @param volumePlace         {@code volumePlace}.
     * @param sizeMultiplier      {@code sizeMultiplier}, e.g. {@code "0.001"}.
     * @param minTradeNum         {@code minTradeNum}.
     * @param minTradeUsdt        {@code minTradeUSDT}.
     * @param buyLimitPriceRatio  {@code buyLimitPriceRatio}.
     * @param sellLimitPriceRatio {@code sellLimitPriceRatio}.
     * @param makerFeeRate        {@code makerFeeRate}.
     * @param takerFeeRate        {@code takerFeeRate}.
     * @param maxSymbolOrderNum   {@code maxSymbolOrderNum}.
     * @return the instrument.
     */
    public static Instrument futures(
        final int id,
        final String symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final String pricePlace,
        final String priceEndStep,
        final String volumePlace,
        final String sizeMultiplier,
        final String minTradeNum,
        final String minTradeUsdt,
        final String buyLimitPriceRatio,
        final String sellLimitPriceRatio,
        final String makerFeeRate,
        final String takerFeeRate,
        final String maxSymbolOrderNum)
    {
        final DecimalParser parser = new DecimalParser();
        final int priceScale = checkScale(symbol, "pricePlace", (int)parse(parser, symbol, "pricePlace", pricePlace, 0));
        final int sizeScale = checkScale(symbol, "volumePlace", (int)parse(parser, symbol, "volumePlace", volumePlace, 0));
        final long tickUnits = parse(parser, symbol, "priceEndStep", priceEndStep, 0);
        final long stepUnits = parse(parser, symbol, "sizeMultiplier", sizeMultiplier, sizeScale);
        if (tickUnits <= 0 || stepUnits <= 0)
        {
            throw new IllegalArgumentException(symbol + ": priceEndStep and sizeMultiplier must be positive");
        }
        return new Instrument(
            id, symbol, Market.USDT_FUTURES, baseAssetId, quoteAssetId,
            priceScale, tickUnits, sizeScale, stepUnits,
            parse(parser, symbol, "minTradeNum", minTradeNum, sizeScale),
            parse(parser, symbol, "minTradeUSDT", minTradeUsdt, Amounts.DECIMALS),
            parse(parser, symbol, "buyLimitPriceRatio", buyLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "sellLimitPriceRatio", sellLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "makerFeeRate", makerFeeRate, PPM_SCALE),
            parse(parser, symbol, "takerFeeRate", takerFeeRate, PPM_SCALE),
            (int)parse(parser, symbol, "maxSymbolOrderNum", maxSymbolOrderNum, 0));
    }

    private static int checkScale(final String symbol, final String field, final int scale)
    {
        if (scale < 0 || scale > 18)
        {
            throw new IllegalArgumentException(symbol + ": " + field + " must be 0 to 18, was " + scale);
        }
        return scale;
    }

    private static long parse(
        final DecimalParser parser, final String symbol, final String field, final String text, final int scale)
    {
        final int code = parser.parse(text, scale);
        if (code != DecimalParser.OK)
        {
            throw new IllegalArgumentException(
                symbol + ": " + field + " \"" + text + "\" is " + DecimalParser.describe(code) + " at scale " + scale);
        }
        return parser.value();
    }
}
