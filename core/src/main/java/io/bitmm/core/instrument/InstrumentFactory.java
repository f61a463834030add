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
            id, symbol, InstrumentKind.SPOT, baseAssetId, quoteAssetId,
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
            id, symbol, InstrumentKind.USDT_PERPETUAL, baseAssetId, quoteAssetId,
            priceScale, tickUnits, sizeScale, stepUnits,
            parse(parser, symbol, "minTradeNum", minTradeNum, sizeScale),
            parse(parser, symbol, "minTradeUSDT", minTradeUsdt, Amounts.DECIMALS),
            parse(parser, symbol, "buyLimitPriceRatio", buyLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "sellLimitPriceRatio", sellLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "makerFeeRate", makerFeeRate, PPM_SCALE),
            parse(parser, symbol, "takerFeeRate", takerFeeRate, PPM_SCALE),
            (int)parse(parser, symbol, "maxSymbolOrderNum", maxSymbolOrderNum, 0));
    }

    /**
     * USDT-M perpetual from decimal grid fields, as v3 {@code market/instruments} gives them
     * ({@code category=USDT-FUTURES}): tick = {@code priceMultiplier} with {@code pricePrecision} decimals, step =
     * {@code quantityMultiplier} with {@code quantityPrecision} decimals, minimum size {@code minOrderQty}, minimum
     * value {@code minOrderAmount}. Contract size: 1 base coin unless given.
     *
     * @param id                 index in the instrument table.
     * @param symbol             {@code symbol}.
     * @param baseAssetId        asset id of {@code baseCoin}.
     * @param quoteAssetId       asset id of {@code quoteCoin}.
     * @param pricePrecision     decimals of a price, e.g. {@code "1"}.
     * @param tick               price tick as a decimal, e.g. {@code "0.1"} (must have at most pricePrecision decimals).
     * @param quantityPrecision  decimals of a size, e.g. {@code "4"}.
     * @param step               size step as a decimal, e.g. {@code "0.0001"}.
     * @param minSize            minimum order size, base coin (or contracts).
     * @param minNotional        minimum order value, quote coin; {@code ""} for none.
     * @param buyLimitPriceRatio how far above the market a buy may be, e.g. {@code "0.05"}; {@code ""} for none.
     * @param sellLimitPriceRatio how far below the market a sell may be; {@code ""} for none.
     * @param makerFeeRate       maker fee rate, e.g. {@code "0.0002"}.
     * @param takerFeeRate       taker fee rate.
     * @param maxOpenOrders      the venue's cap on open orders for the symbol, e.g. {@code "200"}.
     * @param contractSize       base coin per contract, e.g. {@code "1"}; {@code ""} for 1.
     * @return the instrument.
     */
    public static Instrument usdtPerpetual(
        final int id,
        final String symbol,
        final int baseAssetId,
        final int quoteAssetId,
        final String pricePrecision,
        final String tick,
        final String quantityPrecision,
        final String step,
        final String minSize,
        final String minNotional,
        final String buyLimitPriceRatio,
        final String sellLimitPriceRatio,
        final String makerFeeRate,
        final String takerFeeRate,
        final String maxOpenOrders,
        final String contractSize)
    {
        final DecimalParser parser = new DecimalParser();
        final int priceScale = checkScale(symbol, "pricePrecision",
            (int)parse(parser, symbol, "pricePrecision", pricePrecision, 0));
        final int sizeScale = checkScale(symbol, "quantityPrecision",
            (int)parse(parser, symbol, "quantityPrecision", quantityPrecision, 0));
        final long tickUnits = parse(parser, symbol, "priceMultiplier", tick, priceScale);
        final long stepUnits = parse(parser, symbol, "quantityMultiplier", step, sizeScale);
        if (tickUnits <= 0 || stepUnits <= 0)
        {
            throw new IllegalArgumentException(symbol + ": priceMultiplier and quantityMultiplier must be positive");
        }
        return new Instrument(
            id, symbol, InstrumentKind.USDT_PERPETUAL, baseAssetId, quoteAssetId,
            priceScale, tickUnits, sizeScale, stepUnits,
            parse(parser, symbol, "minOrderQty", minSize, sizeScale),
            optional(parser, symbol, "minOrderAmount", minNotional, Amounts.DECIMALS),
            optional(parser, symbol, "buyLimitPriceRatio", buyLimitPriceRatio, PPM_SCALE),
            optional(parser, symbol, "sellLimitPriceRatio", sellLimitPriceRatio, PPM_SCALE),
            parse(parser, symbol, "makerFeeRate", makerFeeRate, PPM_SCALE),
            parse(parser, symbol, "takerFeeRate", takerFeeRate, PPM_SCALE),
            (int)parse(parser, symbol, "maxSymbolOrderNum", maxOpenOrders, 0),
            contractSize.isEmpty() ? Amounts.ONE : parse(parser, symbol, "contractSize", contractSize, Amounts.DECIMALS));
    }

    private static long optional(
        final DecimalParser parser, final String symbol, final String field, final String text, final int scale)
    {
        return text == null || text.isEmpty() ? 0 : parse(parser, symbol, field, text, scale);
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
