package io.bitmm.gateway.order;

import io.bitmm.gateway.Credentials;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import org.agrona.collections.Int2ObjectHashMap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection of the order pool, HTTP/2 (TLS with ALPN {@code h2}, or h2c with prior knowledge) or HTTP/1.1
 * keep-alive (one request at a time). Runs on the order gateway's event loop; tells its {@link Listener} about
 * readiness, replies and loss.
 */
final class HttpConnection
{
    /** Events of a connection, on its event loop. */
    interface Listener
    {
        /**
         * The protocol is up (HTTP/2 SETTINGS received, or HTTP/1.1 connected): send the warm-up request.
         *
         * @param connection the connection.
         */
        void onProtocolReady(HttpConnection connection);

        /**
         * A reply is complete: status and body are in the request.
         *
         * @param connection the connection.
         * @param request    the request.
         */
        void onResponse(HttpConnection connection, OrderRequest request);

        /**
         * The connection is gone; every request still in flight on it is passed to {@code onFailure} first.
         *
         * @param connection     the connection.
         * @param protocolWasUp  whether the protocol ever came up (false: h2c refused, TLS failed, ...).
         */
        void onClosed(HttpConnection connection, boolean protocolWasUp);

        /**
         * A request's outcome is unknown (the connection died or the stream was reset).
         *
         * @param connection the connection.
         * @param request    the request.
         */
        void onFailure(HttpConnection connection, OrderRequest request);
    }

    private static final AsciiString ACCESS_KEY = AsciiString.cached("access-key");
    private static final AsciiString ACCESS_SIGN = AsciiString.cached("access-sign");
    private static final AsciiString ACCESS_TIMESTAMP = AsciiString.cached("access-timestamp");
    private static final AsciiString ACCESS_PASSPHRASE = AsciiString.cached("access-passphrase");
    private static final AsciiString POST = AsciiString.cached("POST");
    private static final AsciiString GET = AsciiString.cached("GET");
    /** Most requests in flight on one HTTP/2 connection. */
    static final int MAX_CONCURRENT_STREAMS = 100;

    private final int id;
    private final URI uri;
    private final boolean http2Wanted;
    private final boolean http2Required;
    private final boolean leanHttp2;
    private final Listener listener;
    private final Credentials credentials;
    private final AsciiString apiKey;
    private final AsciiString passphrase;
    private final AsciiString authority;
    private final AsciiString scheme;
    private final Int2ObjectHashMap<OrderRequest> streams = new Int2ObjectHashMap<>();
    private Channel channel;
    private ChannelHandlerContext context;
    private Http2FrameCodec codec;
    private Http2Handler http2Handler;
    private LeanHttp2Handler lean;
    private String problem;
    private boolean http2;
    private boolean protocolUp;
    private boolean goingAway;
    private boolean closedNotified;
    private OrderRequest http1InFlight;
    boolean warm;
    long lastSendNanos;
    long connectedAtNanos;

    HttpConnection(
        final int id,
        final URI uri,
        final boolean http2Wanted,
        final boolean http2Required,
        final boolean leanHttp2,
        final Credentials credentials,
        final Listener listener)
    {
        this.id = id;
        this.uri = uri;
        this.http2Wanted = http2Wanted;
        this.http2Required = http2Required;
        this.leanHttp2 = leanHttp2;
        this.listener = listener;
        this.credentials = credentials;
        this.apiKey = credentials == null ? null : new AsciiString(credentials.apiKey());
        this.passphrase = credentials == null ? null : new AsciiString(credentials.passphrase());
        final int port = port(uri);
        this.authority = new AsciiString(uri.getHost() + ":" + port);
        this.scheme = new AsciiString("https".equals(uri.getScheme()) ? "https" : "http");
    }

