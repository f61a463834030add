/**
 * The WebSocket connection shared by the public and private streams: TLS, text ping/pong, reconnect with
 * jittered back-off, paced sends within Bitget's per-connection limits, receive stamps.
 */
package io.bitmm.gateway.ws;
