package io.bitmm.gateway.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A small scripted WebSocket server on loopback: records every text message, answers {@code ping} with
 * {@code pong} (unless told not to), and lets a test react to messages and push frames.
 */
public final class WsFixtureServer implements AutoCloseable
{
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Long> receivedNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Channel server;
    private final String path;
    private final boolean tls;
    private volatile boolean answerPing = true;
    private volatile BiConsumer<Channel, String> handler = WsFixtureServer::ignore;

    public WsFixtureServer(final String path)
    {
        this(path, null);
    }

    /**
     * @param path the WebSocket path.
     * @param tls  server TLS context for {@code wss://}, or null for {@code ws://}.
     */
    public WsFixtureServer(final String path, final SslContext tls)
    {
        this.path = path;
        this.tls = tls != null;
        server = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (tls != null)
                    {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                        new WebSocketServerProtocolHandler(path, null, false, 16 * 1024 * 1024), new Handler());
                }
            })
            .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    private static void ignore(final Channel channel, final String text)
    {
    }

    public URI uri()
    {
        return URI.create((tls ? "wss://localhost:" : "ws://127.0.0.1:") + ((InetSocketAddress)server.localAddress()).getPort() + path);
    }

    public List<String> received()
    {
        return received;
    }

    /**
     * @return when each of {@link #received()} arrived (System.nanoTime).
     */
    public List<Long> receivedNanos()
    {
        return receivedNanos;
    }

    /**
     * @param prefix a message prefix.
     * @return how many received messages contain it.
     */
    public long count(final String prefix)
    {
        return received.stream().filter(m -> m.contains(prefix)).count();
    }

    public int connections()
    {
        return connections.get();
    }

    public void answerPing(final boolean answer)
    {
        answerPing = answer;
    }

    public void handler(final BiConsumer<Channel, String> handler)
    {
        this.handler = handler;
    }

    public void sendToAll(final String text)
    {
        clients.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    /**
     * Send a WebSocket close frame to every client (the venue's forced disconnect after 24 h).
     */
    public void closeAllWithFrame()
    {
        clients.writeAndFlush(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(1001, "going away"))
            .syncUninterruptibly();
    }

    public void dropAll()
    {
        clients.close().syncUninterruptibly();
    }

    @Override
    public void close()
    {
        clients.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
        {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
            {
                connections.incrementAndGet();
                clients.add(ctx.channel());
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
        {
            final String text = frame.text();
            receivedNanos.add(System.nanoTime());
            received.add(text);
            if ("ping".equals(text))
            {
                if (answerPing)
                {
                    ctx.writeAndFlush(new TextWebSocketFrame("pong"));
                }
                return;
            }
            handler.accept(ctx.channel(), text);
        }
    }
}
