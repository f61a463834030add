package io.bitmm.app.engine;

/**
 * Threading and ring settings of the assembled engine. {@code threading}: {@code dedicated} (a thread per agent; by
 * default nothing pinned and nothing spinning: every wait parks) or {@code shared} (the market-data socket, the
 * core and the order I/O agent on one thread, {@code sharedWaitStrategy} busy-spin by default: the only thread that
 * spins). The {@code isolated} profile in config/ pins and busy-spins the dedicated threads.
 */
public final class EngineContext
{
    /** Default inbound ring size, slots (a power of two). */
    public static final int INBOUND_RING_SIZE_DEFAULT = 4096;
    /** Default outbound ring size, slots (a power of two). */
    public static final int OUTBOUND_RING_SIZE_DEFAULT = 1024;
    /** Default timer interval. */
    public static final long TIMER_INTERVAL_MS_DEFAULT = 10;
    /** Default bound on the wait for the venue to confirm every cancel at shutdown. */
    public static final long SHUTDOWN_TIMEOUT_MS_DEFAULT = 10_000;

    private int inboundRingSize = INBOUND_RING_SIZE_DEFAULT;
    private int outboundRingSize = OUTBOUND_RING_SIZE_DEFAULT;
    private String threading = "dedicated";
    private String sharedWaitStrategy = "busy-spin";
    private int sharedCpu = -1;
    private String coreWaitStrategy = "blocking";
    private String orderWaitStrategy = "sleeping";
    private int coreCpu = -1;
    private int orderCpu = -1;
    private int mdCpu = -1;
    private String mdWaitStrategy = "sleeping";
    private int timerCpu = -1;
    private long timerIntervalMs = TIMER_INTERVAL_MS_DEFAULT;
    private long shutdownTimeoutMs = SHUTDOWN_TIMEOUT_MS_DEFAULT;

    /**
     * @param mode {@code dedicated} or {@code shared}.
     * @return this.
     */
    public EngineContext threading(final String mode)
    {
        this.threading = mode;
        return this;
    }

    public String threading()
    {
        return threading;
    }

    /**
     * @return true for {@code threading = shared}.
     */
    public boolean shared()
    {
        return "shared".equals(threading);
    }

    /**
     * @param name busy-spin (the shared thread never sleeps) or another wait name (it sleeps in epoll when a turn
     *             finds no work; producers on other threads wake it).
     * @return this.
     */
    public EngineContext sharedWaitStrategy(final String name)
    {
        this.sharedWaitStrategy = name;
        return this;
    }

    public String sharedWaitStrategy()
    {
        return sharedWaitStrategy;
    }

    /**
     * @param cpu CPU for the shared thread, -1 for none.
     * @return this.
     */
    public EngineContext sharedCpu(final int cpu)
    {
        this.sharedCpu = cpu;
        return this;
    }

    public int sharedCpu()
    {
        return sharedCpu;
    }

    public EngineContext inboundRingSize(final int slots)
    {
        this.inboundRingSize = slots;
        return this;
    }

    public int inboundRingSize()
    {
        return inboundRingSize;
    }

    public EngineContext outboundRingSize(final int slots)
    {
        this.outboundRingSize = slots;
        return this;
    }

    public int outboundRingSize()
    {
        return outboundRingSize;
    }

    public EngineContext coreWaitStrategy(final String name)
    {
        this.coreWaitStrategy = name;
        return this;
    }

    public String coreWaitStrategy()
    {
        return coreWaitStrategy;
    }

    public EngineContext orderWaitStrategy(final String name)
    {
        this.orderWaitStrategy = name;
        return this;
    }

    public String orderWaitStrategy()
    {
        return orderWaitStrategy;
    }

    public EngineContext coreCpu(final int cpu)
    {
        this.coreCpu = cpu;
        return this;
    }

    public int coreCpu()
    {
        return coreCpu;
    }

    /**
     * @param cpu CPU for the market-data I/O thread, -1 for none.
     * @return this.
     */
    public EngineContext mdCpu(final int cpu)
    {
        this.mdCpu = cpu;
        return this;
    }

    public int mdCpu()
    {
        return mdCpu;
    }

    /**
     * @param name busy-spin (poll the socket without sleeping) or another wait name (blocking select).
     * @return this.
     */
    public EngineContext mdWaitStrategy(final String name)
    {
        this.mdWaitStrategy = name;
        return this;
    }

    public String mdWaitStrategy()
    {
        return mdWaitStrategy;
    }

    public EngineContext orderCpu(final int cpu)
    {
        this.orderCpu = cpu;
        return this;
    }

    public int orderCpu()
    {
        return orderCpu;
    }

    public EngineContext timerCpu(final int cpu)
    {
        this.timerCpu = cpu;
        return this;
    }

    public int timerCpu()
    {
        return timerCpu;
    }

    public EngineContext timerIntervalMs(final long intervalMs)
    {
        this.timerIntervalMs = intervalMs;
        return this;
    }

    public long timerIntervalMs()
    {
        return timerIntervalMs;
    }

    public EngineContext shutdownTimeoutMs(final long timeoutMs)
    {
        this.shutdownTimeoutMs = timeoutMs;
        return this;
    }

    public long shutdownTimeoutMs()
    {
        return shutdownTimeoutMs;
    }

    /**
     * Check the settings together.
     *
     * @return this.
     * @throws IllegalStateException saying what is wrong.
     */
    public EngineContext conclude()
    {
        requirePowerOfTwo("engine.inbound-ring-size", inboundRingSize);
        requirePowerOfTwo("engine.outbound-ring-size", outboundRingSize);
        WaitStrategies.of(coreWaitStrategy);
        WaitStrategies.of(orderWaitStrategy);
        WaitStrategies.of(sharedWaitStrategy);
        if (!"dedicated".equals(threading) && !"shared".equals(threading))
        {
            throw new IllegalStateException("engine.threading = " + threading + ": dedicated or shared");
        }
        final int cpus = Runtime.getRuntime().availableProcessors();
        requireCpu("engine.core-cpu", coreCpu, cpus);
        requireCpu("engine.order-cpu", orderCpu, cpus);
        requireCpu("engine.timer-cpu", timerCpu, cpus);
        requireCpu("engine.shared-cpu", sharedCpu, cpus);
        if (coreCpu >= 0 && coreCpu == orderCpu)
        {
            throw new IllegalStateException("engine.core-cpu and engine.order-cpu are both " + coreCpu +
                ": two busy threads on one CPU starve each other");
        }
        return this;
    }

    private static void requirePowerOfTwo(final String key, final int value)
    {
        if (value < 64 || Integer.bitCount(value) != 1)
        {
            throw new IllegalStateException(key + " = " + value + " must be a power of two, at least 64");
        }
    }

    private static void requireCpu(final String key, final int cpu, final int cpus)
    {
        if (cpu >= cpus)
        {
            throw new IllegalStateException(key + " = " + cpu + " but this machine has CPUs 0 to " + (cpus - 1));
        }
    }
}
