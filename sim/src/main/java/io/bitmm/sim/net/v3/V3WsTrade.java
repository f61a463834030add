package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.WsSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trading over the private v3 WebSocket ({@code op:"trade"}, §9): {@code place-order}, {@code cancel-order},
 * {@code modify-order} and their batch forms (both spellings of the batch topics, per the §12.3 option). Replies
 * match requests by {@code id}; business failures are {@code {"event":"error","id":..,"code":"25xxx"}}, batch replies
 * carry per-item codes inside {@code code:"0"}. The ack is sent before the pushes of the action it acks.
 */
final class V3WsTrade
{
    private final V3Streams streams;
    private final V3Options options;
    private final V3Trade trade;

    V3WsTrade(final V3Streams streams)
    {
        this.streams = streams;
        this.options = streams.options();
        this.trade = streams.trade();
    }

    /** The REST path whose per-UID budget a topic shares (§12.7), or null for an unknown topic. */
    private String canonical(final String topic)
    {
        if (topic == null)
        {
            return null;
        }
        final boolean shortOk = options.batchTopics() != V3Options.BatchTopics.LONG;
        final boolean longOk = options.batchTopics() != V3Options.BatchTopics.SHORT;
        return switch (topic)
        {
            case "place-order" -> "/api/v3/trade/place-order";
            case "cancel-order" -> "/api/v3/trade/cancel-order";
            case "modify-order" -> "/api/v3/trade/modify-order";
            case "batch-place" -> shortOk ? "/api/v3/trade/place-batch" : null;
            case "batch-cancel" -> shortOk ? "/api/v3/trade/cancel-batch" : null;
            case "batch-modify" -> shortOk ? "/api/v3/trade/batch-modify-order" : null;
            case "batch-place-order" -> longOk ? "/api/v3/trade/place-batch" : null;
            case "batch-cancel-order" -> longOk ? "/api/v3/trade/cancel-batch" : null;
            case "batch-modify-order" -> longOk ? "/api/v3/trade/batch-modify-order" : null;
            default -> null;
        };
    }

    /**
     * Handles one {@code op:"trade"} request.
     *
     * @param s   the session
     * @param msg the parsed request
     */
    void onTrade(final WsSession s, final Map<String, Object> msg)
    {
        final String id = Json.str(msg, "id");
        final String topic = Json.str(msg, "topic");
        final String categoryText = Json.str(msg, "category");
        if (!s.isPrivate() || !s.loggedIn())
        {
            s.sendNow(error(id, null, topic, "30004", "User not logged in", true));
            return;
        }
        if (id == null || id.isEmpty() || id.length() > options.wsTradeIdMaxLength())
        {
            s.sendNow(error(id, categoryText, topic, "30016", "Param error", true));
            return;
        }
        if (!options.wsTradeAllowed())
        {
            s.sendNow(error(id, categoryText, topic, "40014", "Incorrect permissions", false));
            return;
        }
        final String path = canonical(topic);
        final List<Map<String, Object>> args = Rest.list(msg, "args");
        if (path == null || args.isEmpty() || args.size() > V3Trade.MAX_BATCH)
        {
            s.sendNow(error(id, categoryText, topic, "30016", "Param error", true));
            return;
        }
        final V3Category category = categoryText == null ? null : V3Category.parseWs(categoryText);
        final boolean placing = path.endsWith("place-order") || path.endsWith("place-batch");
        if ((placing && category == null) || (categoryText != null && category == null))
        {
            s.sendNow(error(id, categoryText, topic, "400172", "Parameter verification failed", false));
            return;
        }
        final long now = streams.venue().faults().clockMs();
        streams.venue().exchange().now(now);
        if (!streams.acquireTradeBudget(path, s.ip(), now))
        {
            s.sendNow(error(id, categoryText, topic, "25004", "Operation too frequent, please try again later", false));
            return;
        }
        final Request r = new Request(s, id, categoryText, topic, args, now);
        switch (path)
        {
            case "/api/v3/trade/place-order" -> placeOne(r, category);
            case "/api/v3/trade/place-batch" -> placeBatch(r, category);
            case "/api/v3/trade/cancel-order" -> cancelOne(r);
            case "/api/v3/trade/cancel-batch" -> cancelBatch(r);
            case "/api/v3/trade/modify-order" -> modify(r, false);
            default -> modify(r, true);
        }
    }

    /** One decoded request. */
    private record Request(WsSession session, String id, String category, String topic, List<Map<String, Object>> args, long now)
    {
    }

