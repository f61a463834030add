package io.bitmm.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.FillHistory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recovers fills from the venue's fill history (the dialect's {@link FillHistory}: classic
 * {@code GET /api/v2/spot/trade/fills} paged with {@code idLessThan}, UTA {@code GET /api/v3/trade/fills} paged with
 * {@code cursor}; 10 requests/s/UID) and publishes them as ordinary FILL events, with {@code commandType}
 * FETCH_FILLS, through the inbound ring: the core deduplicates them by {@code tradeId}, the journal records them and a
 * replay sees them. Three uses: the fills of a private-stream gap (every instrument, since a venue time), the fills
 * of one order (the core's FETCH_FILLS command, after a query found more filled than the fills it saw), and the stop's
 * sweep of every fill of the run ({@link #sweepSince}, tagged SWEEP_FILLS).
 * A row the dialect cannot decode, or of a symbol outside the instrument table, is counted ({@link #failures()}) and
 * recorded in the error log, and the page's other rows are booked; a row without a symbol is the queried instrument's.
 * <p>
 * Slow path: its own daemon thread, a plain JDK {@link HttpClient}, ordinary Java. Requests are paced
 * {@value #PACE_MS} ms apart (half the endpoint's limit). A 40008/40005 (timestamp refused before anything was done)
 * asks for a clock re-sync ({@link VenueClock#requestResync()}) and is retried; so are network errors, 429 and 5xx,
 * with back-off. Order requests are taken allocation-free from the order I/O thread into a preallocated ring that
 * this thread polls every {@value #ORDER_POLL_MS} ms.
 */
public final class FillFetcher implements AutoCloseable
{
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;
    private static final long PACE_MS = 200;
    private static final long RETRY_MIN_MS = 250;
    private static final long RETRY_MAX_MS = 10_000;
    private static final int ORDER_QUEUE = 256;
    private static final long ORDER_POLL_MS = 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final GatewayContext context;
    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final FillHistory history;
    private final HttpClient client;
    private final HmacSigner signer;
    private final ScheduledExecutorService executor;
    private final long[] queuedOrderIds = new long[ORDER_QUEUE];
    private final int[] queuedInstruments = new int[ORDER_QUEUE];
    private final byte[][] queuedOids = new byte[ORDER_QUEUE][OutboundCommand.MAX_CLIENT_OID_LENGTH];
    private final int[] queuedOidLengths = new int[ORDER_QUEUE];
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong fillsPublished = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong ordersDropped = new AtomicLong();
    private long lastRequestMs;
    private volatile boolean closed;

    /**
     * @param context     settings; credentials are required.
     * @param instruments instruments and assets.
     * @param publisher   the inbound ring (multi-producer).
     * @param name        thread name.
     */
    public FillFetcher(final GatewayContext context, final InstrumentTable instruments, final InboundPublisher publisher,
        final String name)
    {
        this.context = context;
        this.instruments = instruments;
        this.publisher = publisher;
        this.history = context.dialect().fillHistory();
        final HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(context.connectTimeoutMs()));
        if (context.tlsTrustManagerFactory() != null)
        {
            builder.sslContext(sslContext(context));
        }
        this.client = builder.build();
        final byte[] secret = context.credentials().secretBytes();
        this.signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        final ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r ->
        {
            final Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        // the order I/O thread only stores into the queue (no hand-off object per request): this thread polls it
        executor.scheduleWithFixedDelay(this::drainOrders, ORDER_POLL_MS, ORDER_POLL_MS, TimeUnit.MILLISECONDS);
    }

    private static SSLContext sslContext(final GatewayContext context)
    {
        try
        {
            final SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, context.tlsTrustManagerFactory().getTrustManagers(), null);
            return ssl;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("cannot create the TLS context for fill recovery", ex);
        }
    }

    /**
     * Queue the fills of one order (a FETCH_FILLS command): any single producer thread, allocation-free.
     *
     * @param command the command (clientOid, orderId, instrumentId); copied.
     * @return false when the queue was full (counted; the core's query retry will ask again).
     */
    public boolean requestOrder(final OutboundCommand command)
    {
        final long h = head.get();
        if (h - tail.get() >= ORDER_QUEUE || command.orderId == 0)
        {
            ordersDropped.incrementAndGet();
            return false;
        }
        final int i = (int)(h & (ORDER_QUEUE - 1));
        queuedOrderIds[i] = command.orderId;
        queuedInstruments[i] = command.instrumentId;
        System.arraycopy(command.clientOid, 0, queuedOids[i], 0, command.clientOidLength);
        queuedOidLengths[i] = command.clientOidLength;
        head.set(h + 1);
        return true;
    }

    /**
     * Fetch and publish every fill of every instrument since {@code startVenueMs}, oldest first; retried (with
     * back-off) until it succeeds, {@code stillWanted} turns false or this is closed.
     *
     * @param startVenueMs venue epoch ms to fetch from.
     * @param stillWanted  asked before each attempt.
     * @return completes with the number of fills published (duplicates of fills already seen included), or with -1
     * when abandoned.
     */
    public CompletableFuture<Integer> fetchSince(final long startVenueMs, final java.util.function.BooleanSupplier stillWanted)
    {
        return fetchSince(startVenueMs, stillWanted, CommandType.FETCH_FILLS);
    }

    /**
     * The stop's sweep: as {@link #fetchSince(long, java.util.function.BooleanSupplier)}, but the fills are published
     * with {@code commandType} SWEEP_FILLS, so that the core counts those it booked already as swept
     * ({@code fillsSweptKnown}), not as duplicates.
     *
     * @param startVenueMs venue epoch ms to fetch from (the run's start).
     * @param stillWanted  asked before each attempt.
     * @return completes with the number of fills published (those already booked included), or -1 when abandoned.
     */
    public CompletableFuture<Integer> sweepSince(final long startVenueMs, final java.util.function.BooleanSupplier stillWanted)
    {
        return fetchSince(startVenueMs, stillWanted, CommandType.SWEEP_FILLS);
    }

    private CompletableFuture<Integer> fetchSince(final long startVenueMs, final java.util.function.BooleanSupplier stillWanted,
        final CommandType tag)
    {
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        executor.execute(() -> gapAttempt(startVenueMs, stillWanted, done, RETRY_MIN_MS, tag));
        return done;
    }

    private void gapAttempt(final long startVenueMs, final java.util.function.BooleanSupplier stillWanted,
        final CompletableFuture<Integer> done, final long backOffMs, final CommandType tag)
    {
        if (closed || !stillWanted.getAsBoolean())
        {
            done.complete(-1);
            return;
        }
        try
        {
            final List<Row> all = new ArrayList<>();
            for (int id = 0; id < instruments.instrumentCount(); id++)
            {
                final Instrument instrument = instruments.instrument(id);
                for (final Map<String, String> row : pages(history.sinceQuery(instrument, startVenueMs)))
                {
                    // also filtered here: a venue that ignores startTime must not book fills already in the balances;
                    // a row without a readable time (0) goes to the core, which books only this run's orders
                    final long timeMs = history.timeMs(row);
                    if (timeMs == 0 || timeMs >= startVenueMs)
                    {
                        all.add(new Row(row, instrument));
                    }
                }
            }
            all.sort(Comparator.comparingLong(r -> history.tradeId(r.fields)));
            for (final Row row : all)
            {
                publish(row.fields, row.queried, null, 0, tag);
            }
            done.complete(all.size());
        }
        catch (final IOException | RuntimeException ex)
        {
            failures.incrementAndGet();
            context.errorLog().record("fill recovery: " + ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
            executor.schedule(() -> gapAttempt(startVenueMs, stillWanted, done, Math.min(RETRY_MAX_MS, backOffMs * 2), tag),
                backOffMs, TimeUnit.MILLISECONDS);
        }
    }

    private void drainOrders()
    {
        while (!closed && tail.get() < head.get())
        {
            final int i = (int)(tail.get() & (ORDER_QUEUE - 1));
            try
            {
                final Instrument instrument = instruments.instrument(queuedInstruments[i]);
                final List<Map<String, String>> rows = pages(history.orderQuery(instrument, queuedOrderIds[i]));
                rows.sort(Comparator.comparingLong(history::tradeId));
                for (final Map<String, String> row : rows)
                {
                    publish(row, instrument, queuedOids[i], queuedOidLengths[i], CommandType.FETCH_FILLS);
                }
            }
            catch (final IOException | RuntimeException ex)
            {
                // the core queries the order again after its retry interval and asks again if still short
                failures.incrementAndGet();
                context.errorLog().record("fill recovery: " + ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
            }
            tail.incrementAndGet();
        }
    }

    /** Every page of fills for a query (newest first, then older pages by the dialect's cursor). */
    private List<Map<String, String>> pages(final String query) throws IOException
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++)
        {
            final String q = history.pageQuery(PAGE, cursor) + "&" + query;
            final String body = get(history.path(), q);
            final List<Map<String, String>> got = history.rows(body);
            rows.addAll(got);
            cursor = history.nextCursor(body, got, PAGE);
            if (cursor == null)
            {
                if (got.size() >= PAGE)
                {
                    // a full page whose rows carry no readable cursor: older fills may remain unfetched
                    failures.incrementAndGet();
                    context.errorLog().record("fill recovery: a full page without a cursor", query);
                }
                break;
            }
        }
        return rows;
    }

    private String get(final String path, final String query) throws IOException
    {
        for (int attempt = 0; ; attempt++)
        {
            pace();
            final String pathAndQuery = path + "?" + query;
            final String timestamp = Long.toString(context.venueClock().epochMs());
            final HttpRequest request = HttpRequest.newBuilder(URI.create(context.restUri() + pathAndQuery))
                .timeout(Duration.ofMillis(Math.max(context.requestTimeoutMs(), 5000)))
                .header("ACCESS-KEY", context.credentials().apiKey())
                .header("ACCESS-SIGN", sign(timestamp + "GET" + pathAndQuery))
                .header("ACCESS-TIMESTAMP", timestamp)
                .header("ACCESS-PASSPHRASE", context.credentials().passphrase())
                .header("Content-Type", "application/json")
                .GET().build();
            requests.incrementAndGet();
            final HttpResponse<String> response;
            try
            {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", ex);
            }
            catch (final IOException ex)
            {
                // a GET is safe to repeat: a reply lost or late (timeout) is retried like a 5xx (chaos seed 3024: an
                // order's fill fetch timed out once during the stop, and its fill was never booked)
                if (attempt >= 3 || closed)
                {
                    throw ex;
                }
                sleepMs(RETRY_MIN_MS << attempt);
                continue;
            }
            final String body = response.body();
            if (response.statusCode() == 200 && body.contains("\"00000\""))
            {
                return body;
            }
            final boolean clock = body.contains("\"40008\"") || body.contains("\"40005\"");
            if (clock)
            {
                context.venueClock().requestResync();
            }
            if (attempt >= 3 || !(clock || response.statusCode() == 429 || response.statusCode() >= 500))
            {
                throw new IOException("GET " + path + " answered HTTP " + response.statusCode() + " " +
                    body.substring(0, Math.min(200, body.length())));
            }
            sleepMs(clock ? 500 : RETRY_MIN_MS << attempt);
        }
    }

    private void pace()
    {
        final long wait = lastRequestMs + PACE_MS - System.currentTimeMillis();
        if (wait > 0)
        {
            sleepMs(wait);
        }
        lastRequestMs = System.currentTimeMillis();
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private String sign(final String prehash)
    {
        signer.begin();
        final byte[] bytes = prehash.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        final byte[] out = new byte[HmacSigner.BASE64_LENGTH];
        final int length = signer.signBase64(out, 0);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * A symbol that is missing, null or empty is the queried instrument's (the query names the symbol); one outside the
     * instrument table is counted and dropped.
     */
    private void publish(final Map<String, String> row, final Instrument queried, final byte[] clientOid,
        final int clientOidLength, final CommandType tag)
    {
        final String symbol = history.symbol(row);
        final Instrument instrument = symbol == null || symbol.isEmpty() ? queried : instruments.instrument(symbol);
        if (instrument == null)
        {
            failures.incrementAndGet();
            context.errorLog().record("fill recovery: fill of an unknown symbol", symbol);
            return;
        }
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        try
        {
            e.reset();
            e.type = EventType.FILL;
            e.commandType = tag;
            e.timestampNanos = System.nanoTime();
            e.instrumentId = instrument.id();
            history.decode(row, instrument, instruments, e);
            if (clientOid != null)
            {
                e.clientOid(clientOid, 0, clientOidLength);
            }
            fillsPublished.incrementAndGet();
        }
        catch (final RuntimeException ex)
        {
            e.type = EventType.NONE;
            failures.incrementAndGet();
            context.errorLog().record("fill recovery: undecodable fill", ex.getClass().getSimpleName() + ": " + ex.getMessage());
        }
        finally
        {
            e.publishNanos = System.nanoTime();
            publisher.publish(sequence);
        }
    }

    /** A fill-history row and the instrument whose query returned it. */
    private record Row(Map<String, String> fields, Instrument queried)
    {
    }

    /**
     * @param value a decimal string, or null.
     * @param scale decimals to keep.
     * @return the value as a fixed-point long, truncated; 0 for null or empty.
     */
    public static long fixed(final String value, final int scale)
    {
        if (value == null || value.isEmpty())
        {
            return 0;
        }
        return new BigDecimal(value).movePointRight(scale).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /**
     * @param body a Bitget reply whose {@code data} is an array of fills (v2) or {@code {"list":[...]}} (v3).
     * @return each fill's scalar fields; those of the {@code feeDetail} object as {@code feeDetail.<name>}.
     */
    public static List<Map<String, String>> data(final String body) throws IOException
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_ARRAY)
                {
                    array(parser, rows);
                }
                else if ("data".equals(name) && value == JsonToken.START_OBJECT)
                {
                    // v3: {"list":[...] or null,"cursor":"..."}
                    while (parser.nextToken() == JsonToken.FIELD_NAME)
                    {
                        final String inner = parser.currentName();
                        if (parser.nextToken() == JsonToken.START_ARRAY && "list".equals(inner))
                        {
                            array(parser, rows);
                        }
                        else
                        {
                            parser.skipChildren();
                        }
                    }
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
        return rows;
    }

    private static void array(final JsonParser parser, final List<Map<String, String>> rows) throws IOException
    {
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            final Map<String, String> row = new LinkedHashMap<>();
            object(parser, "", row);
            rows.add(row);
        }
    }

    private static void object(final JsonParser parser, final String prefix, final Map<String, String> row) throws IOException
    {
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT && prefix.isEmpty())
            {
                object(parser, name + ".", row);
            }
            else if (value == JsonToken.START_ARRAY && prefix.isEmpty() && "feeDetail".equals(name))
            {
                // the private push's shape: an array whose first object counts
                boolean first = true;
                while (parser.nextToken() == JsonToken.START_OBJECT)
                {
                    if (first)
                    {
                        object(parser, name + ".", row);
                        first = false;
                    }
                    else
                    {
                        parser.skipChildren();
                    }
                }
            }
            else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
            {
                parser.skipChildren();
            }
            else if (value != JsonToken.VALUE_NULL)
            {
                row.put(prefix + name, parser.getValueAsString());
            }
        }
    }

    /**
     * @return fills published (before the core's deduplication).
     */
    public long fillsPublished()
    {
        return fillsPublished.get();
    }

    /**
     * @return FETCH_FILLS commands done with: their fills fetched and published (or the attempt failed), or refused by
     * {@link #requestOrder} (queue full, no order id). Any thread; a stopping engine waits until this reaches the
     * FETCH_FILLS the core sent, so that fills being recovered are booked before it reads its position.
     */
    public long ordersDone()
    {
        return tail.get() + ordersDropped.get();
    }

    /**
     * @return fill-history requests sent.
     */
    public long requests()
    {
        return requests.get();
    }

    /**
     * @return failed attempts (retried) and undecodable fills.
     */
    public long failures()
    {
        return failures.get();
    }

    @Override
    public void close()
    {
        closed = true;
        executor.shutdownNow();
    }
}
