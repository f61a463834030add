package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.bitget.AccountQueries;

/**
 * UTA: {@code GET /api/v3/trade/unfilled-orders?category=SPOT&symbol=} ({@code data.list}; {@code USDT-FUTURES} for
 * the perpetuals),
 * {@code GET /api/v3/account/assets} ({@code data.assets}: {@code available}/{@code locked}),
 * {@code GET /api/v3/position/current-position?category=USDT-FUTURES} ({@code data.list}; perpetuals only),
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
    public String positionsPath()
    {
        return "SPOT".equals(category) ? null : "/api/v3/position/current-position";
    }

    @Override
    public String positionsQuery()
    {
        return "category=" + category;
    }

    @Override
    public String positionsListKey()
    {
        return "list";
    }

    /**
     * A {@code current-position} row (§6): {@code symbol}, {@code total} (available + frozen), {@code posSide}
     * ({@code short} negative; which side a one-way position reports is unconfirmed, so anything else keeps the sign),
     * {@code avgPrice}; the outcomes of {@link AccountQueries#venuePosition}.
     */
    @Override
    public VenuePosition position(final java.util.Map<String, String> row)
    {
        return AccountQueries.venuePosition(row.get("symbol"), row.get("total"), "short".equals(row.get("posSide")),
            row.get("avgPrice"));
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
