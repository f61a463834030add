package io.bitmm.sim.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A minimal Netty WebSocket client for benchmarks and tests: text frames go to a consumer on the client's
 * I/O thread. Independent of the venue's code paths.
 */
public final class WsClient implements AutoCloseable
{
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;

    private WsClient(final URI uri, final Consumer<String> onText) throws Exception
    {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                        new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri, WebSocketVersion.V13,
                            null, false, new DefaultHttpHeaders(), 1 << 22)),
                        new SimpleChannelInboundHandler<TextWebSocketFrame>()
                        {
                            @Override
                            public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception
                            {
                                if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
                                {
                                    ready.complete(null);
                                }
                                super.userEventTriggered(ctx, evt);
                            }

                            @Override
                            protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
                            {
                                onText.accept(frame.text());
                            }

                            @Override
                            public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
                            {
                                ready.completeExceptionally(cause);
                                ctx.close();
                            }
                        });
                }
            });
        channel = b.connect(uri.getHost(), uri.getPort()).sync().channel();
        ready.get(10, TimeUnit.SECONDS);
    }

    /**
     * Connects and completes the WebSocket handshake.
     *
     * @param uri    ws:// URI
     * @param onText receives every text frame
     * @return the connected client
     * @throws Exception on failure
     */
    public static WsClient connect(final URI uri, final Consumer<String> onText) throws Exception
    {
        return new WsClient(uri, onText);
    }

    /** Sends a text frame. */
    public void send(final String text)
    {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** True while connected. */
    public boolean isOpen()
    {
        return channel.isActive();
    }

    @Override
    public void close()
    {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
