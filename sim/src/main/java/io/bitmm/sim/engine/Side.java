package io.bitmm.sim.engine;

/** Order side. */
public enum Side
{
    BUY("buy"), SELL("sell");

    private final String wire;

    Side(final String wire)
    {
        this.wire = wire;
    }

    /** Wire name. */
    public String wire()
    {
        return wire;
    }

    /** Parses buy/sell in any case, null if neither. */
    public static Side parse(final String text)
    {
        if ("buy".equalsIgnoreCase(text))
        {
            return BUY;
        }
        if ("sell".equalsIgnoreCase(text))
        {
            return SELL;
        }
        return null;
    }
}
