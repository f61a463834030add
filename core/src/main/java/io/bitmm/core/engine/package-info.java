/**
 * The engine: {@link io.bitmm.core.engine.TradingCore} takes one event at a time and emits commands, wiring the
 * book, quoting, risk, order and position packages together; {@link io.bitmm.core.engine.CoreContext} configures
 * it; {@link io.bitmm.core.engine.CoreCounters} is what a person reads while it runs.
 */
package io.bitmm.core.engine;
