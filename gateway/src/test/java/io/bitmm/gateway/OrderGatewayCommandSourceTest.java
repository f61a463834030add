package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.order.CommandSource;
import io.bitmm.gateway.order.HttpFixtureServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order gateway consuming commands itself, on its I/O thread (the engine's outbound ring in production): orders
 * go out and are acknowledged, parked or spinning, and the thread is the one the context's factory made.
 */
class OrderGatewayCommandSourceTest
{
    private static final String SECRET = "bitget-test-secret-0001";
    private final TestPublisher publisher = new TestPublisher(4096, true);
    private final ConcurrentLinkedQueue<OutboundCommand> queue = new ConcurrentLinkedQueue<>();
    private final CommandSource source = consumer ->
    {
        int taken = 0;
        for (OutboundCommand c = queue.poll(); c != null; c = queue.poll())
        {
            consumer.accept(c, taken, queue.isEmpty());
            taken++;
        }
        return taken;
    };
    private HttpFixtureServer server;
    private OrderGateway gateway;

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        if (server != null)
        {
            server.close();
        }
    }

    private OrderGateway start(final boolean spin, final String[] threadName)
    {
        server = new HttpFixtureServer(true, SECRET);
        final GatewayContext context = new GatewayContext().restUri(server.uri())
            .credentials(new Credentials("key-1", SECRET, "pass-1")).requestTimeoutMs(1000).connectTimeoutMs(3000)
            .orderLoopSpin(spin).orderWarmupRequests(50)
            .orderThreadFactory(task ->
            {
                final Thread t = new Thread(() ->
                {
                    threadName[0] = Thread.currentThread().getName();
                    task.run();
                }, "test-orders");
                t.setDaemon(true);
                return t;
            });
        gateway = new OrderGateway(context, TestInstruments.table(), publisher);
        gateway.commandSource(source);
        gateway.start();
        return gateway;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldPlaceAndCancelFromTheSource(final boolean spin) throws Exception
    {
        final String[] threadName = new String[1];
        start(spin, threadName);
        assertEquals(50, gateway.warmupAnswered(), "order path warmed up in memory");
        assertEquals(0, server.seen("/api/v2/spot/trade").size(), "the warm-up sent nothing to the venue");
        TimeUnit.MILLISECONDS.sleep(50);
        queue.add(OrderGatewayTest.command(CommandType.PLACE, "mm-src-1"));
        gateway.wakeup();
        Await.until("place ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        queue.add(OrderGatewayTest.command(CommandType.CANCEL, "mm-src-1"));
        gateway.wakeup();
        Await.until("cancel ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 2);
        assertEquals(CommandType.CANCEL, publisher.events(EventType.COMMAND_ACK).get(1).commandType);
        assertEquals("test-orders", threadName[0], "the context's thread factory made the order I/O thread");
        assertTrue(queue.isEmpty());
    }

    @Test
    void shouldRefuseASharedEventLoopGroup()
    {
        final EventLoopGroup shared = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try
        {
            gateway = new OrderGateway(new GatewayContext().restUri(java.net.URI.create("http://127.0.0.1:1"))
                .credentials(new Credentials("key-1", SECRET, "pass-1")).eventLoopGroup(shared), TestInstruments.table(),
                publisher);
            gateway.commandSource(source);
            final IllegalStateException ex = assertThrows(IllegalStateException.class, gateway::start);
            assertTrue(ex.getMessage().contains("own I/O thread"), ex.getMessage());
            gateway = null;
        }
        finally
        {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
