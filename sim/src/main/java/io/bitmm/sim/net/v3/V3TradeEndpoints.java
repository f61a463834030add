package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.RestApi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * v3 trading and order queries (§5): {@code place-order}, {@code place-batch}, {@code cancel-order},
 * {@code cancel-batch}, {@code cancel-symbol-order}, {@code modify-order} (in place, same orderId),
 * {@code batch-modify-order}, {@code countdown-cancel-all} (dead-man switch), {@code order-info},
 * {@code unfilled-orders}, {@code history-orders}, {@code fills}. Batch bodies are top-level JSON arrays of at most 20
 * items; list replies are {@code {list, cursor}}. Venue-thread only.
 */
final class V3TradeEndpoints
{
    /** Shortest and longest dead-man countdown in seconds (§5.7). */
    static final int MIN_COUNTDOWN_S = 5;
    static final int MAX_COUNTDOWN_S = 60;

    private final V3Streams streams;
    private final V3Options options;
    private final V3Trade trade;
    private final V3Products products;
    private final V3Views views;
    private final Exchange exchange;

    V3TradeEndpoints(final V3Streams streams)
    {
        this.streams = streams;
        this.options = streams.options();
        this.trade = streams.trade();
        this.products = streams.products();
        this.views = streams.views();
        this.exchange = streams.venue().exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Object body)
    {
        return body instanceof Map ? (Map<String, Object>)body : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> array(final Object body)
    {
        if (!(body instanceof List))
        {
            return null;
        }
        final List<Map<String, Object>> out = new ArrayList<>();
        for (final Object o : (List<Object>)body)
        {
            if (!(o instanceof Map))
            {
                return null;
            }
            out.add((Map<String, Object>)o);
        }
        return out.isEmpty() || out.size() > V3Trade.MAX_BATCH ? null : out;
    }

    private static String ids(final Order o)
    {
        return "{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}";
    }

    /** {@code POST /api/v3/trade/place-order} (§5.1). */
    void placeOrder(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        if (m == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final V3Trade.Result r = trade.place(m, null);
        if (!r.isOk())
        {
            V3RestApi.fail(out, r.code(), r.msg(), now);
            return;
        }
        Rest.ok(out, now, null, ids(r.order()));
        exchange.process(r.order());
        streams.accepted(r.order());
    }

    /** {@code POST /api/v3/trade/place-batch} (§5.2): per-item results in request order. */
    void placeBatch(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final List<Map<String, Object>> items = array(body);
        if (items == null || !trade.sameCategory(items))
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final List<Order> accepted = new ArrayList<>();
        Rest.ok(out, now, g ->
        {
            g.writeStartArray();
            for (final Map<String, Object> item : items)
            {
                final V3Trade.Result r = trade.place(item, null);
                g.writeStartObject();
                if (r.isOk())
                {
                    accepted.add(r.order());
                    g.writeStringField("orderId", Long.toString(r.order().orderId));
                    g.writeStringField("clientOid", r.order().clientOid);
                }
                else
                {
                    if (options.batchFailureOrderIdEmpty())
                    {
                        g.writeStringField("orderId", "");
                    }
                    final String coid = Json.str(item, "clientOid");
                    g.writeStringField("clientOid", coid == null ? "" : coid);
                    g.writeStringField("code", r.code());
                    g.writeStringField("msg", r.msg());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }, null);
        for (final Order o : accepted)
        {
            exchange.process(o);
            streams.accepted(o);
        }
    }

    /** {@code POST /api/v3/trade/cancel-order} (§5.3): the final state arrives on the {@code order} push. */
    void cancelOrder(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        final V3Trade.Result r = m == null ? V3Trade.Result.error("400172", "Parameter verification failed") : trade.cancel(m);
        if (!r.isOk())
        {
            V3RestApi.fail(out, r.code(), r.msg(), now);
            return;
        }
        Rest.ok(out, now, null, ids(r.order()));
        exchange.cancel(r.order());
    }

    /** {@code POST /api/v3/trade/cancel-batch} (§5.4): partial success, failed items carry code/msg. */
    void cancelBatch(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final List<Map<String, Object>> items = array(body);
        if (items == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final List<Order> toCancel = new ArrayList<>();
        Rest.ok(out, now, g ->
        {
            g.writeStartArray();
            for (final Map<String, Object> item : items)
            {
                final V3Trade.Result r = trade.cancel(item);
                final boolean ok = r.isOk() && !toCancel.contains(r.order());
                if (ok)
                {
                    toCancel.add(r.order());
                }
                writeItem(g, ok ? r : V3Trade.Result.error("25204", "Order does not exist"), item);
            }
            g.writeEndArray();
        }, null);
        toCancel.forEach(exchange::cancel);
    }

    private static void writeItem(final JsonGenerator g, final V3Trade.Result r, final Map<String, Object> item) throws IOException
    {
        g.writeStartObject();
        if (r.isOk())
        {
            g.writeStringField("orderId", Long.toString(r.order().orderId));
            g.writeStringField("clientOid", r.order().clientOid);
        }
        else
        {
            final String id = Json.str(item, "orderId");
            final String coid = Json.str(item, "clientOid");
            g.writeStringField("orderId", id == null ? "" : id);
            g.writeStringField("clientOid", coid == null ? "" : coid);
            g.writeStringField("code", r.code());
            g.writeStringField("msg", r.msg());
        }
        g.writeEndObject();
    }

    /**
     * {@code POST /api/v3/trade/cancel-symbol-order} (§5.5): every open order of the category (and symbol); the list
     * names them (§12.6 option); the cancels run right after the reply.
     */
    void cancelSymbolOrder(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        final V3Category c = m == null ? null : V3Category.parse(Json.str(m, "category"), options.categoryCaseInsensitive());
        if (c == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final String symbol = Json.str(m, "symbol");
        if (symbol != null && !symbol.isEmpty() && products.instrument(c, symbol) == null)
        {
            V3RestApi.fail(out, "25100", "Trading pair " + symbol + " does not exist", now);
            return;
        }
        final List<Order> open = products.openOrders(c, symbol == null || symbol.isEmpty() ? null : symbol);
        Rest.ok(out, now, g ->
        {
            g.writeStartObject();
            g.writeArrayFieldStart("list");
            if (options.cancelSymbolListsAll())
            {
                for (final Order o : open)
                {
                    g.writeStartObject();
                    g.writeStringField("orderId", Long.toString(o.orderId));
                    g.writeStringField("clientOid", o.clientOid);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }, null);
        open.forEach(exchange::cancel);
    }

    /** {@code POST /api/v3/trade/modify-order} (§5.6): in place, the reply echoes the same orderId/clientOid. */
    void modifyOrder(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        if (m == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        streams.hold();
        try
        {
            final V3Trade.Result r = trade.modify(m);
            if (r.isOk())
            {
                Rest.ok(out, now, null, ids(r.order()));
            }
            else
            {
                V3RestApi.fail(out, r.code(), r.msg(), now);
            }
        }
        finally
        {
            streams.release();
        }
    }

    /** {@code POST /api/v3/trade/batch-modify-order} (§5.6): each order at most once, per-item results. */
    void batchModifyOrder(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final List<Map<String, Object>> items = array(body);
        if (items == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        streams.hold();
        try
        {
            final List<Order> seen = new ArrayList<>();
            Rest.ok(out, now, g ->
            {
                g.writeStartArray();
                for (final Map<String, Object> item : items)
                {
                    final Order target = trade.findOpen(item);
                    final V3Trade.Result r = target != null && seen.contains(target)
                        ? V3Trade.Result.error("25200", "orderId validation error") : trade.modify(item);
                    if (target != null)
                    {
                        seen.add(target);
                    }
                    writeItem(g, r, item);
                }
                g.writeEndArray();
            }, null);
        }
        finally
        {
            streams.release();
        }
    }

    /** {@code POST /api/v3/trade/countdown-cancel-all} (§5.7): {@code countdown} 0 (off) or 5..60 seconds. */
    void countdownCancelAll(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        if (!options.countdownAllowed())
        {
            V3RestApi.fail(out, "40014", "Incorrect permissions", now);
            return;
        }
        final Map<String, Object> m = object(body);
        final String text = m == null ? null : Json.str(m, "countdown");
        final int seconds;
        try
        {
            seconds = text == null ? -1 : Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            V3RestApi.fail(out, "25200", "countdown validation error", now);
            return;
        }
        if (seconds != 0 && (seconds < MIN_COUNTDOWN_S || seconds > MAX_COUNTDOWN_S))
        {
            V3RestApi.fail(out, "25200", "countdown validation error", now);
            return;
        }
        exchange.now(now);
        exchange.countdownCancelAll(seconds * 1000L);
        Rest.ok(out, now, null, "\"success\"");
    }

    /** {@code GET /api/v3/trade/order-info?orderId=|clientOid=}: one order object (open or closed). */
    void orderInfo(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final String id = q.get("orderId");
        final String coid = q.get("clientOid");
        Order o = null;
        if (id != null && !id.isEmpty())
        {
            o = exchange.order(Rest.parseLong(id));
        }
        else if (coid != null && !coid.isEmpty())
        {
            o = exchange.orderByClientOid(coid);
        }
        else
        {
            V3RestApi.fail(out, "25200", "orderId validation error", now);
            return;
        }
        if (o == null)
        {
            V3RestApi.fail(out, "25204", "Order does not exist", now);
            return;
        }
        final Order found = o;
        Rest.ok(out, now, g -> views.restOrder(g, found), null);
    }

    private V3Category optionalCategory(final Map<String, String> q)
    {
        final String text = q.get("category");
        return text == null || text.isEmpty() ? null : V3Category.parse(text, options.categoryCaseInsensitive());
    }

    private static boolean badCategory(final Map<String, String> q, final V3Category c)
    {
        final String text = q.get("category");
        return text != null && !text.isEmpty() && c == null;
    }

    /** {@code GET /api/v3/trade/unfilled-orders[?category=&symbol=&limit=&cursor=]} → {@code {list, cursor}}. */
    void unfilledOrders(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = optionalCategory(q);
        if (badCategory(q, c))
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        orderPage(products.openOrders(c, emptyToNull(q.get("symbol"))), q, out, now, false);
    }

    /** {@code GET /api/v3/trade/history-orders?category=[&symbol=&limit=&cursor=]} → {@code {list, cursor}}. */
    void historyOrders(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = V3Category.parse(q.get("category"), options.categoryCaseInsensitive());
        if (c == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        orderPage(products.closedOrders(c, emptyToNull(q.get("symbol"))), q, out, now, false);
    }

    private static String emptyToNull(final String s)
    {
        return s == null || s.isEmpty() ? null : s;
    }

    private void orderPage(final List<Order> orders, final Map<String, String> q, final RestApi.Reply out, final long now,
        final boolean nullWhenEmpty)
    {
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final long cursor = Rest.parseLong(q.get("cursor"));
        final long start = Rest.parseLong(q.get("startTime"));
        final long end = Rest.parseLong(q.get("endTime"));
        final List<Order> page = new ArrayList<>();
        for (final Order o : orders)
        {
            if ((cursor > 0 && o.orderId >= cursor) || (start > 0 && o.createdMs < start) || (end > 0 && o.createdMs > end))
            {
                continue;
            }
            if (page.size() == limit)
            {
                break;
            }
            page.add(o);
        }
        Rest.ok(out, now, g ->
        {
            g.writeStartObject();
            if (page.isEmpty() && nullWhenEmpty)
            {
                g.writeNullField("list");
            }
            else
            {
                g.writeArrayFieldStart("list");
                for (final Order o : page)
                {
                    views.restOrder(g, o);
                }
                g.writeEndArray();
            }
            if (page.isEmpty())
            {
                g.writeNullField("cursor");
            }
            else
            {
                g.writeStringField("cursor", Long.toString(page.get(page.size() - 1).orderId));
            }
            g.writeEndObject();
        }, null);
    }

    /**
     * {@code GET /api/v3/trade/fills[?category=&symbol=&orderId=&limit=&cursor=]} → {@code {list, cursor}}; an empty
     * result is {@code {"list":null,"cursor":null}} (observed live).
     */
    void fills(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = optionalCategory(q);
        if (badCategory(q, c))
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final long cursor = Rest.parseLong(q.get("cursor"));
        final List<Fill> page = new ArrayList<>();
        for (final Fill f : products.fills(c, emptyToNull(q.get("symbol")), Rest.parseLong(q.get("orderId"))))
        {
            if (cursor > 0 && V3Views.execId(f) >= cursor)
            {
                continue;
            }
            if (page.size() == limit)
            {
                break;
            }
            page.add(f);
        }
        Rest.ok(out, now, g ->
        {
            g.writeStartObject();
            if (page.isEmpty())
            {
                g.writeNullField("list");
                g.writeNullField("cursor");
            }
            else
            {
                g.writeArrayFieldStart("list");
                for (final Fill f : page)
                {
                    views.restFill(g, f);
                }
                g.writeEndArray();
                g.writeStringField("cursor", Long.toString(V3Views.execId(page.get(page.size() - 1))));
            }
            g.writeEndObject();
        }, null);
    }
}
