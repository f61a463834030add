package io.bitmm.sim.net.v2;

import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.RestApi;
import io.bitmm.sim.net.RestAuth;
import io.bitmm.sim.net.RestDialect;
import io.bitmm.sim.net.Venue;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Classic v2 REST (§4–§7): the endpoint table (path, rate limit, signed or public), the account-mode gate (a UTA
 * account gets 40085 on every private path, before the signature check, v3 §1), the signature checks, the
 * per-UID/per-IP rate limits, the optional requestTime/receiveWindow check, then the endpoint group's handler.
 * Endpoint groups register themselves: {@code v2/spot/Spot*Rest}, {@code v2/mix/Mix*Rest}.
 */
public final class V2Rest implements RestDialect
{
    /** The account's user id on the wire. */
    public static final String USER_ID = "1000000001";

    /**
     * One call to an endpoint.
     *
     * @param req   the request
     * @param query decoded query
     * @param body  parsed JSON body (POST) or null
     * @param out   the reply
     * @param now   epoch ms
     */
    public record Call(RestApi.Request req, Map<String, String> query, Map<String, Object> body, RestApi.Reply out, long now)
    {
        /** Sends the success envelope with data written by {@code data}. */
        public void ok(final Json.JsonWriterBody data)
        {
            Rest.ok(out, now, data, null);
        }

        /** Sends the success envelope with JSON text as data. */
        public void okRaw(final String rawData)
        {
            Rest.ok(out, now, null, rawData);
        }

        /** Sends HTTP 400 with a Bitget code. */
        public void fail(final String code, final String msg)
        {
            out.send(400, Rest.error(code, msg, now));
        }
    }

    /** An endpoint handler. */
    @FunctionalInterface
    public interface Handler
    {
        /** Handles one call. */
        void handle(Call c);
    }

    private record Endpoint(int limit, boolean signed, Handler handler)
    {
    }

    private final Venue venue;
    private final RestAuth auth;
    private final Map<String, Endpoint> endpoints = new HashMap<>();

    /**
     * @param venue the venue
     */
    public V2Rest(final Venue venue)
    {
        this.venue = venue;
        this.auth = new RestAuth(venue);
        publicGet("/api/v2/public/time", 20, c -> c.okRaw("{\"serverTime\":\"" + c.now() + "\"}"));
        publicGet("/api/v2/margin/currencies", 20, c -> c.okRaw("[]"));
    }

    /**
     * Registers a public endpoint.
     *
     * @param path    full path
     * @param limit   requests per second per IP
     * @param handler the handler
     */
    public void publicGet(final String path, final int limit, final Handler handler)
    {
        endpoints.put(path, new Endpoint(limit, false, handler));
    }

    /**
     * Registers a signed endpoint.
     *
     * @param path    full path
     * @param limit   requests per second per UID
     * @param handler the handler
     */
    public void signed(final String path, final int limit, final Handler handler)
    {
        endpoints.put(path, new Endpoint(limit, true, handler));
    }

    @Override
    public boolean isOrderAction(final String method, final String path)
    {
        return "POST".equals(method) && (path.startsWith("/api/v2/spot/trade/") || path.startsWith("/api/v2/mix/order/"));
    }

    @Override
    public void handle(final RestApi.Request req, final RestApi.Reply out, final long now)
    {
        final String path = req.path();
        final Endpoint ep = endpoints.get(path);
        if (ep == null)
        {
            out.send(404, Rest.notFound(now));
            return;
        }
        if (ep.signed() && venue.context().unifiedAccount())
        {
            out.send(400, Rest.classicApiOnUta());
            return;
        }
        if (ep.signed())
        {
            final String authError = auth.authenticate(req, now);
            if (authError != null)
            {
                out.send(400, "{\"code\":\"" + authError.substring(0, 5) + "\",\"msg\":\"" + authError.substring(6)
                    + "\",\"requestTime\":" + now + ",\"data\":null}");
                return;
            }
        }
        final String scope = ep.signed() ? "uid:" + USER_ID : "ip:" + req.remoteIp();
        final ArrayDeque<String> trace = venue.restLimiter().note(path + "|" + scope, "venueMs=" + now + " localMs="
            + System.currentTimeMillis() + " beatAgeMs=" + venue.beatAgeMs() + " accessTs=" + req.headers().get("ACCESS-TIMESTAMP")
            + " body=" + (req.body().length() > 160 ? req.body().substring(0, 160) : req.body()));
        if (!venue.restLimiter().tryAcquire(path + "|" + scope, ep.limit(), "all|" + req.remoteIp(), now))
        {
            System.out.println("rate-limit refused " + path + " at venueMs=" + now + "; the last requests on this key:");
            for (final String t : trace)
            {
                System.out.println("  " + t);
            }
            venue.rateLimitRejections().incrementAndGet();
            venue.rejectionsByPath().computeIfAbsent(path, k -> new LongAdder()).increment();
            out.send(429, Rest.tooMany(now));
            return;
        }
        final Map<String, String> q = Rest.query(req.rawQuery());
        final Map<String, Object> body = "POST".equals(req.method()) ? Json.parseObject(req.body().isEmpty() ? "{}" : req.body()) : null;
        if ("POST".equals(req.method()) && body == null)
        {
            out.send(400, Rest.error("40017", "Parameter verification failed", now));
            return;
        }
        final String windowError = receiveWindow(path, body != null ? Json.str(body, "requestTime") : q.get("requestTime"),
            body != null ? Json.str(body, "receiveWindow") : q.get("receiveWindow"), now);
        if (windowError != null)
        {
            out.send(400, Rest.error(windowError.substring(0, 5), windowError.substring(6), now));
            return;
        }
        ep.handler().handle(new Call(req, q, body, out, now));
    }

    /** The optional requestTime/receiveWindow check of §2 (40078 outside, 40079 window over 60 s). */
    private static String receiveWindow(final String path, final String requestTime, final String window, final long now)
    {
        if (requestTime == null || window == null || !(path.endsWith("/place-order") || path.endsWith("/orderInfo")
            || path.endsWith("/unfilled-orders") || path.endsWith("/history-orders")))
        {
            return null;
        }
        final long rt = Rest.parseLong(requestTime);
        final long w = Rest.parseLong(window);
        if (w > 60_000)
        {
            return "40079 receiveWindow cannot exceed 60000 ms";
        }
        if (rt <= 0 || Math.abs(now - rt) > w)
        {
            return "40078 Request is outside the receiveWindow";
        }
        return null;
    }
}
