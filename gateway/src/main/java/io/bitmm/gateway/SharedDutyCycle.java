package io.bitmm.gateway;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import java.util.Arrays;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One thread for several agents ({@code engine.threading = shared}, Aeron's {@code ThreadingMode.SHARED}: where Aeron
 * composes its conductor, sender and receiver into one {@code CompositeAgent} on one {@code AgentRunner}, this is a
 * single Netty event loop whose every turn runs each registered duty ({@link #add}) and then its sockets. The
 * market-data socket, the core's consumption of the inbound ring and the order I/O agent's consumption of the
 * outbound ring (and its sockets) register here: a book update read from the socket is decoded into the ring, taken
 * by the core on the next turn, and the order it causes is written and flushed on the same turn, with no hand-off
 * between threads and no wake-up.
 * <p>
 * {@code spin = true}: the loop never sleeps (one core busy, by choice). {@code spin = false}: when a turn finds no
 * work it sleeps in epoll until I/O or {@link #wakeup()} (other threads that publish to the inbound ring call it:
 * a volatile read while the loop is awake).
 */
public final class SharedDutyCycle implements AutoCloseable
{
    private static final IntSupplier[] NONE = new IntSupplier[0];

    private final EventLoopGroup group;
    private final io.netty.channel.EventLoop loop;
    private volatile IntSupplier[] duties = NONE;
    private volatile PollingIoHandler handler;

    /**
     * @param threadFactory makes the one thread (name it; pin it).
     * @param spin          true: never sleep in epoll.
     */
    public SharedDutyCycle(final ThreadFactory threadFactory, final boolean spin)
    {
        final IoHandlerFactory nio = NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, threadFactory, executor ->
        {
            final PollingIoHandler h = new PollingIoHandler(nio.newHandler(executor), this::doWork, spin);
            handler = h;
            return h;
        });
        loop = group.next();
    }

    /**
     * @return true on the duty cycle's own thread.
     */
    public boolean inLoop()
    {
        return loop.inEventLoop();
    }

    /**
     * Add a duty, run on every turn of the loop in the order added (any thread; normally before traffic starts).
     *
     * @param duty returns how much work it did (0: none).
     */
    public synchronized void add(final IntSupplier duty)
    {
        final IntSupplier[] more = Arrays.copyOf(duties, duties.length + 1);
        more[more.length - 1] = duty;
        duties = more;
        wakeup();
    }

    /**
     * Remove a duty added before (any thread).
     *
     * @param duty the duty.
     */
    public synchronized void remove(final IntSupplier duty)
    {
        final IntSupplier[] now = duties;
        for (int i = 0; i < now.length; i++)
        {
            if (now[i] == duty)
            {
                final IntSupplier[] fewer = new IntSupplier[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, i);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                duties = fewer;
                return;
            }
        }
    }

    /**
     * @return the one-thread event loop group the shared gateways open their connections on.
     */
    public EventLoopGroup group()
    {
        return group;
    }

    /**
     * Any thread, allocation-free: wake the loop if it sleeps in epoll (a volatile read when it is awake).
     */
    public void wakeup()
    {
        final PollingIoHandler h = handler;
        if (h != null)
        {
            h.wakeIfParked();
        }
    }

    private int doWork()
    {
        final IntSupplier[] now = duties;
        int done = 0;
        for (final IntSupplier duty : now)
        {
            done += duty.getAsInt();
        }
        return done;
    }

    /**
     * Stop the thread (after the gateways that use it closed their connections).
     */
    @Override
    public void close()
    {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
