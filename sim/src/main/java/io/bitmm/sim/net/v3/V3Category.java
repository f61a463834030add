package io.bitmm.sim.net.v3;

import java.util.Locale;

/**
 * The v3 product selector (§1): REST {@code category} upper case, WS public {@code instType} and trade/push lower
 * case. The sim lists spot and USDT-M perpetuals; the other categories are valid but empty (ccxt's loadMarkets asks
 * for each of them and fails on any error).
 */
public enum V3Category
{
    SPOT("SPOT", true), MARGIN("MARGIN", false), USDT_FUTURES("USDT-FUTURES", true), COIN_FUTURES("COIN-FUTURES", false),
    USDC_FUTURES("USDC-FUTURES", false);

    private final String rest;
    private final String ws;
    private final boolean listed;

    V3Category(final String rest, final boolean listed)
    {
        this.rest = rest;
        this.ws = rest.toLowerCase(Locale.ROOT);
        this.listed = listed;
    }

    /** True if the sim lists instruments in this category. */
    public boolean listed()
    {
        return listed;
    }

    /** REST spelling: {@code SPOT}, {@code USDT-FUTURES}. */
    public String rest()
    {
        return rest;
    }

    /** WS spelling: {@code spot}, {@code usdt-futures}. */
    public String ws()
    {
        return ws;
    }

    /**
     * Parses a category.
     *
     * @param text            as sent
     * @param caseInsensitive accept any case (else only the exact REST or WS spelling, as the caller asks)
     * @return the category or null if unknown
     */
    public static V3Category parse(final String text, final boolean caseInsensitive)
    {
        if (text == null)
        {
            return null;
        }
        for (final V3Category c : values())
        {
            if (caseInsensitive ? c.rest.equalsIgnoreCase(text) : c.rest.equals(text))
            {
                return c;
            }
        }
        return null;
    }

    /** Parses the lower-case WS spelling (public {@code instType}, trade {@code category}); null if unknown. */
    public static V3Category parseWs(final String text)
    {
        for (final V3Category c : values())
        {
            if (c.ws.equals(text))
            {
                return c;
            }
        }
        return null;
    }
}
