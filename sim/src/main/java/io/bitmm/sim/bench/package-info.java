/**
 * Tools to measure the venue: a minimal WebSocket client and the stress-mode books rate benchmark.
 */
package io.bitmm.sim.bench;
