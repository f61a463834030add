package io.bitmm.gateway;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.auth.WsLogin;
import io.bitmm.gateway.bitget.PrivateStreamCodec;
import io.bitmm.gateway.ws.WebSocketSession;

/**
 * The private stream: logs in (timestamp in seconds), subscribes {@code orders}, {@code fill} and {@code account},
 * decodes pushes into ORDER_UPDATE, FILL and BALANCE events, and publishes PRIVATE_STREAM_STATE up once all three
 * subscriptions are acknowledged and down when the connection is lost. Re-logs in and resubscribes after every
 * reconnect.
 * <p>
 * Nothing pushed while the socket was down is ever re-sent, so after a reconnect the stream is published up only
 * once the fills of the gap (since the last push heard, less {@value #GAP_MARGIN_MS} ms) have been fetched from the
 * venue's fill history and published ({@link FillFetcher}); the core then queries every order it tracks. A refused
 * subscription ({@code {"event":"error","code":30006,...}}, no {@code arg}) is retried with back-off (the session
 * paces subscribes within 240 an hour), and after {@value #SUBSCRIBE_RETRIES_BEFORE_RECONNECT} refusals in a row the
 * connection is replaced; a refused login is retried on a new connection, with a clock re-sync first when the
 * refusal was about the timestamp (30013, 30014).
 */
public final class PrivateStreamGateway implements AutoCloseable
{
    /** Fills are fetched from this long before the last push heard: covers clock skew and pushes lost in flight. */
    public static final long GAP_MARGIN_MS = 5_000;
    /** The longest span the stop's fill sweep covers ({@link #sweepStartVenueMs()}). */
    public static final long SWEEP_SPAN_MS = 600_000;
    private static final int SUBSCRIBE_RETRIES_BEFORE_RECONNECT = 5;
    private static final long SUBSCRIBE_RETRY_MIN_MS = 500;
    private static final long SUBSCRIBE_RETRY_MAX_MS = 30_000;

    private final GatewayContext context;
    private final InboundPublisher publisher;
    private final GatewayCounters counters = new GatewayCounters();
    private final PrivateStreamCodec decoder;
    private final HmacSigner signer;
    private final FillFetcher fills;
    private GatewayThreads threads;
    private WebSocketSession session;
    private int subscribeAcks;
    private boolean up;
    private boolean everUp;
    private boolean loggedIn;
    private boolean recovering;
    private int subscribeRefusals;
    private long coveredUntilVenueMs;
    /** Venue time when this run's stream started: fills before it are in the start balances (VenueReconciler). */
    private long startVenueMs;
    private volatile int generation;
    private io.netty.util.concurrent.ScheduledFuture<?> subscribeRetry;
    private volatile boolean streamUp;
    private final java.util.concurrent.atomic.AtomicLong gapFills = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param context     settings; credentials are required.
     * @param instruments instruments and assets.
     * @param publisher   the inbound ring.
     */
    public PrivateStreamGateway(final GatewayContext context, final InstrumentTable instruments, final InboundPublisher publisher)
    {
        this.context = context.conclude();
        if (context.credentials() == null)
        {
            throw new IllegalStateException("PrivateStreamGateway needs credentials (GatewayContext.credentials)");
        }
        this.publisher = publisher;
        this.decoder = context.dialect().privateStream(instruments, publisher, counters, context.errorLog(),
            context.fillsFromOrdersChannel());
        final byte[] secret = context.credentials().secretBytes();
        this.signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        this.fills = new FillFetcher(context, instruments, publisher, "bitmm-private-fills");
    }

    /**
     * Connect, log in and subscribe (asynchronously; PRIVATE_STREAM_STATE up follows).
     */
    public void start()
    {
        startVenueMs = context.venueClock().epochMs();
        threads = new GatewayThreads(context, "bitmm-private");
        session = new WebSocketSession("private-stream", context.wsPrivateUri(), context,
            WebSocketSession.pick(threads.group()), new Listener(), counters);
        session.start();
    }

    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * @return true while logged in and subscribed (any thread).
     */
    public boolean isUp()
    {
        return streamUp;
    }

    /**
     * @return fills fetched for reconnect gaps and published (before the core's deduplication by tradeId).
     */
    public long gapFillsPublished()
    {
        return gapFills.get();
    }

    @Override
    public void close()
    {
        fills.close();
        if (session != null)
        {
            session.close();
        }
        if (threads != null)
        {
            threads.close();
        }
    }

    private void publishState(final boolean state)
    {
        up = state;
        streamUp = state;
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = EventType.PRIVATE_STREAM_STATE;
        e.flag = state;
        e.timestampNanos = System.nanoTime();
        e.publishNanos = e.timestampNanos;
        publisher.publish(sequence);
        counters.increment(GatewayCounters.EVENTS_PUBLISHED);
    }

    private String subscribeMessage()
    {
        return decoder.subscription();
    }

