package io.bitmm.gateway;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.auth.WsLogin;
import io.bitmm.gateway.order.HttpFixtureServer;
import io.bitmm.gateway.bitget.v2.SpotPrivateStreamDecoderTest;
import io.bitmm.gateway.ws.WsFixtureServer;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateStreamGatewayTest
{
    private static final String SECRET = "bitget-test-secret-0001";
    private static final Pattern LOGIN = Pattern.compile("\"timestamp\":\"(\\d+)\",\"sign\":\"([^\"]+)\"");

    // made during the gap, so after this run's start (the fetch drops fills older than the start: the start balances
    // hold them): a time far ahead of any test clock
    private static final String GAP_FILL = "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":[" +
        "{\"userId\":\"1\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1001\",\"tradeId\":\"2002\",\"orderType\":\"limit\"," +
        "\"side\":\"sell\",\"priceAvg\":\"30000.10\",\"size\":\"0.0007\",\"amount\":\"21.00007\"," +
        "\"feeDetail\":{\"deduction\":\"no\",\"feeCoin\":\"USDT\",\"totalDeductionFee\":\"\",\"totalFee\":\"-0.0042\"}," +
        "\"tradeScope\":\"maker\",\"cTime\":\"4102444800300\",\"uTime\":\"4102444800300\"}]}";

    private final WsFixtureServer server = new WsFixtureServer("/v2/ws/private");
    private final HttpFixtureServer rest = new HttpFixtureServer(false, SECRET);
    private final TestPublisher publisher = new TestPublisher(1024, true);
    private PrivateStreamGateway gateway;

    @AfterEach
    void close()
    {
        if (gateway != null)
        {
            gateway.close();
        }
        server.close();
        rest.close();
    }

    @Test
    void shouldMatchLoginVectorFour()
    {
        final HmacSigner signer = new HmacSigner(SECRET.getBytes(StandardCharsets.UTF_8));
        assertEquals("CwXSVe1xY+P06Qz59ttfCSOaDJTl0n/JsSCFJZA5APg=", WsLogin.sign(signer, 1700000000L));
    }

    @Test
    void shouldLoginSubscribeDecodeAndReloginAfterReconnect()
    {
        final HmacSigner verifier = new HmacSigner(SECRET.getBytes(StandardCharsets.UTF_8));
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"login\""))
            {
                final Matcher m = LOGIN.matcher(text);
                final boolean ok = m.find() && m.group(2).equals(WsLogin.sign(verifier, Long.parseLong(m.group(1)))) &&
                    Math.abs(Long.parseLong(m.group(1)) - System.currentTimeMillis() / 1000) < 30 &&
                    text.contains("\"apiKey\":\"key-1\"") && text.contains("\"passphrase\":\"pass-1\"");
                ch.writeAndFlush(new TextWebSocketFrame(ok ? "{\"event\":\"login\",\"code\":0,\"msg\":\"\"}" :
                    "{\"event\":\"error\",\"code\":30015,\"msg\":\"bad sign\"}"));
            }
            else if (text.contains("\"op\":\"subscribe\""))
            {
                for (final String channel : new String[]{"orders", "fill", "account"})
                {
                    ch.writeAndFlush(new TextWebSocketFrame("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"SPOT\"," +
                        "\"channel\":\"" + channel + "\",\"instId\":\"default\"}}"));
                }
            }
        });
        rest.responder((path, body) -> path.startsWith("/api/v2/spot/trade/fills") ?
            new HttpFixtureServer.Answer(200, path.contains("symbol=BTCUSDT") ? GAP_FILL :
                "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":[]}") : null);
        final GatewayContext context = new GatewayContext().wsPrivateUri(server.uri()).restUri(rest.uri())
            .credentials(new Credentials("key-1", SECRET, "pass-1")).reconnectBackoffMinMs(20).reconnectBackoffMaxMs(50)
            .wsMessagesPerSecond(10);
        gateway = new PrivateStreamGateway(context, TestInstruments.table(), publisher);
        final long startedMs = context.venueClock().epochMs();
        gateway.start();
        Await.until("stream up", 5000, () -> !publisher.events(EventType.PRIVATE_STREAM_STATE).isEmpty());
        assertTrue(publisher.events(EventType.PRIVATE_STREAM_STATE).get(0).flag);
        assertTrue(gateway.isUp());
        final String subscribe = server.received().stream().filter(m -> m.contains("subscribe")).findFirst().orElseThrow();
        assertTrue(subscribe.contains("\"channel\":\"orders\"") && subscribe.contains("\"channel\":\"fill\"") &&
            subscribe.contains("\"channel\":\"account\",\"coin\":\"default\""), subscribe);

        server.sendToAll(SpotPrivateStreamDecoderTest.ORDERS);
        server.sendToAll(SpotPrivateStreamDecoderTest.ACCOUNT);
        Await.until("order, fill, balance", 5000, () -> !publisher.events(EventType.BALANCE).isEmpty());
        assertEquals(1, publisher.events(EventType.ORDER_UPDATE).size());
        assertEquals(1, publisher.events(EventType.FILL).size());

        assertTrue(rest.seen("/api/v2/spot/trade/fills").isEmpty(), "no gap at the first connection");

        server.dropAll();
        Await.until("down then up again", 5000, () -> publisher.events(EventType.PRIVATE_STREAM_STATE).size() == 3);
        final List<InboundEvent> states = publisher.events(EventType.PRIVATE_STREAM_STATE);
        assertFalse(states.get(1).flag);
        assertTrue(states.get(2).flag);
        assertEquals(2, server.count("\"op\":\"login\""));
        assertEquals(2, server.count("\"op\":\"subscribe\""));

        // the gap's fills were fetched from the fill history (from before the loss) and published before going up
        final List<HttpFixtureServer.Seen> fetches = rest.seen("/api/v2/spot/trade/fills");
        assertEquals(2, fetches.size(), "one per instrument: " + fetches.size());
        assertTrue(fetches.stream().allMatch(f -> f.signatureValid && f.path.contains("startTime=")), fetches.get(0).path);
        // the loss came less than GAP_MARGIN_MS after the start: the fetch still begins no earlier than this run's start,
        // whose balances already hold every older fill (a restart after kill -9 booked them twice before)
        for (final HttpFixtureServer.Seen f : fetches)
        {
            final Matcher m = Pattern.compile("startTime=(\\d+)").matcher(f.path);
            assertTrue(m.find(), f.path);
            assertTrue(Long.parseLong(m.group(1)) >= startedMs, f.path + " starts before the run's start " + startedMs);
        }
        final List<InboundEvent> all = publisher.events();
        int recovered = -1;
        int upAgain = -1;
        for (int i = 0; i < all.size(); i++)
        {
            final InboundEvent e = all.get(i);
            if (e.type == EventType.FILL && e.commandType == io.bitmm.core.event.CommandType.FETCH_FILLS)
            {
                recovered = i;
                assertEquals(2002, e.tradeId);
                assertEquals(1001, e.orderId);
                assertEquals(io.bitmm.core.event.Side.SELL, e.side);
                assertEquals(3_000_010, e.price);
                assertEquals(7, e.size);
                assertEquals(420_000, e.fee, "0.0042 USDT paid");
                assertTrue(e.maker);
            }
            if (e.type == EventType.PRIVATE_STREAM_STATE && e.flag)
            {
                upAgain = i;
            }
        }
        assertTrue(recovered >= 0 && recovered < upAgain, "recovered fill at " + recovered + ", up again at " + upAgain);
        assertEquals(1, gateway.gapFillsPublished());
        assertEquals(1, gateway.counters().get(GatewayCounters.RECONNECT_RECONCILES));
    }

    @Test
    void shouldRetryARefusedSubscription()
    {
        final java.util.concurrent.atomic.AtomicInteger subscribes = new java.util.concurrent.atomic.AtomicInteger();
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"login\""))
            {
                ch.writeAndFlush(new TextWebSocketFrame("{\"event\":\"login\",\"code\":0,\"msg\":\"\"}"));
            }
            else if (text.contains("\"op\":\"subscribe\"") && subscribes.incrementAndGet() == 1)
            {
                ch.writeAndFlush(new TextWebSocketFrame("{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}"));
            }
            else if (text.contains("\"op\":\"subscribe\""))
            {
                for (final String channel : new String[]{"orders", "fill", "account"})
                {
                    ch.writeAndFlush(new TextWebSocketFrame("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"SPOT\"," +
                        "\"channel\":\"" + channel + "\",\"instId\":\"default\"}}"));
                }
            }
        });
        final GatewayContext context = new GatewayContext().wsPrivateUri(server.uri()).restUri(rest.uri())
            .credentials(new Credentials("key-1", SECRET, "pass-1")).reconnectBackoffMinMs(20).reconnectBackoffMaxMs(50);
        gateway = new PrivateStreamGateway(context, TestInstruments.table(), publisher);
        gateway.start();
        Await.until("stream up after a refused subscribe", 5000, () -> gateway.isUp());
        assertEquals(2, server.count("\"op\":\"subscribe\""));
        assertEquals(1, server.count("\"op\":\"login\""), "retried on the same connection");
        assertEquals(1, gateway.counters().get(GatewayCounters.SUBSCRIBE_RETRIES));
    }

    @Test
    void shouldStayDownAndRetryWhenLoginFails()
    {
        server.handler((ch, text) ->
        {
            if (text.contains("\"op\":\"login\""))
            {
                ch.writeAndFlush(new TextWebSocketFrame("{\"event\":\"error\",\"code\":30005,\"msg\":\"login failed\"}"))
                    .addListener(f -> ch.close());
            }
        });
        final GatewayContext context = new GatewayContext().wsPrivateUri(server.uri())
            .credentials(new Credentials("key-1", "wrong", "pass-1")).reconnectBackoffMinMs(20).reconnectBackoffMaxMs(50);
        gateway = new PrivateStreamGateway(context, TestInstruments.table(), publisher);
        gateway.start();
        Await.until("a second login attempt", 5000, () -> server.count("\"op\":\"login\"") >= 2);
        assertFalse(gateway.isUp());
        assertTrue(publisher.events(EventType.PRIVATE_STREAM_STATE).isEmpty());
        assertEquals(0, server.count("\"op\":\"subscribe\""));
        assertTrue(gateway.counters().get(GatewayCounters.VENUE_ERRORS) >= 1);
    }
}
