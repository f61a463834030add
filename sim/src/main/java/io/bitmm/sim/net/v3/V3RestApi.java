package io.bitmm.sim.net.v3;

import io.bitmm.sim.V3Options;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.RestApi;
import io.bitmm.sim.net.RestAuth;
import io.bitmm.sim.net.RestDialect;
import io.bitmm.sim.net.Venue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * REST {@code /api/v3/...} (protocol v3 §3-§7): the endpoint table with the §7 limits, the signature checks shared
 * with v2 ({@link RestAuth}), per-UID / per-IP limits counted in the venue's REST limiter as for v2, and routing to
 * the endpoint groups ({@link V3MarketEndpoints}, {@link V3TradeEndpoints}, {@link V3AccountEndpoints}).
 * Venue-thread only.
 */
public final class V3RestApi implements RestDialect
{
    /** The account's uid (as v2's userId). */
    static final String UID = "1000000001";
    private static final Map<String, Integer> LIMITS = new HashMap<>();

    static
    {
        for (final String p : List.of("instruments", "orderbook", "tickers", "fills"))
        {
            LIMITS.put("/api/v3/market/" + p, 20);
        }
        LIMITS.put("/api/v3/public/time", 20);
        LIMITS.put("/api/v3/trade/place-order", 10);
        LIMITS.put("/api/v3/trade/cancel-order", 10);
        LIMITS.put("/api/v3/trade/modify-order", 10);
        LIMITS.put("/api/v3/trade/batch-modify-order", 10);
        LIMITS.put("/api/v3/trade/place-batch", 5);
        LIMITS.put("/api/v3/trade/cancel-batch", 5);
        LIMITS.put("/api/v3/trade/cancel-symbol-order", 5);
        LIMITS.put("/api/v3/trade/countdown-cancel-all", 1);
        for (final String p : List.of("order-info", "unfilled-orders", "history-orders", "fills"))
        {
            LIMITS.put("/api/v3/trade/" + p, 20);
        }
        LIMITS.put("/api/v3/account/assets", 20);
        LIMITS.put("/api/v3/account/settings", 20);
        LIMITS.put("/api/v3/position/current-position", 20);
        LIMITS.put("/api/v3/account/set-leverage", 10);
        LIMITS.put("/api/v3/account/set-hold-mode", 10);
        LIMITS.put("/api/v3/account/fee-rate", 3);
    }

    /** A routed v3 endpoint. */
    private record Endpoint(boolean signed, Handler handler)
    {
    }

    /** Handles one routed request: query parameters, the parsed body (Map, List or null for GET). */
    @FunctionalInterface
    interface Handler
    {
        void handle(Map<String, String> query, Object body, RestApi.Reply out, long now);
    }

    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Venue venue;
    private final V3Options options;
    private final RestAuth auth;

    /**
     * @param venue   the venue
     * @param streams the v3 WebSocket side (pushes, views, trading, dead-man switch)
     * @param auth    the shared signature check
     */
    public V3RestApi(final Venue venue, final V3Streams streams, final RestAuth auth)
    {
        this.venue = venue;
        this.options = venue.context().v3();
        this.auth = auth;
        final V3MarketEndpoints market = new V3MarketEndpoints(streams);
        final V3TradeEndpoints trade = new V3TradeEndpoints(streams);
        final V3AccountEndpoints account = new V3AccountEndpoints(streams);
        pub("/api/v3/market/instruments", market::instruments);
        pub("/api/v3/market/orderbook", market::orderbook);
        pub("/api/v3/market/tickers", market::tickers);
        pub("/api/v3/market/fills", market::fills);
        if (options.publicTime())
        {
            pub("/api/v3/public/time", (q, b, out, now) -> Rest.ok(out, now, null, "{\"serverTime\":\"" + now + "\"}"));
        }
        signed("/api/v3/trade/place-order", trade::placeOrder);
        signed("/api/v3/trade/place-batch", trade::placeBatch);
        signed("/api/v3/trade/cancel-order", trade::cancelOrder);
        signed("/api/v3/trade/cancel-batch", trade::cancelBatch);
        signed("/api/v3/trade/cancel-symbol-order", trade::cancelSymbolOrder);
        signed("/api/v3/trade/modify-order", trade::modifyOrder);
        signed("/api/v3/trade/batch-modify-order", trade::batchModifyOrder);
        signed("/api/v3/trade/countdown-cancel-all", trade::countdownCancelAll);
        signed("/api/v3/trade/order-info", trade::orderInfo);
        signed("/api/v3/trade/unfilled-orders", trade::unfilledOrders);
        signed("/api/v3/trade/history-orders", trade::historyOrders);
        signed("/api/v3/trade/fills", trade::fills);
        signed("/api/v3/account/assets", account::assets);
        signed("/api/v3/account/settings", account::settings);
        signed("/api/v3/account/fee-rate", account::feeRate);
        signed("/api/v3/account/set-leverage", account::setLeverage);
        signed("/api/v3/account/set-hold-mode", account::setHoldMode);
        signed("/api/v3/position/current-position", account::currentPosition);
    }

    private void pub(final String path, final Handler h)
    {
        endpoints.put(path, new Endpoint(false, h));
    }

    private void signed(final String path, final Handler h)
    {
        endpoints.put(path, new Endpoint(true, h));
    }

    /** Per-second limit of a v3 REST path (§7), or 0 if it is not one. */
    static int limit(final String path)
    {
        return LIMITS.getOrDefault(path, 0);
    }

    /** Key of the overall per-IP budget: v2's (shared, default) or v3's own (§12.7 option). */
    static String ipKey(final V3Options options, final String ip)
    {
        return (options.overallIpLimit() ? "all|" : "v3all|") + ip;
    }

    @Override
    public boolean isOrderAction(final String method, final String path)
    {
        return "POST".equals(method) && path.startsWith("/api/v3/trade/");
    }

    @Override
    public void handle(final RestApi.Request req, final RestApi.Reply out, final long now)
    {
        final String path = req.path();
        final Endpoint e = endpoints.get(path);
        if (e == null)
        {
            out.send(404, Rest.notFound(now));
            return;
        }
        if (e.signed() && !venue.context().unifiedAccount())
        {
            out.send(400, Rest.utaApiOnClassic(now));
            return;
        }
        if (e.signed())
        {
            final String authError = auth.authenticate(req, now);
            if (authError != null)
            {
                out.send(400, Rest.error(authError.substring(0, 5), authError.substring(6), now));
                return;
            }
        }
        final String scope = e.signed() ? "uid:" + UID : "ip:" + req.remoteIp();
        if (!venue.restLimiter().tryAcquire(path + "|" + scope, limit(path), ipKey(options, req.remoteIp()), now))
        {
            venue.rateLimitRejections().incrementAndGet();
            venue.rejectionsByPath().computeIfAbsent(path, k -> new LongAdder()).increment();
            out.send(429, Rest.tooMany(now));
            return;
        }
        Object body = null;
        if ("POST".equals(req.method()))
        {
            body = Json.parse(req.body().isEmpty() ? "{}" : req.body());
            if (!(body instanceof Map) && !(body instanceof List))
            {
                out.send(400, Rest.error("40017", "Parameter verification failed", now));
                return;
            }
        }
        e.handler().handle(Rest.query(req.rawQuery()), body, out, now);
    }

    /** Sends a business error with HTTP 400 (refused requests are 400 on v3 as on v2). */
    static void fail(final RestApi.Reply out, final String code, final String msg, final long now)
    {
        out.send(400, Rest.error(code, msg, now));
    }
}
