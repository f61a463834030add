package io.bitmm.sim.engine;

/**
 * A product as the venue lists it: a spot pair or a USDT-M perpetual. The exchange keys books and orders by
 * {@link #key()}: the bare symbol for spot (so spot code keeps using symbols), {@code USDT-FUTURES:BTCUSDT} for a
 * perpetual of the same symbol.
 *
 * @param symbol            bare symbol, e.g. BTCUSDT
 * @param baseCoin          base coin
 * @param quoteCoin         quote coin
 * @param pricePrecision    decimals of a price (tick = 10^-pricePrecision; Bitget's BTC/ETH ticks are powers of ten)
 * @param quantityPrecision decimals of a size (step = 10^-quantityPrecision)
 * @param minTradeUsdt      minimum order value in quote
 * @param initialMid        starting mid price
 * @param category          {@link #SPOT} or {@link #USDT_FUTURES}
 * @param minTradeNum       futures: minimum order size in base coin ("0" for spot)
 * @param maxLeverage       futures: maximum leverage (1 for spot)
 */
public record Instrument(
    String symbol,
    String baseCoin,
    String quoteCoin,
    int pricePrecision,
    int quantityPrecision,
    String minTradeUsdt,
    double initialMid,
    String category,
    String minTradeNum,
    int maxLeverage)
{
    /** Spot category (v2 {@code instType}, v3 {@code category}). */
    public static final String SPOT = "SPOT";
    /** USDT-M futures category (v2 {@code productType}/{@code instType}, v3 {@code category}). */
    public static final String USDT_FUTURES = "USDT-FUTURES";

    /**
     * A spot instrument.
     *
     * @param symbol            bare symbol
     * @param baseCoin          base coin
     * @param quoteCoin         quote coin
     * @param pricePrecision    price decimals
     * @param quantityPrecision size decimals
     * @param minTradeUsdt      minimum order value in quote
     * @param initialMid        starting mid
     */
    public Instrument(final String symbol, final String baseCoin, final String quoteCoin, final int pricePrecision,
        final int quantityPrecision, final String minTradeUsdt, final double initialMid)
    {
        this(symbol, baseCoin, quoteCoin, pricePrecision, quantityPrecision, minTradeUsdt, initialMid, SPOT, "0", 1);
    }

    /**
     * A USDT-M perpetual (margin coin USDT, size in base coin as on Bitget).
     *
     * @param symbol            bare symbol
     * @param baseCoin          base coin
     * @param pricePrecision    price decimals ({@code pricePlace})
     * @param quantityPrecision size decimals ({@code volumePlace})
     * @param minTradeNum       minimum size ({@code minTradeNum})
     * @param minTradeUsdt      minimum order value ({@code minTradeUSDT})
     * @param maxLeverage       {@code maxLever}
     * @param initialMid        starting mid
     * @return the instrument
     */
    public static Instrument perpetual(final String symbol, final String baseCoin, final int pricePrecision,
        final int quantityPrecision, final String minTradeNum, final String minTradeUsdt, final int maxLeverage,
        final double initialMid)
    {
        return new Instrument(symbol, baseCoin, "USDT", pricePrecision, quantityPrecision, minTradeUsdt, initialMid, USDT_FUTURES,
            minTradeNum, maxLeverage);
    }

    /**
     * The exchange key of a product.
     *
     * @param category category ({@code SPOT} or null for spot)
     * @param symbol   bare symbol
     * @return the key
     */
    public static String key(final String category, final String symbol)
    {
        return category == null || SPOT.equalsIgnoreCase(category) ? symbol : category.toUpperCase(java.util.Locale.ROOT) + ":" + symbol;
    }

    /** The exchange key: the symbol for spot, {@code CATEGORY:SYMBOL} otherwise. */
    public String key()
    {
        return key(category, symbol);
    }

    /** True for a futures product. */
    public boolean isFutures()
    {
        return !SPOT.equals(category);
    }

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
