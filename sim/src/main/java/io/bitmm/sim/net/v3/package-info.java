/**
 * The UTA v3 dialect of the simulated venue (protocol v3, ../shared/bitget-v3-uta-protocol.md): REST
 * {@code /api/v3/...} ({@link io.bitmm.sim.net.v3.V3RestApi}, endpoint groups in {@code V3Market}, {@code V3Trade},
 * {@code V3Account}), the {@code /v3/ws/public} and {@code /v3/ws/private} WebSockets
 * ({@link io.bitmm.sim.net.v3.V3Streams}: subscriptions, publication, {@code op:"trade"}), wire shapes
 * ({@link io.bitmm.sim.net.v3.V3Views}). A protocol adapter only: matching and accounting
 * stay in {@link io.bitmm.sim.engine}.
 */
package io.bitmm.sim.net.v3;
