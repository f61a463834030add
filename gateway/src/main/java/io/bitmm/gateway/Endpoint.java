package io.bitmm.gateway;

import java.nio.charset.StandardCharsets;

/**
 * The REST operations the order gateway calls, whatever the dialect: each has its own rate-limit window and request
 * counter. The paths and the venue's default limits are the dialect's ({@link io.bitmm.gateway.bitget.Endpoints}).
 */
public enum Endpoint
{
    PLACE_ORDER("POST"),
    BATCH_ORDERS("POST"),
    CANCEL_ORDER("POST"),
    BATCH_CANCEL_ORDER("POST"),
    /** Classic: cancel and place anew (new orderId). */
    CANCEL_REPLACE_ORDER("POST"),
    /** UTA: modify in place (same orderId). */
    MODIFY_ORDER("POST"),
    CANCEL_SYMBOL_ORDER("POST"),
    ORDER_INFO("GET"),
    PUBLIC_TIME("GET");

    private final String method;
    private final byte[] methodBytes;

    Endpoint(final String method)
    {
        this.method = method;
        this.methodBytes = method.getBytes(StandardCharsets.US_ASCII);
    }

    public String method()
    {
        return method;
    }

    /**
     * @return the method as ASCII; do not modify.
     */
    public byte[] methodBytes()
    {
        return methodBytes;
    }

    public boolean isPost()
    {
        return "POST".equals(method);
    }
}
