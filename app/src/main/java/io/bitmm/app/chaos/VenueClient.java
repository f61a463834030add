package io.bitmm.app.chaos;

import io.bitmm.sim.Credentials;
import io.bitmm.sim.json.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The campaign's view of the simulated venue, over its wire like any client: the loopback-only control endpoints
 * ({@code POST /sim/fault}, {@code GET /sim/stats}) and two signed Bitget v2 queries, the open orders
 * ({@code GET /api/v2/spot/trade/unfilled-orders}) and the balances ({@code GET /api/v2/spot/account/assets}).
 * Slow path: a plain {@link HttpClient}, HMAC-SHA256 as Bitget signs (protocol notes §2.1).
 */
final class VenueClient
{
    private final URI rest;
    private final Credentials credentials;
    private final HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    VenueClient(final URI rest, final Credentials credentials)
    {
        this.rest = rest;
        this.credentials = credentials;
    }

    /**
     * @param json a control command, e.g. {@code {"fault":"corruptChecksum","count":2}}.
     * @throws IOException when the sim refuses it (an unknown fault) or cannot be reached.
     */
    void fault(final String json) throws IOException
    {
        final HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve("/sim/fault"))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
        if (response.statusCode() != 200)
        {
            throw new IOException("the sim refused " + json + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Ask the fresh venue what the engine asks first (server time, symbols), with a long timeout, so that its JIT
     * warm-up on a busy box does not count against the engine's start-up timeouts (5 s).
     *
     * @throws IOException when the venue does not answer within 30 s.
     */
    void warm() throws IOException
    {
        for (final String path : new String[] {"/api/v2/public/time", "/api/v2/spot/public/symbols"})
        {
            final HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve(path))
                .timeout(Duration.ofSeconds(30)).GET().build());
            if (response.statusCode() != 200)
            {
                throw new IOException("GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
        }
    }

    /**
     * @return the sim's counters ({@code GET /sim/stats}).
     * @throws IOException when the sim cannot be reached.
     */
    Map<String, Object> stats() throws IOException
    {
        final HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve("/sim/stats"))
            .timeout(Duration.ofSeconds(10)).GET().build());
        final Map<String, Object> stats = Json.parseObject(response.body());
        if (response.statusCode() != 200 || stats == null)
        {
            throw new IOException("GET /sim/stats: HTTP " + response.statusCode() + " " + response.body());
        }
        return stats;
    }

    /**
     * @return REST requests the venue refused for a rate limit, all paths.
     * @throws IOException when the sim cannot be reached.
     */
    long rateLimitRejections() throws IOException
    {
        long total = 0;
        final Object byPath = stats().get("rateLimitRejections");
        if (byPath instanceof Map<?, ?> map)
        {
            for (final Object count : map.values())
            {
                total += ((Number)count).longValue();
            }
        }
        return total;
    }

    /**
     * @param symbol a symbol.
     * @return the clientOids of the account's open orders on it.
     * @throws IOException when the venue cannot be reached or refuses.
     */
    List<String> openOrders(final String symbol) throws IOException
    {
        final List<String> oids = new ArrayList<>();
        for (final Map<String, Object> order : data(signed("/api/v2/spot/trade/unfilled-orders", "symbol=" + symbol)))
        {
            oids.add(String.valueOf(order.get("clientOid")));
        }
        return oids;
    }

    /**
     * @return coin to total holdings (available + frozen + locked).
     * @throws IOException when the venue cannot be reached or refuses.
     */
    Map<String, BigDecimal> balances() throws IOException
    {
        final Map<String, BigDecimal> totals = new TreeMap<>();
        for (final Map<String, Object> asset : data(signed("/api/v2/spot/account/assets", "")))
        {
            BigDecimal total = BigDecimal.ZERO;
            for (final String field : List.of("available", "frozen", "locked"))
            {
                final Object value = asset.get(field);
                if (value != null && !String.valueOf(value).isEmpty())
                {
                    total = total.add(new BigDecimal(String.valueOf(value)));
                }
            }
            totals.put(String.valueOf(asset.get("coin")), total);
        }
        return totals;
    }

