package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.bitget.AccountQueries;

/**
 * UTA: {@code GET /api/v3/trade/unfilled-orders?category=SPOT&symbol=} ({@code data.list}; {@code USDT-FUTURES} for
 * the perpetuals),
 * {@code GET /api/v3/account/assets} ({@code data.assets}: {@code available}/{@code locked}),
 * {@code POST /api/v3/trade/cancel-order} (bitget-v3-uta-protocol.md §5, §6).
 */
public final class UtaAccountQueries implements AccountQueries
{
    /** The spot queries ({@code category=SPOT}). */
    public static final UtaAccountQueries INSTANCE = new UtaAccountQueries("SPOT");
    /** The USDT-M perpetuals' queries ({@code category=USDT-FUTURES}). */
    public static final UtaAccountQueries FUTURES = new UtaAccountQueries("USDT-FUTURES");

    private final String category;

    private UtaAccountQueries(final String category)
    {
        this.category = category;
    }

    @Override
    public String openOrdersPath()
    {
        return "/api/v3/trade/unfilled-orders";
    }

    @Override
    public String openOrdersQuery(final String symbol)
    {
        return "category=" + category + "&symbol=" + symbol;
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
        return "{\"category\":\"" + category + "\",\"symbol\":\"" + symbol + "\",\"" + idField + "\":\"" + id + "\"}";
    }
}
