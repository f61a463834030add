package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class FaultInjectionTest
{
    private static void waitUntil(final java.util.function.BooleanSupplier cond, final long ms) throws InterruptedException
    {
        final long end = System.currentTimeMillis() + ms;
        while (!cond.getAsBoolean() && System.currentTimeMillis() < end)
        {
            Thread.sleep(10);
        }
    }

    @Test
    void shouldDropConnectionsStallAndSkip() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).booksIntervalMs(10)))
        {
            final AtomicLong frames = new AtomicLong();
            try (WsClient c = WsClient.connect(venue.wsPublicUri(), t -> frames.incrementAndGet()))
            {
                c.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}");
                waitUntil(() -> frames.get() > 10, 5000);
                venue.faults().skipUpdates(3);
                waitUntil(() -> venue.faults().updatesSkipped() == 3, 5000);
                assertEquals(3, venue.faults().updatesSkipped());
                venue.faults().stallStreamsMs(2000);
                Thread.sleep(50);
                final long before = frames.get();
                Thread.sleep(300);
                assertEquals(before, frames.get(), "no pushes while stalled");
                waitUntil(() -> frames.get() > before, 5000);
                assertTrue(frames.get() > before, "pushes resume");
                venue.faults().dropConnections();
                waitUntil(() -> !c.isOpen(), 5000);
                assertTrue(!c.isOpen());
                assertEquals(1, venue.faults().connectionsDropped());
            }
        }
    }

    @Test
    void shouldDelayDropAndRejectRest() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).rateLimits(false)))
        {
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            venue.faults().restDelayMs(300);
            final long t0 = System.currentTimeMillis();
            assertEquals(200, http.get("/api/v2/public/time").statusCode());
            assertTrue(System.currentTimeMillis() - t0 >= 290);
            venue.faults().restDelayMs(0).ackDelayMs(300);
            final String ack = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\","
                + "\"price\":\"50000.00\",\"size\":\"0.001000\"}";
            final long t1 = System.currentTimeMillis();
            assertEquals(200, http.signedPost("/api/v2/spot/trade/place-order", ack).statusCode());
            assertTrue(System.currentTimeMillis() - t1 >= 290, "ack delayed");
            venue.faults().ackDelayMs(0).rejectOrderFraction(1.0);
            final String body = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"50000.00\","
                + "\"size\":\"0.001000\"}";
            assertTrue(http.signedPost("/api/v2/spot/trade/place-order", body).body().contains("\"code\":\"40725\""));
            assertEquals(1, venue.faults().ordersRejected());
            venue.faults().clear().restDropFraction(1.0);
            final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            final java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(venue.restUri().resolve("/api/v2/public/time"))
                .timeout(java.time.Duration.ofMillis(3000)).build();
            assertThrows(HttpTimeoutException.class, () -> client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()));
            // on a busy host the client may give up before the venue has read the request: poll for the counter
            final long end = System.currentTimeMillis() + 10_000;
            while (venue.faults().restRepliesDropped() == 0 && System.currentTimeMillis() < end)
            {
                Thread.sleep(20);
            }
            assertEquals(1, venue.faults().restRepliesDropped());
        }
    }
}
