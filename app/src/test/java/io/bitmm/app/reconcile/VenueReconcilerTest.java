package io.bitmm.app.reconcile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bitmm.gateway.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up reconciliation against a scripted venue on loopback: the balances are read only once no order of an
 * earlier run is open, since a cancel is a request and the order may fill until it is done (chaos campaign, kill
 * trial 1025: fills of the killed run's orders made after the restart's balances were read were booked by neither
 * run).
 */
class VenueReconcilerTest
{
    private static final String OURS = "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000000240\"," +
        "\"clientOid\":\"mm-run1-7\",\"price\":\"60000.00\",\"status\":\"live\"}";
    private static final String OTHER_TOOL = "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000000241\"," +
        "\"clientOid\":\"grid-3\",\"price\":\"59000.00\",\"status\":\"live\"}";

    private final List<String> log = new CopyOnWriteArrayList<>();
    /** Listings that still show our order after its first cancel (the venue has not finished it yet). */
    private final AtomicInteger stillOpenListings = new AtomicInteger();
    private volatile boolean cancelSent;
    private volatile String cancelReply = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{}}";
    private HttpServer server;

    private URI start() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop()
    {
        if (server != null)
        {
            server.stop(0);
        }
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final String path = exchange.getRequestURI().getPath();
        final String reply;
        if (path.endsWith("/unfilled-orders"))
        {
            final boolean oursOpen = !cancelSent || stillOpenListings.getAndDecrement() > 0;
            log.add(oursOpen ? "list:ours" : "list:none");
            reply = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[" + (oursOpen ? OURS + "," : "") + OTHER_TOOL + "]}";
        }
        else if (path.endsWith("/cancel-order"))
        {
            log.add("cancel");
            final boolean first = !cancelSent;
            cancelSent = true;
            reply = first ? "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{}}" : cancelReply;
        }
        else
        {
            log.add("balances");
            reply = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"coin\":\"BTC\",\"available\":\"10.5\"," +
                "\"frozen\":\"0\"}]}";
        }
        final byte[] body = reply.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.contains("00000") ? 200 : 400, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private VenueReconciler reconciler(final URI rest)
    {
        return new VenueReconciler(rest, new Credentials("key", "secret", "phrase"),
            io.bitmm.gateway.bitget.v2.SpotAccountQueries.INSTANCE);
    }

    @Test
    void shouldReadTheBalancesOnlyOnceNoOrphanIsOpen() throws IOException
    {
        stillOpenListings.set(2);
        // the second cancel finds the order gone (it filled meanwhile): refused, which is fine
        cancelReply = "{\"code\":\"43001\",\"msg\":\"The order does not exist\",\"data\":null}";
        final VenueReconciler.Result result = reconciler(start()).reconcile(List.of("BTCUSDT"), "mm");
        assertEquals(List.of("list:ours", "cancel", "list:ours", "cancel", "list:ours", "cancel", "list:none",
            "balances"), log);
        assertEquals(List.of("mm-run1-7"), result.cancelled(), "counted once; the other tool's order left alone");
        assertEquals(2, result.openOrders());
        assertEquals("10.5/0", result.balances().get("BTC"));
    }

    @Test
    void shouldRefuseToStartWhenAnOrphanStaysOpen() throws IOException
    {
        stillOpenListings.set(Integer.MAX_VALUE);
        final URI rest = start();
        final IOException ex = assertThrows(IOException.class, () -> reconciler(rest).reconcile(List.of("BTCUSDT"), "mm"));
        assertTrue(ex.getMessage().contains("still open"), ex.getMessage());
        assertTrue(log.stream().noneMatch("balances"::equals), "no balances: the start would not be sound");
    }
}
