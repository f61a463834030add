package io.bitmm.gateway;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.auth.WsLogin;
import io.bitmm.gateway.privatestream.PrivateStreamDecoder;
import io.bitmm.gateway.ws.WebSocketSession;

/**
 * The private stream: logs in (timestamp in seconds), subscribes {@code orders}, {@code fill} and {@code account},
 * decodes pushes into ORDER_UPDATE, FILL and BALANCE events, and publishes PRIVATE_STREAM_STATE up once all three
 * subscriptions are acknowledged and down when the connection is lost. Re-logs in and resubscribes after every
 * reconnect.
 */
public final class PrivateStreamGateway implements AutoCloseable
{
    private static final int CHANNELS = 3;

    private final GatewayContext context;
    private final InboundPublisher publisher;
    private final GatewayCounters counters = new GatewayCounters();
    private final PrivateStreamDecoder decoder;
    private final HmacSigner signer;
    private GatewayThreads threads;
    private WebSocketSession session;
    private int subscribeAcks;
    private boolean up;
    private volatile boolean streamUp;

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
        this.decoder = new PrivateStreamDecoder(instruments, publisher, counters, context.errorLog(),
            context.fillsFromOrdersChannel());
        final byte[] secret = context.credentials().secretBytes();
        this.signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
    }

    /**
     * Connect, log in and subscribe (asynchronously; PRIVATE_STREAM_STATE up follows).
     */
    public void start()
    {
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
        final String instType = context.instType();
        return "{\"op\":\"subscribe\",\"args\":[" +
            "{\"instType\":\"" + instType + "\",\"channel\":\"orders\",\"instId\":\"default\"}," +
            "{\"instType\":\"" + instType + "\",\"channel\":\"fill\",\"instId\":\"default\"}," +
            "{\"instType\":\"" + instType + "\",\"channel\":\"account\",\"coin\":\"default\"}]}";
    }

    private final class Listener implements WebSocketSession.Listener
    {
        @Override
        public void onOpen(final WebSocketSession s)
        {
            subscribeAcks = 0;
            final Credentials credentials = context.credentials();
            s.send(WsLogin.message(signer, credentials.apiKey(), credentials.passphrase(),
                context.venueClock().epochMs() / 1000), false);
        }

        @Override
        public void onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
        {
            final int result = decoder.onFrame(buffer, offset, length, rxNanos);
            if (result == PrivateStreamDecoder.PONG)
            {
                session.pongReceived();
            }
            else if (result == PrivateStreamDecoder.CONTROL)
            {
                onControl(decoder.event(), decoder.code());
            }
        }

        private void onControl(final int event, final int code)
        {
            if (event == PrivateStreamDecoder.EVENT_LOGIN && code == 0)
            {
                session.send(subscribeMessage(), true);
            }
            else if (event == PrivateStreamDecoder.EVENT_SUBSCRIBE)
            {
                subscribeAcks++;
                if (subscribeAcks == CHANNELS && !up)
                {
                    publishState(true);
                }
            }
            else if (event == PrivateStreamDecoder.EVENT_ERROR)
            {
                context.errorLog().record("private: error event " + code, null);
            }
        }

        @Override
        public void onClose(final WebSocketSession s)
        {
            if (up)
            {
                publishState(false);
            }
        }
    }
}
