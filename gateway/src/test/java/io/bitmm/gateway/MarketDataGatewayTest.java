package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.ws.WsFixtureServer;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketDataGatewayTest
{
    private static final String SNAPSHOT = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\"," +
        "\"instId\":\"BTCUSDT\"},\"data\":[{\"asks\":[[\"30000.20\",\"0.7500\"]],\"bids\":[[\"30000.10\",\"1.5000\"]]," +
        "\"checksum\":1,\"seq\":1,\"ts\":\"1700000000000\"}],\"ts\":1700000000004}";

    private final WsFixtureServer server = new WsFixtureServer("/v2/ws/public");
    private final TestPublisher publisher = new TestPublisher(1024, true);
    private MarketDataGateway gateway;

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        server.close();
    }

    private GatewayContext context()
    {
        return new GatewayContext().wsPublicUri(server.uri()).pingIntervalMs(200).pongTimeoutMs(300)
            .reconnectBackoffMinMs(20).reconnectBackoffMaxMs(100).wsMessagesPerSecond(10);
    }

    private void answerSubscribesWithSnapshots()
    {
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"subscribe\"") && text.contains("BTCUSDT"))
            {
                ch.writeAndFlush(new TextWebSocketFrame(SNAPSHOT));
            }
        });
    }

    @Test
    void shouldSubscribeDecodeAndPing()
    {
        answerSubscribesWithSnapshots();
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> !publisher.events(EventType.BOOK_SNAPSHOT).isEmpty());
        final String subscribe = server.received().get(0);
        assertTrue(subscribe.contains("\"channel\":\"books\",\"instId\":\"BTCUSDT\""), subscribe);
        assertTrue(subscribe.contains("\"channel\":\"trade\",\"instId\":\"ETHUSDT\""), subscribe);
        assertTrue(publisher.events(EventType.BOOK_SNAPSHOT).get(0).timestampNanos > 0);
        Await.until("two pings", 5000, () -> server.count("ping") >= 2);
        assertEquals(0, gateway.counters().get(GatewayCounters.PONG_TIMEOUTS));
        assertEquals(1, server.connections());
    }

    @Test
    void shouldDecodeOnASpinningLoopMadeByTheContextsThreadFactory()
    {
        answerSubscribesWithSnapshots();
        final String[] thread = new String[1];
        gateway = new MarketDataGateway(context().marketDataLoopSpin(true).marketDataThreadFactory(task ->
        {
            final Thread t = new Thread(() ->
            {
                thread[0] = Thread.currentThread().getName();
                task.run();
            }, "test-md");
            t.setDaemon(true);
            return t;
        }), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> !publisher.events(EventType.BOOK_SNAPSHOT).isEmpty());
        Await.until("two pings", 5000, () -> server.count("ping") >= 2);
        assertEquals("test-md", thread[0]);
        assertEquals(0, gateway.counters().get(GatewayCounters.PONG_TIMEOUTS));
    }

    @Test
    void shouldReconnectResubscribeAndResetWhenTheServerDrops()
    {
        answerSubscribesWithSnapshots();
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        server.dropAll();
        Await.until("a second snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 2);
        assertEquals(2, server.connections());
        assertEquals(2, server.count("\"op\":\"subscribe\""));
        assertEquals(2, publisher.events(EventType.BOOK_RESET).size(), "one BOOK_RESET per instrument");
        assertTrue(gateway.counters().get(GatewayCounters.RECONNECTS) >= 1);
    }

    @Test
    void shouldReconnectWhenNoPongComes()
    {
        server.answerPing(false);
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a reconnect", 5000, () -> server.connections() >= 2);
        assertTrue(gateway.counters().get(GatewayCounters.PONG_TIMEOUTS) >= 1);
    }

    @Test
    void shouldRetryARefusedBooksResubscribeUntilTheSnapshotComes()
    {
        final java.util.concurrent.atomic.AtomicInteger subscribes = new java.util.concurrent.atomic.AtomicInteger();
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"subscribe\"") && text.contains("BTCUSDT"))
            {
                final int n = subscribes.incrementAndGet();
                ch.writeAndFlush(new TextWebSocketFrame(n == 2 || n == 3 ?
                    "{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}" : SNAPSHOT));
            }
        });
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        final OutboundCommand command = new OutboundCommand();
        command.type = CommandType.RESYNC_BOOK;
        command.instrumentId = 0;
        gateway.onCommand(command, 1, true);
        Await.until("a snapshot after two refusals", 10_000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 2);
        assertEquals(4, subscribes.get());
        assertEquals(2, gateway.counters().get(GatewayCounters.SUBSCRIBE_RETRIES));
        assertEquals(1, server.connections(), "retried on the same connection");
    }

    @Test
    void shouldReconnectAfterRefusalsInARow()
    {
        final java.util.concurrent.atomic.AtomicInteger subscribes = new java.util.concurrent.atomic.AtomicInteger();
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"subscribe\"") && text.contains("BTCUSDT"))
            {
                ch.writeAndFlush(new TextWebSocketFrame(subscribes.incrementAndGet() <= 5 ?
                    "{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}" : SNAPSHOT));
            }
        });
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot on a new connection", 30_000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        assertEquals(2, server.connections());
    }

    @Test
    void shouldUnsubscribeAndSubscribeOnResyncCommand()
    {
        answerSubscribesWithSnapshots();
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        final OutboundCommand command = new OutboundCommand();
        command.type = CommandType.RESYNC_BOOK;
        command.instrumentId = 0;
        gateway.onCommand(command, 1, true);
        Await.until("a fresh snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 2);
        final String unsubscribe = server.received().stream().filter(m -> m.contains("unsubscribe")).findFirst().orElseThrow();
        assertTrue(unsubscribe.contains("BTCUSDT") && !unsubscribe.contains("ETHUSDT"), unsubscribe);
        final int unsubscribeAt = server.received().indexOf(unsubscribe);
        assertTrue(server.received().get(unsubscribeAt + 1).contains("\"op\":\"subscribe\""));
        assertEquals(1, publisher.events(EventType.BOOK_RESET).size());
        assertEquals(0, publisher.events(EventType.BOOK_RESET).get(0).instrumentId);
        assertEquals(1, gateway.counters().get(GatewayCounters.RESYNCS));
    }

    @Test
    void shouldResyncAfterAnUndecodableFrame()
    {
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("subscribed", 5000, () -> server.count("\"op\":\"subscribe\"") == 1);
        server.sendToAll(SNAPSHOT.replace("30000.20", "garbage"));
        Await.until("a resync", 5000, () -> server.count("unsubscribe") == 1);
        assertEquals(1, gateway.counters().get(GatewayCounters.DECODE_ERRORS));
        assertEquals(EventType.NONE, publisher.events().get(0).type);
        assertEquals(EventType.BOOK_RESET, publisher.events().get(1).type);
    }

    @Test
    void shouldPaceMessagesWithinTheLimitPerSecond()
    {
        gateway = new MarketDataGateway(context().wsMessagesPerSecond(2).pingIntervalMs(30_000).pongTimeoutMs(30_000),
            TestInstruments.table(), publisher);
        gateway.start();
        Await.until("subscribed", 5000, () -> server.count("\"op\":\"subscribe\"") == 1);
        gateway.requestResync(-1);
        Await.until("two resyncs sent", 5000, () -> server.received().size() == 5);
        for (int i = 0; i + 2 < server.receivedNanos().size(); i++)
        {
            assertTrue(server.receivedNanos().get(i + 2) - server.receivedNanos().get(i) >= 900_000_000L,
                "more than 2 messages within one second at " + i);
        }
        assertEquals(2, publisher.events(EventType.BOOK_RESET).size());
    }

    @Test
    void shouldHoldSubscribesBeyondTheHourlyBudget()
    {
        gateway = new MarketDataGateway(context().subscribesPerHour(2), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("subscribed", 5000, () -> server.count("\"op\":\"subscribe\"") == 1);
        gateway.requestResync(0);
        Await.until("resync of BTCUSDT", 5000, () -> server.count("\"op\":\"subscribe\"") == 2);
        gateway.requestResync(1);
        Await.until("unsubscribe of ETHUSDT", 5000, () -> server.count("unsubscribe") == 2);
        Await.until("throttled", 5000, () -> gateway.counters().get(GatewayCounters.SUBSCRIBE_THROTTLED) == 1);
        assertEquals(2, server.count("\"op\":\"subscribe\""));
    }

    @Test
    void shouldReconnectAfterTheVenueClosesWithACloseFrame()
    {
        answerSubscribesWithSnapshots();
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        server.closeAllWithFrame();
        Await.until("resubscribed with a fresh snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 2);
        assertEquals(2, server.connections());
        assertEquals(2, publisher.events(EventType.BOOK_RESET).size());
    }

    @Test
    void shouldStampFramesWhenTheirBytesAreRead()
    {
        gateway = new MarketDataGateway(context(), TestInstruments.table(), publisher);
        gateway.start();
        Await.until("subscribed", 5000, () -> server.count("\"op\":\"subscribe\"") == 1);
        final long beforeSend = System.nanoTime();
        server.sendToAll(SNAPSHOT);
        Await.until("a snapshot", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
        final io.bitmm.core.event.InboundEvent e = publisher.events(EventType.BOOK_SNAPSHOT).get(0);
        assertTrue(e.timestampNanos >= beforeSend, "stamped after the server sent it");
        assertTrue(e.publishNanos >= e.timestampNanos, "stamped before it was published");
    }
}
