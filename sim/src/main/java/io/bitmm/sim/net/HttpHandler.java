package io.bitmm.sim.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.codec.http2.HttpConversionUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Aggregated HTTP requests (HTTP/1.1, or one HTTP/2 stream converted to HTTP/1 objects): WebSocket upgrades on the
 * paths a {@link WsDialect} registered with {@link Venue#wsDialect(WsDialect, String...)} (HTTP/1.1 only; a path
 * ending in {@code private} is a private socket), everything else to {@link RestApi}.
 */
public final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final int MAX_WS_FRAME = 1 << 20;

    private final Venue venue;
    private final RestApi rest;
    private final boolean http2;

    /**
     * @param venue the venue
     * @param rest  the REST API
     * @param http2 true on an HTTP/2 stream channel
     */
    public HttpHandler(final Venue venue, final RestApi rest, final boolean http2)
    {
        this.venue = venue;
        this.rest = rest;
        this.http2 = http2;
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest req)
    {
        final String uri = req.uri();
        final int q = uri.indexOf('?');
        final String path = q < 0 ? uri : uri.substring(0, q);
        final WsDialect ws = http2 ? null : venue.wsDialect(path);
        if (ws != null)
        {
            upgrade(ctx, req, ws, path.endsWith("private"));
            return;
        }
        final InetSocketAddress remote = remoteAddress(ctx);
        final RestApi.Request request = new RestApi.Request(req.method().name(), path, q < 0 ? "" : uri.substring(q + 1), req.headers(),
            req.content().toString(StandardCharsets.UTF_8), remote == null ? "?" : remote.getAddress().getHostAddress(),
            remote == null || remote.getAddress().isLoopbackAddress());
        final boolean keepAlive = HttpUtil.isKeepAlive(req);
        final String streamId = req.headers().get(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text());
        rest.handle(request, (status, body) -> respond(ctx, status, body, keepAlive, streamId));
    }

    private static InetSocketAddress remoteAddress(final ChannelHandlerContext ctx)
    {
        final Object addr = ctx.channel().parent() != null ? ctx.channel().parent().remoteAddress() : ctx.channel().remoteAddress();
        return addr instanceof InetSocketAddress ? (InetSocketAddress)addr : null;
    }

    private void respond(final ChannelHandlerContext ctx, final int status, final String body, final boolean keepAlive,
        final String streamId)
    {
        final ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        final FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (streamId != null)
        {
            resp.headers().set(HttpConversionUtil.ExtensionHeaderNames.STREAM_ID.text(), streamId);
        }
        if (http2 || keepAlive)
        {
            ctx.writeAndFlush(resp);
        }
        else
        {
            ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest req, final WsDialect dialect, final boolean isPrivate)
    {
        final String url = "ws://" + req.headers().get(HttpHeaderNames.HOST, "127.0.0.1") + req.uri();
        final WebSocketServerHandshakerFactory factory = new WebSocketServerHandshakerFactory(url, null, true, MAX_WS_FRAME);
        final WebSocketServerHandshaker handshaker = factory.newHandshaker(req);
        if (handshaker == null)
        {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        final ChannelPipeline p = ctx.pipeline();
        handshaker.handshake(ctx.channel(), req).addListener(f ->
        {
            if (!f.isSuccess())
            {
                ctx.close();
            }
        });
        p.addLast(new WsSession(venue, dialect, isPrivate));
        p.remove(this);
        if (p.get(WebSocketServerCompressionHandler.class) != null)
        {
            p.remove(WebSocketServerCompressionHandler.class);
        }
    }
}