    private static String error(final String id, final String category, final String topic, final String code, final String msg,
        final boolean numericCode)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("event", "error");
            g.writeStringField("id", id);
            if (category != null)
            {
                g.writeStringField("category", category);
            }
            if (topic != null)
            {
                g.writeStringField("topic", topic);
            }
            if (numericCode)
            {
                g.writeNumberField("code", Integer.parseInt(code));
            }
            else
            {
                g.writeStringField("code", code);
            }
            g.writeStringField("msg", msg);
            g.writeEndObject();
        });
    }

    /** Writes one reply item. */
    @FunctionalInterface
    private interface ItemWriter
    {
        void write(JsonGenerator g) throws IOException;
    }

    private void ack(final Request r, final List<ItemWriter> items)
    {
        streams.venue().push(r.session(), Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("event", "trade");
            g.writeStringField("id", r.id());
            if (r.category() != null)
            {
                g.writeStringField("category", r.category());
            }
            g.writeStringField("topic", r.topic());
            g.writeArrayFieldStart("args");
            for (final ItemWriter w : items)
            {
                w.write(g);
            }
            g.writeEndArray();
            g.writeStringField("code", "0");
            g.writeStringField("msg", "success");
            g.writeStringField("ts", Long.toString(r.now()));
            g.writeEndObject();
        }));
    }

    private void fail(final Request r, final V3Trade.Result result)
    {
        streams.venue().push(r.session(), error(r.id(), r.category(), r.topic(), result.code(), result.msg(), false));
    }

    private void placeOne(final Request r, final V3Category category)
    {
        final V3Trade.Result result = trade.place(r.args().get(0), category);
        if (!result.isOk())
        {
            fail(r, result);
            return;
        }
        final Order o = result.order();
        ack(r, List.of(g ->
        {
            g.writeStartObject();
            g.writeStringField("symbol", o.instrument.symbol());
            g.writeStringField("orderId", Long.toString(o.orderId));
            g.writeStringField("clientOid", o.clientOid);
            g.writeStringField("cTime", Long.toString(o.createdMs));
            g.writeEndObject();
        }));
        streams.venue().exchange().process(o);
        streams.accepted(o);
    }

    private void placeBatch(final Request r, final V3Category category)
    {
        final List<ItemWriter> items = new ArrayList<>();
        final List<Order> accepted = new ArrayList<>();
        for (final Map<String, Object> arg : r.args())
        {
            final V3Trade.Result result = trade.place(arg, category);
            final String coid = Json.str(arg, "clientOid");
            final String symbol = Json.str(arg, "symbol");
            if (result.isOk())
            {
                accepted.add(result.order());
            }
            items.add(g -> item(g, result, symbol, result.isOk() ? Long.toString(result.order().orderId) : "",
                result.isOk() ? result.order().clientOid : coid));
        }
        ack(r, items);
        for (final Order o : accepted)
        {
            streams.venue().exchange().process(o);
            streams.accepted(o);
        }
    }

    private static void item(final JsonGenerator g, final V3Trade.Result result, final String symbol, final String orderId,
        final String clientOid) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("code", result.isOk() ? "0" : result.code());
        g.writeStringField("msg", result.isOk() ? "success" : result.msg());
        if (symbol != null)
        {
            g.writeStringField("symbol", symbol);
        }
        g.writeStringField("orderId", orderId == null ? "" : orderId);
        g.writeStringField("clientOid", clientOid == null ? "" : clientOid);
        g.writeEndObject();
    }

    private void cancelOne(final Request r)
    {
        final V3Trade.Result result = trade.cancel(r.args().get(0));
        if (!result.isOk())
        {
            fail(r, result);
            return;
        }
        final Order o = result.order();
        ack(r, List.of(g ->
        {
            g.writeStartObject();
            g.writeStringField("orderId", Long.toString(o.orderId));
            g.writeStringField("clientOid", o.clientOid);
            g.writeEndObject();
        }));
        streams.venue().exchange().cancel(o);
    }

    private void cancelBatch(final Request r)
    {
        final List<ItemWriter> items = new ArrayList<>();
        final List<Order> toCancel = new ArrayList<>();
        for (final Map<String, Object> arg : r.args())
        {
            final V3Trade.Result found = trade.cancel(arg);
            final V3Trade.Result result = found.isOk() && toCancel.contains(found.order())
                ? V3Trade.Result.error("25204", "Order does not exist") : found;
            if (result.isOk())
            {
                toCancel.add(result.order());
            }
            final String orderId = result.isOk() ? Long.toString(result.order().orderId) : Json.str(arg, "orderId");
            final String coid = result.isOk() ? result.order().clientOid : Json.str(arg, "clientOid");
            items.add(g -> item(g, result, null, orderId, coid));
        }
        ack(r, items);
        toCancel.forEach(streams.venue().exchange()::cancel);
    }

    private void modify(final Request r, final boolean batch)
    {
        final List<ItemWriter> items = new ArrayList<>();
        final List<Order> seen = new ArrayList<>();
        V3Trade.Result single = null;
        streams.hold();
        try
        {
            for (final Map<String, Object> arg : r.args())
            {
                final Order target = trade.findOpen(arg);
                final V3Trade.Result result = target != null && seen.contains(target)
                    ? V3Trade.Result.error("25200", "orderId validation error") : trade.modify(arg);
                if (target != null)
                {
                    seen.add(target);
                }
                single = result;
                final String orderId = result.isOk() ? Long.toString(result.order().orderId) : Json.str(arg, "orderId");
                final String coid = result.isOk() ? result.order().clientOid : Json.str(arg, "clientOid");
                items.add(g -> item(g, result, null, orderId, coid));
                if (!batch)
                {
                    break;
                }
            }
            if (!batch && !single.isOk())
            {
                fail(r, single);
            }
            else if (!batch)
            {
                final Order o = single.order();
                ack(r, List.of(g ->
                {
                    g.writeStartObject();
                    g.writeStringField("orderId", Long.toString(o.orderId));
                    g.writeStringField("clientOid", o.clientOid);
                    g.writeEndObject();
                }));
            }
            else
            {
                ack(r, items);
            }
        }
        finally
        {
            streams.release();
        }
    }
}
