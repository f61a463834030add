package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.gateway.order.HttpFixtureServer;
import io.bitmm.gateway.order.RejectCodes;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderGatewayTest
{
    private static final String SECRET = "bitget-test-secret-0001";
    private final TestPublisher publisher = new TestPublisher(4096, true);
    private HttpFixtureServer server;
    private OrderGateway gateway;
    private long sequence;
    // The gateway's I/O thread, owned here so a test can hand over several commands from inside it: then its drain
    // cannot run between them however the machine schedules threads, and a batch is always coalesced.
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

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
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private GatewayContext context(final URI uri)
    {
        return new GatewayContext().restUri(uri).credentials(new Credentials("key-1", SECRET, "pass-1"))
            .requestTimeoutMs(1000).connectTimeoutMs(3000).reconnectBackoffMinMs(10).reconnectBackoffMaxMs(50)
            .eventLoopGroup(loop);
    }

    private OrderGateway start(final boolean http2, final GatewayContext context)
    {
        server = server == null ? new HttpFixtureServer(http2, SECRET) : server;
        gateway = new OrderGateway(context.restUri(server.uri()), TestInstruments.table(), publisher);
        gateway.start();
        return gateway;
    }

    private OrderGateway start(final boolean http2)
    {
        return start(http2, context(URI.create("http://127.0.0.1:1")));
    }

    static OutboundCommand command(final CommandType type, final String clientOid)
    {
        final OutboundCommand c = new OutboundCommand();
        c.type = type;
        c.instrumentId = 0;
        final byte[] oid = clientOid.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(oid, 0, c.clientOid, 0, oid.length);
        c.clientOidLength = oid.length;
        c.side = Side.BUY;
        c.price = 3000001;
        c.size = 10;
        c.timeInForce = TimeInForce.POST_ONLY;
        return c;
    }

    private void send(final CommandType type, final String clientOid, final boolean endOfBatch)
    {
        gateway.onCommand(command(type, clientOid), sequence++, endOfBatch);
    }

    private void sendBatch(final CommandType type, final String first, final String second)
    {
        loop.submit(() ->
        {
            send(type, first, false);
            send(type, second, true);
        }).syncUninterruptibly();
    }

    private static String oid(final InboundEvent e)
    {
        return new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldPreWarmExactlyTheConfiguredConnectionsOverHttp2()
    {
        server = new HttpFixtureServer(true, SECRET);
        start(true, context(server.uri()).httpConnections(3));
        assertEquals(3, server.connections());
        assertEquals(3, server.timeRequestsByConnection().size());
        server.timeRequestsByConnection().values().forEach(count -> assertTrue(count.get() >= 1));
        assertEquals(3, gateway.warmConnections());
        assertTrue(Math.abs(gateway.clockOffsetMs()) < 1000);
    }

    @Test
    void shouldResyncTheClockAndResendARequestRefusedForItsTimestamp()
    {
        server = new HttpFixtureServer(true, SECRET);
        final java.util.concurrent.atomic.AtomicInteger places = new java.util.concurrent.atomic.AtomicInteger();
        server.responder((path, body) -> path.startsWith("/api/v2/spot/trade/place-order") && places.incrementAndGet() == 1 ?
            new HttpFixtureServer.Answer(400, "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"requestTime\":1," +
                "\"data\":null}") :
            new HttpFixtureServer.Answer(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1," +
                "\"data\":{\"orderId\":\"1001\",\"clientOid\":\"mm-1\"}}"));
        start(true, context(server.uri()));
        final int timeRequestsBefore = server.timeRequestsByConnection().values().stream().mapToInt(c -> c.get()).sum();
        send(CommandType.PLACE, "mm-1", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        assertTrue(publisher.events(EventType.COMMAND_REJECT).isEmpty(), "40008 refused before acting: re-signed and sent again");
        final List<HttpFixtureServer.Seen> sent = server.seen("/api/v2/spot/trade/place-order");
        assertEquals(2, sent.size());
        assertEquals(sent.get(0).body, sent.get(1).body, "the same order, same clientOid");
        assertTrue(server.timeRequestsByConnection().values().stream().mapToInt(c -> c.get()).sum() > timeRequestsBefore,
            "the offset was measured again at once");
        assertTrue(gateway.counters().get(GatewayCounters.CLOCK_RESYNCS) >= 1);
        assertEquals(1, gateway.counters().get(GatewayCounters.CLOCK_RETRIES));
    }

    @Test
    void shouldReportTheRefusalWhenTheRetryIsRefusedToo()
    {
        server = new HttpFixtureServer(true, SECRET);
        server.responder((path, body) -> new HttpFixtureServer.Answer(400,
            "{\"code\":\"40008\",\"msg\":\"Request timestamp expired\",\"requestTime\":1,\"data\":null}"));
        start(true, context(server.uri()));
        send(CommandType.CANCEL, "mm-1", true);
        Await.until("reject", 5000, () -> publisher.events(EventType.COMMAND_REJECT).size() == 1);
        assertEquals(40008, publisher.events(EventType.COMMAND_REJECT).get(0).rejectCode);
        assertEquals(2, server.seen("/api/v2/spot/trade/cancel-order").size(), "retried once, not forever");
    }

    @Test
    void shouldFetchTheFillsOfAnOrderAsFillEvents()
    {
        server = new HttpFixtureServer(false, SECRET);
        server.responder((path, body) -> path.startsWith("/api/v2/spot/trade/fills") ?
            new HttpFixtureServer.Answer(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":[" +
                "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1001\",\"tradeId\":\"12\",\"side\":\"buy\",\"priceAvg\":\"30000.01\"," +
                "\"size\":\"0.0004\",\"feeDetail\":{\"feeCoin\":\"BTC\",\"totalFee\":\"-0.0000004\"},\"tradeScope\":\"maker\"," +
                "\"cTime\":\"1700000000300\"}," +
                "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1001\",\"tradeId\":\"11\",\"side\":\"buy\",\"priceAvg\":\"30000.01\"," +
                "\"size\":\"0.0006\",\"feeDetail\":{\"feeCoin\":\"BTC\",\"totalFee\":\"0.0000001\"},\"tradeScope\":\"taker\"," +
                "\"cTime\":\"1700000000200\"}]}") : null);
        start(false, context(server.uri()).httpMode(HttpMode.HTTP1));
        final OutboundCommand fetch = command(CommandType.FETCH_FILLS, "mm-9");
        fetch.orderId = 1001;
        gateway.onCommand(fetch, sequence++, true);
        Await.until("two fills", 5000, () -> publisher.events(EventType.FILL).size() == 2);
        final List<InboundEvent> fills = publisher.events(EventType.FILL);
        assertEquals(11, fills.get(0).tradeId, "oldest first");
        assertEquals(12, fills.get(1).tradeId);
        assertEquals("mm-9", oid(fills.get(0)));
        assertEquals(CommandType.FETCH_FILLS, fills.get(0).commandType);
        assertEquals(6, fills.get(0).size);
        assertEquals(-10, fills.get(0).fee, "a positive totalFee is a rebate");
        assertEquals(40, fills.get(1).fee);
        assertFalse(fills.get(0).maker);
        final String query = server.seen("/api/v2/spot/trade/fills").get(0).path;
        assertTrue(query.contains("orderId=1001") && query.contains("symbol=BTCUSDT"), query);
        assertTrue(server.seen("/api/v2/spot/trade/fills").get(0).signatureValid);
    }

    @Test
    void shouldPlaceAndCancelWithValidSignatures()
    {
        start(true);
        send(CommandType.PLACE, "mm-1", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        final InboundEvent ack = publisher.events(EventType.COMMAND_ACK).get(0);
        assertEquals(CommandType.PLACE, ack.commandType);
        assertEquals("mm-1", oid(ack));
        assertEquals(1001, ack.orderId);
        send(CommandType.CANCEL, "mm-1", true);
        Await.until("cancel ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 2);
        assertEquals(CommandType.CANCEL, publisher.events(EventType.COMMAND_ACK).get(1).commandType);
        final List<HttpFixtureServer.Seen> place = server.seen("/api/v2/spot/trade/place-order");
        assertEquals(1, place.size());
        assertTrue(place.get(0).signatureValid);
        assertTrue(place.get(0).body.contains("\"clientOid\":\"mm-1\""), place.get(0).body);
        assertTrue(server.seen("/api/v2/spot/trade/cancel-order").get(0).signatureValid);
        assertEquals(1, gateway.counters().requests(Endpoint.PLACE_ORDER));
    }

    @Test
    void shouldRejectWithTheVenueCode()
    {
        start(true);
        server.responder((path, body) -> new HttpFixtureServer.Answer(400,
            "{\"code\":\"43118\",\"msg\":\"clientOrderId duplicate\",\"requestTime\":1,\"data\":null}"));
        send(CommandType.PLACE, "dup-1", true);
        Await.until("reject", 5000, () -> publisher.events(EventType.COMMAND_REJECT).size() == 1);
        final InboundEvent reject = publisher.events(EventType.COMMAND_REJECT).get(0);
        assertEquals(43118, reject.rejectCode);
        assertEquals("dup-1", oid(reject));
    }

    @Test
    void shouldReportUnknownOnTimeoutAndOnOutcomeUnknownCodes()
    {
        start(true, context(URI.create("http://127.0.0.1:1")).requestTimeoutMs(200));
        server.responder((path, body) -> body.contains("slow") ? null : new HttpFixtureServer.Answer(400,
            "{\"code\":\"40010\",\"msg\":\"Request timed out\"}"));
        send(CommandType.PLACE, "slow-1", true);
        send(CommandType.CANCEL, "x-2", true);
        Await.until("two unknowns", 5000, () -> publisher.events(EventType.COMMAND_UNKNOWN).size() == 2);
        assertEquals(1, gateway.counters().get(GatewayCounters.TIMEOUTS));
        final List<InboundEvent> unknown = publisher.events(EventType.COMMAND_UNKNOWN);
        assertTrue(unknown.stream().anyMatch(e -> "slow-1".equals(oid(e))));
        assertTrue(unknown.stream().anyMatch(e -> "x-2".equals(oid(e)) && e.rejectCode == 40010));
    }

    @Test
    void shouldBackOffAfter429()
    {
        start(true, context(URI.create("http://127.0.0.1:1")).backOffMs(300));
        final AtomicInteger calls = new AtomicInteger();
        server.responder((path, body) -> calls.incrementAndGet() == 1 ? new HttpFixtureServer.Answer(429,
            "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":1,\"data\":null}") : new HttpFixtureServer.Answer(200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"orderId\":\"7\",\"clientOid\":\"b\"}}"));
        send(CommandType.PLACE, "a", true);
        Await.until("429 reject", 5000, () -> publisher.events(EventType.COMMAND_REJECT).size() == 1);
        assertEquals(429, publisher.events(EventType.COMMAND_REJECT).get(0).rejectCode);
        final long rejectedAt = System.nanoTime();
        send(CommandType.PLACE, "b", true);
        Await.until("ack after the pause", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        final List<HttpFixtureServer.Seen> places = server.seen("/api/v2/spot/trade/place-order");
        assertEquals(2, places.size());
        assertTrue(places.get(1).nanos - rejectedAt >= 250_000_000L, "second place waited for the back-off");
        assertEquals(1, gateway.counters().get(GatewayCounters.BACK_OFFS));
        assertEquals(1, gateway.counters().get(GatewayCounters.RATE_LIMIT_WAITS));
    }

    @Test
    void shouldNeverExceedTheRateLimitOverABurst()
    {
        start(true, context(URI.create("http://127.0.0.1:1")).rateLimitPerSecond(Endpoint.PLACE_ORDER, 5)
            .coalesceBatches(false).rateLimitQueueCapacity(4));
        for (int i = 0; i < 14; i++)
        {
            send(CommandType.PLACE, "burst-" + i, true);
        }
        Await.until("9 acks", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 9);
        final List<InboundEvent> rejects = publisher.events(EventType.COMMAND_REJECT);
        assertEquals(5, rejects.size(), "5 sent at once, 4 wait in the queue, 5 rejected: " + gateway.counters());
        rejects.forEach(e -> assertEquals(RejectCodes.LOCAL_RATE_LIMIT, e.rejectCode));
        final List<HttpFixtureServer.Seen> places = server.seen("/api/v2/spot/trade/place-order");
        assertEquals(9, places.size());
        assertEquals(5, gateway.counters().get(GatewayCounters.RATE_LIMIT_REJECTS));
        for (int i = 0; i + 5 < places.size(); i++)
        {
            assertTrue(places.get(i + 5).nanos - places.get(i).nanos >= 950_000_000L,
                "more than 5 requests within one second at " + i);
        }
    }

    @Test
    void shouldCoalesceABatchOfPlacesAndSplitTheReply()
    {
        start(true);
        server.responder((path, body) -> new HttpFixtureServer.Answer(200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"requestTime\":1,\"data\":{\"successList\":[{\"orderId\":\"11\",\"clientOid\":\"a1\"}],\"failureList\":" +
            "[{\"orderId\":\"\",\"clientOid\":\"a2\",\"errorMsg\":\"less than the minimum amount 5 USDT\",\"errorCode\":\"45110\"}]}}"));
        sendBatch(CommandType.PLACE, "a1", "a2");
        Await.until("ack and reject", 5000, () -> publisher.events().size() == 2);
        assertEquals(1, server.seen("/api/v2/spot/trade/batch-orders").size());
        final InboundEvent ack = publisher.events(EventType.COMMAND_ACK).get(0);
        assertEquals("a1", oid(ack));
        assertEquals(11, ack.orderId);
        final InboundEvent reject = publisher.events(EventType.COMMAND_REJECT).get(0);
        assertEquals("a2", oid(reject));
        assertEquals(45110, reject.rejectCode);
    }

    @Test
    void shouldQueryAnOrder()
    {
        start(true);
        server.responder((path, body) -> new HttpFixtureServer.Answer(200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"requestTime\":1,\"data\":[{\"userId\":\"1\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1111461743123927040\"," +
            "\"clientOid\":\"mm-1\",\"price\":\"25000.00\",\"size\":\"0.0002\",\"orderType\":\"limit\",\"side\":\"buy\"," +
            "\"status\":\"live\",\"priceAvg\":\"0\",\"baseVolume\":\"0\",\"quoteVolume\":\"0\",\"enterPointSource\":\"API\"," +
            "\"feeDetail\":\"\",\"orderSource\":\"normal\",\"cancelReason\":\"\",\"cTime\":\"1700719050198\"," +
            "\"uTime\":\"1700719050198\"}]}"));
        send(CommandType.QUERY_ORDER, "mm-1", true);
        Await.until("order update", 5000, () -> publisher.events(EventType.ORDER_UPDATE).size() == 1);
        final InboundEvent order = publisher.events(EventType.ORDER_UPDATE).get(0);
        assertEquals(VenueOrderStatus.LIVE, order.venueStatus);
        assertEquals(2500000, order.price);
        assertEquals(2, order.size);
        assertEquals("/api/v2/spot/trade/orderInfo?clientOid=mm-1", server.seen("/api/v2/spot/trade/orderInfo").get(0).path);
        assertTrue(server.seen("/api/v2/spot/trade/orderInfo").get(0).signatureValid);
    }

    @Test
    void shouldFallBackToHttp1WhenH2cIsRefused()
    {
        server = new HttpFixtureServer(false, SECRET);
        start(false, context(server.uri()).httpConnections(2));
        assertEquals(2, gateway.warmConnections());
        send(CommandType.PLACE, "h1-1", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        assertTrue(server.seen("/api/v2/spot/trade/place-order").get(0).signatureValid);
    }

    @Test
    void shouldUseHttp1WhenConfigured()
    {
        server = new HttpFixtureServer(false, SECRET);
        start(false, context(server.uri()).httpMode(HttpMode.HTTP1).httpConnections(2));
        assertEquals(2, server.connections());
        send(CommandType.CANCEL_ALL, "x", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        assertEquals("{\"symbol\":\"BTCUSDT\"}", server.seen("/api/v2/spot/trade/cancel-symbol-order").get(0).body);
    }

    @Test
    void shouldFailStartWithAClearMessageWhenNothingListens()
    {
        final OrderGateway unreachable = new OrderGateway(context(URI.create("http://127.0.0.1:1")).connectTimeoutMs(500),
            TestInstruments.table(), publisher);
        final IllegalStateException ex = assertThrows(IllegalStateException.class, unreachable::start);
        assertTrue(ex.getMessage().contains("0 of 2 connections"), ex.getMessage());
        assertFalse(ex.getMessage().contains(SECRET));
    }

    @Test
    void shouldReplaceDeadConnectionsAndWarmThemAgain()
    {
        server = new HttpFixtureServer(true, SECRET);
        start(true, context(server.uri()).httpConnections(2));
        server.dropAll();
        Await.until("two new warm connections", 5000, () -> server.connections() == 4 && gateway.warmConnections() == 2);
        assertEquals(4, server.timeRequestsByConnection().size(), "each replacement served a time request before use");
        send(CommandType.PLACE, "after-drop", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        assertTrue(gateway.counters().get(GatewayCounters.RECONNECTS) >= 2);
    }

    @Test
    void shouldReplaceAConnectionTheVenueSendsAway()
    {
        server = new HttpFixtureServer(true, SECRET);
        start(true, context(server.uri()).httpConnections(1));
        send(CommandType.PLACE, "before-goaway", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        server.goAwayAll();
        Await.until("a second connection, warm", 5000, () -> server.connections() == 2 && gateway.warmConnections() == 1);
        send(CommandType.PLACE, "after-goaway", true);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 2);
        assertEquals("after-goaway", oid(publisher.events(EventType.COMMAND_ACK).get(1)));
        assertEquals(2, server.timeRequestsByConnection().size(), "the replacement was warmed before use");
        assertTrue(gateway.counters().get(GatewayCounters.RECONNECTS) >= 1);
        assertTrue(publisher.events(EventType.COMMAND_UNKNOWN).isEmpty());
    }

    @Test
    void shouldSendAHeldBackRunWhenItsBatchNeverEnds()
    {
        start(true);
        send(CommandType.PLACE, "lonely", false);
        Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        assertEquals(1, server.seen("/api/v2/spot/trade/place-order").size());
    }

    @Test
    void shouldReportUnknownWhenTheConnectionDiesWithARequestInFlight()
    {
        server = new HttpFixtureServer(true, SECRET);
        start(true, context(server.uri()).httpConnections(1).requestTimeoutMs(5000));
        server.responder((path, body) -> null);
        send(CommandType.PLACE, "lost-1", true);
        Await.until("request at the server", 5000, () -> server.seen("/api/v2/spot/trade/place-order").size() == 1);
        server.dropAll();
        Await.until("unknown", 5000, () -> publisher.events(EventType.COMMAND_UNKNOWN).size() == 1);
        assertEquals("lost-1", oid(publisher.events(EventType.COMMAND_UNKNOWN).get(0)));
        assertEquals(0, gateway.counters().get(GatewayCounters.TIMEOUTS));
    }

    @Test
    void shouldReportUnknownAndBackOffOn5xx()
    {
        start(true, context(URI.create("http://127.0.0.1:1")).backOffMs(200));
        server.responder((path, body) -> new HttpFixtureServer.Answer(503, "{\"code\":\"40200\",\"msg\":\"server upgrade\"}"));
        send(CommandType.CANCEL, "c-1", true);
        Await.until("unknown", 5000, () -> publisher.events(EventType.COMMAND_UNKNOWN).size() == 1);
        assertEquals(40200, publisher.events(EventType.COMMAND_UNKNOWN).get(0).rejectCode);
        assertEquals(1, gateway.counters().get(GatewayCounters.BACK_OFFS));
    }

    @Test
    void shouldReplaceAndBatchCancel()
    {
        start(true);
        server.responder((path, body) -> path.endsWith("cancel-replace-order") ? new HttpFixtureServer.Answer(200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"orderId\":\"1002\",\"clientOid\":\"mm-2\"," +
            "\"success\":\"success\",\"msg\":null}}") : new HttpFixtureServer.Answer(200, "{\"code\":\"00000\"," +
            "\"msg\":\"success\",\"data\":{\"successList\":[{\"orderId\":\"1\",\"clientOid\":\"k1\"}," +
            "{\"orderId\":\"2\",\"clientOid\":\"k2\"}],\"failureList\":[]}}"));
        final OutboundCommand replace = command(CommandType.REPLACE, "mm-1");
        System.arraycopy("mm-2".getBytes(StandardCharsets.US_ASCII), 0, replace.newClientOid, 0, 4);
        replace.newClientOidLength = 4;
        gateway.onCommand(replace, sequence++, true);
        Await.until("replace ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
        final InboundEvent ack = publisher.events(EventType.COMMAND_ACK).get(0);
        assertEquals(CommandType.REPLACE, ack.commandType);
        assertEquals(1002, ack.orderId);
        assertEquals("mm-2", new String(ack.newClientOid, 0, ack.newClientOidLength, StandardCharsets.US_ASCII));
        sendBatch(CommandType.CANCEL, "k1", "k2");
        Await.until("two cancel acks", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 3);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"orderList\":[{\"clientOid\":\"k1\"},{\"clientOid\":\"k2\"}]}",
            server.seen("/api/v2/spot/trade/batch-cancel-order").get(0).body);
    }
}
