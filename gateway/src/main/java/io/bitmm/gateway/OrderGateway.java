package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.order.CommandSource;
import io.bitmm.gateway.order.OrderPool;
import io.bitmm.gateway.order.OrderStageListener;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signed orders over a warm pool of HTTP/2 (or HTTP/1.1) connections.
 * <p>
 * Commands arrive one of two ways. With a {@link #commandSource} (the engine's outbound ring), the order I/O thread
 * polls the source itself on every turn of its event loop and the producer calls {@link #wakeup()}. Otherwise
 * {@link #onCommand}, from another thread, copies the command into a preallocated single-producer hand-off ring and
 * wakes the order I/O thread. Either way: no allocation, no blocking; when the hand-off ring is full the command is
 * rejected with {@code RejectCodes.LOCAL_OVERLOAD}. The I/O thread applies the
 * per-endpoint rate limits, coalesces consecutive PLACEs / CANCELs of one batch into batch requests (a run whose
 * batch has not ended yet is held until the rest arrives, or for about two 1 ms ticks at most), encodes,
 * signs and writes, and turns replies, timeouts and losses into COMMAND_ACK / COMMAND_REJECT / COMMAND_UNKNOWN
 * events. RESYNC_BOOK commands are the market-data gateway's and are ignored here; FETCH_FILLS go to a
 * {@link FillFetcher} (slow path, its own thread).
 */
public final class OrderGateway implements AutoCloseable
{
    /** Capacity of the hand-off ring between the engine thread and the order I/O thread. */
    public static final int HANDOFF_CAPACITY = 1024;

    private final GatewayContext context;
    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final GatewayCounters counters = new GatewayCounters();
    private final OutboundCommand[] handoff = new OutboundCommand[HANDOFF_CAPACITY];
    private final boolean[] handoffEndOfBatch = new boolean[HANDOFF_CAPACITY];
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicBoolean wakeup = new AtomicBoolean();
    private final AtomicLong overloadRejects = new AtomicLong();
    private final Runnable drainTask = this::drain;
    private GatewayThreads threads;
    private OrderStageListener stageListener = OrderStageListener.NONE;
    private OrderPool pool;
    private long stalledAt = -1;
    private int warmupAnswered;
    private CommandSource source;
    private final CommandSource.Consumer localConsumer = this::takeLocal;
    private final java.util.function.IntSupplier pollDuty = this::pollSource;
    private volatile PollingIoHandler polling;
    private volatile boolean accepting;
    private long warmupMillis;
    private final FillFetcher fills;

    /**
     * @param context     settings; credentials are required.
     * @param instruments instruments.
     * @param publisher   the inbound ring.
     */
    public OrderGateway(final GatewayContext context, final InstrumentTable instruments, final InboundPublisher publisher)
    {
        this.context = context.conclude();
        if (context.credentials() == null)
        {
            throw new IllegalStateException("OrderGateway needs credentials (GatewayContext.credentials)");
        }
        this.instruments = instruments;
        this.publisher = publisher;
        for (int i = 0; i < HANDOFF_CAPACITY; i++)
        {
            handoff[i] = new OutboundCommand();
        }
        this.fills = new FillFetcher(context, instruments, publisher, "bitmm-order-fills");
    }

    /**
     * Warm the order path up for the JIT ({@code orderWarmupRequests} in-memory requests, see
     * {@link io.bitmm.gateway.order.OrderPathWarmup}), then open and pre-warm the pool: {@code httpConnections}
     * connections, each through its TLS handshake / HTTP/2 SETTINGS and one real {@code GET /api/v2/public/time}
     * (which also sets the clock offset). Blocks until all are warm.
     *
     * @throws IllegalStateException when the pool is not warm within {@code connectTimeoutMs}, saying why.
     */
    public void start()
    {
        if (source == null)
        {
            threads = new GatewayThreads(context, "bitmm-orders");
        }
        else if (context.sharedDutyCycle() != null)
        {
            threads = new GatewayThreads(context.sharedDutyCycle().group());
            context.sharedDutyCycle().add(pollDuty);
        }
        else
        {
            if (context.eventLoopGroup() != null)
            {
                throw new IllegalStateException("an order gateway that polls a command source needs its own I/O " +
                    "thread: do not give the context a shared eventLoopGroup");
            }
            final ThreadFactory factory = context.orderThreadFactory() != null ? context.orderThreadFactory() :
                new DefaultThreadFactory("bitmm-orders", true);
            final IoHandlerFactory nio = NioIoHandler.newFactory();
            threads = new GatewayThreads(factory, executor ->
            {
                final PollingIoHandler handler = new PollingIoHandler(nio.newHandler(executor), this::pollSource,
                    context.orderLoopSpin());
                polling = handler;
                return handler;
            });
        }
        final byte[] secret = context.credentials().secretBytes();
        final HmacSigner signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        pool = new OrderPool(context, instruments, publisher, counters, threads.group().next(), signer, handoff);
        pool.stalledDrain(this::drainStalled);
        pool.stageListener(stageListener);
        try
        {
            final long warmupStart = System.nanoTime();
            warmupAnswered = pool.warmUp(context.orderWarmupRequests());
            warmupMillis = (System.nanoTime() - warmupStart) / 1_000_000;
            pool.start();
            accepting = true;
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    /**
     * Consume commands from {@code source} on the order I/O thread itself, polled on every turn of its event loop,
     * instead of taking them through {@link #onCommand} from another thread. Set before {@link #start()}; the
     * producer calls {@link #wakeup()} after publishing (the thread may sleep in epoll unless {@code orderLoopSpin}).
     *
     * @param source the outbound commands.
     */
    public void commandSource(final CommandSource source)
    {
        this.source = source;
    }

    /**
     * Any thread, allocation-free: commands were published to the {@link #commandSource}; wake the order I/O thread
     * if it sleeps (a volatile read when it is awake or spinning).
     */
    public void wakeup()
    {
        if (context.sharedDutyCycle() != null)
        {
            context.sharedDutyCycle().wakeup();
            return;
        }
        final PollingIoHandler handler = polling;
        if (handler != null)
        {
            handler.wakeIfParked();
        }
    }

    private int pollSource()
    {
        if (!accepting)
        {
            return 0;
        }
        final int taken = source.poll(localConsumer);
        if (taken > 0)
        {
            drain(false);
        }
        return taken;
    }

    private void takeLocal(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        enqueue(command, endOfBatch);
    }

    /**
     * Copy a command into the hand-off ring (rejecting it locally when the ring is full).
     *
     * @return true when it was taken and the I/O thread has to drain.
     */
    private boolean enqueue(final OutboundCommand command, final boolean endOfBatch)
    {
        if (command.type == CommandType.RESYNC_BOOK || command.type == CommandType.NONE)
        {
            return false;
        }
        if (command.type == CommandType.MODEL_FIT)
        {
            return false; // the journal's record of the core's model: nothing to send
        }
        if (command.type == CommandType.FETCH_FILLS)
        {
            fills.requestOrder(command);
            return false;
        }
        final long h = head.get();
        if (h - tail.get() >= HANDOFF_CAPACITY || pool == null)
        {
            overloadRejects.incrementAndGet();
            rejectLocally(command, io.bitmm.gateway.order.RejectCodes.LOCAL_OVERLOAD);
            return false;
        }
        final int index = (int)(h & (HANDOFF_CAPACITY - 1));
        handoff[index].copyFrom(command);
        handoffEndOfBatch[index] = endOfBatch;
        head.set(h + 1);
        return true;
    }

    /**
     * @param listener told, on the order I/O thread, each command's stamps once its request is flushed; set before
     *                 {@link #start()}.
     */
    public void stageListener(final OrderStageListener listener)
    {
        stageListener = listener;
    }

    /**
     * Take one command from the engine (its outbound-ring handler thread). Allocation-free.
     *
     * @param command    the command (copied).
     * @param sequence   its ring sequence.
     * @param endOfBatch whether it ends the ring's current batch (consecutive commands of a batch may be coalesced).
     */
    public void onCommand(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        if (enqueue(command, endOfBatch) && !wakeup.getAndSet(true))
        {
            pool.eventLoop().execute(drainTask);
        }
    }

    private void rejectLocally(final OutboundCommand command, final int code)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = EventType.COMMAND_REJECT;
        e.timestampNanos = System.nanoTime();
        e.instrumentId = command.instrumentId;
        e.commandType = command.type;
        e.rejectCode = code;
        e.clientOid(command.clientOid, 0, command.clientOidLength);
        e.publishNanos = e.timestampNanos;
        publisher.publish(sequence);
    }

    private void drain()
    {
        wakeup.set(false);
        drain(false);
    }

    private void drain(final boolean force)
    {
        final long h = head.get();
        long t = tail.get();
        while (t < h)
        {
            final int consumed = pool.process(t, h, handoffEndOfBatch, force);
            if (consumed == 0)
            {
                break;
            }
            t += consumed;
            tail.set(t);
        }
        pool.flush();
    }

    private void drainStalled()
    {
        final long t = tail.get();
        if (t < head.get() && stalledAt == t)
        {
            drain(true);
        }
        final long after = tail.get();
        stalledAt = after < head.get() ? after : -1;
    }

    /**
     * @return requests answered during the order-path warm-up at {@link #start()} ({@code orderWarmupRequests} when
     * the path worked end to end).
     */
    public int warmupAnswered()
    {
        return warmupAnswered;
    }

    /**
     * @return how long the order-path warm-up took, in ms.
     */
    public long warmupMillis()
    {
        return warmupMillis;
    }

    /**
     * @return counters of the order thread (read from any thread).
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return commands rejected because the hand-off ring was full.
     */
    public long overloadRejects()
    {
        return overloadRejects.get();
    }

    /**
     * @return the venue clock minus the local clock, in ms, from the last time request.
     */
    public long clockOffsetMs()
    {
        return pool == null ? 0 : pool.clockOffsetMs();
    }

    /**
     * @return connections currently warm.
     */
    public int warmConnections()
    {
        return pool == null ? 0 : pool.warmConnections();
    }

    /**
     * @return the fill-history fetcher serving FETCH_FILLS commands (counters).
     */
    public FillFetcher fillFetcher()
    {
        return fills;
    }

    @Override
    public void close()
    {
        if (context.sharedDutyCycle() != null)
        {
            context.sharedDutyCycle().remove(pollDuty);
        }
        fills.close();
        if (pool != null)
        {
            pool.close();
        }
        if (threads != null)
        {
            threads.close();
        }
    }
}
