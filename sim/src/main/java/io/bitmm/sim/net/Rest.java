package io.bitmm.sim.net;

import io.bitmm.sim.json.Json;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the REST dialects: Bitget's reply envelope, error bodies, query and parameter parsing. */
public final class Rest
{
    private Rest()
    {
    }

    /**
     * Sends {@code {"code":"00000","msg":"success","requestTime":..,"data":..}}.
     *
     * @param out     the reply
     * @param now     epoch ms
     * @param data    writes the data (or null when rawData is given)
     * @param rawData the data as JSON text, or null
     */
    public static void ok(final RestApi.Reply out, final long now, final Json.JsonWriterBody data, final String rawData)
    {
        final String dataJson = rawData != null ? rawData : Json.write(data);
        out.send(200, "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":" + now + ",\"data\":" + dataJson + "}");
    }

    /**
     * An error body.
     *
     * @param code Bitget code
     * @param msg  message
     * @param now  epoch ms
     * @return JSON text
     */
    public static String error(final String code, final String msg, final long now)
    {
        return "{\"code\":\"" + code + "\",\"msg\":" + Json.write(g -> g.writeString(msg)) + ",\"requestTime\":" + now
            + ",\"data\":null}";
    }

    /**
     * The 40085 body: a UTA account on a classic v2 private REST path (v3 §1; returned before the signature check).
     */
    public static String classicApiOnUta()
    {
        return "{\"code\":\"40085\",\"msg\":\"You are in Unified Account mode, and the Classic Account API is not supported "
            + "at this time\"}";
    }

    /**
     * The 40084 body: a classic account on a v3 private path (v3 §1).
     *
     * @param now epoch ms
     * @return JSON text (HTTP 400)
     */
    public static String utaApiOnClassic(final long now)
    {
        return "{\"code\":\"40084\",\"msg\":\"You are in Classic Account mode, and the Unified Account API is not supported at this time\","
            + "\"requestTime\":" + now + ",\"data\":null}";
    }

    /** The HTTP 429 body. */
    public static String tooMany(final long now)
    {
        return "{\"code\":\"429\",\"msg\":\"Too Many Requests\",\"requestTime\":" + now + ",\"data\":null}";
    }

    /** The HTTP 404 body. */
    public static String notFound(final long now)
    {
        return "{\"code\":\"40404\",\"msg\":\"Request URL NOT FOUND\",\"requestTime\":" + now + ",\"data\":null}";
    }

    /**
     * Decodes a query string (first value per key).
     *
     * @param raw query as received, or ""
     * @return parameters
     */
    public static Map<String, String> query(final String raw)
    {
        final Map<String, String> q = new HashMap<>();
        if (raw.isEmpty())
        {
            return q;
        }
        new QueryStringDecoder(raw, false).parameters().forEach((k, v) -> q.put(k, v.isEmpty() ? "" : v.get(0)));
        return q;
    }

    /** An int parameter clamped to [1, max], or the default when absent or malformed. */
    public static int intParam(final Map<String, String> q, final String key, final int dflt, final int max)
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

    /** A long, or 0 when absent or malformed. */
    public static long parseLong(final String v)
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

    /** The objects of a JSON array field (non-objects skipped). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(final Map<String, Object> body, final String key)
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
}
