package io.bitmm.core.calibration;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The estimators on synthetic data of known parameters land within a stated tolerance: 10 % relative.
 */
class EstimatorTest
{
    private static final long MS = 1_000_000L;
    private static final double TOLERANCE = 0.10;

    @Test
    void shouldRecoverTheVolatilityOfARandomWalk()
    {
        for (final double sigmaBps : new double[] {0.5, 2.0, 10.0})
        {
            final SplittableRandom random = new SplittableRandom(3);
            final VolatilityEstimator estimator = new VolatilityEstimator(100 * MS, 600, 100);
            double logMid = Math.log(6_000_000.0); // 60000.00 in 0.01 ticks
            long now = 0;
            assertFalse(estimator.ready());
            for (int i = 0; i < 20_000; i++)
            {
                // mid updates every 20 to 80 ms; the estimator samples every 100 ms
                final long dt = (20 + random.nextInt(61)) * MS;
                now += dt;
                logMid += random.nextGaussian() * sigmaBps / 10_000.0 * Math.sqrt(dt / 1e9);
                estimator.onMid(Math.round(Math.exp(logMid)), now);
            }
            assertTrue(estimator.ready());
            assertEquals(600, estimator.samples());
            assertEquals(sigmaBps, estimator.volatilityBps(), sigmaBps * TOLERANCE, "sigma " + sigmaBps);
        }
    }

    @Test
    void shouldRecoverTheIntensityOfPoissonTrades()
    {
        final double a = 5.0;
        final double k = 0.2;
        final SplittableRandom random = new SplittableRandom(5);
        final IntensityEstimator estimator = new IntensityEstimator(20, 1.0, 300, 200);
        long now = 0;
        for (int i = 0; i < 5_000; i++)
        {
            // Poisson arrivals at rate A; each reaches depth >= delta with probability exp(-k delta)
            now += (long)(-Math.log(1.0 - random.nextDouble()) / a * 1e9);
            final double distance = -Math.log(1.0 - random.nextDouble()) / k;
            estimator.onTrade(distance, now);
        }
        estimator.advance(now + 1_000 * MS);
        assertTrue(estimator.ready());
        assertEquals(a, estimator.arrivalRateA(), a * TOLERANCE, "A");
        assertEquals(k, estimator.kappa(), k * TOLERANCE, "k");
    }

    @Test
    void shouldWaitForEnoughTrades()
    {
        final IntensityEstimator estimator = new IntensityEstimator(10, 1.0, 60, 50);
        for (int i = 0; i < 40; i++)
        {
            estimator.onTrade(i % 5, i * 100 * MS);
        }
        estimator.advance(10_000 * MS);
        assertFalse(estimator.ready(), "40 trades < 50");
    }
}
