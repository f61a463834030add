package io.bitmm.sim.net.v2.spot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * v2 spot trading (§5): place-order, batch-orders, cancel-order, batch-cancel-order, cancel-replace-order,
 * cancel-symbol-order, orderInfo, unfilled-orders, history-orders, fills.
 */
public final class SpotTradeRest
{
    private final Venue venue;
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public SpotTradeRest(final Venue venue, final V2Rest rest)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        rest.signed("/api/v2/spot/trade/place-order", 10, this::placeOrder);
        rest.signed("/api/v2/spot/trade/batch-orders", 5, this::batchOrders);
        rest.signed("/api/v2/spot/trade/cancel-order", 10, this::cancelOrder);
        rest.signed("/api/v2/spot/trade/batch-cancel-order", 10, this::batchCancel);
        rest.signed("/api/v2/spot/trade/cancel-replace-order", 5, this::cancelReplace);
        rest.signed("/api/v2/spot/trade/cancel-symbol-order", 5, this::cancelSymbol);
        rest.signed("/api/v2/spot/trade/orderInfo", 20, this::orderInfo);
        rest.signed("/api/v2/spot/trade/unfilled-orders", 20,
            c -> orderList(exchange.openOrders(Instrument.SPOT, c.query().get("symbol")), c, true));
        rest.signed("/api/v2/spot/trade/history-orders", 20,
            c -> orderList(exchange.closedOrders(Instrument.SPOT, c.query().get("symbol")), c, false));
        rest.signed("/api/v2/spot/trade/fills", 10, this::fills);
    }

    private static Exchange.PlaceRequest placeRequest(final Map<String, Object> m, final String symbol)
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

    private void placeOrder(final V2Rest.Call c)
    {
        final Exchange.PlaceResult result = venue.place(placeRequest(c.body(), null));
        if (!result.accepted())
        {
            c.fail(result.code(), result.msg());
            return;
        }
        final Order o = result.order();
        c.okRaw("{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}");
        exchange.process(o);
    }

    private void batchOrders(final V2Rest.Call c)
    {
        final List<Map<String, Object>> items = Rest.list(c.body(), "orderList");
        if (items.isEmpty() || items.size() > 50)
        {
            c.fail("40017", "Parameter verification failed: orderList");
            return;
        }
        final List<Order> accepted = new ArrayList<>();
        final String symbol = Json.str(c.body(), "symbol");
        final String data = Json.write(g ->
        {
            g.writeStartObject();
            final List<String[]> failures = new ArrayList<>();
            g.writeArrayFieldStart("successList");
            for (final Map<String, Object> item : items)
            {
                final Exchange.PlaceResult r = venue.place(placeRequest(item, symbol));
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
        c.okRaw(data);
        accepted.forEach(exchange::process);
    }

    /**
     * Writes {@code failureList}.
     *
     * @param g           the generator
     * @param failures    rows: [clientOid or orderId, msg, code, clientOid]
     * @param byClientOid true: row[0] is the clientOid (placements); false: row[0] is the orderId, row[3] the clientOid
     * @throws IOException never (in-memory)
     */
    static void writeFailures(final JsonGenerator g, final List<String[]> failures, final boolean byClientOid) throws IOException
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
        final Order o = findAny(m);
        return o == null || o.instrument.isFutures() ? null : o;
    }

    private Order findAny(final Map<String, Object> m)
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

    private void cancelOrder(final V2Rest.Call c)
    {
        final Order o = find(c.body());
        if (o == null || !o.isOpen())
        {
            c.fail("43001", "The order does not exist");
            return;
        }
        c.okRaw("{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}");
        exchange.cancel(o);
    }

    private void batchCancel(final V2Rest.Call c)
    {
        final List<Map<String, Object>> items = Rest.list(c.body(), "orderList");
        if (items.isEmpty() || items.size() > 50)
        {
            c.fail("40017", "Parameter verification failed: orderList");
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
        c.okRaw(data);
        toCancel.forEach(exchange::cancel);
    }

    private void cancelReplace(final V2Rest.Call c)
    {
        final Map<String, Object> body = c.body();
        final Order old = find(body);
        if (old == null || !old.isOpen())
        {
            c.fail("43001", "The order does not exist");
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
        final Exchange.PlaceResult result = venue.place(r);
        if (!result.accepted())
        {
            c.okRaw("{\"orderId\":\"\",\"clientOid\":" + Json.write(g -> g.writeString(r.clientOid == null ? "" : r.clientOid))
                + ",\"success\":\"failure\",\"msg\":" + Json.write(g -> g.writeString(result.msg())) + "}");
            return;
        }
        final Order o = result.order();
        c.okRaw("{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid))
            + ",\"success\":\"success\",\"msg\":null}");
        exchange.process(o);
    }

    private void cancelSymbol(final V2Rest.Call c)
    {
        final String symbol = Json.str(c.body(), "symbol");
        if (!exchange.instruments().containsKey(symbol))
        {
            c.fail("40034", "Parameter symbol does not exist");
            return;
        }
        c.okRaw("{\"symbol\":\"" + symbol + "\"}");
        exchange.cancelAll(symbol);
    }

    private void orderInfo(final V2Rest.Call c)
    {
        final Map<String, Object> m = new HashMap<>(c.query());
        final Order o = find(m);
        c.ok(g ->
        {
            g.writeStartArray();
            if (o != null)
            {
                SpotViews.restOrder(g, o, false);
            }
            g.writeEndArray();
        });
    }

    private void orderList(final List<Order> orders, final V2Rest.Call c, final boolean unfilled)
    {
        final Map<String, String> q = c.query();
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final long idLessThan = Rest.parseLong(q.get("idLessThan"));
        final long orderId = Rest.parseLong(q.get("orderId"));
        c.ok(g ->
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
                SpotViews.restOrder(g, o, unfilled);
            }
            g.writeEndArray();
        });
    }

    private void fills(final V2Rest.Call c)
    {
        final Map<String, String> q = c.query();
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final List<Fill> list = exchange.fills(Instrument.SPOT, q.get("symbol"), Rest.parseLong(q.get("orderId")));
        final long startTime = Rest.parseLong(q.get("startTime"));
        final long endTime = Rest.parseLong(q.get("endTime"));
        final long idLessThan = Rest.parseLong(q.get("idLessThan"));
        list.removeIf(f -> f.timeMs() < startTime || (endTime > 0 && f.timeMs() > endTime) ||
            (idLessThan > 0 && f.tradeId() >= idLessThan));
        c.ok(g ->
        {
            g.writeStartArray();
            for (int i = 0; i < Math.min(limit, list.size()); i++)
            {
                SpotViews.restFill(g, list.get(i));
            }
            g.writeEndArray();
        });
    }
}
