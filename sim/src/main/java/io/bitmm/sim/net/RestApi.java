package io.bitmm.sim.net;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.Signer;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * REST v2 (§4–§7): routing by path (a v3 prefix can be added beside it), signature/timestamp/key checks with
 * Bitget's codes, rate limits, and the spot endpoints. Runs on the venue thread.
 */
public final class RestApi
{
    /** A reply sink: HTTP status and JSON body. */
    @FunctionalInterface
    public interface Reply
    {
        /**
         * @param status HTTP status
         * @param body   JSON text
         */
        void send(int status, String body);
    }

    /**
     * A decoded request.
     *
     * @param method   upper-case method
     * @param path     path without query
     * @param rawQuery query as received (may be percent-encoded) or ""
     * @param headers  headers
     * @param body     body text
     * @param remoteIp client address
     * @param loopback whether the client is on loopback
     */
    public record Request(String method, String path, String rawQuery, HttpHeaders headers, String body, String remoteIp, boolean loopback)
    {
    }

    private static final Map<String, Integer> PUBLIC_LIMITS = new HashMap<>();
    private static final Map<String, Integer> SIGNED_LIMITS = new HashMap<>();

    static
    {
        PUBLIC_LIMITS.put("/api/v2/public/time", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/public/symbols", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/public/coins", 3);
        PUBLIC_LIMITS.put("/api/v2/margin/currencies", 20);
        PUBLIC_LIMITS.put("/api/v2/mix/market/contracts", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/market/orderbook", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/market/merge-depth", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/market/tickers", 20);
        PUBLIC_LIMITS.put("/api/v2/spot/market/fills", 10);
        PUBLIC_LIMITS.put("/api/v2/spot/market/fills-history", 10);
        SIGNED_LIMITS.put("/api/v2/spot/trade/place-order", 10);
        SIGNED_LIMITS.put("/api/v2/spot/trade/batch-orders", 5);
        SIGNED_LIMITS.put("/api/v2/spot/trade/cancel-order", 10);
        SIGNED_LIMITS.put("/api/v2/spot/trade/batch-cancel-order", 10);
        SIGNED_LIMITS.put("/api/v2/spot/trade/cancel-replace-order", 5);
        SIGNED_LIMITS.put("/api/v2/spot/trade/cancel-symbol-order", 5);
        SIGNED_LIMITS.put("/api/v2/spot/trade/orderInfo", 20);
        SIGNED_LIMITS.put("/api/v2/spot/trade/unfilled-orders", 20);
        SIGNED_LIMITS.put("/api/v2/spot/trade/history-orders", 20);
        SIGNED_LIMITS.put("/api/v2/spot/trade/fills", 10);
        SIGNED_LIMITS.put("/api/v2/spot/account/assets", 10);
        SIGNED_LIMITS.put("/api/v2/common/trade-rate", 10);
    }

    private final Venue venue;
    private final Exchange exchange;
    private final Signer signer;
    private final RateLimiter limiter;
    private final Random faultRandom;

    /**
     * @param venue the venue
     */
    public RestApi(final Venue venue)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        this.signer = new Signer(venue.credentials().secret());
        this.limiter = new RateLimiter(venue.context().rateLimits(), venue.context().rateLimitScale());
        this.faultRandom = new Random(venue.context().seed());
    }

    /**
     * Handles one request.
     *
     * @param req   the request
     * @param reply where the answer goes
     */
    public void handle(final Request req, final Reply reply)
    {
        final long now = venue.faults().clockMs();
        exchange.now(now);
        venue.requestCounts().computeIfAbsent(req.path(), p -> new LongAdder()).increment();
        if (req.path().startsWith("/sim/"))
        {
            control(req, reply);
            return;
        }
        final Reply out = faulty(reply, req.path().startsWith("/api/v2/spot/trade/") && "POST".equals(req.method()));
        if (venue.faults().take5xx())
        {
            out.send(500, "{\"code\":\"45001\",\"msg\":\"Internal Server Error\",\"requestTime\":" + now + ",\"data\":null}");
            return;
        }
        if (venue.faults().take429())
        {
            out.send(429, tooMany(now));
            return;
        }
        if (req.path().startsWith("/api/v2/"))
        {
            v2(req, out, now);
            return;
        }
        out.send(404, "{\"code\":\"40404\",\"msg\":\"Request URL NOT FOUND\",\"requestTime\":" + now + ",\"data\":null}");
    }

