package io.bitmm.sim.net;

import io.bitmm.sim.Faults;
import io.bitmm.sim.json.Json;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/** The unsigned loopback-only control endpoints: {@code POST /sim/fault} and {@code GET /sim/stats}. */
final class SimControl
{
    private final Venue venue;

    SimControl(final Venue venue)
    {
        this.venue = venue;
    }

    void handle(final RestApi.Request req, final RestApi.Reply reply)
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
        final Faults f = venue.faults();
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeObjectFieldStart("requests");
            for (final Map.Entry<String, LongAdder> e : new TreeMap<>(venue.requestCounts()).entrySet())
            {
                g.writeNumberField(e.getKey(), e.getValue().sum());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("rateLimitRejections");
            for (final Map.Entry<String, LongAdder> e : new TreeMap<>(venue.rejectionsByPath()).entrySet())
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
            g.writeNumberField("pseqGapsInjected", f.pseqGapsInjected());
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
}
