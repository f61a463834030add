package io.bitmm.sim.net;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The REST front door: counts every request, serves {@code /sim/*} (control), applies the transport faults
 * (5xx, 429, dropped and delayed replies) and routes by path prefix to a {@link RestDialect}: {@code /api/v2/}
 * (classic v2: spot and futures) and, where registered, {@code /api/v3/} (UTA). Runs on the venue thread.
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

    private final Venue venue;
    private final SimControl control;
    private final Map<String, RestDialect> dialects = new LinkedHashMap<>();

    /**
     * @param venue the venue
     */
    public RestApi(final Venue venue)
    {
        this.venue = venue;
        this.control = new SimControl(venue);
    }

    /**
     * Registers a dialect for a path prefix (e.g. {@code /api/v3/}).
     *
     * @param prefix  path prefix, with its trailing slash
     * @param dialect the dialect
     * @return this
     */
    public RestApi dialect(final String prefix, final RestDialect dialect)
    {
        dialects.put(prefix, dialect);
        return this;
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
        venue.exchange().now(now);
        venue.requestCounts().computeIfAbsent(req.path(), p -> new LongAdder()).increment();
        if (req.path().startsWith("/sim/"))
        {
            control.handle(req, reply);
            return;
        }
        final RestDialect dialect = dialectOf(req.path());
        final Reply out = faulty(reply, dialect != null && dialect.isOrderAction(req.method(), req.path()));
        if (venue.faults().take5xx())
        {
            out.send(500, "{\"code\":\"45001\",\"msg\":\"Internal Server Error\",\"requestTime\":" + now + ",\"data\":null}");
            return;
        }
        if (venue.faults().take429())
        {
            out.send(429, Rest.tooMany(now));
            return;
        }
        if (dialect != null)
        {
            dialect.handle(req, out, now);
            return;
        }
        out.send(404, Rest.notFound(now));
    }

    private RestDialect dialectOf(final String path)
    {
        for (final Map.Entry<String, RestDialect> e : dialects.entrySet())
        {
            if (path.startsWith(e.getKey()))
            {
                return e.getValue();
            }
        }
        return null;
    }

    private Reply faulty(final Reply reply, final boolean orderAction)
    {
        final double drop = venue.faults().restDropFraction();
        if (drop > 0 && venue.faultRandom().nextDouble() < drop)
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
}
