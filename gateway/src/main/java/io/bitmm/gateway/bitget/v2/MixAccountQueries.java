package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.bitget.AccountQueries;

import java.util.Map;

/**
 * Classic USDT-M futures (bitget-v2-protocol.md §6.2): {@code GET /api/v2/mix/order/orders-pending?productType=
 * USDT-FUTURES&symbol=} ({@code data.entrustedList}, null when none), {@code GET /api/v2/mix/account/accounts?
 * productType=USDT-FUTURES} (rows by {@code marginCoin}: {@code available}/{@code locked}),
 * {@code GET /api/v2/mix/position/all-position?productType=USDT-FUTURES&marginCoin=USDT} (rows: {@code symbol},
 * {@code holdSide}, {@code total}, {@code openPriceAvg}; a flat symbol has no row), and
 * {@code POST /api/v2/mix/order/cancel-order}.
 */
public final class MixAccountQueries implements AccountQueries
{
    /** The one instance. */
    public static final MixAccountQueries INSTANCE = new MixAccountQueries();

    private static final String PRODUCT = "productType=" + ClassicFuturesDialect.INST_TYPE;

    private MixAccountQueries()
    {
    }

    @Override
    public String openOrdersPath()
    {
        return "/api/v2/mix/order/orders-pending";
    }

    @Override
    public String openOrdersQuery(final String symbol)
    {
        return PRODUCT + "&symbol=" + symbol;
    }

    @Override
    public String openOrdersListKey()
    {
        return "entrustedList";
    }

    @Override
    public String balancesPath()
    {
        return "/api/v2/mix/account/accounts";
    }

    @Override
    public String balancesQuery()
    {
        return PRODUCT;
    }

    @Override
    public String balancesListKey()
    {
        return null;
    }

    @Override
    public String coinField()
    {
        return "marginCoin";
    }

    @Override
    public String frozenField()
    {
        return "locked";
    }

    @Override
    public String positionsPath()
    {
        return "/api/v2/mix/position/all-position";
    }

    @Override
    public String positionsQuery()
    {
        return "marginCoin=USDT&" + PRODUCT;
    }

    /**
     * Field outcomes: no {@code symbol} (null, empty, missing) is not a position (null); {@code total} null, empty or
     * missing is an error, as is one that is not an unsigned decimal; {@code holdSide} {@code short} makes it negative
     * (anything else, {@code long} and one-way {@code net} included, is the sign {@code total} has); an
     * {@code openPriceAvg} that is missing or not a decimal is "0" (unknown: the core prices the position at its
     * first mark).
     */
    @Override
    public VenuePosition position(final Map<String, String> row)
    {
        return AccountQueries.venuePosition(row.get("symbol"), row.get("total"), "short".equals(row.get("holdSide")),
            row.get("openPriceAvg"));
    }

    @Override
    public String cancelPath()
    {
        return "/api/v2/mix/order/cancel-order";
    }

    @Override
    public String cancelBody(final String symbol, final String idField, final String id)
    {
        return "{\"symbol\":\"" + symbol + "\",\"productType\":\"" + ClassicFuturesDialect.INST_TYPE +
            "\",\"marginCoin\":\"USDT\",\"" + idField + "\":\"" + id + "\"}";
    }
}
