package io.bitmm.gateway;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The event loop group of one gateway: the shared one from the context, or its own single I/O thread.
 */
final class GatewayThreads
{
    private final EventLoopGroup group;
    private final boolean owned;

    GatewayThreads(final GatewayContext context, final String threadName)
    {
        if (context.eventLoopGroup() != null)
        {
            group = context.eventLoopGroup();
            owned = false;
        }
        else
        {
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(threadName, true), NioIoHandler.newFactory());
            owned = true;
        }
    }

    /**
     * Its own single I/O thread, made by {@code threadFactory}, running the handler {@code handlers} makes.
     */
    GatewayThreads(final ThreadFactory threadFactory, final IoHandlerFactory handlers)
    {
        group = new MultiThreadIoEventLoopGroup(1, threadFactory, handlers);
        owned = true;
    }

    /**
     * A group owned by someone else (the shared duty cycle), not closed here.
     */
    GatewayThreads(final EventLoopGroup shared)
    {
        group = shared;
        owned = false;
    }

    EventLoopGroup group()
    {
        return group;
    }

    void close()
    {
        if (owned)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
