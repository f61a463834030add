package io.bitmm.gateway;

import java.nio.charset.StandardCharsets;

/**
 * The REST endpoints the order gateway calls, with Bitget's default per-UID limits (requests per second, §8).
 */
public enum Endpoint
{
    PLACE_ORDER("POST", "/api/v2/spot/trade/place-order", 10),
    BATCH_ORDERS("POST", "/api/v2/spot/trade/batch-orders", 5),
    CANCEL_ORDER("POST", "/api/v2/spot/trade/cancel-order", 10),
    BATCH_CANCEL_ORDER("POST", "/api/v2/spot/trade/batch-cancel-order", 10),
    CANCEL_REPLACE_ORDER("POST", "/api/v2/spot/trade/cancel-replace-order", 5),
    CANCEL_SYMBOL_ORDER("POST", "/api/v2/spot/trade/cancel-symbol-order", 5),
    ORDER_INFO("GET", "/api/v2/spot/trade/orderInfo", 20),
    PUBLIC_TIME("GET", "/api/v2/public/time", 20);

    private final String method;
    private final String path;
    private final byte[] methodBytes;
    private final byte[] pathBytes;
    private final int defaultLimitPerSecond;

    Endpoint(final String method, final String path, final int defaultLimitPerSecond)
    {
        this.method = method;
        this.path = path;
        this.methodBytes = method.getBytes(StandardCharsets.US_ASCII);
        this.pathBytes = path.getBytes(StandardCharsets.US_ASCII);
        this.defaultLimitPerSecond = defaultLimitPerSecond;
    }

    public String method()
    {
        return method;
    }

    public String path()
    {
        return path;
    }

    /**
     * @return the method as ASCII; do not modify.
     */
    public byte[] methodBytes()
    {
        return methodBytes;
    }

    /**
     * @return the path as ASCII; do not modify.
     */
    public byte[] pathBytes()
    {
        return pathBytes;
    }

    public boolean isPost()
    {
        return "POST".equals(method);
    }

    public int defaultLimitPerSecond()
    {
        return defaultLimitPerSecond;
    }
}
