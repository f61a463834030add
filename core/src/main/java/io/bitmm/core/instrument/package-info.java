/**
 * Instruments, assets and fixed-point numbers: what a symbol trades, its tick and size step, its limits, and the
 * exact conversion between the wire's decimal ASCII and the engine's scaled {@code long}s.
 */
package io.bitmm.core.instrument;