    private Reply faulty(final Reply reply, final boolean orderAction)
    {
        final double drop = venue.faults().restDropFraction();
        if (drop > 0 && faultRandom.nextDouble() < drop)
        {
            venue.faults().countDrop();
            return (status, body) ->
            {
            };
        }
        final long delay = venue.faults().restDelayMs() + (orderAction ? venue.faults().ackDelayMs() : 0);
        if (delay > 0)
        {
            return (status, body) -> venue.loop().schedule(() -> reply.send(status, body), delay, TimeUnit.MILLISECONDS);
        }
        return reply;
    }

    private static String tooMany(final long now)
    {
        return "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":" + now + ",\"data\":null}";
    }

    private void control(final Request req, final Reply reply)
    {
        if (!req.loopback())
        {
            reply.send(403, "{\"code\":\"40014\",\"msg\":\"loopback only\"}");
            return;
        }
        if ("/sim/fault".equals(req.path()) && "POST".equals(req.method()))
        {
            final String err = venue.faults().apply(Json.parseObject(req.body()));
            reply.send(err == null ? 200 : 400, err == null ? "{\"code\":\"00000\",\"msg\":\"success\",\"data\":null}"
                : "{\"code\":\"40017\",\"msg\":" + Json.write(g -> g.writeString(err)) + ",\"data\":null}");
            return;
        }
        if ("/sim/stats".equals(req.path()))
        {
            reply.send(200, stats());
            return;
        }
        reply.send(404, "{\"code\":\"40404\",\"msg\":\"Request URL NOT FOUND\"}");
    }

