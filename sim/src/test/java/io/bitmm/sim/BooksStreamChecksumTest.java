package io.bitmm.sim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Streams {@code books} in stress mode over a real WebSocket and checks every update's checksum with an
 * independent, String-based book model (not the venue's OrderBook).
 */
class BooksStreamChecksumTest
{
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    @Timeout(60)
    void shouldMatchChecksumsOver20kUpdates() throws Exception
    {
        stream(20_000);
    }

    @Test
    @Tag("slow")
    @Timeout(900)
    void shouldMatchChecksumsOverOneMillionUpdates() throws Exception
    {
        stream(1_000_000);
    }

    @Test
    @Timeout(60)
    void shouldMatchChecksumsAtCadenceWhileTheAccountTrades() throws Exception
    {
        final Model model = new Model();
        final AtomicReference<String> failure = new AtomicReference<>();
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).seed(9).booksIntervalMs(2).takersPerSecond(100)
            .rateLimits(false).symbols("BTCUSDT"));
            WsClient client = WsClient.connect(venue.wsPublicUri(), text ->
            {
                if (text.startsWith("{\"action\""))
                {
                    final String err = model.apply(text);
                    if (err != null)
                    {
                        failure.compareAndSet(null, err);
                    }
                }
            }))
        {
            client.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}");
            final TestHttp http = new TestHttp(venue.restUri(), venue.credentials());
            for (int i = 0; i < 200 && failure.get() == null; i++)
            {
                final String side = i % 2 == 0 ? "buy" : "sell";
                final String price = i % 2 == 0 ? "59990.00" : "60010.00";
                http.signedPost("/api/v2/spot/trade/place-order", "{\"symbol\":\"BTCUSDT\",\"side\":\"" + side
                    + "\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"" + price + "\",\"size\":\"0.010000\",\"clientOid\":\"c"
                    + i + "\"}");
                if (i % 3 == 0)
                {
                    http.signedPost("/api/v2/spot/trade/cancel-order", "{\"symbol\":\"BTCUSDT\",\"clientOid\":\"c" + i + "\"}");
                }
                Thread.sleep(5);
            }
            Thread.sleep(100);
            assertNull(failure.get());
            assertTrue(model.updates > 100, "updates " + model.updates);
        }
    }

    private static void stream(final int updates) throws Exception
    {
        final Model model = new Model();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<String> failure = new AtomicReference<>();
        final AtomicLong checked = new AtomicLong();
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).seed(3).stress(true).symbols("BTCUSDT"));
            WsClient client = WsClient.connect(venue.wsPublicUri(), text ->
            {
                if (done.getCount() == 0 || !text.startsWith("{\"action\""))
                {
                    return;
                }
                final String err = model.apply(text);
                if (err != null)
                {
                    failure.compareAndSet(null, err);
                    done.countDown();
                }
                else if (model.updates > 0 && checked.incrementAndGet() >= updates)
                {
                    done.countDown();
                }
            }))
        {
            client.send("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}]}");
            final long t0 = System.nanoTime();
            // the String model here checks ~10k updates a second alone, a third of that on a busy 2-core box: a fixed
            // deadline fails a slow box, so the stream fails only when it stops (no update checked for 30 s)
            long last = -1;
            while (!done.await(30, TimeUnit.SECONDS))
            {
                final long now = checked.get();
                assertTrue(now > last, "the stream stalled after " + now + " updates");
                last = now;
            }
            final double secs = (System.nanoTime() - t0) / 1e9;
            assertNull(failure.get());
            assertEquals(updates, checked.get());
            System.out.printf(java.util.Locale.ROOT, "%d updates checked in %.1f s (%.0f/s)%n", updates, secs, updates / secs);
        }
    }

    /** Book as strings keyed by numeric price; the checksum is rebuilt from the received strings. */
    static final class Model
    {
        private final TreeMap<BigDecimal, String[]> bids = new TreeMap<>(Collections.reverseOrder());
        private final TreeMap<BigDecimal, String[]> asks = new TreeMap<>();
        private final CRC32 crc = new CRC32();
        long updates;
        private long lastSeq = -1;

        String apply(final String text)
        {
            try (JsonParser p = JSON.createParser(text))
            {
                String action = null;
                List<String[]> a = null;
                List<String[]> b = null;
                long checksum = 0;
                long seq = -1;
                while (p.nextToken() != null)
                {
                    if (p.currentToken() != JsonToken.FIELD_NAME)
                    {
                        continue;
                    }
                    final String name = p.currentName();
                    p.nextToken();
                    switch (name)
                    {
                        case "action":
                            action = p.getText();
                            break;
                        case "asks":
                            a = levels(p);
                            break;
                        case "bids":
                            b = levels(p);
                            break;
                        case "checksum":
                            checksum = p.getLongValue();
                            break;
                        case "seq":
                            seq = p.getLongValue();
                            break;
                        case "data":
                            break;
                        default:
                            p.skipChildren();
                            break;
                    }
                }
                if ("snapshot".equals(action))
                {
                    bids.clear();
                    asks.clear();
                }
                else if (seq <= lastSeq)
                {
                    return "seq went backwards: " + lastSeq + " -> " + seq;
                }
                lastSeq = seq;
                apply(bids, b);
                apply(asks, a);
                if ("update".equals(action))
                {
                    updates++;
                    final int local = checksum();
                    if (local != (int)checksum)
                    {
                        return "checksum mismatch at seq " + seq + ": local " + local + " venue " + checksum;
                    }
                }
                return null;
            }
            catch (final IOException ex)
            {
                return ex.toString();
            }
        }

        private static List<String[]> levels(final JsonParser p) throws IOException
        {
            final List<String[]> out = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY)
            {
                p.nextToken();
                final String price = p.getText();
                p.nextToken();
                final String size = p.getText();
                p.nextToken();
                out.add(new String[] {price, size});
            }
            return out;
        }

        private static void apply(final TreeMap<BigDecimal, String[]> side, final List<String[]> levels)
        {
            if (levels == null)
            {
                return;
            }
            for (final String[] l : levels)
            {
                final BigDecimal price = new BigDecimal(l[0]);
                if (new BigDecimal(l[1]).signum() == 0)
                {
                    side.remove(price);
                }
                else
                {
                    side.put(price, l);
                }
            }
        }

        int checksum()
        {
            final List<String> parts = new ArrayList<>(100);
            final Iterator<String[]> bi = bids.values().iterator();
            final Iterator<String[]> ai = asks.values().iterator();
            for (int i = 0; i < 25; i++)
            {
                if (bi.hasNext())
                {
                    final String[] l = bi.next();
                    parts.add(l[0]);
                    parts.add(l[1]);
                }
                if (ai.hasNext())
                {
                    final String[] l = ai.next();
                    parts.add(l[0]);
                    parts.add(l[1]);
                }
            }
            crc.reset();
            crc.update(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
            return (int)crc.getValue();
        }
    }
}
