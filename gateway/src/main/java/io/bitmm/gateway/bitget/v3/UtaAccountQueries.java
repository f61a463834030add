package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.bitget.AccountQueries;

/**
 * UTA: {@code GET /api/v3/trade/unfilled-orders?category=SPOT&symbol=} ({@code data.list}),
 * {@code GET /api/v3/account/assets} ({@code data.assets}: {@code available}/{@code locked}),
 * {@code POST /api/v3/trade/cancel-order} (bitget-v3-uta-protocol.md §5, §6).
 */
public final class UtaAccountQueries implements AccountQueries
{
    /** The one instance. */
    public static final UtaAccountQueries INSTANCE = new UtaAccountQueries();

    private UtaAccountQueries()
    {
    }

    @Override
    public String openOrdersPath()
    {
        return "/api/v3/trade/unfilled-orders";
    }

    @Override
    public String openOrdersQuery(final String symbol)
    {
        return "category=SPOT&symbol=" + symbol;
    }

    @Override
    public String openOrdersListKey()
    {
        return "list";
    }

    @Override
    public String balancesPath()
    {
        return "/api/v3/account/assets";
    }

    @Override
    public String balancesListKey()
    {
        return "assets";
    }

    @Override
    public String frozenField()
    {
        return "locked";
    }

    @Override
    public String cancelPath()
    {
        return "/api/v3/trade/cancel-order";
    }

    @Override
    public String cancelBody(final String symbol, final String idField, final String id)
    {
        return "{\"category\":\"SPOT\",\"symbol\":\"" + symbol + "\",\"" + idField + "\":\"" + id + "\"}";
    }
}
