package io.bitmm.gateway.bitget;

import io.bitmm.gateway.Endpoint;

/**
 * A dialect's REST paths and Bitget's default per-UID limits for each {@link Endpoint} operation.
 */
public interface Endpoints
{
    /**
     * @param endpoint the operation.
     * @return its path as ASCII (do not modify), or null when the dialect has no such endpoint.
     */
    byte[] path(Endpoint endpoint);

    /**
     * @param endpoint the operation.
     * @return the venue's default limit in requests per second per UID (a path the dialect lacks: 1).
     */
    int limitPerSecond(Endpoint endpoint);
}
