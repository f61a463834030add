package io.bitmm.gateway.ws;

import io.bitmm.core.risk.RequestWindow;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import javax.net.ssl.SSLException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Bitget WebSocket connection kept alive: connects ({@code wss://} with TLS and SNI, {@code ws://} plain), sends
 * a text {@code ping} every {@code pingIntervalMs} and reconnects when no {@code pong} came within
 * {@code pongTimeoutMs}, reconnects after any loss with jittered exponential back-off, and paces what it sends
 * within the venue's limits: at most {@code wsMessagesPerSecond} messages (pings included) in any one-second window,
 * at most {@code subscribesPerHour} subscribe requests in any hour; what does not fit waits in order.
 * <p>
 * Every method except {@link #start()}, {@link #close()} and {@link #eventLoop()} must be called on
 * {@link #eventLoop()}. Netty does the handshake; after it, {@link WebSocketFrameReader} replaces Netty's frame decoder
 * so that frames are read into reused arrays without per-message objects, and the connection reads into pooled
 * buffers (Netty 4.2's default adaptive allocator makes a new NIO buffer view per read). The receive stamp of a
 * message is the time of the raw read (taken by the first handler of the pipeline, before TLS) that delivered its
 * first byte.
 */
public final class WebSocketSession
{
    /** What the owner of a session is told, always on the session's event loop. */
    public interface Listener
    {
        /**
         * The handshake completed: log in and subscribe.
         *
         * @param session the session.
         */
        void onOpen(WebSocketSession session);

        /**
         * One complete text frame.
         *
         * @param buffer  its bytes, valid for the call only.
         * @param offset  where it starts.
         * @param length  its length.
         * @param rxNanos when its first bytes were read.
         */
        void onFrame(byte[] buffer, int offset, int length, long rxNanos);

        /**
         * The connection was lost (a reconnect is scheduled unless the session is closed).
         *
         * @param session the session.
         */
        void onClose(WebSocketSession session);
    }

    private static final long TICK_MS = 50;
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final long HEALTHY_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_FRAME = 64 * 1024 * 1024;
    /** Room for a whole socket read (Netty reads at most 64 KiB) plus a partial frame carried from the last one. */
    private static final int INITIAL_BUFFER = 256 * 1024;

    private final String name;
    private final URI uri;
    private final GatewayContext context;
    private final EventLoop eventLoop;
    private final Listener listener;
    private final GatewayCounters counters;
    private final SslContext sslContext;
    private final ArrayDeque<String> outbound = new ArrayDeque<>();
    private final ArrayDeque<Boolean> outboundIsSubscribe = new ArrayDeque<>();
    private final long[] subscribeTimes;
    private int subscribeIndex;
    private final RequestWindow messageLimiter;

    private Channel channel;
    private boolean open;
    private volatile boolean closed;
    private int attempts;
    private long openedAtNanos;
    private long lastPingNanos;
    private boolean awaitingPong;
    private ScheduledFuture<?> tick;
    private boolean subscribeThrottled;
    private final String problemKey;

    /**
     * @param name      for logs and thread names.
     * @param uri       {@code ws://} or {@code wss://} URI.
     * @param context   settings.
     * @param eventLoop the event loop that runs this session.
     * @param listener  told about opens, frames and losses.
     * @param counters  where to count.
     */
    public WebSocketSession(
        final String name,
        final URI uri,
        final GatewayContext context,
        final EventLoop eventLoop,
        final Listener listener,
        final GatewayCounters counters)
    {
        this.name = name;
        this.uri = uri;
        this.context = context;
        this.eventLoop = eventLoop;
        this.listener = listener;
        this.counters = counters;
        this.subscribeTimes = new long[context.subscribesPerHour()];
        java.util.Arrays.fill(subscribeTimes, Long.MIN_VALUE / 2);
        this.messageLimiter = new RequestWindow(context.wsMessagesPerSecond(), TimeUnit.SECONDS.toNanos(1));
        this.sslContext = "wss".equals(uri.getScheme()) ? sslContext(context) : null;
        this.problemKey = name + ": websocket frame";
    }

    private static SslContext sslContext(final GatewayContext context)
    {
        try
        {
            return SslContextBuilder.forClient().trustManager(context.tlsTrustManagerFactory()).build();
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("cannot create the TLS context", ex);
        }
    }

    /**
     * @param group an event loop group.
     * @return one of its loops, for a session.
     */
    public static EventLoop pick(final EventLoopGroup group)
    {
        return group.next();
    }

    public EventLoop eventLoop()
    {
        return eventLoop;
    }

    public String name()
    {
        return name;
    }

    /**
     * Connect (asynchronously); any thread.
     */
    public void start()
    {
        eventLoop.execute(this::connect);
    }

    /**
     * Close for good; any thread.
     */
    public void close()
    {
        closed = true;
        eventLoop.execute(() ->
        {
            if (tick != null)
            {
                tick.cancel(false);
            }
            if (channel != null)
            {
                channel.close();
            }
        });
    }

    /**
     * Drop the current connection and connect again after the usual back-off (a refused login, subscriptions
     * refused again and again); event loop only.
     */
    public void reconnect()
    {
        if (channel != null && channel.isActive())
        {
            channel.close();
        }
    }

    /**
     * @return true once {@link #close()} was called (any thread).
     */
    public boolean isClosed()
    {
        return closed;
    }

    /**
     * @return true while the handshake is complete and the connection up.
     */
    public boolean isOpen()
    {
        return open;
    }

    /**
     * Queue a JSON message; it goes out as the pacing allows.
     *
     * @param text      the message.
     * @param subscribe true when it is a subscribe request (counted against the hourly limit).
     */
    public void send(final String text, final boolean subscribe)
    {
        outbound.addLast(text);
        outboundIsSubscribe.addLast(subscribe);
        drain();
    }

    /**
     * Drop everything queued (on a reconnect the owner queues afresh).
     */
    public void clearQueue()
    {
        outbound.clear();
        outboundIsSubscribe.clear();
    }

    /**
     * @return messages waiting for pacing.
     */
    public int queued()
    {
        return outbound.size();
    }

    /**
     * The owner saw a {@code pong}.
     */
    public void pongReceived()
    {
        awaitingPong = false;
    }

    private void connect()
    {
        if (closed)
        {
            return;
        }
        final int port = uri.getPort() > 0 ? uri.getPort() : sslContext != null ? 443 : 80;
        final Bootstrap bootstrap = new Bootstrap()
            .group(eventLoop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)context.connectTimeoutMs())
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    initPipeline(ch.pipeline(), port);
                }
            });
        final ChannelFuture future = bootstrap.connect(uri.getHost(), port);
        channel = future.channel();
        future.addListener(f ->
        {
            if (!f.isSuccess())
            {
                scheduleReconnect();
            }
        });
    }

    private void initPipeline(final ChannelPipeline pipeline, final int port)
    {
        final WebSocketFrameReader reader = new WebSocketFrameReader(new ReaderSink(), INITIAL_BUFFER, MAX_FRAME);
        pipeline.addLast("rxStamp", new StampHandler(reader));
        if (sslContext != null)
        {
            pipeline.addLast("tls", sslContext.newHandler(pipeline.channel().alloc(), uri.getHost(), port));
        }
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .version(WebSocketVersion.V13)
            .customHeaders(new DefaultHttpHeaders())
            .maxFramePayloadLength(MAX_FRAME)
            .handshakeTimeoutMillis(context.connectTimeoutMs())
            .dropPongFrames(true)
            .handleCloseFrames(true)
            .withUTF8Validator(false)
            .build();
        pipeline.addLast("http", new HttpClientCodec());
        pipeline.addLast("httpAggregator", new HttpObjectAggregator(65536));
        pipeline.addLast("ws", new WebSocketClientProtocolHandler(config));
        pipeline.addLast("session", new SessionHandler(reader));
    }

    private static void replaceFrameDecoder(final ChannelPipeline pipeline, final WebSocketFrameReader reader)
    {
        final ChannelHandlerContext decoder = pipeline.context(WebSocketFrameDecoder.class);
        if (decoder == null)
        {
            throw new IllegalStateException("no WebSocket frame decoder after the handshake: " + pipeline.names());
        }
        pipeline.addAfter(decoder.name(), "wsFrames", reader);
        pipeline.remove(decoder.handler());
    }

    private void onHandshakeComplete(final Channel ch)
    {
        if (ch != channel)
        {
            return;
        }
        open = true;
        final long now = System.nanoTime();
        openedAtNanos = now;
        lastPingNanos = now;
        awaitingPong = false;
        counters.increment(GatewayCounters.CONNECTIONS_OPENED);
        tick = eventLoop.scheduleAtFixedRate(this::onTick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        listener.onOpen(this);
    }

    private void onInactive(final Channel ch)
    {
        if (ch != channel)
        {
            return;
        }
        final boolean wasOpen = open;
        open = false;
        if (tick != null)
        {
            tick.cancel(false);
            tick = null;
        }
        clearQueue();
        if (wasOpen && System.nanoTime() - openedAtNanos > HEALTHY_CONNECTION_NANOS)
        {
            attempts = 0;
        }
        listener.onClose(this);
        scheduleReconnect();
    }

    private void scheduleReconnect()
    {
        if (closed)
        {
            return;
        }
        attempts++;
        counters.increment(GatewayCounters.RECONNECTS);
        final long base = Math.min(context.reconnectBackoffMaxMs(),
            context.reconnectBackoffMinMs() << Math.min(attempts - 1, 20));
        final long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        eventLoop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void onTick()
    {
        final long now = System.nanoTime();
        if (awaitingPong && now - lastPingNanos > TimeUnit.MILLISECONDS.toNanos(context.pongTimeoutMs()))
        {
            counters.increment(GatewayCounters.PONG_TIMEOUTS);
            awaitingPong = false;
            channel.close();
            return;
        }
        if (!awaitingPong && now - lastPingNanos >= TimeUnit.MILLISECONDS.toNanos(context.pingIntervalMs()))
        {
            outbound.addFirst("ping");
            outboundIsSubscribe.addFirst(Boolean.FALSE);
            lastPingNanos = now;
            awaitingPong = true;
            counters.increment(GatewayCounters.PINGS_SENT);
        }
        drain();
    }

    private void drain()
    {
        if (!open)
        {
            return;
        }
        final long now = System.nanoTime();
        boolean wrote = false;
        while (!outbound.isEmpty())
        {
            final boolean subscribe = outboundIsSubscribe.peekFirst();
            if (subscribe && now - subscribeTimes[subscribeIndex] < HOUR_NANOS)
            {
                if (!subscribeThrottled)
                {
                    subscribeThrottled = true;
                    counters.increment(GatewayCounters.SUBSCRIBE_THROTTLED);
                }
                break;
            }
            subscribeThrottled = false;
            if (!messageLimiter.tryAcquire(now))
            {
                break;
            }
            if (subscribe)
            {
                subscribeTimes[subscribeIndex] = now;
                subscribeIndex = (subscribeIndex + 1) % subscribeTimes.length;
            }
            final String text = outbound.pollFirst();
            outboundIsSubscribe.pollFirst();
            channel.write(new TextWebSocketFrame(text));
            counters.increment(GatewayCounters.MESSAGES_SENT);
            wrote = true;
        }
        if (wrote)
        {
            channel.flush();
        }
    }

    private final class ReaderSink implements WebSocketFrameReader.Sink
    {
        @Override
        public void onText(final byte[] buffer, final int offset, final int length, final long rxNanos)
        {
            listener.onFrame(buffer, offset, length, rxNanos);
        }

        @Override
        public void onProblem(final String problem)
        {
            counters.increment(GatewayCounters.DECODE_ERRORS);
            context.errorLog().record(problemKey, problem);
        }
    }

    private static final class StampHandler extends ChannelInboundHandlerAdapter
    {
        private final WebSocketFrameReader reader;

        StampHandler(final WebSocketFrameReader reader)
        {
            this.reader = reader;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            reader.readNanos(System.nanoTime());
            ctx.fireChannelRead(msg);
        }
    }

    private final class SessionHandler extends ChannelInboundHandlerAdapter
    {
        private final WebSocketFrameReader reader;

        SessionHandler(final WebSocketFrameReader reader)
        {
            this.reader = reader;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                replaceFrameDecoder(ctx.pipeline(), reader);
                onHandshakeComplete(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            // Nothing reaches here once the reader is in place; anything else (a late Netty frame) is dropped.
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            onInactive(ctx.channel());
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            context.errorLog().record(name + ": connection error", cause.getClass().getSimpleName());
            ctx.close();
        }
    }
}
