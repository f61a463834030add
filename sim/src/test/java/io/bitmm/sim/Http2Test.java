package io.bitmm.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST over h2c with prior knowledge, on the same port as HTTP/1.1 and the WebSockets. */
@Timeout(30)
class Http2Test
{
    @Test
    void shouldServeRestOverH2cPriorKnowledge() throws Exception
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)))
        {
            final Channel ch = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>()
                {
                    @Override
                    protected void initChannel(final Channel c)
                    {
                        c.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(), new Http2MultiplexHandler(
                            new SimpleChannelInboundHandler<Object>()
                            {
                                @Override
                                protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
                                {
                                }
                            }));
                    }
                })
                .connect("127.0.0.1", venue.port()).sync().channel();
            for (int i = 0; i < 3; i++)
            {
                final String body = get(ch, venue.port(), "/api/v2/spot/market/orderbook?symbol=BTCUSDT&limit=2");
                assertTrue(body.startsWith("200 {\"code\":\"00000\""), body);
            }
            assertEquals("404", get(ch, venue.port(), "/api/v2/nope").substring(0, 3));
            final String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\","
                + "\"price\":\"50000.00\",\"size\":\"0.001000\",\"clientOid\":\"h2-1\"}";
            final long ts = System.currentTimeMillis();
            final Credentials c = venue.credentials();
            final Http2Headers headers = new DefaultHttp2Headers().method("POST").path("/api/v2/spot/trade/place-order").scheme("http")
                .authority("127.0.0.1:" + venue.port());
            headers.add("content-type", "application/json").add("access-key", c.apiKey()).add("access-passphrase", c.passphrase())
                .add("access-timestamp", Long.toString(ts))
                .add("access-sign", TestHttp.hmac(c.secret(), ts + "POST/api/v2/spot/trade/place-order" + body));
            final String placed = request(ch, headers, body);
            assertTrue(placed.startsWith("200 {\"code\":\"00000\""), placed);
            assertEquals("h2-1", venue.openOrders("BTCUSDT").get(0).clientOid());
            ch.close().sync();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static String get(final Channel ch, final int port, final String path) throws Exception
    {
        final Http2Headers headers = new DefaultHttp2Headers().method("GET").path(path).scheme("http").authority("127.0.0.1:" + port);
        return request(ch, headers, null);
    }

    private static String request(final Channel ch, final Http2Headers headers, final String body) throws Exception
    {
        final CompletableFuture<String> result = new CompletableFuture<>();
        final StringBuilder sb = new StringBuilder();
        final String[] status = new String[1];
        final Http2StreamChannel stream = new Http2StreamChannelBootstrap(ch).handler(new SimpleChannelInboundHandler<Http2StreamFrame>()
        {
            @Override
            protected void channelRead0(final ChannelHandlerContext ctx, final Http2StreamFrame frame)
            {
                if (frame instanceof Http2HeadersFrame)
                {
                    final Http2HeadersFrame h = (Http2HeadersFrame)frame;
                    if (h.headers().status() != null)
                    {
                        status[0] = h.headers().status().toString();
                    }
                    if (h.isEndStream())
                    {
                        result.complete(status[0] + " " + sb);
                    }
                }
                else if (frame instanceof Http2DataFrame)
                {
                    final Http2DataFrame d = (Http2DataFrame)frame;
                    final ByteBuf content = d.content();
                    sb.append(content.toString(StandardCharsets.UTF_8));
                    if (d.isEndStream())
                    {
                        result.complete(status[0] + " " + sb);
                    }
                }
            }
        }).open().sync().getNow();
        if (body == null)
        {
            stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true));
        }
        else
        {
            stream.write(new DefaultHttp2HeadersFrame(headers, false));
            stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), true));
        }
        return result.get(10, TimeUnit.SECONDS);
    }
}
