package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.bitget.Endpoints;

import java.nio.charset.StandardCharsets;

/**
 * Classic v2 USDT-M futures ("mix") REST paths and Bitget's default per-UID limits (bitget-v2-protocol.md §6.2, §8).
 * A REPLACE is {@code modify-order} (cancel and re-create with {@code newClientOid}); a cancel-all of one symbol is
 * {@code batch-cancel-orders} without {@code orderIdList}; v2 mix has no cancel-replace.
 */
public final class MixEndpoints implements Endpoints
{
    /** The one instance. */
    public static final MixEndpoints INSTANCE = new MixEndpoints();

    private final byte[][] paths = new byte[Endpoint.values().length][];
    private final int[] limits = new int[Endpoint.values().length];

    private MixEndpoints()
    {
        put(Endpoint.PLACE_ORDER, "/api/v2/mix/order/place-order", 10);
        put(Endpoint.BATCH_ORDERS, "/api/v2/mix/order/batch-place-order", 5);
        put(Endpoint.CANCEL_ORDER, "/api/v2/mix/order/cancel-order", 10);
        put(Endpoint.BATCH_CANCEL_ORDER, "/api/v2/mix/order/batch-cancel-orders", 10);
        put(Endpoint.MODIFY_ORDER, "/api/v2/mix/order/modify-order", 10);
        put(Endpoint.CANCEL_SYMBOL_ORDER, "/api/v2/mix/order/batch-cancel-orders", 10);
        put(Endpoint.ORDER_INFO, "/api/v2/mix/order/detail", 10);
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
