package io.bitmm.gateway;

/**
 * Which HTTP version the order gateway speaks.
 */
public enum HttpMode
{
    /** HTTP/2 when negotiated (ALPN {@code h2} over TLS, h2c prior knowledge on plain text), else HTTP/1.1. */
    AUTO,
    /** HTTP/2 only: start fails when the server does not speak it. */
    H2,
    /** HTTP/1.1 keep-alive connections only. */
    HTTP1
}