    /** All channels acknowledged: up at once the first time; after a loss, once the gap's fills are in. */
    private void onSubscribed()
    {
        subscribeRefusals = 0;
        if (!everUp)
        {
            everUp = true;
            goUp();
            return;
        }
        recovering = true;
        counters.increment(GatewayCounters.RECONNECT_RECONCILES);
        final int gen = generation;
        fills.fetchSince(gapStartVenueMs(), () -> generation == gen && !session.isClosed())
            .whenComplete((count, failure) -> session.eventLoop().execute(() ->
            {
                if (gen == generation && failure == null && count != null && count >= 0)
                {
                    recovering = false;
                    gapFills.addAndGet(count);
                    counters.add(GatewayCounters.GAP_FILLS_FETCHED, count);
                    goUp();
                }
            }));
    }

    /**
     * Where a gap's fill fetch starts: the last push heard less {@value #GAP_MARGIN_MS} ms, never before this run's own
     * start. A run that starts after a crash took the venue's balances as its position (VenueReconciler), so fills from
     * before its start are already in it; fetching them would book them twice (chaos campaign, kill -9 trials).
     */
    long gapStartVenueMs()
    {
        return Math.max(coveredUntilVenueMs - GAP_MARGIN_MS, startVenueMs);
    }

    /**
     * Where the stop's sweep of this run's fills starts (venue epoch ms): this run's start, or {@value #SWEEP_SPAN_MS}
     * ms ago when that is later (the core remembers a bounded window of trade ids, so a sweep must not reach back to
     * fills it has forgotten). Fills before the start are in the start balances (VenueReconciler).
     *
     * @return venue epoch ms.
     */
    public long sweepStartVenueMs()
    {
        return Math.max(startVenueMs, context.venueClock().epochMs() - SWEEP_SPAN_MS);
    }

    private void goUp()
    {
        coveredUntilVenueMs = context.venueClock().epochMs();
        publishState(true);
    }

    private void onRefused(final int code)
    {
        counters.increment(GatewayCounters.VENUE_ERRORS);
        context.errorLog().record("private: error event " + code, null);
        if (!loggedIn)
        {
            if (code == 30013 || code == 30014)
            {
                context.venueClock().requestResync();
            }
            session.reconnect();
            return;
        }
        if (up || recovering)
        {
            return;
        }
        // a refused subscribe (30006 "request too many" carries no arg): ask again later, or on a new connection
        subscribeRefusals++;
        counters.increment(GatewayCounters.SUBSCRIBE_RETRIES);
        if (subscribeRefusals >= SUBSCRIBE_RETRIES_BEFORE_RECONNECT)
        {
            subscribeRefusals = 0;
            session.reconnect();
            return;
        }
        if (subscribeRetry == null || subscribeRetry.isDone())
        {
            final long delay = Math.min(SUBSCRIBE_RETRY_MAX_MS, SUBSCRIBE_RETRY_MIN_MS << (subscribeRefusals - 1));
            final int gen = generation;
            subscribeRetry = session.eventLoop().schedule(() ->
            {
                if (gen == generation && !up && !recovering)
                {
                    subscribeAcks = 0;
                    session.send(subscribeMessage(), true);
                }
            }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private final class Listener implements WebSocketSession.Listener
    {
        @Override
        public void onOpen(final WebSocketSession s)
        {
            generation++;
            subscribeAcks = 0;
            loggedIn = false;
            final Credentials credentials = context.credentials();
            s.send(WsLogin.message(signer, credentials.apiKey(), credentials.passphrase(),
                context.venueClock().epochMs() / 1000), false);
        }

        @Override
        public void onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
        {
            final int result = decoder.onFrame(buffer, offset, length, rxNanos);
            if (result == PrivateStreamCodec.PONG)
            {
                session.pongReceived();
            }
            else if (result == PrivateStreamCodec.CONTROL)
            {
                onControl(decoder.event(), decoder.code());
            }
            else if (result == PrivateStreamCodec.OK && up)
            {
                coveredUntilVenueMs = context.venueClock().epochMs();
            }
        }

        private void onControl(final int event, final int code)
        {
            if (event == PrivateStreamCodec.EVENT_LOGIN && code == 0)
            {
                loggedIn = true;
                session.send(subscribeMessage(), true);
            }
            else if (event == PrivateStreamCodec.EVENT_SUBSCRIBE)
            {
                subscribeAcks++;
                if (subscribeAcks >= decoder.channels() && !up && !recovering)
                {
                    onSubscribed();
                }
            }
            else if (event == PrivateStreamCodec.EVENT_ERROR)
            {
                onRefused(code);
            }
        }

        @Override
        public void onClose(final WebSocketSession s)
        {
            generation++;
            recovering = false;
            loggedIn = false;
            if (subscribeRetry != null)
            {
                subscribeRetry.cancel(false);
            }
            if (up)
            {
                publishState(false);
            }
        }
    }
}
