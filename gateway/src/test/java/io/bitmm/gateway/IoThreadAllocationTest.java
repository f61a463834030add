package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.order.HttpFixtureServer;
import io.bitmm.gateway.ws.WsFixtureServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whole I/O-thread allocation over loopback, Netty included: the market-data thread (socket read, WebSocket frames,
 * decode, publish) allocates nothing per frame; the order thread (hand-off, encode, sign, the lean HTTP/2 client's
 * frames, flush, reply frames and decode) nothing per command (Netty's {@code Http2FrameCodec}, the {@code NETTY}
 * client, allocated ~3.2 kB). The decode, encode and sign paths themselves are proven allocation-free by the unit
 * allocation tests.
 */
@Tag("slow")
class IoThreadAllocationTest
{
    private static final com.sun.management.ThreadMXBean BEAN =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private static long ioThreadId(final EventLoopGroup group) throws Exception
    {
        return group.next().submit(() -> Thread.currentThread().getId()).get();
    }

    @Test
    void shouldAllocateNothingPerFrameOnTheMarketDataThread() throws Exception
    {
        // Disabled before any buffer exists: the level is read by the I/O thread without a memory barrier.
        final ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (WsFixtureServer server = new WsFixtureServer("/v2/ws/public"))
        {
            final TestPublisher publisher = new TestPublisher(1024, false);
            final MarketDataGateway gateway = new MarketDataGateway(new GatewayContext().wsPublicUri(server.uri())
                .eventLoopGroup(group), TestInstruments.table(), publisher);
            gateway.start();
            Await.until("subscribed", 5000, () -> server.count("subscribe") == 1);
            final String update = io.bitmm.gateway.bitget.v2.SpotMarketDataAllocationTestFrames.UPDATE;
            server.sendToAll(io.bitmm.gateway.bitget.v2.SpotMarketDataAllocationTestFrames.SNAPSHOT);
            Await.until("snapshot", 5000, () -> publisher.publishedCount() == 1);
            final long thread = ioThreadId(group);
            final int frames = 20_000;
            for (int i = 0; i < frames; i++)
            {
                server.sendToAll(update);
            }
            Await.until("warm-up frames", 20_000, () -> publisher.publishedCount() == 1L + frames);
            // Per frame on average over a long window: the odd one-off (a pooled-buffer view, the pool's own
            // bookkeeping) can land in any window; what is asserted is that nothing is allocated per frame.
            final int measured = 100_000;
            final long before = BEAN.getThreadAllocatedBytes(thread);
            for (int i = 0; i < measured; i++)
            {
                server.sendToAll(update);
            }
            Await.until("frames", 60_000, () -> publisher.publishedCount() == 1L + frames + measured);
            final long bytes = BEAN.getThreadAllocatedBytes(thread) - before;
            System.out.println("market-data I/O thread, Netty included: " + bytes + " bytes over " + measured + " frames");
            assertEquals(0, bytes / measured, bytes + " bytes over " + measured + " frames");
            gateway.close();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            ResourceLeakDetector.setLevel(level);
        }
    }

    @Test
    void shouldAllocateNothingPerCommandOnTheOrderThread() throws Exception
    {
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (HttpFixtureServer server = new HttpFixtureServer(true, "bitget-test-secret-0001"))
        {
            final TestPublisher publisher = new TestPublisher(4096, false);
            final GatewayContext context = new GatewayContext().restUri(server.uri()).eventLoopGroup(group)
                .credentials(new Credentials("key-1", "bitget-test-secret-0001", "pass-1"))
                .rateLimitPerSecond(Endpoint.PLACE_ORDER, 1_000_000).coalesceBatches(false).httpConnections(1);
            final OrderGateway gateway = new OrderGateway(context.restUri(URI.create(server.uri().toString())),
                TestInstruments.table(), publisher);
            gateway.start();
            final OutboundCommand place = new OutboundCommand();
            place.type = CommandType.PLACE;
            place.instrumentId = 0;
            place.price = 3000001;
            place.size = 10;
            final byte[] oid = "mm-1".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(oid, 0, place.clientOid, 0, oid.length);
            place.clientOidLength = oid.length;
            final long thread = ioThreadId(group);
            final int commands = 3_000;
            sendPaced(gateway, place, publisher, commands, 0);
            final ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            final long before = BEAN.getThreadAllocatedBytes(thread);
            final long callerBytes = sendPaced(gateway, place, publisher, commands, commands);
            final long perCommand = (BEAN.getThreadAllocatedBytes(thread) - before) / commands;
            System.out.println("engine thread in onCommand: " + callerBytes + " bytes over " + commands +
                " commands (includes the allocation counter's own reads)");
            ResourceLeakDetector.setLevel(level);
            System.out.println("order I/O thread over h2c, Netty included: " + perCommand + " bytes per command");
            assertEquals(0, perCommand, perCommand + " bytes per command");
            gateway.close();
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static long sendPaced(
        final OrderGateway gateway, final OutboundCommand place, final TestPublisher publisher, final int count, final long done)
    {
        long callerBytes = 0;
        for (int i = 0; i < count; i += 50)
        {
            final long before = BEAN.getCurrentThreadAllocatedBytes();
            for (int j = 0; j < 50; j++)
            {
                gateway.onCommand(place, i + j, true);
            }
            callerBytes += BEAN.getCurrentThreadAllocatedBytes() - before;
            final long expected = done + i + 50;
            Await.until("acks", 20_000, () -> publisher.publishedCount() >= expected);
        }
        return callerBytes;
    }
}
