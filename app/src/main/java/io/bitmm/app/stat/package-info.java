/**
 * The run's counters file and its readers: {@link io.bitmm.app.stat.CountersFile} (layout, create, map),
 * {@link io.bitmm.app.stat.RunCounters} (the engine's side: registers every counter, the gauges and the distinct error
 * log), and the reader side used by {@code mm stat}, {@code mm errors}, the Prometheus endpoint and the run summary:
 * {@link io.bitmm.app.stat.CountersSnapshot}, {@link io.bitmm.app.stat.StatScreen},
 * {@link io.bitmm.app.stat.PrometheusCounters}. See docs/observability.md.
 */
package io.bitmm.app.stat;
