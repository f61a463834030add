package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;

import io.bitmm.sim.engine.Side;
import io.bitmm.sim.net.TickerStats;
import io.bitmm.sim.net.Venue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where v3's {@code category} + {@code symbol} meet the engine's products: instrument and book lookup, the category
 * of an order, and the futures-only fields of v3 shapes (empty for spot). Venue-thread only.
 */
final class V3Products
{
    private final Exchange exchange;
    private final Set<Long> accepted = new HashSet<>();
    private String holdMode = "one_way_mode";

    V3Products(final Exchange exchange)
    {
        this.exchange = exchange;
    }

    Exchange exchange()
    {
        return exchange;
    }

    /** The instrument of a category and symbol, or null if not listed. */
    Instrument instrument(final V3Category category, final String symbol)
    {
        if (symbol == null || category != V3Category.SPOT)
        {
            return null;
        }
        return exchange.instruments().get(symbol);
    }

    /** Instruments of a category, in listing order. */
    List<Instrument> instruments(final V3Category category)
    {
        return category == V3Category.SPOT ? new ArrayList<>(exchange.instruments().values()) : List.of();
    }

    /** The book of a listed instrument. */
    OrderBook book(final V3Category category, final Instrument inst)
    {
        return exchange.book(bookKey(category, inst));
    }

    /** The category an order trades in. */
    V3Category category(final Order o)
    {
        return category(o.instrument);
    }

    /** The category an instrument trades in. */
    V3Category category(final Instrument inst)
    {
        return V3Category.SPOT;
    }

    /** The engine's book key of a listed instrument. */
    String bookKey(final V3Category category, final Instrument inst)
    {
        return inst.symbol();
    }

    /** The category of an engine book key, or null. */
    V3Category bookCategory(final String bookKey)
    {
        return exchange.instruments().containsKey(bookKey) ? V3Category.SPOT : null;
    }

    /** The instrument of an engine book key, or null. */
    Instrument bookInstrument(final String bookKey)
    {
        return exchange.instruments().get(bookKey);
    }

    /**
     * Ticker fields of §4 / §8.4 in wire order ({@code category} and {@code symbol} first; futures add mark, index
     * and funding).
     */
    Map<String, String> ticker(final Venue venue, final V3Category category, final Instrument inst, final long now)
    {
        final OrderBook book = book(category, inst);
        final TickerStats tk = venue.tickerStats(bookKey(category, inst));
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        final String last = tk.last != null ? tk.last : inst.price(bid > 0 && ask > 0 ? (bid + ask) / 2 : Math.max(0, bid));
        final String open = BigDecimal.valueOf(tk.open).setScale(inst.pricePrecision(), RoundingMode.HALF_UP).toPlainString();
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("category", category.rest());
        m.put("symbol", inst.symbol());
        m.put("lastPrice", last);
        m.put("openPrice24h", open);
        m.put("highPrice24h", tk.high == null ? last : tk.high);
        m.put("lowPrice24h", tk.low == null ? last : tk.low);
        m.put("ask1Price", ask > 0 ? inst.price(ask) : "");
        m.put("bid1Price", bid > 0 ? inst.price(bid) : "");
        m.put("bid1Size", bid > 0 ? inst.size(book.side(Side.BUY).firstEntry().getValue().totalLots) : "");
        m.put("ask1Size", ask > 0 ? inst.size(book.side(Side.SELL).firstEntry().getValue().totalLots) : "");
        final double change = (Double.parseDouble(last) - tk.open) / tk.open;
        m.put("price24hPcnt", BigDecimal.valueOf(change).setScale(4, RoundingMode.HALF_UP).toPlainString());
        m.put("volume24h", tk.baseVolume.toPlainString());
        m.put("turnover24h", tk.quoteVolume.toPlainString());
        m.put("ts", Long.toString(now));
        return m;
    }

