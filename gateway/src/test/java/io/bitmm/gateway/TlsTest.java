package io.bitmm.gateway;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.order.HttpFixtureServer;
import io.bitmm.gateway.order.TestTls;
import io.bitmm.gateway.ws.WsFixtureServer;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.ssl.ApplicationProtocolNames;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on loopback: the order pool with ALPN h2 when offered and HTTP/1.1 when the server only speaks it, and the
 * market-data stream over {@code wss://}.
 */
class TlsTest
{
    private static final String SECRET = "bitget-test-secret-0001";

    private void placeOverTls(final String[] serverProtocols, final String expectedProtocol) throws Exception
    {
        final TestPublisher publisher = new TestPublisher(1024, true);
        try (HttpFixtureServer server = new HttpFixtureServer(true, SECRET, TestTls.server(serverProtocols)))
        {
            final GatewayContext context = new GatewayContext().restUri(server.uri()).tlsTrustManagerFactory(TestTls.trust())
                .credentials(new Credentials("key-1", SECRET, "pass-1"));
            try (OrderGateway gateway = new OrderGateway(context, TestInstruments.table(), publisher))
            {
                gateway.start();
                assertEquals(List.of(expectedProtocol, expectedProtocol), server.protocols());
                final OutboundCommand place = new OutboundCommand();
                place.type = CommandType.PLACE;
                place.instrumentId = 0;
                place.price = 3000001;
                place.size = 10;
                place.clientOid[0] = 'a';
                place.clientOidLength = 1;
                gateway.onCommand(place, 0, true);
                Await.until("ack", 5000, () -> publisher.events(EventType.COMMAND_ACK).size() == 1);
                assertTrue(server.seen("/api/v2/spot/trade/place-order").get(0).signatureValid);
                assertEquals("a", new String(publisher.events(EventType.COMMAND_ACK).get(0).clientOid, 0, 1,
                    StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void shouldNegotiateH2WithAlpn() throws Exception
    {
        placeOverTls(TestTls.h2AndHttp1(), ApplicationProtocolNames.HTTP_2);
    }

    @Test
    void shouldFallBackToHttp1WhenAlpnSelectsIt() throws Exception
    {
        placeOverTls(new String[]{ApplicationProtocolNames.HTTP_1_1}, ApplicationProtocolNames.HTTP_1_1);
    }

    @Test
    void shouldStreamMarketDataOverWss() throws Exception
    {
        final TestPublisher publisher = new TestPublisher(1024, true);
        try (WsFixtureServer server = new WsFixtureServer("/v2/ws/public", TestTls.server()))
        {
            server.handler((ch, text) -> ch.writeAndFlush(new TextWebSocketFrame(
                io.bitmm.gateway.bitget.v2.SpotMarketDataAllocationTestFrames.SNAPSHOT)));
            final GatewayContext context = new GatewayContext().wsPublicUri(server.uri()).tlsTrustManagerFactory(TestTls.trust());
            assertTrue(server.uri().toString().startsWith("wss://"));
            try (MarketDataGateway gateway = new MarketDataGateway(context, TestInstruments.table(), publisher))
            {
                gateway.start();
                Await.until("a snapshot over TLS", 5000, () -> publisher.events(EventType.BOOK_SNAPSHOT).size() == 1);
            }
        }
    }

    @Test
    void shouldFailStartClearlyWhenTheCertificateIsNotTrusted() throws Exception
    {
        try (HttpFixtureServer server = new HttpFixtureServer(true, SECRET, TestTls.server(TestTls.h2AndHttp1())))
        {
            final GatewayContext context = new GatewayContext().restUri(server.uri()).connectTimeoutMs(1500)
                .reconnectBackoffMinMs(50).reconnectBackoffMaxMs(100).credentials(new Credentials("key-1", SECRET, "pass-1"));
            final OrderGateway gateway = new OrderGateway(context, TestInstruments.table(), new TestPublisher());
            final IllegalStateException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, gateway::start);
            assertTrue(ex.getMessage().contains("0 of 2 connections"), ex.getMessage());
            assertTrue(server.connections() >= 3, "failed TLS connections are replaced: " + server.connections());
        }
    }
}
