/**
 * The entries of the engine's two Disruptor rings and the small enums they carry.
 * <p>
 * {@link io.bitmm.core.event.InboundEvent} is the inbound ring's entry: market data, private pushes, order
 * acknowledgements and timer ticks, decoded in place by the producers. {@link io.bitmm.core.event.OutboundCommand}
 * is the outbound ring's entry: what the core asks the order gateway (and the market-data gateway) to do.
 * Both are preallocated, mutable and flat: primitive fields, enum references and fixed-size arrays only, so a
 * ring of them is allocated once at start-up and never again.
 */
package io.bitmm.core.event;
