/**
 * Online, deterministic calibration of the quoting model from market data (event time only): the mid's volatility
 * ({@link io.bitmm.core.calibration.VolatilityEstimator}) and the order-arrival intensity
 * {@code lambda(delta) = A exp(-k delta)} ({@link io.bitmm.core.calibration.IntensityEstimator}).
 */
package io.bitmm.core.calibration;