    /**
     * One of the account's fills as the venue lists it.
     *
     * @param tradeId  the trade id.
     * @param side     buy or sell.
     * @param price    the price.
     * @param size     the base size.
     * @param fee      the fee paid (negative: a rebate received), in {@code feeCoin}.
     * @param feeCoin  the fee's coin.
     * @param timeMs   the venue's time of the fill.
     */
    record VenueFill(long tradeId, String side, BigDecimal price, BigDecimal size, BigDecimal fee, String feeCoin,
        long timeMs)
    {
    }

    /**
     * @param symbol a symbol.
     * @return every fill of the account on it, newest first (paged by {@code idLessThan}, within the endpoint's
     * 10 requests/s).
     * @throws IOException when the venue cannot be reached or refuses.
     * @throws InterruptedException when interrupted.
     */
    @SuppressWarnings("unchecked")
    List<VenueFill> fills(final String symbol) throws IOException, InterruptedException
    {
        final List<VenueFill> fills = new ArrayList<>();
        long before = 0;
        while (true)
        {
            final List<Map<String, Object>> page = data(signed("/api/v2/spot/trade/fills", "symbol=" + symbol +
                "&limit=100" + (before > 0 ? "&idLessThan=" + before : "")));
            for (final Map<String, Object> row : page)
            {
                final Map<String, Object> fee = row.get("feeDetail") instanceof Map<?, ?> m ?
                    (Map<String, Object>)m : Map.of();
                final String total = String.valueOf(fee.getOrDefault("totalFee", "0"));
                final long tradeId = Long.parseLong(String.valueOf(row.get("tradeId")));
                fills.add(new VenueFill(tradeId, String.valueOf(row.get("side")),
                    new BigDecimal(String.valueOf(row.get("priceAvg"))), new BigDecimal(String.valueOf(row.get("size"))),
                    total.isEmpty() ? BigDecimal.ZERO : new BigDecimal(total).negate(),
                    String.valueOf(fee.get("feeCoin")), Long.parseLong(String.valueOf(row.get("cTime")))));
                before = before == 0 ? tradeId : Math.min(before, tradeId);
            }
            if (page.size() < 100)
            {
                return fills;
            }
            Thread.sleep(150);
        }
    }

    private String signed(final String path, final String query) throws IOException
    {
        final String timestamp = Long.toString(System.currentTimeMillis());
        final String pathAndQuery = query.isEmpty() ? path : path + "?" + query;
        final HttpResponse<String> response = send(HttpRequest.newBuilder(rest.resolve(pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .header("ACCESS-KEY", credentials.apiKey())
            .header("ACCESS-SIGN", sign(timestamp + "GET" + pathAndQuery))
            .header("ACCESS-TIMESTAMP", timestamp)
            .header("ACCESS-PASSPHRASE", credentials.passphrase())
            .header("Content-Type", "application/json")
            .header("locale", "en-US")
            .GET().build());
        if (response.statusCode() != 200 || !response.body().contains("\"00000\""))
        {
            throw new IOException("GET " + path + " failed: HTTP " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(final HttpRequest request) throws IOException
    {
        try
        {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }

    private String sign(final String payload) throws IOException
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentials.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IOException("cannot sign: " + ex.getMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(final String body) throws IOException
    {
        final Map<String, Object> reply = Json.parseObject(body);
        final Object data = reply == null ? null : reply.get("data");
        final List<Map<String, Object>> rows = new ArrayList<>();
        if (data instanceof List<?> list)
        {
            for (final Object row : list)
            {
                if (row instanceof Map<?, ?>)
                {
                    rows.add((Map<String, Object>)row);
                }
            }
        }
        else if (data != null)
        {
            throw new IOException("unexpected reply: " + body);
        }
        return rows;
    }
}
