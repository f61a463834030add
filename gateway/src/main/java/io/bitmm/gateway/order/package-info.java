/**
 * The order path: request encoding and signing into preallocated buffers, the connection pool (HTTP/2 with ALPN or
 * h2c, HTTP/1.1 fallback), per-endpoint rate limiting with bounded wait queues and back-off, reply decoding into
 * acknowledgement events, local reject codes ({@link io.bitmm.gateway.order.RejectCodes}).
 */
package io.bitmm.gateway.order;