    static int port(final URI uri)
    {
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    int id()
    {
        return id;
    }

    boolean isHttp2()
    {
        return http2;
    }

    boolean isOpen()
    {
        return channel != null && channel.isActive() && protocolUp && !goingAway;
    }

    /**
     * @return true when a request can be written now.
     */
    boolean canSend()
    {
        if (!isOpen())
        {
            return false;
        }
        if (!http2)
        {
            return http1InFlight == null;
        }
        return lean == null ? streams.size() < MAX_CONCURRENT_STREAMS :
            streams.size() < Math.min(MAX_CONCURRENT_STREAMS, lean.peerMaxStreams()) && !lean.exhausted();
    }

    int inFlight()
    {
        return http2 ? streams.size() : http1InFlight == null ? 0 : 1;
    }

    void connect(final EventLoop loop, final SslContext sslContext, final int connectTimeoutMs)
    {
        final Bootstrap bootstrap = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
            // reads into pooled buffers, as the market-data session does: Netty 4.2's default adaptive allocator
            // makes a new NIO view per socket read
            .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    init(ch.pipeline(), sslContext);
                }
            });
        final ChannelFuture future = bootstrap.connect(uri.getHost(), port(uri));
        channel = future.channel();
        channel.closeFuture().addListener(f -> notifyClosed());
        future.addListener(f ->
        {
            if (!f.isSuccess())
            {
                notifyClosed();
            }
        });
    }

    /**
     * Wire this connection onto an already active in-memory channel, as HTTP/2 without TLS ({@link OrderPathWarmup}).
     *
     * @param embedded the channel.
     */
    void attach(final Channel embedded)
    {
        channel = embedded;
        init(embedded.pipeline(), null);
    }

    private void init(final ChannelPipeline pipeline, final SslContext sslContext)
    {
        if (sslContext != null)
        {
            pipeline.addLast(sslContext.newHandler(pipeline.channel().alloc(), uri.getHost(), port(uri)));
            pipeline.addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1)
            {
                @Override
                protected void configurePipeline(final ChannelHandlerContext ctx, final String protocol)
                {
                    if (ApplicationProtocolNames.HTTP_2.equals(protocol))
                    {
                        addHttp2(ctx.pipeline());
                    }
                    else if (http2Required)
                    {
                        ctx.close();
                    }
                    else
                    {
                        addHttp1(ctx.pipeline());
                        protocolReady();
                    }
                }
            });
        }
        else if (http2Wanted)
        {
            addHttp2(pipeline);
        }
        else
        {
            addHttp1(pipeline);
            pipeline.addLast(new ChannelInboundHandlerAdapter()
            {
                @Override
                public void channelActive(final ChannelHandlerContext ctx) throws Exception
                {
                    protocolReady();
                    ctx.pipeline().remove(this);
                    super.channelActive(ctx);
                }
            });
        }
    }

    private void addHttp2(final ChannelPipeline pipeline)
    {
        http2 = true;
        if (leanHttp2)
        {
            lean = new LeanHttp2Handler(this, streams, "https".equals(uri.getScheme()), authority.toString(),
                credentials == null ? null : credentials.apiKey(), credentials == null ? null : credentials.passphrase());
            pipeline.addLast(lean);
            return;
        }
        codec = Http2FrameCodecBuilder.forClient()
            .headerSensitivityDetector((name, value) -> ACCESS_SIGN.contentEqualsIgnoreCase(name) ||
                ACCESS_TIMESTAMP.contentEqualsIgnoreCase(name))
            .build();
        pipeline.addLast(codec);
        pipeline.addLast(new Http2Handler());
    }

    private void addHttp1(final ChannelPipeline pipeline)
    {
        http2 = false;
        pipeline.addLast(new HttpClientCodec());
        pipeline.addLast(new HttpObjectAggregator(4 * 1024 * 1024));
        pipeline.addLast(new Http1Handler());
    }

    private void protocolReady()
    {
        if (!protocolUp)
        {
            protocolUp = true;
            connectedAtNanos = System.nanoTime();
            listener.onProtocolReady(this);
        }
    }

    /**
     * Write a request (no flush).
     *
     * @param r the encoded request.
     */
    void send(final OrderRequest r)
    {
        r.connection = this;
        lastSendNanos = System.nanoTime();
        if (http2)
        {
            sendHttp2(r);
        }
        else
        {
            sendHttp1(r);
        }
    }

    void flush()
    {
        if (lean != null)
        {
            lean.flush();
        }
        else if (channel != null)
        {
            channel.flush();
        }
    }

    private void sendHttp2(final OrderRequest r)
    {
        if (lean != null)
        {
            lean.send(r);
            return;
        }
        final Http2Headers headers = new DefaultHttp2Headers(false);
        headers.method(r.endpoint.isPost() ? POST : GET)
            .scheme(scheme)
            .authority(authority)
            .path(new AsciiString(r.path, 0, r.pathLength, true));
        addAuth(r, headers);
        final Http2FrameStream stream = http2Handler.createStream();
        final boolean hasBody = r.bodyLength > 0;
        context.write(new DefaultHttp2HeadersFrame(headers, !hasBody).stream(stream));
        if (hasBody)
        {
            final ByteBuf body = context.alloc().ioBuffer(r.bodyLength).writeBytes(r.body, 0, r.bodyLength);
            context.write(new DefaultHttp2DataFrame(body, true).stream(stream));
        }
        r.stream = stream;
        r.streamId = stream.id();
        streams.put(r.streamId, r);
    }

    private void addAuth(final OrderRequest r, final io.netty.handler.codec.Headers<CharSequence, CharSequence, ?> headers)
    {
        if (r.signed)
        {
            headers.add(ACCESS_KEY, apiKey);
            headers.add(ACCESS_SIGN, new AsciiString(r.sign, true));
            headers.add(ACCESS_TIMESTAMP, new AsciiString(r.timestamp, 0, r.timestampLength, true));
            headers.add(ACCESS_PASSPHRASE, passphrase);
        }
        if (r.endpoint.isPost())
        {
            headers.add(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
    }

    private void sendHttp1(final OrderRequest r)
    {
        final ByteBuf body = channel.alloc().ioBuffer(Math.max(r.bodyLength, 1)).writeBytes(r.body, 0, r.bodyLength);
        final DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1,
            r.endpoint.isPost() ? HttpMethod.POST : HttpMethod.GET,
            new AsciiString(r.path, 0, r.pathLength, false).toString(), body);
        request.headers().set(HttpHeaderNames.HOST, authority);
        request.headers().set(HttpHeaderNames.CONTENT_LENGTH, r.bodyLength);
        if (r.signed)
        {
            request.headers().set(ACCESS_KEY, apiKey);
            request.headers().set(ACCESS_SIGN, new AsciiString(r.sign, true));
            request.headers().set(ACCESS_TIMESTAMP, new AsciiString(r.timestamp, 0, r.timestampLength, true));
            request.headers().set(ACCESS_PASSPHRASE, passphrase);
        }
        if (r.endpoint.isPost())
        {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        http1InFlight = r;
        channel.write(request);
    }

    /**
     * Give up on a request (timeout): HTTP/2 resets its stream; HTTP/1.1 closes the connection, which is then
     * replaced.
     *
     * @param r the request.
     */
    void abandon(final OrderRequest r)
    {
        if (lean != null)
        {
            lean.reset(r);
        }
        else if (http2)
        {
            if (streams.remove(r.streamId) != null && channel.isActive())
            {
                context.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream((Http2FrameStream)r.stream));
            }
        }
        else if (http1InFlight == r)
        {
            http1InFlight = null;
            channel.close();
        }
    }

    void close()
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    private void complete(final OrderRequest r)
    {
        listener.onResponse(this, r);
    }

    /**
     * @return the last protocol problem on this connection (a constant text, no secrets), or null.
     */
    String problem()
    {
        return problem;
    }

    /**
     * @return the lean HTTP/2 framing when this connection uses it, else null (tests).
     */
    LeanHttp2Handler lean()
    {
        return lean;
    }

    void leanProtocolReady()
    {
        protocolReady();
    }

    void leanResponse(final OrderRequest r)
    {
        complete(r);
    }

    void leanFailure(final OrderRequest r, final int resetCode)
    {
        if (resetCode >= 0)
        {
            problem = "stream reset by the server (RST_STREAM error code " + resetCode + ")";
        }
        listener.onFailure(this, r);
    }

    void leanGoAway(final int lastStreamId, final int errorCode, final int failed)
    {
        goingAway = true;
        problem = "GOAWAY from the server (error code " + errorCode + ", last stream " + lastStreamId + "): " +
            failed + " request(s) in flight above it failed, the rest finish, then the connection is replaced";
    }

    void leanProblem(final String text)
    {
        problem = text;
    }

    void leanClosed()
    {
        notifyClosed();
    }

    private void notifyClosed()
    {
        if (closedNotified)
        {
            return;
        }
        closedNotified = true;
        final List<OrderRequest> failed = new ArrayList<>(streams.values());
        streams.clear();
        if (http1InFlight != null)
        {
            failed.add(http1InFlight);
            http1InFlight = null;
        }
        for (final OrderRequest r : failed)
        {
            listener.onFailure(this, r);
        }
        listener.onClosed(this, protocolUp);
    }

    private final class Http2Handler extends Http2ChannelDuplexHandler
    {
        @Override
        protected void handlerAdded0(final ChannelHandlerContext ctx)
        {
            context = ctx;
            http2Handler = this;
        }

        Http2FrameStream createStream()
        {
            return newStream();
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof Http2SettingsFrame)
                {
                    protocolReady();
                }
                else if (msg instanceof Http2StreamFrame)
                {
                    onStreamFrame(ctx, (Http2StreamFrame)msg);
                }
                else if (msg instanceof Http2GoAwayFrame)
                {
                    goingAway = true;
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        private void onStreamFrame(final ChannelHandlerContext ctx, final Http2StreamFrame frame)
        {
            final OrderRequest r = frame.stream() == null ? null : streams.get(frame.stream().id());
            if (frame instanceof Http2DataFrame)
            {
                final Http2DataFrame data = (Http2DataFrame)frame;
                ctx.write(new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes()).stream(data.stream()));
                ctx.flush();
            }
            if (r == null)
            {
                return;
            }
            if (r.rxNanos == 0)
            {
                r.rxNanos = System.nanoTime();
            }
            boolean end = false;
            if (frame instanceof Http2HeadersFrame)
            {
                final Http2HeadersFrame headers = (Http2HeadersFrame)frame;
                final CharSequence status = headers.headers().status();
                if (status != null)
                {
                    r.status = AsciiString.of(status).parseInt();
                }
                end = headers.isEndStream();
            }
            else if (frame instanceof Http2DataFrame)
            {
                r.appendResponse(((Http2DataFrame)frame).content());
                end = ((Http2DataFrame)frame).isEndStream();
            }
            else if (frame instanceof Http2ResetFrame)
            {
                streams.remove(r.streamId);
                listener.onFailure(HttpConnection.this, r);
                return;
            }
            if (end)
            {
                streams.remove(r.streamId);
                complete(r);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            notifyClosed();
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }

    private final class Http1Handler extends ChannelInboundHandlerAdapter
    {
        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            context = ctx;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof FullHttpResponse && http1InFlight != null)
                {
                    final FullHttpResponse response = (FullHttpResponse)msg;
                    final OrderRequest r = http1InFlight;
                    http1InFlight = null;
                    r.rxNanos = System.nanoTime();
                    r.status = response.status().code();
                    r.appendResponse(response.content());
                    complete(r);
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            notifyClosed();
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
