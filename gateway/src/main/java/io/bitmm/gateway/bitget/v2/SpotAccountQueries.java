package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.bitget.AccountQueries;

/**
 * Classic spot: {@code GET /api/v2/spot/trade/unfilled-orders?symbol=}, {@code GET /api/v2/spot/account/assets}
 * ({@code available}/{@code frozen}), {@code POST /api/v2/spot/trade/cancel-order}.
 */
public final class SpotAccountQueries implements AccountQueries
{
    /** The one instance. */
    public static final SpotAccountQueries INSTANCE = new SpotAccountQueries();

    private SpotAccountQueries()
    {
    }

    @Override
    public String openOrdersPath()
    {
        return "/api/v2/spot/trade/unfilled-orders";
    }

    @Override
    public String openOrdersQuery(final String symbol)
    {
        return "symbol=" + symbol;
    }

    @Override
    public String openOrdersListKey()
    {
        return null;
    }

    @Override
    public String balancesPath()
    {
        return "/api/v2/spot/account/assets";
    }

    @Override
    public String balancesListKey()
    {
        return null;
    }

    @Override
    public String frozenField()
    {
        return "frozen";
    }

    @Override
    public String cancelPath()
    {
        return "/api/v2/spot/trade/cancel-order";
    }

    @Override
    public String cancelBody(final String symbol, final String idField, final String id)
    {
        return "{\"symbol\":\"" + symbol + "\",\"" + idField + "\":\"" + id + "\"}";
    }
}
