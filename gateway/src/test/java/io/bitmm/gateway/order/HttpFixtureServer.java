package io.bitmm.gateway.order;

import io.bitmm.gateway.auth.HmacSigner;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small loopback REST server, h2c (prior knowledge) or HTTP/1.1 only. Verifies the Bitget signature headers of
 * every signed request (HTTP 400 {@code 40009} when wrong), answers {@code /api/v2/public/time}, and lets a test
 * script every other answer (or none, to provoke a timeout).
 */
public final class HttpFixtureServer implements AutoCloseable
{
    /** A scripted answer. */
    public interface Responder
    {
        /**
         * @param path the path with its query.
         * @param body the body.
         * @return the answer, or null to never answer.
         */
        Answer answer(String path, String body);
    }

    /** Status and JSON. */
    public static final class Answer
    {
        final int status;
        final String json;

        public Answer(final int status, final String json)
        {
            this.status = status;
            this.json = json;
        }
    }

    /** What the server saw. */
    public static final class Seen
    {
        public final String method;
        public final String path;
        public final String body;
        public final long nanos;
        public final boolean signatureValid;
        public final String connection;

        Seen(final String method, final String path, final String body, final boolean signatureValid, final String connection)
        {
            this.method = method;
            this.path = path;
            this.body = body;
            this.nanos = System.nanoTime();
            this.signatureValid = signatureValid;
            this.connection = connection;
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final boolean tls;
    private final io.netty.channel.group.ChannelGroup clients =
        new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private final List<String> protocols = new CopyOnWriteArrayList<>();
    private final String secret;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> timeRequestsByConnection = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Responder responder = (path, body) -> new Answer(200,
        "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"orderId\":\"1001\",\"clientOid\":\"x\"}}");

    /**
     * @param http2  h2c with prior knowledge when true, else HTTP/1.1 only.
     * @param secret the API secret to verify signatures with.
     */
    public HttpFixtureServer(final boolean http2, final String secret)
    {
        this(http2, secret, null);
    }

    /**
     * @param http2  over TLS: offer h2 and http/1.1 by ALPN when true, only http/1.1 when false; plain: h2c or HTTP/1.1.
     * @param secret the API secret to verify signatures with.
     * @param tls    the server TLS context (with its ALPN configuration), or null for plain text.
     */
    public HttpFixtureServer(final boolean http2, final String secret, final SslContext tls)
    {
        this.secret = secret;
        this.tls = tls != null;
        server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    connections.incrementAndGet();
                    clients.add(ch);
                    if (tls != null)
                    {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()),
                            new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1)
                            {
                                @Override
                                protected void configurePipeline(final ChannelHandlerContext ctx, final String protocol)
                                {
                                    protocols.add(protocol);
                                    if (ApplicationProtocolNames.HTTP_2.equals(protocol))
                                    {
                                        addHttp2(ctx.pipeline());
                                    }
                                    else
                                    {
                                        ctx.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                            new Handler());
                                    }
                                }
                            });
                    }
                    else if (http2)
                    {
                        addHttp2(ch.pipeline());
                    }
                    else
                    {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                }
            })
            .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    private void addHttp2(final io.netty.channel.ChannelPipeline pipeline)
    {
        pipeline.addLast(Http2FrameCodecBuilder.forServer().build(),
            new Http2MultiplexHandler(new ChannelInitializer<Channel>()
            {
                @Override
                protected void initChannel(final Channel stream)
                {
                    stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                        new HttpObjectAggregator(1 << 20), new Handler());
                }
            }));
    }

    public URI uri()
    {
        return URI.create((tls ? "https://localhost:" : "http://127.0.0.1:") +
            ((InetSocketAddress)server.localAddress()).getPort());
    }

    /**
     * @return the protocols ALPN selected, one per TLS connection.
     */
    public List<String> protocols()
    {
        return protocols;
    }

    public void responder(final Responder responder)
    {
        this.responder = responder;
    }

    public int connections()
    {
        return connections.get();
    }

    public Map<String, AtomicInteger> timeRequestsByConnection()
    {
        return timeRequestsByConnection;
    }

    public List<Seen> seen()
    {
        return seen;
    }

    /**
     * @param pathPrefix a path prefix.
     * @return requests seen with it.
     */
    public List<Seen> seen(final String pathPrefix)
    {
        return seen.stream().filter(s -> s.path.startsWith(pathPrefix)).collect(java.util.stream.Collectors.toList());
    }

    /**
     * Close every client connection (the venue dropping them).
     */
    public void dropAll()
    {
        clients.close().syncUninterruptibly();
    }

    /**
     * Send GOAWAY (NO_ERROR) on every HTTP/2 client connection (the venue draining them, as before a restart); the
     * connections stay open until the client closes them.
     */
    public void goAwayAll()
    {
        for (final Channel client : clients)
        {
            if (client.pipeline().get(Http2FrameCodec.class) != null)
            {
                client.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR)).syncUninterruptibly();
            }
        }
    }

    @Override
    public void close()
    {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private boolean verify(final FullHttpRequest request, final String path, final String body)
    {
        final String timestamp = request.headers().get("access-timestamp");
        final String sign = request.headers().get("access-sign");
        if (timestamp == null || sign == null || !"key-1".equals(request.headers().get("access-key")) ||
            !"pass-1".equals(request.headers().get("access-passphrase")))
        {
            return false;
        }
        final HmacSigner signer = new HmacSigner(secret.getBytes(StandardCharsets.UTF_8));
        final byte[] prehash = (timestamp + request.method().name() + path + body).getBytes(StandardCharsets.UTF_8);
        signer.update(prehash, 0, prehash.length);
        final byte[] expected = new byte[HmacSigner.BASE64_LENGTH];
        signer.signBase64(expected, 0);
        final boolean fresh = Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis()) < 30_000;
        return fresh && sign.equals(new String(expected, StandardCharsets.US_ASCII)) &&
            (!"POST".equals(request.method().name()) || "application/json".equals(request.headers().get("content-type")));
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final String path = request.uri();
            final String body = request.content().toString(StandardCharsets.UTF_8);
            final Channel connection = ctx.channel().parent() != null ? ctx.channel().parent() : ctx.channel();
            final String connectionId = connection.id().asShortText();
            if (path.startsWith("/api/v2/public/time"))
            {
                timeRequestsByConnection.computeIfAbsent(connectionId, k -> new AtomicInteger()).incrementAndGet();
                seen.add(new Seen(request.method().name(), path, body, true, connectionId));
                reply(ctx, new Answer(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"serverTime\":\"" +
                    System.currentTimeMillis() + "\"}}"));
                return;
            }
            final boolean valid = path.startsWith("/api/v2/spot/public/") || verify(request, path, body);
            seen.add(new Seen(request.method().name(), path, body, valid, connectionId));
            if (!valid)
            {
                reply(ctx, new Answer(400, "{\"code\":\"40009\",\"msg\":\"sign signature error\"}"));
                return;
            }
            final Answer answer = responder.answer(path, body);
            if (answer != null)
            {
                reply(ctx, answer);
            }
        }

        private void reply(final ChannelHandlerContext ctx, final Answer answer)
        {
            final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status), Unpooled.copiedBuffer(answer.json, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response);
        }
    }
}
