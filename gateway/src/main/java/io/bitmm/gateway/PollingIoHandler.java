package io.bitmm.gateway;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;

import java.util.function.IntSupplier;

/**
 * A Netty I/O handler that also polls a source of work on every turn of its event loop: the order I/O thread
 * consumes the engine's outbound ring this way, with no thread in between.
 * <p>
 * Spinning ({@code spin = true}, for a pinned, isolated CPU): the loop never sleeps; each turn polls the source and
 * then the sockets without blocking. Parking ({@code spin = false}, for a shared machine): when a turn finds no work
 * and Netty may block, the handler announces it is parked, polls once more (so that work published just before is
 * never missed) and then sleeps in the selector until I/O, a task, a timer or {@link #wakeIfParked()} wakes it.
 * {@link #wakeIfParked()}, called by the producer after publishing, costs a volatile read when the loop is awake
 * and one selector wake-up (a syscall) when it is parked.
 */
final class PollingIoHandler implements IoHandler
{
    private final IoHandler delegate;
    private final IntSupplier work;
    private final boolean spin;
    private final NonBlockingContext nonBlocking = new NonBlockingContext();
    private volatile boolean parked;

    PollingIoHandler(final IoHandler delegate, final IntSupplier work, final boolean spin)
    {
        this.delegate = delegate;
        this.work = work;
        this.spin = spin;
    }

    /**
     * Any thread: wake the loop if it sleeps.
     */
    void wakeIfParked()
    {
        if (parked)
        {
            delegate.wakeup();
        }
    }

    @Override
    public int run(final IoHandlerContext context)
    {
        int done = work.getAsInt();
        if (done > 0 || spin || !context.canBlock())
        {
            nonBlocking.context = context;
            return done + delegate.run(nonBlocking);
        }
        parked = true;
        done = work.getAsInt();
        if (done > 0)
        {
            parked = false;
            nonBlocking.context = context;
            return done + delegate.run(nonBlocking);
        }
        final int io = delegate.run(context);
        parked = false;
        return io + work.getAsInt();
    }

    @Override
    public void initialize()
    {
        delegate.initialize();
    }

    @Override
    public void prepareToDestroy()
    {
        delegate.prepareToDestroy();
    }

    @Override
    public void destroy()
    {
        delegate.destroy();
    }

    @Override
    public IoRegistration register(final IoHandle handle) throws Exception
    {
        return delegate.register(handle);
    }

    @Override
    public void wakeup()
    {
        delegate.wakeup();
    }

    @Override
    public boolean isCompatible(final Class<? extends IoHandle> handleType)
    {
        return delegate.isCompatible(handleType);
    }

    /** The loop's own context, except that it never lets the selector block. */
    private static final class NonBlockingContext implements IoHandlerContext
    {
        private IoHandlerContext context;

        @Override
        public boolean canBlock()
        {
            return false;
        }

        @Override
        public long delayNanos(final long currentTimeNanos)
        {
            return context.delayNanos(currentTimeNanos);
        }

        @Override
        public long deadlineNanos()
        {
            return context.deadlineNanos();
        }

        @Override
        public void reportActiveIoTime(final long activeNanos)
        {
            context.reportActiveIoTime(activeNanos);
        }

        @Override
        public boolean shouldReportActiveIoTime()
        {
            return context.shouldReportActiveIoTime();
        }
    }
}
