/**
 * The Bitget v2 gateway: everything between the engine's rings and the venue's wire.
 * <p>
 * {@link io.bitmm.gateway.MarketDataGateway} (public stream into the inbound ring),
 * {@link io.bitmm.gateway.PrivateStreamGateway} (orders, fills, balances), {@link io.bitmm.gateway.OrderGateway}
 * (signed REST commands over a warm HTTP/2 or HTTP/1.1 pool), {@link io.bitmm.gateway.InstrumentLoader} (start-up
 * instrument table), configured by one {@link io.bitmm.gateway.GatewayContext}. Each gateway runs on its own Netty
 * I/O thread unless a shared group is configured, counts everything in {@link io.bitmm.gateway.GatewayCounters} and
 * reports the first occurrence of each kind of error to a {@link io.bitmm.gateway.DistinctErrorLog}.
 */
package io.bitmm.gateway;
