package io.bitmm.sim.net;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.Side;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wire shapes of orders and fills (REST §5.7, WS §12). */
final class Views
{
    static final String USER_ID = "1000000001";

    private Views()
    {
    }

    private static String size(final Order o)
    {
        if (o.quoteBudget != null)
        {
            return o.quoteBudget.toPlainString();
        }
        return o.instrument.size(o.sizeLots);
    }

    private static String price(final Order o)
    {
        return "market".equals(o.orderType) ? "0" : o.instrument.price(o.priceTicks);
    }

    private static String neg(final BigDecimal fee)
    {
        return fee.signum() == 0 ? "0" : fee.negate().toPlainString();
    }

    /** REST order (orderInfo, history-orders; unfilled-orders with its priceAvg quirk). */
    static void restOrder(final JsonGenerator g, final Order o, final boolean unfilled) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("userId", USER_ID);
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("price", price(o));
        g.writeStringField("size", size(o));
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("status", o.status);
        g.writeStringField("priceAvg", unfilled ? price(o) : o.priceAvg());
        if (unfilled)
        {
            g.writeStringField("basePrice", o.priceAvg());
        }
        g.writeStringField("baseVolume", o.instrument.size(o.filledLots));
        g.writeStringField("quoteVolume", o.quoteVolume().toPlainString());
        g.writeStringField("enterPointSource", "API");
        g.writeStringField("feeDetail", feeDetailString(o));
        g.writeStringField("orderSource", "normal");
        g.writeStringField("cancelReason", o.cancelReason);
        g.writeStringField("force", o.force);
        g.writeStringField("stpMode", o.stpMode);
        g.writeStringField("tpslType", "normal");
        g.writeStringField("cTime", Long.toString(o.createdMs));
        g.writeStringField("uTime", Long.toString(o.updatedMs));
        g.writeEndObject();
    }

    private static String feeDetailString(final Order o)
    {
        if (o.feeTotal.signum() == 0)
        {
            return "";
        }
        final String f = neg(o.feeTotal);
        return "{\"newFees\":{\"c\":0,\"d\":0,\"deduction\":false,\"r\":" + f + ",\"t\":" + f + ",\"totalDeductionFee\":0},\""
            + o.feeCoin + "\":{\"deduction\":false,\"feeCoinCode\":\"" + o.feeCoin + "\",\"totalDeductionFee\":0,\"totalFee\":" + f + "}}";
    }

    /** REST fill (GET /api/v2/spot/trade/fills). */
    static void restFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        final Instrument inst = o.instrument;
        g.writeStartObject();
        g.writeStringField("userId", USER_ID);
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("tradeId", Long.toString(f.tradeId()));
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("priceAvg", inst.price(f.priceTicks()));
        g.writeStringField("size", inst.size(f.lots()));
        g.writeStringField("amount", amount(f).toPlainString());
        g.writeObjectFieldStart("feeDetail");
        g.writeStringField("deduction", "no");
        g.writeStringField("feeCoin", f.feeCoin());
        g.writeStringField("totalDeductionFee", "");
        g.writeStringField("totalFee", neg(f.fee()));
        g.writeEndObject();
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        g.writeStringField("cTime", Long.toString(f.timeMs()));
        g.writeStringField("uTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }

    private static BigDecimal amount(final Fill f)
    {
        final Instrument inst = f.order().instrument;
        return Decimals.big(f.priceTicks(), inst.pricePrecision()).multiply(Decimals.big(f.lots(), inst.quantityPrecision()));
    }

    /** WS spot `fill` element. */
    static void wsFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        final Instrument inst = o.instrument;
        g.writeStartObject();
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("tradeId", Long.toString(f.tradeId()));
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", o.side.wire());
        g.writeStringField("priceAvg", inst.price(f.priceTicks()));
        g.writeStringField("size", inst.size(f.lots()));
        g.writeStringField("amount", amount(f).toPlainString());
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        g.writeArrayFieldStart("feeDetail");
        g.writeStartObject();
        g.writeStringField("feeCoin", f.feeCoin());
        g.writeStringField("deduction", "no");
        g.writeStringField("totalDeductionFee", "0");
        g.writeStringField("totalFee", neg(f.fee()));
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("cTime", Long.toString(f.timeMs()));
        g.writeStringField("uTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }

    /** WS spot `orders` element (feeDetail array written separately as a string map is not enough). */
    static Map<String, String> wsOrder(final Order o, final Fill f)
    {
        final Instrument inst = o.instrument;
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("instId", inst.symbol());
        m.put("orderId", Long.toString(o.orderId));
        m.put("clientOid", o.clientOid);
        m.put("price", price(o));
        final BigDecimal notional = "market".equals(o.orderType) ? (o.quoteBudget != null ? o.quoteBudget : BigDecimal.ZERO)
            : Decimals.big(o.priceTicks, inst.pricePrecision()).multiply(Decimals.big(o.sizeLots, inst.quantityPrecision()));
        m.put("size", o.side == Side.BUY ? notional.toPlainString() : size(o));
        m.put("newSize", size(o));
        m.put("notional", notional.toPlainString());
        m.put("orderType", o.orderType);
        m.put("force", o.force);
        m.put("side", o.side.wire());
        if (f != null)
        {
            m.put("fillPrice", inst.price(f.priceTicks()));
            m.put("tradeId", Long.toString(f.tradeId()));
            m.put("baseVolume", inst.size(f.lots()));
            m.put("fillTime", Long.toString(f.timeMs()));
            m.put("fillFee", neg(f.fee()));
            m.put("fillFeeCoin", f.feeCoin());
            m.put("tradeScope", f.maker() ? "M" : "T");
        }
        m.put("accBaseVolume", inst.size(o.filledLots));
        m.put("priceAvg", o.priceAvg());
        m.put("status", o.status);
        m.put("cancelReason", o.cancelReason);
        m.put("cTime", Long.toString(o.createdMs));
        m.put("uTime", Long.toString(o.updatedMs));
        m.put("stpMode", o.stpMode);
        m.put("enterPointSource", "API");
        return m;
    }
}
