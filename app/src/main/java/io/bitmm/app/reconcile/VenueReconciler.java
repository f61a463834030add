package io.bitmm.app.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.AccountQueries;
import io.bitmm.gateway.bitget.AccountQueries.VenuePosition;
import io.bitmm.gateway.bitget.v2.SpotAccountQueries;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles a starting engine with the venue, which is the truth, not with the journal: fetches the open orders
 * and cancels those that carry the engine's clientOid prefix (a fresh run owns none, so they are leftovers of a
 * run that died), leaving orders placed by other tools alone, and lists them again until none of them is open (a
 * cancel is a request: Bitget may still fill the order until it is done), so that no fill of an earlier run can
 * come after the balances; a refused cancel (it filled meanwhile) is fine, an orphan still open after
 * {@value #CANCEL_ROUNDS} rounds stops the start. Then it fetches the balances, which
 * {@link StartPositions} turns into the core's start position against each symbol's inventory target, and, on a
 * product with positions (USDT-M perpetuals), every open position: the run's start position, which the engine takes
 * through a start POSITION_SNAPSHOT event (journaled, so a replay starts from it). Slow path: a plain
 * {@link HttpClient}, signed as the gateway signs ({@link HmacSigner}).
 */
public final class VenueReconciler
{
    private static final JsonFactory JSON = new JsonFactory();
    /** Listings and cancels before giving up on an orphan that stays open. */
    static final int CANCEL_ROUNDS = 6;
    private static final long CANCEL_CONFIRM_PAUSE_MS = 100;

    private final URI rest;
    private final Credentials credentials;
    private final AccountQueries queries;
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param rest        REST base URL.
     * @param credentials API credentials.
     * @param queries     the dialect's account queries (classic v2 or UTA v3).
     */
    public VenueReconciler(final URI rest, final Credentials credentials, final AccountQueries queries)
    {
        this.rest = rest;
        this.credentials = credentials;
        this.queries = queries;
    }

    /**
     * What reconciliation found and did.
     *
     * @param openOrders     open orders found, all symbols.
     * @param cancelled      clientOids of the orders cancelled (ours, not owned by this run).
     * @param balances       coin to {@code available/frozen} as the venue wrote them: the run's baseline.
     * @param positions      symbol to the venue's open position, the traded symbols only (a flat symbol is absent),
     *                       or null when the product has no positions (spot).
     */
    public record Result(int openOrders, List<String> cancelled, Map<String, String> balances,
        Map<String, VenuePosition> positions)
    {
        /**
         * A product without positions (spot).
         *
         * @param openOrders open orders found, all symbols.
         * @param cancelled  clientOids of the orders cancelled.
         * @param balances   coin to {@code available/frozen}.
         */
        public Result(final int openOrders, final List<String> cancelled, final Map<String, String> balances)
        {
            this(openOrders, cancelled, balances, null);
        }

        /**
         * @return a few lines for people.
         */
        public String describe()
        {
            final StringBuilder out = new StringBuilder();
            out.append("reconcile: ").append(openOrders).append(" open orders at the venue; cancelled ")
                .append(cancelled.size()).append(" carrying our prefix but not owned by this run ").append(cancelled)
                .append('\n').append("reconcile: start balances ").append(balances).append('\n');
            if (positions != null)
            {
                out.append("reconcile: start positions ");
                if (positions.isEmpty())
                {
                    out.append("none (flat)");
                }
                String separator = "";
                for (final VenuePosition p : positions.values())
                {
                    out.append(separator).append(p.symbol()).append(' ').append(p.size()).append(" @ ")
                        .append(p.entryPrice());
                    separator = ", ";
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    /**
     * @param symbols         the symbols this run trades.
     * @param clientOidPrefix the engine's clientOid prefix ({@code mm}); ids look like {@code mm-<run>-<n>}.
     * @return what was found and done.
     * @throws IOException when the venue cannot be reached or refuses.
     */
    public Result reconcile(final List<String> symbols, final String clientOidPrefix) throws IOException
    {
        int open = 0;
        final List<String> cancelled = new ArrayList<>();
        for (final String symbol : symbols)
        {
            for (int round = 0; ; round++)
            {
                final List<Map<String, String>> rows = data(send("GET", queries.openOrdersPath(),
                    queries.openOrdersQuery(symbol), ""), queries.openOrdersListKey());
                final List<String> bodies = cancelBodies(rows, symbol, clientOidPrefix, queries);
                if (round == 0)
                {
                    open += rows.size();
                    for (final Map<String, String> row : rows)
                    {
                        if (isOurs(row, clientOidPrefix))
                        {
                            cancelled.add(row.get("clientOid"));
                        }
                    }
                }
                if (bodies.isEmpty())
                {
                    break;
                }
                if (round == CANCEL_ROUNDS)
                {
                    throw new IOException("reconcile: " + bodies.size() + " " + symbol + " orders carrying our prefix " +
                        "still open after " + CANCEL_ROUNDS + " rounds of cancels; the start balances would not hold " +
                        "their fills");
                }
                for (final String body : bodies)
                {
                    cancelOrphan(body);
                }
                pause(round);
            }
        }
        // only now: no order of ours is open, so no fill of an earlier run can come after these balances
        final Map<String, String> balances = balances(data(send("GET", queries.balancesPath(), queries.balancesQuery(),
            ""), queries.balancesListKey()), queries.coinField(), queries.frozenField());
        if (queries.positionsPath() == null)
        {
            return new Result(open, cancelled, balances);
        }
        return new Result(open, cancelled, balances, positions(data(send("GET", queries.positionsPath(),
            queries.positionsQuery(), ""), queries.positionsListKey()), symbols, queries));
    }

    /**
     * The traded symbols' open positions. A row of another symbol is left out; two rows of one symbol (hedge mode: a
     * long and a short) are netted; a row that cannot be read stops the start with the reason.
     *
     * @param rows    the position rows.
     * @param symbols the traded symbols.
     * @param queries the dialect's row reader.
     * @return symbol to position, flat symbols absent.
     * @throws IOException naming the symbol and field that cannot be read.
     */
    static Map<String, VenuePosition> positions(final List<Map<String, String>> rows, final List<String> symbols,
        final AccountQueries queries) throws IOException
    {
        final Map<String, VenuePosition> positions = new LinkedHashMap<>();
        for (final Map<String, String> row : rows)
        {
            final VenuePosition p;
            try
            {
                p = queries.position(row);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IOException("reconcile: " + ex.getMessage(), ex);
            }
            if (p == null || !symbols.contains(p.symbol()) || "0".equals(p.size()))
            {
                continue;
            }
            final VenuePosition other = positions.get(p.symbol());
            positions.put(p.symbol(), other == null ? p : new VenuePosition(p.symbol(),
                new java.math.BigDecimal(other.size()).add(new java.math.BigDecimal(p.size())).toPlainString(), "0"));
        }
        positions.values().removeIf(p -> new java.math.BigDecimal(p.size()).signum() == 0);
        return positions;
    }

    /**
     * Cancel one orphan. A refusal (it filled or was cancelled meanwhile: 43001 and kin) is not an error here: the
     * next listing says whether it is still open.
     */
    private void cancelOrphan(final String body) throws IOException
    {
        try
        {
            send("POST", queries.cancelPath(), "", body);
        }
        catch (final IOException ex)
        {
            if (ex.getMessage() == null || !ex.getMessage().startsWith("POST "))
            {
                throw ex;
            }
        }
    }

    private static void pause(final int round) throws IOException
    {
        try
        {
            Thread.sleep(Math.min(1_000, CANCEL_CONFIRM_PAUSE_MS << round));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    private static boolean isOurs(final Map<String, String> order, final String clientOidPrefix)
    {
        final String oid = order.get("clientOid");
        return oid != null && oid.startsWith(clientOidPrefix + "-");
    }

    /**
     * The cancel requests for the open orders that carry our prefix. Field outcomes (gateway/README.md): a
     * {@code clientOid} that is null, empty or missing is an order that is not ours; a missing {@code symbol} is the
     * symbol asked for; a missing or non-numeric {@code orderId} cancels by clientOid instead.
     *
     * @param orders          the {@code unfilled-orders} rows of one symbol.
     * @param symbol          the symbol they were asked for.
     * @param clientOidPrefix our prefix.
     * @return one JSON body per order to cancel.
     */
    static List<String> cancelBodies(final List<Map<String, String>> orders, final String symbol, final String clientOidPrefix)
    {
        return cancelBodies(orders, symbol, clientOidPrefix, SpotAccountQueries.INSTANCE);
    }

    /**
     * @param orders          the open-order rows of one symbol.
     * @param symbol          the symbol they were asked for.
     * @param clientOidPrefix our prefix.
     * @param queries         the dialect's cancel body.
     * @return one JSON body per order to cancel.
     */
    static List<String> cancelBodies(final List<Map<String, String>> orders, final String symbol, final String clientOidPrefix,
        final AccountQueries queries)
    {
        final List<String> bodies = new ArrayList<>();
        for (final Map<String, String> order : orders)
        {
            if (!isOurs(order, clientOidPrefix))
            {
                continue;
            }
            final String orderId = order.get("orderId");
            final boolean byId = orderId != null && orderId.matches("[0-9]{1,19}");
            bodies.add(queries.cancelBody(json(symbol), byId ? "orderId" : "clientOid",
                byId ? orderId : json(order.get("clientOid"))));
        }
        return bodies;
    }

    /**
     * The balances as {@code available/frozen} per coin. A row without a coin (null, empty, missing) is skipped; a
     * missing, null or empty {@code frozen} is 0; an {@code available} that is missing, null, empty or not a decimal,
     * and a {@code frozen} that is not a decimal, stop the start with an error naming the coin and the field.
     *
     * @param rows the {@code assets} rows.
     * @return coin to {@code available/frozen}.
     * @throws IOException naming the coin and field that cannot be read.
     */
    static Map<String, String> balances(final List<Map<String, String>> rows) throws IOException
    {
        return balances(rows, "frozen");
    }

    /**
     * @param rows        the balance rows.
     * @param frozenField the field of the amount held by orders ({@code frozen} v2, {@code locked} v3).
     * @return coin to {@code available/frozen}.
     * @throws IOException naming the coin and field that cannot be read.
     */
    static Map<String, String> balances(final List<Map<String, String>> rows, final String frozenField) throws IOException
    {
        return balances(rows, "coin", frozenField);
    }

    /**
     * @param rows        the balance rows.
     * @param coinField   the field naming the coin ({@code coin}; v2 mix {@code marginCoin}).
     * @param frozenField the field of the amount held by orders.
     * @return coin to {@code available/frozen}.
     * @throws IOException naming the coin and field that cannot be read.
     */
    static Map<String, String> balances(final List<Map<String, String>> rows, final String coinField,
        final String frozenField) throws IOException
    {
        final Map<String, String> balances = new LinkedHashMap<>();
        for (final Map<String, String> asset : rows)
        {
            final String coin = asset.get(coinField);
            if (coin == null || coin.isEmpty())
            {
                continue;
            }
            final String available = decimal(coin, "available", asset.get("available"), null);
            final String frozen = decimal(coin, frozenField, asset.get(frozenField), "0");
            balances.put(coin, available + "/" + frozen);
        }
        return balances;
    }

    private static String decimal(final String coin, final String field, final String value, final String fallback)
        throws IOException
    {
        if (value == null || value.isEmpty())
        {
            if (fallback != null)
            {
                return fallback;
            }
            throw new IOException("reconcile: the venue's balance of " + coin + " has no " + field);
        }
        if (!value.matches("-?[0-9]+(\\.[0-9]+)?"))
        {
            throw new IOException("reconcile: the venue's balance of " + coin + " has " + field + " = '" + value +
                "', not a decimal");
        }
        return value;
    }

    private static String json(final String text)
    {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Reconcile at start-up, print what was found and keep it in {@code <run-dir>/reconcile.txt}.
     *
     * @param rest            REST base URL.
     * @param credentials     API credentials.
     * @param symbols         the symbols this run trades.
     * @param clientOidPrefix the engine's clientOid prefix.
     * @param queries         the dialect's account queries.
     * @param runDir          the run's directory.
     * @return what was found and done, or null without credentials.
     * @throws IOException when the venue cannot be reached or refuses.
     */
    public static Result atStart(final URI rest, final Credentials credentials, final List<String> symbols,
        final String clientOidPrefix, final AccountQueries queries, final java.nio.file.Path runDir) throws IOException
    {
        if (credentials == null)
        {
            System.out.println("reconcile: skipped (no credentials: market data only)");
            return null;
        }
        final Result result = new VenueReconciler(rest, credentials, queries).reconcile(symbols, clientOidPrefix);
        System.out.print(result.describe());
        java.nio.file.Files.writeString(runDir.resolve("reconcile.txt"), result.describe(), StandardCharsets.UTF_8);
        return result;
    }

    private String send(final String method, final String path, final String query, final String body)
        throws IOException
    {
        final String timestamp = Long.toString(System.currentTimeMillis());
        final String pathAndQuery = query.isEmpty() ? path : path + "?" + query;
        final HttpRequest.Builder request = HttpRequest.newBuilder(rest.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .header("ACCESS-KEY", credentials.apiKey())
            .header("ACCESS-SIGN", sign(timestamp + method + pathAndQuery + body))
            .header("ACCESS-TIMESTAMP", timestamp)
            .header("ACCESS-PASSPHRASE", credentials.passphrase())
            .header("Content-Type", "application/json")
            .header("locale", "en-US");
        request.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() :
            HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        final HttpResponse<String> response;
        try
        {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        if (response.statusCode() != 200 || !response.body().contains("\"00000\""))
        {
            throw new IOException(method + " " + path + " failed: HTTP " + response.statusCode() + " " +
                response.body());
        }
        return response.body();
    }

    private String sign(final String payload)
    {
        final byte[] secret = credentials.secretBytes();
        final HmacSigner signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        signer.begin();
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        signer.update(bytes, 0, bytes.length);
        final byte[] out = new byte[HmacSigner.BASE64_LENGTH];
        final int length = signer.signBase64(out, 0);
        return new String(out, 0, length, StandardCharsets.US_ASCII);
    }

    /**
     * @param body a Bitget reply.
     * @return the scalar fields of each object in its {@code data} array (or of {@code data} itself).
     */
    static List<Map<String, String>> data(final String body) throws IOException
    {
        return data(body, null);
    }

    /**
     * @param body    a Bitget reply.
     * @param listKey null: the rows are {@code data} (an array, or one object); else the key of the array inside the
     *                {@code data} object (v3 {@code list}, {@code assets}; a null array is no rows).
     * @return the scalar fields of each row.
     */
    static List<Map<String, String>> data(final String body, final String listKey) throws IOException
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            while (parser.nextToken() != null)
            {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "data".equals(parser.currentName()) &&
                    parser.getParsingContext().getParent().inRoot())
                {
                    final JsonToken start = parser.nextToken();
                    if (start == JsonToken.START_ARRAY)
                    {
                        while (parser.nextToken() == JsonToken.START_OBJECT)
                        {
                            rows.add(object(parser));
                        }
                    }
                    else if (start == JsonToken.START_OBJECT && listKey != null)
                    {
                        while (parser.nextToken() == JsonToken.FIELD_NAME)
                        {
                            final boolean list = listKey.equals(parser.currentName());
                            if (parser.nextToken() == JsonToken.START_ARRAY && list)
                            {
                                while (parser.nextToken() == JsonToken.START_OBJECT)
                                {
                                    rows.add(object(parser));
                                }
                            }
                            else
                            {
                                parser.skipChildren();
                            }
                        }
                    }
                    else if (start == JsonToken.START_OBJECT)
                    {
                        rows.add(object(parser));
                    }
                    return rows;
                }
            }
        }
        return rows;
    }

    private static Map<String, String> object(final JsonParser parser) throws IOException
    {
        final Map<String, String> row = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
            {
                parser.skipChildren();
            }
            else if (value != JsonToken.VALUE_NULL)
            {
                // null is the same case as missing
                row.put(name, parser.getValueAsString());
            }
        }
        return row;
    }
}
