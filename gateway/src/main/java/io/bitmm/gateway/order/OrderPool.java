package io.bitmm.gateway.order;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.risk.RequestWindow;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.Http2Client;
import io.bitmm.gateway.HttpMode;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.bitget.ReplyCodec;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The order I/O thread's state: the connection pool (pre-warmed, kept warm, replaced when it dies), the per-endpoint
 * rate limiters, wait queues and back-off pauses, the preallocated requests, the encoder and the reply decoder.
 * Everything here runs on one event loop, except {@link #start()} which blocks the caller until the pool is warm.
 */
public final class OrderPool implements HttpConnection.Listener
{
    private static final int MAX_REQUESTS = 256;
    private static final long TICK_MICROS = 1000;
    private static final Endpoint[] ENDPOINTS = Endpoint.values();

    private final GatewayContext context;
    private final InstrumentTable instruments;
    private final GatewayCounters counters;
    private final EventLoop loop;
    private final OutboundCommand[] handoff;
    private final OrderCodec encoder;
    private final ReplyCodec replies;
    private final SslContext sslContext;
    private final OrderRequest[] requests = new OrderRequest[MAX_REQUESTS];
    private final int[] freeRequests = new int[MAX_REQUESTS];
    private int freeCount;
    private final RequestWindow[] limiters = new RequestWindow[Endpoint.values().length];
    private final long[] pausedUntilNanos = new long[Endpoint.values().length];
    /** Limiter slots spent by requests written since the last flush: counted from the flush (RequestWindow.restamp). */
    private final int[] unflushedEndpoint = new int[MAX_REQUESTS];
    private final int[] unflushedSlot = new int[MAX_REQUESTS];
    private int unflushedSpent;
    private final OutboundCommand[][] waitQueues;
    private final int[] waitHead = new int[Endpoint.values().length];
    private final int[] waitSize = new int[Endpoint.values().length];
    private final List<HttpConnection> connections = new ArrayList<>();
    private final CountDownLatch warmLatch;
    private int nextConnectionId;
    private int roundRobin;
    private boolean useHttp2;
    private int consecutiveFailures;
    private static final int MAX_PENDING_STAMPS = 1024;
    private final long[] pendingTrigger = new long[MAX_PENDING_STAMPS];
    private final long[] pendingDecision = new long[MAX_PENDING_STAMPS];
    private final long[] pendingEncoded = new long[MAX_PENDING_STAMPS];
    private final boolean[] pendingRateLimited = new boolean[MAX_PENDING_STAMPS];
    private boolean drainingWaitQueue;
    private int pendingStamps;
    private OrderStageListener stageListener = OrderStageListener.NONE;
    private long nextConnectNanos;
    private boolean dirty;
    private volatile int warmCount;
    private volatile String lastProblem = "none";
    private volatile boolean closed;
    private ScheduledFuture<?> tick;
    private Runnable stalledDrain = OrderPool::noop;
    /** Requests refused for their timestamp, held until the clock is re-synced, then re-signed and sent again. */
    private final OrderRequest[] clockHeld = new OrderRequest[MAX_REQUESTS];
    private int clockHeldCount;
    private long clockSyncs;
    private static final long CLOCK_HOLD_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(3);

    /**
     * @param context     settings.
     * @param instruments instruments.
     * @param publisher   the inbound ring.
     * @param counters    counters.
     * @param loop        the order I/O thread.
     * @param signer      the request signer.
     * @param handoff     the hand-off ring's slots (read on this loop only between tail and head).
     */
    public OrderPool(
        final GatewayContext context,
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final EventLoop loop,
        final HmacSigner signer,
        final OutboundCommand[] handoff)
    {
        this.context = context;
        this.instruments = instruments;
        this.counters = counters;
        this.loop = loop;
        this.handoff = handoff;
        this.encoder = context.dialect().orders(signer);
        this.replies = context.dialect().replies(instruments, publisher, counters, context.errorLog());
        this.warmLatch = new CountDownLatch(context.httpConnections());
        this.useHttp2 = context.httpMode() != HttpMode.HTTP1;
        this.sslContext = "https".equals(context.restUri().getScheme()) ? sslContext(context) : null;
        for (int i = 0; i < MAX_REQUESTS; i++)
        {
            requests[i] = new OrderRequest(i);
            freeRequests[i] = i;
        }
        freeCount = MAX_REQUESTS;
        waitQueues = new OutboundCommand[Endpoint.values().length][context.rateLimitQueueCapacity()];
        for (final Endpoint endpoint : Endpoint.values())
        {
            limiters[endpoint.ordinal()] = new RequestWindow(context.rateLimitPerSecond(endpoint),
                TimeUnit.SECONDS.toNanos(1) + TimeUnit.MILLISECONDS.toNanos(context.rateLimitMarginMs()));
            for (int i = 0; i < context.rateLimitQueueCapacity(); i++)
            {
                waitQueues[endpoint.ordinal()][i] = new OutboundCommand();
            }
        }
    }

    private static SslContext sslContext(final GatewayContext context)
    {
        try
        {
            final SslProvider provider = SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
            final SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(provider)
                .trustManager(context.tlsTrustManagerFactory());
            if (context.httpMode() == HttpMode.HTTP1)
            {
                builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_1_1));
            }
            else
            {
                builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
            }
            return builder.build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot create the TLS context for the order pool", ex);
        }
    }

    /**
     * Warm the order path up for the JIT (before {@link #start()}, on the calling thread): see {@link OrderPathWarmup}.
     *
     * @param requests requests to run through it.
     * @return requests answered and decoded.
     */
    public int warmUp(final int requests)
    {
        return new OrderPathWarmup(encoder, context.dialect(), instruments, context.restUri(), context.credentials(),
            context.http2Client()).run(requests);
    }

    public EventLoop eventLoop()
    {
        return loop;
    }

    public long clockOffsetMs()
    {
        return context.venueClock().offsetMs();
    }

    public int warmConnections()
    {
        return warmCount;
    }

    /**
     * Open the pool and wait until every connection is warm.
     *
     * @throws IllegalStateException when it is not warm in time.
     */
    public void start()
    {
        loop.execute(() ->
        {
            if (context.rateLimitStartSpent())
            {
                // the venue counts per account: a run killed a moment ago may have spent this second's budget (chaos
                // seed 3: a restart's first requotes and the killed run's last ones met in one venue window)
                final long now = System.nanoTime();
                for (final Endpoint endpoint : Endpoint.values())
                {
                    if (endpoint != Endpoint.PUBLIC_TIME)
                    {
                        limiters[endpoint.ordinal()].spendAll(now);
                    }
                }
            }
            for (int i = 0; i < context.httpConnections(); i++)
            {
                open();
            }
            tick = loop.scheduleAtFixedRate(this::tick, TICK_MICROS, TICK_MICROS, TimeUnit.MICROSECONDS);
        });
        try
        {
            if (!warmLatch.await(context.connectTimeoutMs(), TimeUnit.MILLISECONDS))
            {
                throw new IllegalStateException("order gateway: " + (context.httpConnections() - warmLatch.getCount()) +
                    " of " + context.httpConnections() + " connections to " + context.restUri() + " warm after " +
                    context.connectTimeoutMs() + " ms (last problem: " + lastProblem + ")");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("order gateway: interrupted while warming the pool", ex);
        }
    }

    /**
     * Close every connection.
     */
    public void close()
    {
        closed = true;
        if (!loop.isShuttingDown())
        {
            loop.execute(() ->
            {
                if (tick != null)
                {
                    tick.cancel(false);
                }
                for (final HttpConnection connection : new ArrayList<>(connections))
                {
                    connection.close();
                }
            });
        }
    }

    private void open()
    {
        final HttpConnection connection = new HttpConnection(nextConnectionId++, context.restUri(), useHttp2,
            context.httpMode() == HttpMode.H2, context.http2Client() == Http2Client.LEAN, context.credentials(), this);
        connection.connectedAtNanos = System.nanoTime();
        connections.add(connection);
        counters.increment(GatewayCounters.CONNECTIONS_OPENED);
        connection.connect(loop, sslContext, (int)context.connectTimeoutMs());
    }

    /**
     * Process commands from the hand-off ring starting at {@code t}.
     *
     * @param t          the first unprocessed sequence.
     * @param h          the producer's head.
     * @param endOfBatch end-of-batch flags by slot.
     * @param force      true: do not wait for the rest of an unfinished batch.
     * @return how many commands were consumed (one, or a coalesced run); 0 when the available commands are the start
     * of a coalescible run whose batch has not ended yet (its rest is being handed over right now).
     */
    public int process(final long t, final long h, final boolean[] endOfBatch, final boolean force)
    {
        final OutboundCommand c = handoff[slot(t)];
        counters.increment(GatewayCounters.COMMANDS);
        final Endpoint single = encoder.endpointOf(c.type);
        if (single == null || c.instrumentId < 0 || c.instrumentId >= instruments.instrumentCount())
        {
            counters.increment(GatewayCounters.UNSUPPORTED_COMMANDS);
            reject(c, RejectCodes.LOCAL_INVALID_COMMAND);
            return 1;
        }
        final long now = System.nanoTime();
        if (context.coalesceBatches() && (c.type == CommandType.PLACE || c.type == CommandType.CANCEL) &&
            waitSize[single.ordinal()] == 0)
        {
            final int run = runLength(t, h, endOfBatch, c);
            if (!force && t + run == h && run < encoder.maxBatch() && !endOfBatch[slot(h - 1)])
            {
                return 0;
            }
            if (run >= 2 && sendBatch(c, t, run, now))
            {
                return run;
            }
        }
        submit(c, single, now);
        return 1;
    }

    private int slot(final long sequence)
    {
        return (int)(sequence & (handoff.length - 1));
    }

    private int runLength(final long t, final long h, final boolean[] endOfBatch, final OutboundCommand first)
    {
        int run = 1;
        while (run < encoder.maxBatch() && t + run < h && !endOfBatch[slot(t + run - 1)])
        {
            final OutboundCommand next = handoff[slot(t + run)];
            if (next.type != first.type || next.instrumentId != first.instrumentId)
            {
                break;
            }
            run++;
        }
        return run;
    }

    private boolean sendBatch(final OutboundCommand first, final long t, final int run, final long now)
    {
        final Endpoint batch = encoder.batchEndpointOf(first.type);
        final HttpConnection connection = pick();
        if (batch == null || connection == null || freeCount == 0 || now < pausedUntilNanos[batch.ordinal()] ||
            !limiters[batch.ordinal()].tryAcquire(now))
        {
            return false;
        }
        final OrderRequest r = acquire();
        final Instrument instrument = instruments.instrument(first.instrumentId);
        if (first.type == CommandType.PLACE)
        {
            encoder.encodeBatchPlace(r, handoff, t, run, instrument, wallMs());
        }
        else
        {
            encoder.encodeBatchCancel(r, handoff, t, run, instrument, wallMs());
        }
        final long encodedNanos = System.nanoTime();
        for (int i = 0; i < run; i++)
        {
            stampEncoded(handoff[slot(t + i)], encodedNanos);
        }
        send(connection, r, now);
        return true;
    }

    private void submit(final OutboundCommand c, final Endpoint endpoint, final long now)
    {
        final int e = endpoint.ordinal();
        if (waitSize[e] > 0 || !trySendSingle(c, endpoint, now))
        {
            enqueue(c, e);
        }
    }

    private boolean trySendSingle(final OutboundCommand c, final Endpoint endpoint, final long now)
    {
        final HttpConnection connection = pick();
        if (connection == null || freeCount == 0 || now < pausedUntilNanos[endpoint.ordinal()] ||
            !limiters[endpoint.ordinal()].tryAcquire(now))
        {
            return false;
        }
        final OrderRequest r = acquire();
        encoder.encode(r, c, instruments.instrument(c.instrumentId), wallMs());
        stampEncoded(c, System.nanoTime());
        send(connection, r, now);
        return true;
    }

    private void enqueue(final OutboundCommand c, final int e)
    {
        final OutboundCommand[] queue = waitQueues[e];
        if (waitSize[e] == queue.length)
        {
            counters.increment(GatewayCounters.RATE_LIMIT_REJECTS);
            reject(c, RejectCodes.LOCAL_RATE_LIMIT);
            return;
        }
        counters.increment(GatewayCounters.RATE_LIMIT_WAITS);
        queue[(waitHead[e] + waitSize[e]) % queue.length].copyFrom(c);
        waitSize[e]++;
    }

    private void drainWaitQueues(final long now)
    {
        for (final Endpoint endpoint : ENDPOINTS)
        {
            final int e = endpoint.ordinal();
            drainingWaitQueue = true;
            while (waitSize[e] > 0 && trySendSingle(waitQueues[e][waitHead[e]], endpoint, now))
            {
                waitHead[e] = (waitHead[e] + 1) % waitQueues[e].length;
                waitSize[e]--;
            }
            drainingWaitQueue = false;
        }
    }

    private void send(final HttpConnection connection, final OrderRequest r, final long now)
    {
        // every send follows its own tryAcquire on its endpoint's limiter: count that slot from the flush
        if (unflushedSpent < unflushedEndpoint.length)
        {
            unflushedEndpoint[unflushedSpent] = r.endpoint.ordinal();
            unflushedSlot[unflushedSpent++] = limiters[r.endpoint.ordinal()].lastSpent();
        }
        connection.send(r);
        r.inFlight = true;
        r.sentNanos = now;
        r.sentWallMs = System.currentTimeMillis();
        r.deadlineNanos = now + TimeUnit.MILLISECONDS.toNanos(context.requestTimeoutMs());
        counters.request(r.endpoint);
        dirty = true;
    }

    /**
     * Flush connections written to since the last flush.
     */
    public void flush()
    {
        if (dirty)
        {
            dirty = false;
            for (int i = 0; i < connections.size(); i++)
            {
                connections.get(i).flush();
            }
            final long flushed = System.nanoTime();
            for (int i = 0; i < unflushedSpent; i++)
            {
                limiters[unflushedEndpoint[i]].restamp(unflushedSlot[i], flushed);
            }
            unflushedSpent = 0;
            reportFlushed(flushed);
        }
    }

    /**
     * @param listener told the stamps of every command once flushed (order I/O thread); set before {@link #start()}.
     */
    public void stageListener(final OrderStageListener listener)
    {
        stageListener = listener == null ? OrderStageListener.NONE : listener;
    }

    private void stampEncoded(final OutboundCommand c, final long encodedNanos)
    {
        if (pendingStamps < MAX_PENDING_STAMPS)
        {
            pendingTrigger[pendingStamps] = c.triggerTimestampNanos;
            pendingDecision[pendingStamps] = c.decisionNanos;
            pendingEncoded[pendingStamps] = encodedNanos;
            pendingRateLimited[pendingStamps] = drainingWaitQueue;
            pendingStamps++;
        }
    }

    private void reportFlushed(final long flushedNanos)
    {
        final OrderStageListener listener = stageListener;
        for (int i = 0; i < pendingStamps; i++)
        {
            listener.onFlushed(pendingTrigger[i], pendingDecision[i], pendingEncoded[i], flushedNanos, pendingRateLimited[i]);
        }
        pendingStamps = 0;
    }

    private HttpConnection pick()
    {
        final int size = connections.size();
        for (int i = 0; i < size; i++)
        {
            roundRobin = roundRobin + 1 >= size ? 0 : roundRobin + 1;
            final HttpConnection connection = connections.get(roundRobin);
            if (connection.warm && connection.canSend())
            {
                return connection;
            }
        }
        return null;
    }

    private OrderRequest acquire()
    {
        final OrderRequest r = requests[freeRequests[--freeCount]];
        r.clear();
        return r;
    }

    private void release(final OrderRequest r)
    {
        r.inFlight = false;
        r.connection = null;
        r.stream = null;
        freeRequests[freeCount++] = r.index;
    }

    private long wallMs()
    {
        return context.venueClock().epochMs();
    }

    private void reject(final OutboundCommand c, final int code)
    {
        replies.publishLocal(c, EventType.COMMAND_REJECT, code);
    }

    private static void noop()
    {
    }

    /**
     * @param stalledDrain run on every tick: drains commands held back for a batch that never ended.
     */
    public void stalledDrain(final Runnable stalledDrain)
    {
        this.stalledDrain = stalledDrain;
    }

    private void tick()
    {
        stalledDrain.run();
        final long now = System.nanoTime();
        resyncClock(now);
        if (clockHeldCount > 0)
        {
            retryHeld(now);
        }
        expire(now);
        maintain(now);
        drainWaitQueues(now);
        flush();
    }

    private void expire(final long now)
    {
        for (final OrderRequest r : requests)
        {
            if (r.inFlight && now - r.deadlineNanos > 0)
            {
                final HttpConnection connection = (HttpConnection)r.connection;
                counters.increment(GatewayCounters.TIMEOUTS);
                if (connection != null)
                {
                    connection.abandon(r);
                }
                if (r.endpoint == Endpoint.PUBLIC_TIME)
                {
                    lastProblem = "server-time request timed out";
                    if (connection != null && !connection.warm)
                    {
                        connection.close();
                    }
                }
                else
                {
                    replies.publishAll(r, EventType.COMMAND_UNKNOWN, 0);
                }
                release(r);
            }
        }
    }

    private void maintain(final long now)
    {
        if (closed)
        {
            return;
        }
        final long keepAlive = TimeUnit.MILLISECONDS.toNanos(context.keepAliveIntervalMs());
        final long connectTimeout = TimeUnit.MILLISECONDS.toNanos(context.connectTimeoutMs());
        for (int i = 0; i < connections.size(); i++)
        {
            final HttpConnection connection = connections.get(i);
            if (connection.warm && connection.canSend() && now - connection.lastSendNanos > keepAlive)
            {
                sendTime(connection, now);
            }
            else if (connection.warm && !connection.isOpen() && connection.inFlight() == 0)
            {
                connection.close();
            }
            else if (!connection.warm && now - connection.connectedAtNanos > connectTimeout)
            {
                lastProblem = "connection " + connection.id() + " not warm within connectTimeoutMs";
                connection.close();
            }
        }
        if (connections.size() < context.httpConnections() && now - nextConnectNanos >= 0)
        {
            open();
        }
    }

    private void sendTime(final HttpConnection connection, final long now)
    {
        if (freeCount == 0 || !limiters[Endpoint.PUBLIC_TIME.ordinal()].tryAcquire(now))
        {
            return;
        }
        final OrderRequest r = acquire();
        encoder.encodeTime(r);
        send(connection, r, now);
    }

    @Override
    public void onProtocolReady(final HttpConnection connection)
    {
        sendTime(connection, System.nanoTime());
        flush();
    }

    @Override
    public void onResponse(final HttpConnection connection, final OrderRequest r)
    {
        if (!r.inFlight)
        {
            return;
        }
        final long now = System.nanoTime();
        if (r.status == 429 || r.status >= 500)
        {
            counters.increment(GatewayCounters.BACK_OFFS);
            pausedUntilNanos[r.endpoint.ordinal()] = now + TimeUnit.MILLISECONDS.toNanos(context.backOffMs());
        }
        if (r.endpoint == Endpoint.PUBLIC_TIME)
        {
            onTime(connection, r);
        }
        else if (r.clockRetries == 0 && replies.timestampRefused(r))
        {
            holdForClock(r, now);
            return;
        }
        else
        {
            replies.onReply(r);
        }
        release(r);
        drainWaitQueues(now);
        flush();
    }

    /**
     * The venue refused the request's timestamp: our view of its clock is off (a clock step). Ask for a re-sync and
     * keep the request, to re-sign and send it once the new offset is measured (or report the refusal if that does
     * not happen within a few seconds).
     */
    private void holdForClock(final OrderRequest r, final long now)
    {
        r.inFlight = false;
        r.clockRetries = 1;
        r.heldSinceNanos = now;
        r.heldAtSync = clockSyncs;
        clockHeld[clockHeldCount++] = r;
        context.venueClock().requestResync();
        resyncClock(now);
    }

    private void resyncClock(final long now)
    {
        if (!context.venueClock().resyncRequested())
        {
            return;
        }
        final HttpConnection connection = pick();
        if (connection != null && freeCount > 0 && limiters[Endpoint.PUBLIC_TIME.ordinal()].tryAcquire(now))
        {
            context.venueClock().resyncStarted();
            counters.increment(GatewayCounters.CLOCK_RESYNCS);
            final OrderRequest r = acquire();
            encoder.encodeTime(r);
            send(connection, r, now);
            flush();
        }
    }

    private void retryHeld(final long now)
    {
        int kept = 0;
        for (int i = 0; i < clockHeldCount; i++)
        {
            final OrderRequest r = clockHeld[i];
            final boolean synced = clockSyncs > r.heldAtSync;
            final HttpConnection connection = synced ? pick() : null;
            if (connection != null && limiters[r.endpoint.ordinal()].tryAcquire(now))
            {
                r.resetForRetry();
                encoder.resign(r, wallMs());
                counters.increment(GatewayCounters.CLOCK_RETRIES);
                send(connection, r, now);
            }
            else if (now - r.heldSinceNanos > CLOCK_HOLD_TIMEOUT_NANOS)
            {
                replies.onReply(r);
                release(r);
            }
            else
            {
                clockHeld[kept++] = r;
            }
        }
        for (int i = kept; i < clockHeldCount; i++)
        {
            clockHeld[i] = null;
        }
        clockHeldCount = kept;
    }

    private void onTime(final HttpConnection connection, final OrderRequest r)
    {
        final long serverTime = r.status == 200 ? replies.serverTime(r) : -1;
        if (serverTime <= 0)
        {
            if (r.status == 200)
            {
                // serverTime null, empty, missing or not a number: keep the last offset, count it
                counters.increment(GatewayCounters.DECODE_ERRORS);
            }
            lastProblem = "server-time request answered HTTP " + r.status;
            if (!connection.warm)
            {
                connection.close();
            }
            return;
        }
        context.venueClock().update(serverTime, r.sentWallMs, System.currentTimeMillis());
        clockSyncs++;
        if (!connection.warm)
        {
            connection.warm = true;
            warmCount++;
            consecutiveFailures = 0;
            warmLatch.countDown();
        }
    }

    @Override
    public void onFailure(final HttpConnection connection, final OrderRequest r)
    {
        if (!r.inFlight)
        {
            return;
        }
        if (r.endpoint != Endpoint.PUBLIC_TIME)
        {
            replies.publishAll(r, EventType.COMMAND_UNKNOWN, 0);
        }
        release(r);
    }

    @Override
    public void onClosed(final HttpConnection connection, final boolean protocolWasUp)
    {
        connections.remove(connection);
        if (connection.problem() != null)
        {
            context.errorLog().record("orders: HTTP/2 connection ended after a protocol event", connection.problem());
        }
        if (connection.warm)
        {
            connection.warm = false;
            warmCount--;
        }
        else
        {
            consecutiveFailures++;
            if (!protocolWasUp && connection.isHttp2() && sslContext == null && context.httpMode() == HttpMode.AUTO)
            {
                useHttp2 = false;
                context.errorLog().record("orders: h2c prior knowledge refused, falling back to HTTP/1.1", null);
            }
            lastProblem = "connection " + connection.id() + " closed before it was warm" +
                (protocolWasUp ? "" : " (connect, TLS or HTTP/2 preface failed)");
        }
        if (!closed)
        {
            counters.increment(GatewayCounters.RECONNECTS);
            final long base = Math.min(context.reconnectBackoffMaxMs(),
                context.reconnectBackoffMinMs() << Math.min(Math.max(consecutiveFailures - 1, 0), 20));
            final long delayMs = consecutiveFailures == 0 ? 0 : base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
            nextConnectNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
        }
    }
}
