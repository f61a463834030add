package io.bitmm.sim.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Per-connection state of a WebSocket (public or private, any dialect): heartbeat, message-rate limit, login, the
 * set of subscriptions. Decoding of ops is delegated to its {@link WsDialect}; everything runs on the venue thread.
 */
public final class WsSession extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private static final long CLOSE_LINGER_MS = 200;

    private final Venue venue;
    private final WsDialect dialect;
    private final boolean isPrivate;
    private final Set<String> subscriptions = new HashSet<>();
    private ChannelHandlerContext ctx;
    private boolean loggedIn;
    private boolean closing;
    private long windowSecond;
    private int windowCount;
    private long lastMessageMs = System.currentTimeMillis();
    private long subscribeHour;
    private int subscribeCount;
    private ScheduledFuture<?> maxAgeTimer;
    private ScheduledFuture<?> idleTimer;

    /**
     * @param venue     the venue
     * @param dialect   the dialect serving this session's path
     * @param isPrivate true for a private path (/v2/ws/private)
     */
    public WsSession(final Venue venue, final WsDialect dialect, final boolean isPrivate)
    {
        super(true);
        this.venue = venue;
        this.dialect = dialect;
        this.isPrivate = isPrivate;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        if (!venue.sessionOpened(this, remoteIp(ctx)))
        {
            ctx.channel().eventLoop().execute(() ->
            {
                sendNow("{\"event\":\"error\",\"code\":30007,\"msg\":\"Too many connections\"}");
                close();
            });
            return;
        }
        maxAgeTimer = ctx.executor().schedule(() -> close(), venue.context().wsMaxAgeMs(), TimeUnit.MILLISECONDS);
        final long idle = venue.context().wsIdleTimeoutMs();
        idleTimer = ctx.executor().scheduleAtFixedRate(() ->
        {
            if (System.currentTimeMillis() - lastMessageMs > idle)
            {
                close();
            }
        }, Math.max(1, idle / 4), Math.max(1, idle / 4), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        venue.sessionClosed(this);
        if (maxAgeTimer != null)
        {
            maxAgeTimer.cancel(false);
            idleTimer.cancel(false);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) throws Exception
    {
        if (ctx.channel().isWritable())
        {
            venue.writable();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof PingWebSocketFrame)
        {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            return;
        }
        if (closing)
        {
            if (frame instanceof CloseWebSocketFrame)
            {
                ctx.close();
            }
            return;
        }
        if (frame instanceof CloseWebSocketFrame)
        {
            ctx.writeAndFlush(frame.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!(frame instanceof TextWebSocketFrame))
        {
            return;
        }
        lastMessageMs = System.currentTimeMillis();
        if (!withinRate())
        {
            sendNow("{\"event\":\"error\",\"code\":30007,\"msg\":\"Request over limit,connection close\"}");
            close();
            return;
        }
        final String text = ((TextWebSocketFrame)frame).text();
        if ("ping".equals(text))
        {
            sendNow("pong");
            return;
        }
        dialect.onMessage(this, text);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    private static String remoteIp(final ChannelHandlerContext ctx)
    {
        final Object addr = ctx.channel().remoteAddress();
        return addr instanceof InetSocketAddress ? ((InetSocketAddress)addr).getAddress().getHostAddress() : "?";
    }

    /** Remote IP of the connection. */
    public String ip()
    {
        return ctx == null ? "?" : remoteIp(ctx);
    }

    /** Counts a subscribe request; false beyond the limit per hour (Bitget: 240 per connection). */
    public boolean countSubscribe(final int perHour)
    {
        final long hour = System.currentTimeMillis() / 3_600_000L;
        if (hour != subscribeHour)
        {
            subscribeHour = hour;
            subscribeCount = 0;
        }
        return ++subscribeCount <= perHour;
    }

    private boolean withinRate()
    {
        final long second = System.currentTimeMillis() / 1000;
        if (second != windowSecond)
        {
            windowSecond = second;
            windowCount = 0;
        }
        return ++windowCount <= venue.context().wsMessagesPerSecond();
    }

    /** Writes and flushes a text frame. */
    public void sendNow(final String text)
    {
        if (ctx != null && !closing && ctx.channel().isActive())
        {
            ctx.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    /** Writes a shared payload (a retained duplicate is taken) without flushing. */
    public void write(final ByteBuf payload)
    {
        if (ctx != null && !closing && ctx.channel().isActive())
        {
            ctx.write(new TextWebSocketFrame(payload.retainedDuplicate()), ctx.voidPromise());
        }
    }

    /** Flushes pending writes. */
    public void flush()
    {
        if (ctx != null)
        {
            ctx.flush();
        }
    }

    /** True if the channel can take more without queueing beyond its high-water mark. */
    public boolean isWritable()
    {
        return ctx != null && ctx.channel().isWritable();
    }

    /**
     * Closes the connection gracefully: a close frame first, then the socket shortly after, ignoring further input.
     * Closing at once with unread input would reset the TCP connection and could lose the error sent just before.
     */
    public void close()
    {
        if (ctx == null || closing)
        {
            return;
        }
        closing = true;
        if (ctx.channel().isActive())
        {
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION));
            ctx.executor().schedule(() -> ctx.close(), CLOSE_LINGER_MS, TimeUnit.MILLISECONDS);
        }
    }

    public boolean isPrivate()
    {
        return isPrivate;
    }

    public boolean loggedIn()
    {
        return loggedIn;
    }

    /** Marks the session logged in (or not). */
    public void loggedIn(final boolean v)
    {
        loggedIn = v;
    }

    /** Subscription keys held by this session (the dialect's keys, see {@link Venue#subscribe}). */
    public Set<String> subscriptions()
    {
        return subscriptions;
    }
}
