/**
 * Latency recording and reports: the stages of tick-to-trade, single-writer HdrHistogram recorders on the threads that
 * own each stamp, a writer thread for interval logs in the standard {@code .hlog} format, and the report (percentile
 * table and plot) read back from those logs.
 */
package io.bitmm.tuning.latency;
