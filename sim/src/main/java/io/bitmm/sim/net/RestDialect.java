package io.bitmm.sim.net;

/**
 * One REST dialect, routed by path prefix ({@code /api/v2/} today; {@code /api/v3/} plugs in beside it). The
 * front door ({@link RestApi}) has already counted the request and applied the 5xx/429/drop/delay faults.
 */
public interface RestDialect
{
    /**
     * True if this request is an order action (its ack is delayed by the {@code ackDelay} fault).
     *
     * @param method upper-case method
     * @param path   path without query
     * @return whether it is a trade POST
     */
    boolean isOrderAction(String method, String path);

    /**
     * Handles one request of this dialect.
     *
     * @param req the request
     * @param out where the answer goes
     * @param now epoch ms
     */
    void handle(RestApi.Request req, RestApi.Reply out, long now);
}
