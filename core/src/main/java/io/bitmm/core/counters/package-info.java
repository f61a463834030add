/**
 * Counters a person reads while the engine runs: the type ids, the key layout and the label grammar every counter in
 * the run's counters file follows, and {@link io.bitmm.core.counters.CounterArray}, the single-writer storage the
 * core's and the gateways' counter classes keep their values in (a heap buffer in tests, the memory-mapped counters
 * file in a run). See docs/observability.md.
 */
package io.bitmm.core.counters;
