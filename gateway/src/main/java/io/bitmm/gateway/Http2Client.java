package io.bitmm.gateway;

/**
 * Which HTTP/2 client implementation the order gateway's connections use (when they speak HTTP/2).
 */
public enum Http2Client
{
    /** Netty's {@code Http2FrameCodec}: complete and general; allocates ~3 kB per request. */
    NETTY,
    /**
     * The project's own client framing on the Netty channel ({@code order.LeanHttp2Handler}): only what an order
     * connection needs, HPACK without an encoder table, no allocation per request once warm.
     */
    LEAN
}
