package io.bitmm.sim.net.v2.mix;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Futures;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * v2 futures trading (§6.1, §6.2): place-order, batch-place-order, cancel-order, batch-cancel-orders,
 * cancel-all-orders, modify-order (cancel and re-create under {@code newClientOid}), detail, orders-pending,
 * orders-history, fills. In hedge mode a v2 close names the position with {@code side} (close long =
 * {@code buy}+{@code close}); the engine gets the trade direction and {@code posSide}.
 */
public final class MixTradeRest
{
    private final Venue venue;
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public MixTradeRest(final Venue venue, final V2Rest rest)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        rest.signed("/api/v2/mix/order/place-order", 10, this::placeOrder);
        rest.signed("/api/v2/mix/order/batch-place-order", 5, this::batchPlace);
        rest.signed("/api/v2/mix/order/cancel-order", 10, this::cancelOrder);
        rest.signed("/api/v2/mix/order/batch-cancel-orders", 10, this::batchCancel);
        rest.signed("/api/v2/mix/order/cancel-all-orders", 10, this::cancelAll);
        rest.signed("/api/v2/mix/order/modify-order", 10, this::modify);
        rest.signed("/api/v2/mix/order/detail", 10, this::detail);
        rest.signed("/api/v2/mix/order/orders-pending", 10, c -> orderList(c, true));
        rest.signed("/api/v2/mix/order/orders-history", 10, c -> orderList(c, false));
        rest.signed("/api/v2/mix/order/fills", 10, this::fills);
        rest.signed("/api/v2/mix/order/fill-history", 10, this::fills);
    }

    /** Converts a v2 order object (with the batch's shared fields as defaults) to an engine request. */
    private Exchange.PlaceRequest placeRequest(final Map<String, Object> m, final Map<String, Object> shared)
    {
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.category = Instrument.USDT_FUTURES;
        r.symbol = upper(field(m, shared, "symbol"));
        r.side = field(m, shared, "side");
        r.orderType = field(m, shared, "orderType");
        r.force = field(m, shared, "force");
        r.price = field(m, shared, "price");
        r.size = field(m, shared, "size");
        r.clientOid = field(m, shared, "clientOid");
        r.stpMode = field(m, shared, "stpMode");
        r.marginMode = field(m, shared, "marginMode");
        r.reduceOnly = field(m, shared, "reduceOnly");
        final String tradeSide = field(m, shared, "tradeSide");
        if (Futures.HEDGE.equals(exchange.futures().positionMode()) && r.side != null && tradeSide != null)
        {
            final boolean buy = "buy".equalsIgnoreCase(r.side);
            r.posSide = buy ? "long" : "short";
            if ("close".equalsIgnoreCase(tradeSide))
            {
                r.side = buy ? "sell" : "buy";
            }
        }
        return r;
    }

    private static String field(final Map<String, Object> m, final Map<String, Object> shared, final String name)
    {
        final String v = Json.str(m, name);
        return v != null || shared == null ? v : Json.str(shared, name);
    }

    private static String upper(final String v)
    {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private void placeOrder(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Exchange.PlaceResult result = venue.place(placeRequest(c.body(), null));
        if (!result.accepted())
        {
            c.fail(result.code(), result.msg());
            return;
        }
        final Order o = result.order();
        c.okRaw("{\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + ",\"orderId\":\"" + o.orderId + "\"}");
        exchange.process(o);
    }

    private void batchPlace(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final List<Map<String, Object>> items = Rest.list(c.body(), "orderList");
        if (items.isEmpty() || items.size() > 50)
        {
            c.fail("40017", "Parameter verification failed: orderList");
            return;
        }
        final List<Order> accepted = new ArrayList<>();
        final String data = Json.write(g ->
        {
            g.writeStartObject();
            final List<String[]> failures = new ArrayList<>();
            g.writeArrayFieldStart("successList");
            for (final Map<String, Object> item : items)
            {
                final Exchange.PlaceResult r = venue.place(placeRequest(item, c.body()));
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
                    failures.add(new String[] {"", coid == null ? "" : coid, r.msg(), r.code()});
                }
            }
            g.writeEndArray();
            writeFailures(g, failures);
            g.writeEndObject();
        });
        c.okRaw(data);
        accepted.forEach(exchange::process);
    }

    private static void writeFailures(final JsonGenerator g, final List<String[]> failures) throws IOException
    {
        g.writeArrayFieldStart("failureList");
        for (final String[] f : failures)
        {
            g.writeStartObject();
            g.writeStringField("orderId", f[0]);
            g.writeStringField("clientOid", f[1]);
            g.writeStringField("errorMsg", f[2]);
            g.writeStringField("errorCode", f[3]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A futures order of the account by orderId or clientOid (orderId wins), or null. */
    private Order find(final String orderId, final String clientOid)
    {
        Order o = null;
        if (orderId != null && !orderId.isEmpty())
        {
            o = exchange.order(Rest.parseLong(orderId));
        }
        else if (clientOid != null && !clientOid.isEmpty())
        {
            o = exchange.orderByClientOid(clientOid);
        }
        return o != null && o.instrument.isFutures() ? o : null;
    }

    private void cancelOrder(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Order o = find(Json.str(c.body(), "orderId"), Json.str(c.body(), "clientOid"));
        if (o == null || !o.isOpen())
        {
            c.fail("40768", "Order does not exist");
            return;
        }
        c.okRaw("{\"orderId\":\"" + o.orderId + "\",\"clientOid\":" + Json.write(g -> g.writeString(o.clientOid)) + "}");
        exchange.cancel(o);
    }

    private void batchCancel(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Object idList = c.body().get("orderIdList");
        final List<Order> toCancel = new ArrayList<>();
        final List<String[]> failures = new ArrayList<>();
        if (idList == null)
        {
            final Instrument inst = MixSupport.perpetual(c, exchange, Json.str(c.body(), "symbol"));
            if (inst == null)
            {
                return;
            }
            toCancel.addAll(exchange.openOrders(inst.key()));
        }
        else
        {
            final List<Map<String, Object>> items = Rest.list(c.body(), "orderIdList");
            if (items.isEmpty() || items.size() > 50)
            {
                c.fail("40017", "Parameter verification failed: orderIdList");
                return;
            }
            for (final Map<String, Object> item : items)
            {
                final String id = Json.str(item, "orderId");
                final String coid = Json.str(item, "clientOid");
                final Order o = find(id, coid);
                if (o != null && o.isOpen() && !toCancel.contains(o))
                {
                    toCancel.add(o);
                }
                else
                {
                    failures.add(new String[] {id == null ? "" : id, coid == null ? "" : coid, "Order does not exist", "40768"});
                }
            }
        }
        c.ok(g ->
        {
            g.writeStartObject();
            g.writeArrayFieldStart("successList");
            for (final Order o : toCancel)
            {
                g.writeStartObject();
                g.writeStringField("orderId", Long.toString(o.orderId));
                g.writeStringField("clientOid", o.clientOid);
                g.writeEndObject();
            }
            g.writeEndArray();
            writeFailures(g, failures);
            g.writeEndObject();
        });
        toCancel.forEach(exchange::cancel);
    }

    private void cancelAll(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final List<Order> open = exchange.openOrders(Instrument.USDT_FUTURES, null);
        c.ok(g ->
        {
            g.writeStartObject();
            g.writeArrayFieldStart("successList");
            for (final Order o : open)
            {
                g.writeStartObject();
                g.writeStringField("orderId", Long.toString(o.orderId));
                g.writeStringField("clientOid", o.clientOid);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failureList");
            g.writeEndArray();
            g.writeEndObject();
        });
        open.forEach(exchange::cancel);
    }

    /**
     * modify-order: price and size together, a required {@code newClientOid}; the order is cancelled and
     * re-created with the same side, position intent and time in force. The reply carries the new clientOid and
     * {@code orderId: null} (Bitget does not return the new orderId; ccxt's capture of a live reply shows null), or the
     * replacement's orderId with {@link io.bitmm.sim.SimContext#modifyReplyNewOrderId(boolean)}.
     */
    private void modify(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Map<String, Object> body = c.body();
        final Order old = find(Json.str(body, "orderId"), Json.str(body, "clientOid"));
        if (old == null || !old.isOpen())
        {
            c.fail("40768", "Order does not exist");
            return;
        }
        final String newClientOid = Json.str(body, "newClientOid");
        final String newPrice = Json.str(body, "newPrice");
        final String newSize = Json.str(body, "newSize");
        if (newClientOid == null || newClientOid.isEmpty())
        {
            c.fail("40017", "Parameter verification failed: newClientOid");
            return;
        }
        if (newPrice == null && newSize == null || (newPrice == null) != (newSize == null))
        {
            c.fail("40017", "Parameter verification failed: newPrice and newSize must be sent together");
            return;
        }
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.category = Instrument.USDT_FUTURES;
        r.symbol = old.instrument.symbol();
        r.side = old.side.wire();
        r.orderType = "limit";
        r.force = old.force;
        r.stpMode = old.stpMode;
        r.marginMode = old.marginMode;
        r.posSide = old.posSide;
        r.reduceOnly = old.reduceOnly ? "YES" : "NO";
        r.price = newPrice;
        r.size = newSize;
        r.clientOid = newClientOid;
        exchange.cancel(old);
        final Exchange.PlaceResult result = venue.place(r);
        if (!result.accepted())
        {
            c.fail(result.code(), result.msg());
            return;
        }
        final String orderId = venue.context().modifyReplyNewOrderId() ? "\"" + result.order().orderId + "\"" : "null";
        c.okRaw("{\"clientOid\":" + Json.write(g -> g.writeString(newClientOid)) + ",\"orderId\":" + orderId + "}");
        exchange.process(result.order());
    }

    private void detail(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Order o = find(c.query().get("orderId"), c.query().get("clientOid"));
        if (o == null)
        {
            c.fail("40109", "The data of the order cannot be found, please confirm the order number");
            return;
        }
        c.ok(g -> MixViews.restOrder(g, o));
    }

    private void orderList(final V2Rest.Call c, final boolean pending)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Map<String, String> q = c.query();
        final String symbol = MixSupport.symbolFilter(q);
        final List<Order> orders = pending ? exchange.openOrders(Instrument.USDT_FUTURES, symbol)
            : exchange.closedOrders(Instrument.USDT_FUTURES, symbol);
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final long idLessThan = Rest.parseLong(q.get("idLessThan"));
        final long orderId = Rest.parseLong(q.get("orderId"));
        final String coid = q.get("clientOid");
        final List<Order> page = new ArrayList<>();
        for (final Order o : orders)
        {
            if ((idLessThan > 0 && o.orderId >= idLessThan) || (orderId > 0 && o.orderId != orderId)
                || (coid != null && !coid.equals(o.clientOid)))
            {
                continue;
            }
            if (page.size() == limit)
            {
                break;
            }
            page.add(o);
        }
        c.ok(g ->
        {
            g.writeStartObject();
            if (page.isEmpty())
            {
                g.writeNullField("entrustedList");
            }
            else
            {
                g.writeArrayFieldStart("entrustedList");
                for (final Order o : page)
                {
                    MixViews.restOrder(g, o);
                }
                g.writeEndArray();
            }
            g.writeStringField("endId", page.isEmpty() ? "" : Long.toString(page.get(page.size() - 1).orderId));
            g.writeEndObject();
        });
    }

    private void fills(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Map<String, String> q = c.query();
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final long idLessThan = Rest.parseLong(q.get("idLessThan"));
        final List<Fill> list = exchange.fills(Instrument.USDT_FUTURES, MixSupport.symbolFilter(q), Rest.parseLong(q.get("orderId")));
        final List<Fill> page = new ArrayList<>();
        for (final Fill f : list)
        {
            if (idLessThan > 0 && f.tradeId() >= idLessThan)
            {
                continue;
            }
            if (page.size() == limit)
            {
                break;
            }
            page.add(f);
        }
        c.ok(g ->
        {
            g.writeStartObject();
            g.writeArrayFieldStart("fillList");
            for (final Fill f : page)
            {
                MixViews.restFill(g, f);
            }
            g.writeEndArray();
            g.writeStringField("endId", page.isEmpty() ? "" : Long.toString(page.get(page.size() - 1).tradeId()));
            g.writeEndObject();
        });
    }
}
