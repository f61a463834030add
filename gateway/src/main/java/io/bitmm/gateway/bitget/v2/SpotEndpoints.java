package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.bitget.Endpoints;

import java.nio.charset.StandardCharsets;

/**
 * Classic v2 spot REST paths and Bitget's default per-UID limits (bitget-v2-protocol.md §8).
 */
public final class SpotEndpoints implements Endpoints
{
    /** The one instance. */
    public static final SpotEndpoints INSTANCE = new SpotEndpoints();

    private final byte[][] paths = new byte[Endpoint.values().length][];
    private final int[] limits = new int[Endpoint.values().length];

    private SpotEndpoints()
    {
        put(Endpoint.PLACE_ORDER, "/api/v2/spot/trade/place-order", 10);
        put(Endpoint.BATCH_ORDERS, "/api/v2/spot/trade/batch-orders", 5);
        put(Endpoint.CANCEL_ORDER, "/api/v2/spot/trade/cancel-order", 10);
        put(Endpoint.BATCH_CANCEL_ORDER, "/api/v2/spot/trade/batch-cancel-order", 10);
        put(Endpoint.CANCEL_REPLACE_ORDER, "/api/v2/spot/trade/cancel-replace-order", 5);
        put(Endpoint.CANCEL_SYMBOL_ORDER, "/api/v2/spot/trade/cancel-symbol-order", 5);
        put(Endpoint.ORDER_INFO, "/api/v2/spot/trade/orderInfo", 20);
        put(Endpoint.PUBLIC_TIME, "/api/v2/public/time", 20);
        limits[Endpoint.MODIFY_ORDER.ordinal()] = 1;
    }

    private void put(final Endpoint endpoint, final String path, final int limit)
    {
        paths[endpoint.ordinal()] = path.getBytes(StandardCharsets.US_ASCII);
        limits[endpoint.ordinal()] = limit;
    }

    @Override
    public byte[] path(final Endpoint endpoint)
    {
        return paths[endpoint.ordinal()];
    }

    @Override
    public int limitPerSecond(final Endpoint endpoint)
    {
        return limits[endpoint.ordinal()];
    }
}
