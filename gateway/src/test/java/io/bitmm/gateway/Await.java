package io.bitmm.gateway;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Poll a condition with a timeout instead of sleeping.
 */
public final class Await
{
    private Await()
    {
    }

    public static void until(final String what, final long timeoutMs, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
