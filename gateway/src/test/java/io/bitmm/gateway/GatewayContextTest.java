package io.bitmm.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayContextTest
{
    @Test
    void shouldAcceptDefaults()
    {
        final GatewayContext context = new GatewayContext().conclude();
        assertEquals(2, context.httpConnections());
        assertEquals(10, context.rateLimitPerSecond(Endpoint.PLACE_ORDER));
        assertEquals(5, context.rateLimitPerSecond(Endpoint.BATCH_ORDERS));
        assertEquals(HttpMode.AUTO, context.httpMode());
    }

    @Test
    void shouldSayWhatIsWrong()
    {
        assertMessage(new GatewayContext().restUri(URI.create("ftp://x")), "restUri");
        assertMessage(new GatewayContext().wsPublicUri(URI.create("https://x")), "wsPublicUri");
        assertMessage(new GatewayContext().httpConnections(0), "httpConnections");
        assertMessage(new GatewayContext().pingIntervalMs(60_000), "pingIntervalMs");
        assertMessage(new GatewayContext().wsMessagesPerSecond(11), "wsMessagesPerSecond");
        assertMessage(new GatewayContext().subscribesPerHour(500), "subscribesPerHour");
        assertMessage(new GatewayContext().reconnectBackoffMinMs(10).reconnectBackoffMaxMs(5), "reconnectBackoff");
        assertMessage(new GatewayContext().rateLimitPerSecond(Endpoint.PLACE_ORDER, 0), "rateLimitPerSecond(PLACE_ORDER)");
        assertMessage(new GatewayContext().instType("USDT-FUTURES"), "instType");
    }

    private static void assertMessage(final GatewayContext context, final String expected)
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, context::conclude);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
