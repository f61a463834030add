package io.bitmm.core.instrument;

import java.util.Locale;

/**
 * One entry of {@code run.symbols}: which product and which symbol, without ambiguity (Bitget lists the same
 * {@code BTCUSDT} as a spot pair and as a USDT-M perpetual). Written {@code <category>:<symbol>} with Bitget's v3
 * category names: {@code SPOT:BTCUSDT}, {@code USDT-FUTURES:BTCUSDT}; a bare {@code BTCUSDT} means
 * {@code SPOT:BTCUSDT}. Slow path (configuration).
 *
 * @param kind   the product.
 * @param symbol the bare symbol, upper case, e.g. {@code BTCUSDT}.
 */
public record ProductSymbol(InstrumentKind kind, String symbol)
{
    /** v3 category (and v2 {@code instType}/{@code productType}) of spot. */
    public static final String SPOT_CATEGORY = "SPOT";
    /** v3 category (and v2 {@code instType}/{@code productType}) of USDT-M perpetuals. */
    public static final String USDT_FUTURES_CATEGORY = "USDT-FUTURES";

    /**
     * @param kind   the product.
     * @param symbol the bare symbol.
     */
    public ProductSymbol
    {
        if (kind == null || symbol == null || !symbol.matches("[A-Z0-9]{2,40}"))
        {
            throw new IllegalArgumentException("a symbol is 2 to 40 upper-case letters and digits, was \"" + symbol + "\"");
        }
    }

    /**
     * @param entry {@code SPOT:BTCUSDT}, {@code USDT-FUTURES:BTCUSDT} or {@code BTCUSDT} (spot); the category is
     *              case-insensitive, the symbol is taken in upper case.
     * @return the product and symbol.
     * @throws IllegalArgumentException naming the entry and the accepted forms.
     */
    public static ProductSymbol parse(final String entry)
    {
        final String text = entry == null ? "" : entry.trim();
        final int colon = text.indexOf(':');
        final String category = colon < 0 ? SPOT_CATEGORY : text.substring(0, colon).toUpperCase(Locale.ROOT);
        final String symbol = (colon < 0 ? text : text.substring(colon + 1)).toUpperCase(Locale.ROOT);
        final InstrumentKind kind = kindOf(category);
        if (kind == null || symbol.isEmpty() || symbol.indexOf(':') >= 0 || !symbol.matches("[A-Z0-9]{2,40}"))
        {
            throw new IllegalArgumentException("\"" + entry + "\" is not <category>:<symbol>: write SPOT:BTCUSDT or " +
                "USDT-FUTURES:BTCUSDT (a bare BTCUSDT is SPOT:BTCUSDT); categories SPOT and USDT-FUTURES are traded");
        }
        return new ProductSymbol(kind, symbol);
    }

    /**
     * @param category a Bitget category, upper case.
     * @return its kind, or null when not traded by the engine.
     */
    public static InstrumentKind kindOf(final String category)
    {
        if (SPOT_CATEGORY.equals(category))
        {
            return InstrumentKind.SPOT;
        }
        return USDT_FUTURES_CATEGORY.equals(category) ? InstrumentKind.USDT_PERPETUAL : null;
    }

    /**
     * @param kind a kind.
     * @return Bitget's category for it ({@code SPOT}, {@code USDT-FUTURES}).
     */
    public static String categoryOf(final InstrumentKind kind)
    {
        return kind == InstrumentKind.SPOT ? SPOT_CATEGORY : USDT_FUTURES_CATEGORY;
    }

    /**
     * @return Bitget's category: {@code SPOT} or {@code USDT-FUTURES}.
     */
    public String category()
    {
        return categoryOf(kind);
    }

    /**
     * @param instrument an instrument.
     * @return how {@code run.symbols} and the summary name it: the bare symbol for spot (as before perpetuals),
     *         {@code USDT-FUTURES:BTCUSDT} for a perpetual.
     */
    public static String displayName(final Instrument instrument)
    {
        return instrument.kind() == InstrumentKind.SPOT ? instrument.symbol() :
            categoryOf(instrument.kind()) + ":" + instrument.symbol();
    }

    @Override
    public String toString()
    {
        return category() + ":" + symbol;
    }
}