    /** Counters for standalone runs: requests and rate-limit rejections per path, fault counters. */
    private String stats()
    {
        final io.bitmm.sim.Faults f = venue.faults();
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeObjectFieldStart("requests");
            for (final Map.Entry<String, LongAdder> e : new java.util.TreeMap<>(venue.requestCounts()).entrySet())
            {
                g.writeNumberField(e.getKey(), e.getValue().sum());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("rateLimitRejections");
            for (final Map.Entry<String, LongAdder> e : new java.util.TreeMap<>(venue.rejectionsByPath()).entrySet())
            {
                g.writeNumberField(e.getKey(), e.getValue().sum());
            }
            g.writeEndObject();
            g.writeNumberField("booksUpdatesSent", venue.booksUpdatesSent());
            g.writeNumberField("checksumCorruptionsInjected", f.checksumCorruptionsInjected());
            g.writeNumberField("updatesSkipped", f.updatesSkipped());
            g.writeNumberField("restRepliesDropped", f.restRepliesDropped());
            g.writeNumberField("ordersRejected", f.ordersRejected());
            g.writeNumberField("http429Sent", f.http429Sent());
            g.writeNumberField("http5xxSent", f.http5xxSent());
            g.writeNumberField("connectionsDropped", f.connectionsDropped());
            g.writeNumberField("subscribesRefused", f.subscribesRefused());
            g.writeNumberField("loginsRefused", f.loginsRefused());
            g.writeNumberField("clockSteps", f.clockSteps());
            g.writeNumberField("clockOffsetMs", f.clockOffsetMs());
            g.writeNumberField("privatePushesDropped", f.privatePushesDropped());
            g.writeNumberField("privatePushesDuplicated", f.privatePushesDuplicated());
            g.writeNumberField("privatePushesReordered", f.privatePushesReordered());
            g.writeNumberField("partialFillsInjected", f.partialFillsInjected());
            g.writeEndObject();
        });
    }

    private void v2(final Request req, final Reply out, final long now)
    {
        final String path = req.path();
        final Integer publicLimit = PUBLIC_LIMITS.get(path);
        final Integer signedLimit = SIGNED_LIMITS.get(path);
        if (publicLimit == null && signedLimit == null)
        {
            out.send(404, "{\"code\":\"40404\",\"msg\":\"Request URL NOT FOUND\",\"requestTime\":" + now + ",\"data\":null}");
            return;
        }
        if (signedLimit != null)
        {
            final String authError = authenticate(req, now);
            if (authError != null)
            {
                out.send(400, "{\"code\":\"" + authError.substring(0, 5) + "\",\"msg\":\"" + authError.substring(6)
                    + "\",\"requestTime\":" + now + ",\"data\":null}");
                return;
            }
        }
        final String scope = signedLimit != null ? "uid:" + Views.USER_ID : "ip:" + req.remoteIp();
        if (!limiter.tryAcquire(path + "|" + scope, signedLimit != null ? signedLimit : publicLimit, "all|" + req.remoteIp(), now))
        {
            venue.rateLimitRejections().incrementAndGet();
            venue.rejectionsByPath().computeIfAbsent(path, k -> new LongAdder()).increment();
            out.send(429, tooMany(now));
            return;
        }
        final Map<String, String> q = query(req.rawQuery());
        final Map<String, Object> body = "POST".equals(req.method()) ? Json.parseObject(req.body().isEmpty() ? "{}" : req.body()) : null;
        if ("POST".equals(req.method()) && body == null)
        {
            out.send(400, error("40017", "Parameter verification failed", now));
            return;
        }
        final String windowError = receiveWindow(path, body != null ? Json.str(body, "requestTime") : q.get("requestTime"),
            body != null ? Json.str(body, "receiveWindow") : q.get("receiveWindow"), now);
        if (windowError != null)
        {
            out.send(400, error(windowError.substring(0, 5), windowError.substring(6), now));
            return;
        }
        route(path, q, body, out, now);
    }

    /** The optional requestTime/receiveWindow check of §2 (40078 outside, 40079 window over 60 s). */
    private static String receiveWindow(final String path, final String requestTime, final String window, final long now)
    {
        if (requestTime == null || window == null || !(path.endsWith("/place-order") || path.endsWith("/orderInfo")
            || path.endsWith("/unfilled-orders") || path.endsWith("/history-orders")))
        {
            return null;
        }
        final long rt = parseLong(requestTime);
        final long w = parseLong(window);
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

    private void route(final String path, final Map<String, String> q, final Map<String, Object> body, final Reply out, final long now)
    {
        switch (path)
        {
            case "/api/v2/public/time":
                ok(out, now, null, "{\"serverTime\":\"" + now + "\"}");
                break;
            case "/api/v2/spot/public/symbols":
                ok(out, now, g -> symbols(g, q.get("symbol")), null);
                break;
            case "/api/v2/spot/public/coins":
                ok(out, now, this::coins, null);
                break;
            case "/api/v2/margin/currencies":
            case "/api/v2/mix/market/contracts":
                ok(out, now, null, "[]");
                break;
            case "/api/v2/spot/market/orderbook":
            case "/api/v2/spot/market/merge-depth":
                orderbook(path, q, out, now);
                break;
            case "/api/v2/spot/market/tickers":
                ok(out, now, g -> tickers(g, q.get("symbol"), now), null);
                break;
            case "/api/v2/spot/market/fills":
            case "/api/v2/spot/market/fills-history":
                marketFills(q, out, now);
                break;
            default:
                signedRoute(path, q, body, out, now);
                break;
        }
    }

    private void signedRoute(final String path, final Map<String, String> q, final Map<String, Object> body, final Reply out,
        final long now)
    {
        switch (path)
        {
            case "/api/v2/spot/trade/place-order":
                placeOrder(body, out, now);
                break;
            case "/api/v2/spot/trade/batch-orders":
                batchOrders(body, out, now);
                break;
            case "/api/v2/spot/trade/cancel-order":
                cancelOrder(body, out, now);
                break;
            case "/api/v2/spot/trade/batch-cancel-order":
                batchCancel(body, out, now);
                break;
            case "/api/v2/spot/trade/cancel-replace-order":
                cancelReplace(body, out, now);
                break;
            case "/api/v2/spot/trade/cancel-symbol-order":
                cancelSymbol(body, out, now);
                break;
            case "/api/v2/spot/trade/orderInfo":
                orderInfo(q, out, now);
                break;
            case "/api/v2/spot/trade/unfilled-orders":
                orderList(exchange.openOrders(q.get("symbol")), q, true, out, now);
                break;
            case "/api/v2/spot/trade/history-orders":
                orderList(exchange.closedOrders(q.get("symbol")), q, false, out, now);
                break;
            case "/api/v2/spot/trade/fills":
                fills(q, out, now);
                break;
            case "/api/v2/spot/account/assets":
                ok(out, now, g -> assets(g, q.get("coin")), null);
                break;
            case "/api/v2/common/trade-rate":
                ok(out, now, null, "{\"makerFeeRate\":\"" + exchange.makerFee().toPlainString() + "\",\"takerFeeRate\":\""
                    + exchange.takerFee().toPlainString() + "\"}");
                break;
            default:
                out.send(404, error("40404", "Request URL NOT FOUND", now));
                break;
        }
    }

    // ---------------------------------------------------------------- auth

    /** Returns "CODE msg" or null. */
    private String authenticate(final Request req, final long now)
    {
        final HttpHeaders h = req.headers();
        final String key = h.get("ACCESS-KEY");
        final String sign = h.get("ACCESS-SIGN");
        final String ts = h.get("ACCESS-TIMESTAMP");
        final String pass = h.get("ACCESS-PASSPHRASE");
        if (key == null || key.isEmpty())
        {
            return "40001 ACCESS_KEY cannot be empty";
        }
        if (sign == null || sign.isEmpty())
        {
            return "40002 ACCESS_SIGN cannot be empty";
        }
        if (ts == null || ts.isEmpty())
        {
            return "40005 Invalid ACCESS_TIMESTAMP";
        }
        if (pass == null || pass.isEmpty())
        {
            return "40011 ACCESS_PASSPHRASE cannot be empty";
        }
        if (!key.equals(venue.credentials().apiKey()))
        {
            return "40006 Invalid ACCESS_KEY";
        }
        if (!pass.equals(venue.credentials().passphrase()))
        {
            return "40012 apikey/password is incorrect";
        }
        final long tsMs;
        try
        {
            tsMs = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            return "40005 Invalid ACCESS_TIMESTAMP";
        }
        if (Math.abs(now - tsMs) > venue.context().timestampWindowMs())
        {
            return "40008 Request timestamp expired";
        }
        if ("POST".equals(req.method()))
        {
            final String ct = h.get("Content-Type");
            if (ct == null || !ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))
            {
                return "40007 Invalid Content_Type, please use application/json format";
            }
        }
        if (!signatureMatches(req, ts, sign))
        {
            return "40009 sign signature error";
        }
        return null;
    }

    private boolean signatureMatches(final Request req, final String ts, final String sign)
    {
        final String base = ts + req.method() + req.path();
        final String raw = req.rawQuery();
        if (raw.isEmpty())
        {
            return sign.equals(signer.sign(base + req.body()));
        }
        final String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        if (sign.equals(signer.sign(base + "?" + decoded + req.body())) || sign.equals(signer.sign(base + "?" + raw + req.body())))
        {
            return true;
        }
        final String[] parts = decoded.split("&");
        Arrays.sort(parts);
        return sign.equals(signer.sign(base + "?" + String.join("&", parts) + req.body()));
    }

    private static Map<String, String> query(final String raw)
    {
        final Map<String, String> q = new HashMap<>();
        if (raw.isEmpty())
        {
            return q;
        }
        new QueryStringDecoder(raw, false).parameters().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
        return q;
    }

    // ---------------------------------------------------------------- helpers

    private void ok(final Reply out, final long now, final Json.JsonWriterBody data, final String rawData)
    {
        final String dataJson = rawData != null ? rawData : Json.write(data);
        out.send(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":" + now + ",\"data\":" + dataJson + "}");
    }

    private static String error(final String code, final String msg, final long now)
    {
        return "{\"code\":\"" + code + "\",\"msg\":" + Json.write(g -> g.writeString(msg)) + ",\"requestTime\":" + now
            + ",\"data\":null}";
    }

    private static int intParam(final Map<String, String> q, final String key, final int dflt, final int max)
    {
        try
        {
            final String v = q.get(key);
            return v == null || v.isEmpty() ? dflt : Math.max(1, Math.min(max, Integer.parseInt(v)));
        }
        catch (final NumberFormatException ex)
        {
            return dflt;
        }
    }

    // ---------------------------------------------------------------- public endpoints

    private void symbols(final JsonGenerator g, final String symbol) throws IOException
    {
        g.writeStartArray();
        for (final Instrument i : exchange.instruments().values())
        {
            if (symbol != null && !symbol.equals(i.symbol()))
            {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("symbol", i.symbol());
            g.writeStringField("baseCoin", i.baseCoin());
            g.writeStringField("quoteCoin", i.quoteCoin());
            g.writeStringField("minTradeAmount", "0");
            g.writeStringField("maxTradeAmount", "900000000000000000000");
            g.writeStringField("takerFeeRate", exchange.takerFee().toPlainString());
            g.writeStringField("makerFeeRate", exchange.makerFee().toPlainString());
            g.writeStringField("pricePrecision", Integer.toString(i.pricePrecision()));
            g.writeStringField("quantityPrecision", Integer.toString(i.quantityPrecision()));
            g.writeStringField("quotePrecision", "8");
            g.writeStringField("status", "online");
            g.writeStringField("minTradeUSDT", i.minTradeUsdt());
            g.writeStringField("buyLimitPriceRatio", "0.05");
            g.writeStringField("sellLimitPriceRatio", "0.05");
            g.writeStringField("areaSymbol", "no");
            g.writeStringField("orderQuantity", "200");
            g.writeStringField("openTime", "1532454360000");
            g.writeStringField("offTime", "");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void coins(final JsonGenerator g) throws IOException
    {
        final List<String> coins = new ArrayList<>();
        for (final Instrument i : exchange.instruments().values())
        {
            if (!coins.contains(i.baseCoin()))
            {
                coins.add(i.baseCoin());
            }
            if (!coins.contains(i.quoteCoin()))
            {
                coins.add(i.quoteCoin());
            }
        }
        g.writeStartArray();
        int id = 1;
        for (final String c : coins)
        {
            g.writeStartObject();
            g.writeStringField("coinId", Integer.toString(id++));
            g.writeStringField("coin", c);
            g.writeStringField("transfer", "true");
            g.writeArrayFieldStart("chains");
            g.writeStartObject();
            g.writeStringField("chain", c);
            g.writeStringField("needTag", "false");
            g.writeStringField("withdrawable", "true");
            g.writeStringField("rechargeable", "true");
            g.writeStringField("withdrawFee", "0.0001");
            g.writeStringField("extraWithdrawFee", "0");
            g.writeStringField("depositConfirm", "1");
            g.writeStringField("withdrawConfirm", "1");
            g.writeStringField("minDepositAmount", "0.0001");
            g.writeStringField("minWithdrawAmount", "0.001");
            g.writeStringField("browserUrl", "");
            g.writeStringField("contractAddress", "");
            g.writeStringField("withdrawStep", "0");
            g.writeStringField("withdrawMinScale", "8");
            g.writeStringField("congestion", "normal");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void orderbook(final String path, final Map<String, String> q, final Reply out, final long now)
    {
        final Instrument inst = exchange.instruments().get(q.get("symbol"));
        if (inst == null)
        {
            out.send(400, error("40034", "Parameter symbol does not exist", now));
            return;
        }
        final boolean merge = path.endsWith("merge-depth");
        final String limitText = q.get("limit");
        final int limit = merge && "max".equals(limitText) ? 400 : intParam(q, "limit", merge ? 100 : 150, merge ? 400 : 150);
        final OrderBook book = exchange.book(inst.symbol());
        final StringBuilder sb = new StringBuilder(8192);
        sb.append("{\"asks\":");
        book.appendLevels(sb, Side.SELL, limit);
        sb.append(",\"bids\":");
        book.appendLevels(sb, Side.BUY, limit);
        if (merge)
        {
            sb.append(",\"scale\":\"").append(inst.price(1)).append("\",\"precision\":\"scale0\",\"isMaxPrecision\":\"YES\"");
        }
        sb.append(",\"ts\":\"").append(now).append("\"}");
        ok(out, now, null, sb.toString());
    }

    private void tickers(final JsonGenerator g, final String symbol, final long now) throws IOException
    {
        g.writeStartArray();
        for (final Instrument i : exchange.instruments().values())
        {
            if (symbol != null && !symbol.equals(i.symbol()))
            {
                continue;
            }
            final Map<String, String> t = venue.tickerFields(i, now);
            t.remove("open24h");
            g.writeStartObject();
            for (final Map.Entry<String, String> e : t.entrySet())
            {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void marketFills(final Map<String, String> q, final Reply out, final long now)
    {
        final String symbol = q.get("symbol");
        if (!exchange.instruments().containsKey(symbol))
        {
            out.send(400, error("40034", "Parameter symbol does not exist", now));
            return;
        }
        final int limit = intParam(q, "limit", 100, 500);
        ok(out, now, g ->
        {
            g.writeStartArray();
            int n = 0;
            for (final String[] t : venue.recentTrades(symbol))
            {
                if (n++ == limit)
                {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("symbol", symbol);
                g.writeStringField("tradeId", t[0]);
                g.writeStringField("side", t[1]);
                g.writeStringField("price", t[2]);
                g.writeStringField("size", t[3]);
                g.writeStringField("ts", t[4]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }, null);
    }

    // ---------------------------------------------------------------- trading

    private Exchange.PlaceRequest placeRequest(final Map<String, Object> m, final String symbol)
    {
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = Json.str(m, "symbol") != null ? Json.str(m, "symbol") : symbol;
        r.side = Json.str(m, "side");
        r.orderType = Json.str(m, "orderType");
        r.force = Json.str(m, "force");
        r.price = Json.str(m, "price");
        r.size = Json.str(m, "size");
        r.clientOid = Json.str(m, "clientOid");
        r.stpMode = Json.str(m, "stpMode");
        return r;
    }

    private Exchange.PlaceResult placeOne(final Exchange.PlaceRequest r)
    {
        final double reject = venue.faults().rejectOrderFraction();
        if (reject > 0 && faultRandom.nextDouble() < reject)
        {
            venue.faults().countReject();
            return new Exchange.PlaceResult("40725", "service return an error", null);
        }
        return exchange.place(r);
    }

    private void placeOrder(final Map<String, Object> body, final Reply out, final long now)
    {
        final Exchange.PlaceResult result = placeOne(placeRequest(body, null));
        if (!result.accepted())
        {
            out.send(400, error(result.code(), result.msg(), now));
            return;
        }
        final Order o = result.order();
        ok(out, now, null, "{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}");
        exchange.process(o);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Map<String, Object> body, final String key)
    {
        final Object v = body.get(key);
        final List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List)
        {
            for (final Object o : (List<Object>)v)
            {
                if (o instanceof Map)
                {
                    out.add((Map<String, Object>)o);
                }
            }
        }
        return out;
    }

    private void batchOrders(final Map<String, Object> body, final Reply out, final long now)
    {
        final List<Map<String, Object>> items = list(body, "orderList");
        if (items.isEmpty() || items.size() > 50)
        {
            out.send(400, error("40017", "Parameter verification failed: orderList", now));
            return;
        }
        final List<Order> accepted = new ArrayList<>();
        final String symbol = Json.str(body, "symbol");
        final String data = Json.write(g ->
        {
            g.writeStartObject();
            final List<String[]> failures = new ArrayList<>();
            g.writeArrayFieldStart("successList");
            for (final Map<String, Object> item : items)
            {
                final Exchange.PlaceResult r = placeOne(placeRequest(item, symbol));
                if (r.accepted())
                {
                    accepted.add(r.order());
                    g.writeStartObject();
                    g.writeStringField("orderId", Long.toString(r.order().orderId));
                    g.writeStringField("clientOid", r.order().clientOid);
                    g.writeEndObject();
                }
                else
                {
                    final String coid = Json.str(item, "clientOid");
                    failures.add(new String[] {coid == null ? "" : coid, r.msg(), r.code()});
                }
            }
            g.writeEndArray();
            writeFailures(g, failures, true);
            g.writeEndObject();
        });
        ok(out, now, null, data);
        accepted.forEach(exchange::process);
    }

    private static void writeFailures(final JsonGenerator g, final List<String[]> failures, final boolean byClientOid) throws IOException
    {
        g.writeArrayFieldStart("failureList");
        for (final String[] f : failures)
        {
            g.writeStartObject();
            g.writeStringField("orderId", byClientOid ? "" : f[0]);
            g.writeStringField("clientOid", byClientOid ? f[0] : f[3]);
            g.writeStringField("errorMsg", f[1]);
            g.writeStringField("errorCode", f[2]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private Order find(final Map<String, Object> m)
    {
        final String id = Json.str(m, "orderId");
        if (id != null && !id.isEmpty())
        {
            try
            {
                return exchange.order(Long.parseLong(id));
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
        }
        final String coid = Json.str(m, "clientOid");
        return coid == null ? null : exchange.orderByClientOid(coid);
    }

    private void cancelOrder(final Map<String, Object> body, final Reply out, final long now)
    {
        final Order o = find(body);
        if (o == null || !o.isOpen())
        {
            out.send(400, error("43001", "The order does not exist", now));
            return;
        }
        ok(out, now, null, "{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}");
        exchange.cancel(o);
    }

    private void batchCancel(final Map<String, Object> body, final Reply out, final long now)
    {
        final List<Map<String, Object>> items = list(body, "orderList");
        if (items.isEmpty() || items.size() > 50)
        {
            out.send(400, error("40017", "Parameter verification failed: orderList", now));
            return;
        }
        final List<Order> toCancel = new ArrayList<>();
        final String data = Json.write(g ->
        {
            g.writeStartObject();
            final List<String[]> failures = new ArrayList<>();
            g.writeArrayFieldStart("successList");
            for (final Map<String, Object> item : items)
            {
                final Order o = find(item);
                if (o != null && o.isOpen() && !toCancel.contains(o))
                {
                    toCancel.add(o);
                    g.writeStartObject();
                    g.writeStringField("orderId", Long.toString(o.orderId));
                    g.writeStringField("clientOid", o.clientOid);
                    g.writeEndObject();
                }
                else
                {
                    final String id = Json.str(item, "orderId");
                    final String coid = Json.str(item, "clientOid");
                    failures.add(new String[] {id == null ? "" : id, "The order does not exist", "43001", coid == null ? "" : coid});
                }
            }
            g.writeEndArray();
            writeFailures(g, failures, false);
            g.writeEndObject();
        });
        ok(out, now, null, data);
        toCancel.forEach(exchange::cancel);
    }

    private void cancelReplace(final Map<String, Object> body, final Reply out, final long now)
    {
        final Order old = find(body);
        if (old == null || !old.isOpen())
        {
            out.send(400, error("43001", "The order does not exist", now));
            return;
        }
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = old.instrument.symbol();
        r.side = old.side.wire();
        r.orderType = "limit";
        r.force = old.force;
        r.stpMode = old.stpMode;
        r.price = Json.str(body, "price");
        r.size = Json.str(body, "size");
        r.clientOid = Json.str(body, "newClientOid");
        exchange.cancel(old);
        final Exchange.PlaceResult result = placeOne(r);
        if (!result.accepted())
        {
            ok(out, now, null, "{\"orderId\":\"\",\"clientOid\":" + Json.write(g -> g.writeString(r.clientOid == null ? "" : r.clientOid))
                + ",\"success\":\"failure\",\"msg\":" + Json.write(g -> g.writeString(result.msg())) + "}");
            return;
        }
        final Order o = result.order();
        ok(out, now, null, "{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid))
            + ",\"success\":\"success\",\"msg\":null}");
        exchange.process(o);
    }

    private void cancelSymbol(final Map<String, Object> body, final Reply out, final long now)
    {
        final String symbol = Json.str(body, "symbol");
        if (!exchange.instruments().containsKey(symbol))
        {
            out.send(400, error("40034", "Parameter symbol does not exist", now));
            return;
        }
        ok(out, now, null, "{\"symbol\":\"" + symbol + "\"}");
        exchange.cancelAll(symbol);
    }

    private void orderInfo(final Map<String, String> q, final Reply out, final long now)
    {
        final Map<String, Object> m = new HashMap<>(q);
        final Order o = find(m);
        ok(out, now, g ->
        {
            g.writeStartArray();
            if (o != null)
            {
                Views.restOrder(g, o, false);
            }
            g.writeEndArray();
        }, null);
    }

    private void orderList(final List<Order> orders, final Map<String, String> q, final boolean unfilled, final Reply out,
        final long now)
    {
        final int limit = intParam(q, "limit", 100, 100);
        final long idLessThan = parseLong(q.get("idLessThan"));
        final long orderId = parseLong(q.get("orderId"));
        ok(out, now, g ->
        {
            g.writeStartArray();
            int n = 0;
            for (final Order o : orders)
            {
                if ((idLessThan > 0 && o.orderId >= idLessThan) || (orderId > 0 && o.orderId != orderId))
                {
                    continue;
                }
                if (n++ == limit)
                {
                    break;
                }
                Views.restOrder(g, o, unfilled);
            }
            g.writeEndArray();
        }, null);
    }

    private static long parseLong(final String v)
    {
        try
        {
            return v == null || v.isEmpty() ? 0 : Long.parseLong(v);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private void fills(final Map<String, String> q, final Reply out, final long now)
    {
        final int limit = intParam(q, "limit", 100, 100);
        final List<Fill> list = exchange.fills(q.get("symbol"), parseLong(q.get("orderId")));
        final long startTime = parseLong(q.get("startTime"));
        final long endTime = parseLong(q.get("endTime"));
        final long idLessThan = parseLong(q.get("idLessThan"));
        list.removeIf(f -> f.timeMs() < startTime || (endTime > 0 && f.timeMs() > endTime) ||
            (idLessThan > 0 && f.tradeId() >= idLessThan));
        ok(out, now, g ->
        {
            g.writeStartArray();
            for (int i = 0; i < Math.min(limit, list.size()); i++)
            {
                Views.restFill(g, list.get(i));
            }
            g.writeEndArray();
        }, null);
    }

    private void assets(final JsonGenerator g, final String coin) throws IOException
    {
        g.writeStartArray();
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            if (coin != null && !coin.equalsIgnoreCase(e.getKey()))
            {
                continue;
            }
            final Balance b = e.getValue();
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("available", b.available.toPlainString());
            g.writeStringField("frozen", b.frozen.toPlainString());
            g.writeStringField("locked", "0");
            g.writeStringField("limitAvailable", "0");
            g.writeStringField("uTime", Long.toString(b.updatedMs == 0 ? exchange.now() : b.updatedMs));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
