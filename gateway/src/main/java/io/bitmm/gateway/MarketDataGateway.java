package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.ws.WebSocketSession;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The public stream: subscribes {@code books} (and {@code trade}) for every instrument of the table, decodes each
 * frame straight into the inbound ring, publishes BOOK_RESET on a loss or a resync, and resubscribes after a
 * reconnect. {@link #requestResync(int)} may be called from any thread: it sets a flag and wakes the event loop
 * without allocating or blocking.
 * <p>
 * A refused subscribe ({@code {"event":"error","code":30006,"msg":"request too many"}}, which names no channel) is
 * asked again for every book still waiting for its snapshot, with back-off ({@value #SUBSCRIBE_RETRY_MIN_MS} ms
 * doubling to {@value #SUBSCRIBE_RETRY_MAX_MS} ms; the session paces subscribes within 240 an hour); after
 * {@value #SUBSCRIBE_RETRIES_BEFORE_RECONNECT} refusals in a row the connection is replaced. The core does not quote
 * an instrument whose book is empty, so quoting resumes when the snapshot arrives.
 */
public final class MarketDataGateway implements AutoCloseable
{
    private static final int TOO_MANY_REQUESTS = 30006;
    private static final int SUBSCRIBE_RETRIES_BEFORE_RECONNECT = 5;
    private static final long SUBSCRIBE_RETRY_MIN_MS = 500;
    private static final long SUBSCRIBE_RETRY_MAX_MS = 30_000;

    private final GatewayContext context;
    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final GatewayCounters counters = new GatewayCounters();
    private final MarketDataCodec decoder;
    private final AtomicIntegerArray resyncRequested;
    private final AtomicBoolean resyncScheduled = new AtomicBoolean();
    private final Runnable resyncTask = this::drainResyncs;
    private GatewayThreads threads;
    private int subscribeRefusals;
    private io.netty.util.concurrent.ScheduledFuture<?> subscribeRetry;

    private static IoHandlerFactory spinning(final boolean spin)
    {
        final IoHandlerFactory nio = NioIoHandler.newFactory();
        return spin ? executor -> new PollingIoHandler(nio.newHandler(executor), () -> 0, true) : nio;
    }
    private WebSocketSession session;

    /**
     * @param context     settings (concluded here).
     * @param instruments the instruments to subscribe.
     * @param publisher   the inbound ring.
     */
    public MarketDataGateway(final GatewayContext context, final InstrumentTable instruments, final InboundPublisher publisher)
    {
        this.context = context.conclude();
        this.instruments = instruments;
        this.publisher = publisher;
        this.decoder = context.dialect().marketData(instruments, publisher, counters, context.errorLog());
        this.resyncRequested = new AtomicIntegerArray(instruments.instrumentCount());
    }

    /**
     * Connect and subscribe (asynchronously; BOOK_SNAPSHOTs follow).
     */
    public void start()
    {
        threads = context.eventLoopGroup() == null && (context.marketDataThreadFactory() != null ||
            context.marketDataLoopSpin()) ?
            new GatewayThreads(context.marketDataThreadFactory() != null ? context.marketDataThreadFactory() :
                new DefaultThreadFactory("bitmm-md", true), spinning(context.marketDataLoopSpin())) :
            new GatewayThreads(context, "bitmm-md");
        session = new WebSocketSession("market-data", context.wsPublicUri(), context,
            WebSocketSession.pick(threads.group()), new Listener(), counters);
        session.start();
    }

    /**
     * Ask for a fresh snapshot of one instrument's book (any thread, allocation-free).
     *
     * @param instrumentId the instrument, or -1 for all.
     */
    public void requestResync(final int instrumentId)
    {
        for (int i = 0; i < resyncRequested.length(); i++)
        {
            if (instrumentId < 0 || i == instrumentId)
            {
                resyncRequested.set(i, 1);
            }
        }
        if (session != null && !resyncScheduled.getAndSet(true))
        {
            session.eventLoop().execute(resyncTask);
        }
    }

    /**
     * Take the core's RESYNC_BOOK commands (other command types are the order gateway's and are ignored).
     *
     * @param command    the command.
     * @param sequence   its ring sequence.
     * @param endOfBatch whether it ends a batch.
     */
    public void onCommand(final OutboundCommand command, final long sequence, final boolean endOfBatch)
    {
        if (command.type == CommandType.RESYNC_BOOK)
        {
            requestResync(command.instrumentId);
        }
    }

    public GatewayCounters counters()
    {
        return counters;
    }

    @Override
    public void close()
    {
        if (session != null)
        {
            session.close();
        }
        if (threads != null)
        {
            threads.close();
        }
    }

    private void drainResyncs()
    {
        resyncScheduled.set(false);
        for (int i = 0; i < resyncRequested.length(); i++)
        {
            if (resyncRequested.getAndSet(i, 0) == 1)
            {
                resync(i);
            }
        }
    }

    private void resync(final int instrumentId)
    {
        counters.increment(GatewayCounters.RESYNCS);
        decoder.awaitSnapshot(instrumentId);
        publishReset(instrumentId);
        if (session.isOpen())
        {
            session.send(subscription("unsubscribe", instrumentId, false), false);
            session.send(subscription("subscribe", instrumentId, false), true);
        }
    }

    private void publishReset(final int instrumentId)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = EventType.BOOK_RESET;
        e.instrumentId = instrumentId;
        e.timestampNanos = System.nanoTime();
        e.publishNanos = e.timestampNanos;
        publisher.publish(sequence);
        counters.increment(GatewayCounters.EVENTS_PUBLISHED);
    }

    private String subscription(final String op, final int instrumentId, final boolean withTrades)
    {
        return decoder.subscription(op, instrumentId, withTrades);
    }

    private void onControl(final int event, final int code)
    {
        if (event == MarketDataCodec.EVENT_SUBSCRIBE)
        {
            subscribeRefusals = 0;
        }
        else if (event == MarketDataCodec.EVENT_ERROR && code == TOO_MANY_REQUESTS)
        {
            subscribeRefusals++;
            counters.increment(GatewayCounters.SUBSCRIBE_RETRIES);
            if (subscribeRefusals >= SUBSCRIBE_RETRIES_BEFORE_RECONNECT)
            {
                subscribeRefusals = 0;
                session.reconnect();
            }
            else if (subscribeRetry == null || subscribeRetry.isDone())
            {
                final long delay = Math.min(SUBSCRIBE_RETRY_MAX_MS, SUBSCRIBE_RETRY_MIN_MS << (subscribeRefusals - 1));
                subscribeRetry = session.eventLoop().schedule(this::resubscribeWaiting, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void resubscribeWaiting()
    {
        if (!session.isOpen())
        {
            return;
        }
        for (int i = 0; i < instruments.instrumentCount(); i++)
        {
            if (decoder.isAwaitingSnapshot(i))
            {
                session.send(subscription("subscribe", i, context.subscribeTrades()), true);
            }
        }
    }

    private final class Listener implements WebSocketSession.Listener
    {
        @Override
        public void onOpen(final WebSocketSession s)
        {
            subscribeRefusals = 0;
            decoder.awaitSnapshot(-1);
            s.send(subscription("subscribe", -1, context.subscribeTrades()), true);
        }

        @Override
        public void onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
        {
            final int result = decoder.onFrame(buffer, offset, length, rxNanos);
            if (result == MarketDataCodec.PONG)
            {
                session.pongReceived();
            }
            else if (result == MarketDataCodec.CONTROL)
            {
                onControl(decoder.event(), decoder.code());
            }
            else if (result == MarketDataCodec.ERROR)
            {
                final int instrumentId = decoder.errorInstrumentId();
                for (int i = 0; i < instruments.instrumentCount(); i++)
                {
                    if (instrumentId < 0 || i == instrumentId)
                    {
                        resync(i);
                    }
                }
            }
        }

        @Override
        public void onClose(final WebSocketSession s)
        {
            if (subscribeRetry != null)
            {
                subscribeRetry.cancel(false);
            }
            for (int i = 0; i < instruments.instrumentCount(); i++)
            {
                publishReset(i);
            }
        }
    }
}
