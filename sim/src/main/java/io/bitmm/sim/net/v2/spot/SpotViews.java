package io.bitmm.sim.net.v2.spot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.net.TickerStats;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** v2 spot wire shapes of orders, fills and tickers (REST §4, §5.7; WS §11, §12). */
public final class SpotViews
{
    static final String USER_ID = V2Rest.USER_ID;

    private SpotViews()
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
    public static void restOrder(final JsonGenerator g, final Order o, final boolean unfilled) throws IOException
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
    public static void restFill(final JsonGenerator g, final Fill f) throws IOException
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
    public static void wsFill(final JsonGenerator g, final Fill f) throws IOException
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
    public static Map<String, String> wsOrder(final Order o, final Fill f)
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

    /**
     * Ticker fields (REST tickers and WS ticker share them).
     *
     * @param venue the venue (book, ticker statistics)
     * @param inst  the instrument
     * @param now   epoch ms
     * @return field name to string value, in wire order
     */
    public static Map<String, String> tickerFields(final Venue venue, final Instrument inst, final long now)
    {
        final OrderBook book = venue.exchange().book(inst.key());
        final TickerStats tk = venue.tickerStats(inst.key());
        final Map<String, String> m = new LinkedHashMap<>();
        final long bid = Math.max(0, book.bestBid());
        final long ask = Math.max(0, book.bestAsk());
        final String last = tk.last == null ? inst.price(bid > 0 && ask > 0 ? (bid + ask) / 2 : bid) : tk.last;
        final String open = BigDecimal.valueOf(tk.open).setScale(inst.pricePrecision(), java.math.RoundingMode.HALF_UP).toPlainString();
        m.put("symbol", inst.symbol());
        m.put("lastPr", last);
        m.put("open24h", open);
        m.put("open", open);
        m.put("high24h", tk.high == null ? last : tk.high);
        m.put("low24h", tk.low == null ? last : tk.low);
        m.put("change24h", change(last, tk.open));
        m.put("bidPr", inst.price(bid));
        m.put("askPr", inst.price(ask));
        m.put("bidSz", inst.size(bid > 0 ? book.side(Side.BUY).firstEntry().getValue().totalLots : 0));
        m.put("askSz", inst.size(ask > 0 ? book.side(Side.SELL).firstEntry().getValue().totalLots : 0));
        m.put("baseVolume", tk.baseVolume.toPlainString());
        m.put("quoteVolume", tk.quoteVolume.toPlainString());
        m.put("usdtVolume", tk.quoteVolume.toPlainString());
        m.put("openUtc", open);
        m.put("changeUtc24h", change(last, tk.open));
        m.put("ts", Long.toString(now));
        return m;
    }

    private static String change(final String last, final double open)
    {
        final double c = (Double.parseDouble(last) - open) / open;
        return BigDecimal.valueOf(c).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
