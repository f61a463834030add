package io.bitmm.app.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Wait strategies by their configuration names: {@code busy-spin} (lowest latency, burns a dedicated core),
 * {@code yielding} (low latency, yields the core to other runnable threads), {@code sleeping} (spins, yields, then
 * parks briefly: kind to a shared box) and {@code blocking} (spins briefly, then parks until a producer unparks it:
 * lowest CPU; the producer pays a fence per event, not a lock and a signal, while the consumer is awake: {@link ParkingWaitStrategy}).
 */
public final class WaitStrategies
{
    private WaitStrategies()
    {
    }

    /**
     * @param name a configuration name.
     * @return a new strategy.
     */
    public static WaitStrategy of(final String name)
    {
        switch (name)
        {
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new ParkingWaitStrategy();
            default:
                throw new IllegalArgumentException("unknown wait strategy: " + name);
        }
    }
}
