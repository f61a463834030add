package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * v3 wire shapes of orders and executions: REST order objects (§5.8), REST fills (§5.8), the private {@code order}
 * and {@code fill} pushes (§8.5). Venue-thread only.
 */
final class V3Views
{
    private final V3Options options;
    private final V3Products products;

    V3Views(final V3Options options, final V3Products products)
    {
        this.options = options;
        this.products = products;
    }

    /** v3 {@code orderStatus}: {@code live}/{@code new}/{@code partially_filled}/{@code filled}/{@code cancelled}. */
    String status(final Order o)
    {
        if ("live".equals(o.status) && options.newStatusPush() && products.accepted(o))
        {
            return "new";
        }
        return o.status;
    }

    /** v3 {@code cancelReason} (§8.5), "" unless cancelled. */
    static String cancelReason(final Order o)
    {
        if (!"cancelled".equals(o.status))
        {
            return "";
        }
        if ("stp_cancel".equals(o.cancelReason))
        {
            return "stp_cancel";
        }
        if (o.postOnlyCrossed)
        {
            return "post_only_fill_cancel";
        }
        if ("ioc".equals(o.force) && !"market".equals(o.orderType))
        {
            return "ioc_not_full_cancel";
        }
        if ("fok".equals(o.force) && !"market".equals(o.orderType))
        {
            return "fok_not_full_cancel";
        }
        return "normal_cancel";
    }

    private static String price(final Order o)
    {
        return "market".equals(o.orderType) ? "" : o.instrument.price(o.priceTicks);
    }

    private static String qty(final Order o)
    {
        return o.quoteBudget != null ? "0" : o.instrument.size(o.sizeLots);
    }

    private static String cumQty(final Order o)
    {
        return o.filledLots == 0 ? "0" : o.instrument.size(o.filledLots);
    }

    private static String amount(final Order o)
    {
        return o.quoteBudget != null ? o.quoteBudget.toPlainString() : "0";
    }

    private String fee(final BigDecimal fee)
    {
        if (fee.signum() == 0)
        {
            return "0";
        }
        return (options.feePositive() ? fee : fee.negate()).toPlainString();
    }

    private void feeDetail(final JsonGenerator g, final Order o) throws IOException
    {
        g.writeArrayFieldStart("feeDetail");
        g.writeStartObject();
        if (o.feeTotal.signum() == 0)
        {
            g.writeNullField("feeCoin");
            g.writeNullField("fee");
        }
        else
        {
            g.writeStringField("feeCoin", o.feeCoin);
            g.writeStringField("fee", fee(o.feeTotal));
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    /** REST order object (order-info, unfilled-orders, history-orders). */
    void restOrder(final JsonGenerator g, final Order o) throws IOException
    {
        final V3Category category = products.category(o);
        g.writeStartObject();
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("category", category.rest());
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("price", price(o));
        g.writeStringField("qty", qty(o));
        g.writeStringField("amount", amount(o));
        g.writeStringField("cumExecQty", cumQty(o));
        g.writeStringField("cumExecValue", o.filledLots == 0 ? "0" : o.quoteVolume().toPlainString());
        g.writeStringField("avgPrice", o.priceAvg());
        g.writeStringField("timeInForce", o.force);
        g.writeStringField("orderStatus", status(o));
        products.writeFuturesFields(g, o, false);
        g.writeStringField("stpMode", o.stpMode);
        feeDetail(g, o);
        g.writeStringField("cancelReason", cancelReason(o));
        g.writeStringField("execType", "normal");
        g.writeStringField("createdTime", Long.toString(o.createdMs));
        g.writeStringField("updatedTime", Long.toString(o.updatedMs));
        g.writeEndObject();
    }

    /** Element of the private {@code order} push (§8.5). */
    void wsOrder(final JsonGenerator g, final Order o, final String requestId) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("category", products.category(o).ws());
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("price", price(o));
        g.writeStringField("qty", qty(o));
        g.writeStringField("amount", amount(o));
        products.writeFuturesFields(g, o, true);
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("timeInForce", o.force);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("cumExecQty", cumQty(o));
        g.writeStringField("cumExecValue", o.filledLots == 0 ? "0" : o.quoteVolume().toPlainString());
        g.writeStringField("avgPrice", o.priceAvg());
        g.writeStringField("orderStatus", status(o));
        g.writeStringField("cancelReason", cancelReason(o));
        feeDetail(g, o);
        if (requestId != null)
        {
            g.writeStringField("requestId", requestId);
        }
        g.writeStringField("createdTime", Long.toString(o.createdMs));
        g.writeStringField("updatedTime", Long.toString(o.updatedMs));
        g.writeStringField("stpMode", o.stpMode);
        g.writeEndObject();
    }

    /** Execution id of an account fill: unique per side of a trade; {@code execLinkId} is the trade id. */
    static long execId(final Fill f)
    {
        return f.tradeId() * 2 + (f.maker() ? 1 : 0);
    }

    private static String execValue(final Fill f)
    {
        final Instrument inst = f.order().instrument;
        return Decimals.big(f.priceTicks(), inst.pricePrecision()).multiply(Decimals.big(f.lots(), inst.quantityPrecision()))
            .toPlainString();
    }

    private void fillFee(final JsonGenerator g, final Fill f) throws IOException
    {
        g.writeArrayFieldStart("feeDetail");
        g.writeStartObject();
        g.writeStringField("feeCoin", f.feeCoin());
        g.writeStringField("fee", fee(f.fee()));
        g.writeEndObject();
        g.writeEndArray();
    }

    /** REST fill ({@code GET /api/v3/trade/fills}). */
    void restFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        final Instrument inst = o.instrument;
        g.writeStartObject();
        g.writeStringField("execId", Long.toString(execId(f)));
        g.writeStringField("execLinkId", Long.toString(f.tradeId()));
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("category", products.category(o).rest());
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("execPrice", inst.price(f.priceTicks()));
        g.writeStringField("execQty", inst.size(f.lots()));
        g.writeStringField("execValue", execValue(f));
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        g.writeStringField("tradeSide", products.tradeSide(f));
        fillFee(g, f);
        g.writeStringField("execPnl", products.execPnl(f));
        g.writeStringField("createdTime", Long.toString(f.timeMs()));
        g.writeStringField("updatedTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }

    /** Element of the private {@code fill} push (§8.5). */
    void wsFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        final Instrument inst = o.instrument;
        g.writeStartObject();
        g.writeStringField("category", products.category(o).rest());
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("execId", Long.toString(execId(f)));
        g.writeStringField("execLinkId", Long.toString(f.tradeId()));
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("holdSide", products.holdSide(o));
        g.writeStringField("tradeSide", products.tradeSide(f));
        g.writeStringField("execPrice", inst.price(f.priceTicks()));
        g.writeStringField("execQty", inst.size(f.lots()));
        g.writeStringField("execValue", execValue(f));
        g.writeStringField("execPnl", products.execPnl(f));
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        fillFee(g, f);
        g.writeStringField("execTime", Long.toString(f.timeMs()));
        g.writeStringField("updatedTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }
}