    /** One item of {@code GET /api/v3/market/instruments} (§4; spot shape). */
    void writeInstrument(final JsonGenerator g, final V3Category category, final Instrument inst) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("category", category.rest());
        g.writeStringField("baseCoin", inst.baseCoin());
        g.writeStringField("quoteCoin", inst.quoteCoin());
        g.writeStringField("buyLimitPriceRatio", "0.05");
        g.writeStringField("sellLimitPriceRatio", "0.05");
        g.writeStringField("makerFeeRate", exchange.makerFee().toPlainString());
        g.writeStringField("takerFeeRate", exchange.takerFee().toPlainString());
        g.writeStringField("minOrderQty", inst.size(1));
        g.writeStringField("maxOrderQty", "");
        g.writeStringField("pricePrecision", Integer.toString(inst.pricePrecision()));
        g.writeStringField("quantityPrecision", Integer.toString(inst.quantityPrecision()));
        g.writeStringField("quotePrecision", Integer.toString(inst.pricePrecision() + inst.quantityPrecision()));
        g.writeStringField("minOrderAmount", inst.minTradeUsdt());
        g.writeStringField("maxSymbolOrderNum", Integer.toString(Exchange.MAX_OPEN_PER_SYMBOL));
        g.writeStringField("maxProductOrderNum", "400");
        g.writeStringField("status", "online");
        g.writeStringField("areaSymbol", "no");
        g.writeStringField("isRwa", "NO");
        g.writeStringField("offTime", "-1");
        g.writeStringField("limitOpenTime", "-1");
        g.writeStringField("maintainTime", "");
        g.writeEndObject();
    }

    /** The account's hold mode: {@code one_way_mode} or {@code hedge_mode}. */
    String holdMode()
    {
        return holdMode;
    }

    /**
     * Sets the account-wide hold mode (§5.9).
     *
     * @return null, or "CODE message" (25010 while futures orders or positions are open)
     */
    String setHoldMode(final String mode)
    {
        if (!openOrders(V3Category.USDT_FUTURES, null).isEmpty())
        {
            return "25010 Unsupported position mode switch";
        }
        holdMode = mode;
        return null;
    }

    /**
     * Sets the leverage of a futures symbol (§5.9).
     *
     * @return null, or "CODE message"
     */
    String setLeverage(final V3Category category, final String symbol, final String leverage, final String posSide,
        final String marginMode)
    {
        if (category != V3Category.USDT_FUTURES)
        {
            return "25240 " + category.rest() + " does not support this operation";
        }
        if (instrument(category, symbol) == null)
        {
            return "25100 Trading pair " + symbol + " does not exist";
        }
        return "25200 leverage validation error";
    }

    /** The {@code symbolConfigList} items of account settings (futures symbols: margin mode and leverage). */
    void writeSymbolConfigs(final JsonGenerator g)
    {
        // futures symbols arrive with USDT-M futures in the engine
    }

    /**
     * Writes {@code "list":[...]} of current positions if there are any.
     *
     * @return false if there is none (the caller writes {@code "list":null}, as observed live)
     */
    boolean writePositions(final JsonGenerator g, final V3Category category, final String symbol, final String posSide)
    {
        return false;
    }

    /** Elements of the private {@code position} push (none for spot-only accounts). */
    void writePositionPushes(final JsonGenerator g)
    {
        // positions arrive with USDT-M futures in the engine
    }

    /** Open account orders of a category (null = all) and symbol (null = all), newest first. */
    List<Order> openOrders(final V3Category category, final String symbol)
    {
        final List<Order> out = new ArrayList<>();
        for (final Order o : exchange.openOrders(symbol))
        {
            if (category == null || category(o) == category)
            {
                out.add(o);
            }
        }
        return out;
    }

    /** Closed account orders, newest first. */
    List<Order> closedOrders(final V3Category category, final String symbol)
    {
        final List<Order> out = new ArrayList<>();
        for (final Order o : exchange.closedOrders(symbol))
        {
            if (category == null || category(o) == category)
            {
                out.add(o);
            }
        }
        return out;
    }

    /** Account fills, newest first. */
    List<Fill> fills(final V3Category category, final String symbol, final long orderId)
    {
        final List<Fill> out = new ArrayList<>();
        for (final Fill f : exchange.fills(symbol, orderId))
        {
            if (category == null || category(f.order()) == category)
            {
                out.add(f);
            }
        }
        return out;
    }

    /** Marks an order as accepted by the matching engine (the {@code new} status option). */
    void markAccepted(final Order o)
    {
        accepted.add(o.orderId);
    }

    boolean accepted(final Order o)
    {
        if (!o.isOpen())
        {
            accepted.remove(o.orderId);
            return false;
        }
        return accepted.contains(o.orderId);
    }

    /** Futures-only fields of an order: empty strings for spot. {@code ws}: push spelling, else REST. */
    void writeFuturesFields(final JsonGenerator g, final Order o, final boolean ws) throws IOException
    {
        if (ws)
        {
            g.writeStringField("holdMode", "");
            g.writeStringField("holdSide", "");
            g.writeStringField("tradeSide", "");
            g.writeStringField("marginMode", "");
            g.writeStringField("marginCoin", "");
            g.writeStringField("reduceOnly", "no");
            g.writeStringField("totalProfit", "0");
            g.writeStringField("leverage", "");
        }
        else
        {
            g.writeStringField("posSide", "");
            g.writeStringField("holdMode", "");
            g.writeStringField("tradeSide", "");
            g.writeStringField("reduceOnly", "NO");
        }
    }

    /** {@code holdSide} of an order's fills ("" for spot). */
    String holdSide(final Order o)
    {
        return "";
    }

    /** {@code tradeSide} of a fill ("" for spot). */
    String tradeSide(final Fill f)
    {
        return "";
    }

    /** Realised PnL of a fill ("0" for spot). */
    String execPnl(final Fill f)
    {
        return "0";
    }
}
