package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.bitget.Endpoints;

import java.nio.charset.StandardCharsets;

/**
 * UTA v3 REST paths and Bitget's default per-UID limits (bitget-v3-uta-protocol.md §5, §7). A core REPLACE is a
 * {@code modify-order} (in place, its own 10/s window); there is no cancel-replace. Server time is v2's
 * {@code /api/v2/public/time} (v3 documents none, §4).
 */
public final class UtaEndpoints implements Endpoints
{
    /** The one instance. */
    public static final UtaEndpoints INSTANCE = new UtaEndpoints();

    private final byte[][] paths = new byte[Endpoint.values().length][];
    private final int[] limits = new int[Endpoint.values().length];

    private UtaEndpoints()
    {
        put(Endpoint.PLACE_ORDER, "/api/v3/trade/place-order", 10);
        put(Endpoint.BATCH_ORDERS, "/api/v3/trade/place-batch", 5);
        put(Endpoint.CANCEL_ORDER, "/api/v3/trade/cancel-order", 10);
        put(Endpoint.BATCH_CANCEL_ORDER, "/api/v3/trade/cancel-batch", 5);
        put(Endpoint.MODIFY_ORDER, "/api/v3/trade/modify-order", 10);
        put(Endpoint.CANCEL_SYMBOL_ORDER, "/api/v3/trade/cancel-symbol-order", 5);
        put(Endpoint.ORDER_INFO, "/api/v3/trade/order-info", 20);
        put(Endpoint.PUBLIC_TIME, "/api/v2/public/time", 20);
        limits[Endpoint.CANCEL_REPLACE_ORDER.ordinal()] = 1;
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
