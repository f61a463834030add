package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Futures;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Position;
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
 * Where v3's {@code category} + {@code symbol} meet the engine's products (spot pairs and USDT-M perpetuals):
 * instrument and book lookup, the category of an order, and the futures shapes of v3 (instrument, ticker, order
 * fields, positions, symbol settings). Venue-thread only.
 */
final class V3Products
{
    private final Exchange exchange;
    private final Futures futures;
    private final Set<Long> accepted = new HashSet<>();

    V3Products(final Exchange exchange)
    {
        this.exchange = exchange;
        this.futures = exchange.futures();
    }

    Exchange exchange()
    {
        return exchange;
    }

    /** The instrument of a category and symbol, or null if not listed. */
    Instrument instrument(final V3Category category, final String symbol)
    {
        if (symbol == null || category == null || !category.listed())
        {
            return null;
        }
        final Instrument inst = exchange.instruments().get(Instrument.key(category.rest(), symbol));
        return inst != null && category.rest().equals(inst.category()) ? inst : null;
    }

    /** Instruments of a category, in listing order. */
    List<Instrument> instruments(final V3Category category)
    {
        final List<Instrument> out = new ArrayList<>();
        for (final Instrument inst : exchange.instruments().values())
        {
            if (category.rest().equals(inst.category()))
            {
                out.add(inst);
            }
        }
        return out;
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
        return inst.isFutures() ? V3Category.USDT_FUTURES : V3Category.SPOT;
    }

    /** The engine's book key of a listed instrument. */
    String bookKey(final V3Category category, final Instrument inst)
    {
        return inst.key();
    }

    /** The category of an engine book key, or null. */
    V3Category bookCategory(final String bookKey)
    {
        final Instrument inst = exchange.instruments().get(bookKey);
        return inst == null ? null : category(inst);
    }

    /** The instrument of an engine book key, or null. */
    Instrument bookInstrument(final String bookKey)
    {
        return exchange.instruments().get(bookKey);
    }

    /** Open account orders of a category (null = all) and symbol (null = all), newest first. */
    List<Order> openOrders(final V3Category category, final String symbol)
    {
        if (category == null)
        {
            final List<Order> out = new ArrayList<>();
            for (final Order o : exchange.openOrders(null))
            {
                if (symbol == null || symbol.equals(o.instrument.symbol()))
                {
                    out.add(o);
                }
            }
            return out;
        }
        return exchange.openOrders(category.rest(), symbol);
    }

    /** Closed account orders of a category, newest first. */
    List<Order> closedOrders(final V3Category category, final String symbol)
    {
        return exchange.closedOrders(category.rest(), symbol);
    }

    /** Account fills, newest first. */
    List<Fill> fills(final V3Category category, final String symbol, final long orderId)
    {
        if (category == null)
        {
            final List<Fill> out = new ArrayList<>();
            for (final Fill f : exchange.fills(null, orderId))
            {
                if (symbol == null || symbol.equals(f.order().instrument.symbol()))
                {
                    out.add(f);
                }
            }
            return out;
        }
        return exchange.fills(category.rest(), symbol, orderId);
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

    private static String plain(final BigDecimal v)
    {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /**
     * Futures-only fields of an order (empty strings for spot). {@code ws}: push spelling ({@code holdSide},
     * lower-case {@code reduceOnly}), else REST ({@code posSide}, {@code YES}/{@code NO}).
     */
    void writeFuturesFields(final JsonGenerator g, final Order o, final boolean ws) throws IOException
    {
        final boolean fut = o.instrument.isFutures();
        final String holdMode = fut ? o.posMode : "";
        final String side = fut ? o.posSide : "";
        final String tradeSide = fut ? tradeSide(o) : "";
        if (ws)
        {
            g.writeStringField("holdMode", holdMode);
            g.writeStringField("holdSide", side);
            g.writeStringField("tradeSide", tradeSide);
            g.writeStringField("marginMode", fut ? o.marginMode : "");
            g.writeStringField("marginCoin", fut ? Futures.MARGIN_COIN : "");
            g.writeStringField("reduceOnly", o.reduceOnly ? "yes" : "no");
            g.writeStringField("totalProfit", fut ? plain(o.pnl) : "0");
            g.writeStringField("leverage", fut ? Integer.toString(o.leverage) : "");
        }
        else
        {
            g.writeStringField("posSide", side);
            g.writeStringField("holdMode", holdMode);
            g.writeStringField("tradeSide", tradeSide);
            g.writeStringField("reduceOnly", o.reduceOnly ? "YES" : "NO");
        }
    }

    /** v3 {@code tradeSide} of a futures order: {@code open}/{@code close} (hedge as booked, one-way from reduceOnly). */
    private static String tradeSide(final Order o)
    {
        if (!o.tradeSide.isEmpty())
        {
            return o.tradeSide;
        }
        return o.reduceOnly ? "close" : "open";
    }

    /** {@code holdSide} of an order's fills ("" for spot). */
    String holdSide(final Order o)
    {
        return o.instrument.isFutures() ? o.posSide : "";
    }

    /** {@code tradeSide} of a fill ("" for spot): close when it realised PnL or the order closes. */
    String tradeSide(final Fill f)
    {
        if (!f.order().instrument.isFutures())
        {
            return "";
        }
        return f.pnl().signum() != 0 ? "close" : tradeSide(f.order());
    }

    /** Realised PnL of a fill ("0" for spot). */
    String execPnl(final Fill f)
    {
        return plain(f.pnl());
    }

    /**
     * Ticker fields of §4 / §8.4 in wire order ({@code category} and {@code symbol} first; futures add index, mark,
     * funding and open interest).
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
        if (inst.isFutures())
        {
            m.put("indexPrice", futures.indexPrice(inst).toPlainString());
            m.put("markPrice", futures.markPrice(inst).toPlainString());
            m.put("fundingRate", plain(futures.fundingRate()));
            m.put("nextFundingTime", Long.toString(futures.nextFundingMs()));
            m.put("openInterest", openInterest(inst));
            m.put("deliveryStartTime", "");
            m.put("deliveryTime", "");
            m.put("deliveryStatus", "");
        }
        m.put("ts", Long.toString(now));
        return m;
    }

    /** The account's own open interest (the sim has no other position holders). */
    private String openInterest(final Instrument inst)
    {
        long lots = 0;
        for (final Position p : futures.openPositions(inst.key()))
        {
            lots += p.sizeLots;
        }
        return inst.size(lots);
    }

    /** One item of {@code GET /api/v3/market/instruments} (§4: spot or futures shape). */
    void writeInstrument(final JsonGenerator g, final V3Category category, final Instrument inst) throws IOException
    {
        final boolean fut = inst.isFutures();
        g.writeStartObject();
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("category", category.rest());
        g.writeStringField("isRwa", "NO");
        g.writeStringField("baseCoin", inst.baseCoin());
        g.writeStringField("quoteCoin", inst.quoteCoin());
        g.writeStringField("buyLimitPriceRatio", "0.05");
        g.writeStringField("sellLimitPriceRatio", "0.05");
        g.writeStringField("makerFeeRate", plain(fut ? futures.makerFee() : exchange.makerFee()));
        g.writeStringField("takerFeeRate", plain(fut ? futures.takerFee() : exchange.takerFee()));
        g.writeStringField("minOrderQty", fut ? inst.minTradeNum() : inst.size(1));
        g.writeStringField("maxOrderQty", "");
        g.writeStringField("pricePrecision", Integer.toString(inst.pricePrecision()));
        g.writeStringField("quantityPrecision", Integer.toString(inst.quantityPrecision()));
        g.writeStringField("quotePrecision", fut ? "" : Integer.toString(inst.pricePrecision() + inst.quantityPrecision()));
        if (fut)
        {
            g.writeStringField("feeRateUpRatio", "0.1");
            g.writeStringField("openCostUpRatio", "0.1");
            g.writeStringField("priceMultiplier", inst.price(1));
            g.writeStringField("quantityMultiplier", inst.size(1));
            g.writeStringField("type", "perpetual");
            g.writeStringField("symbolType", "crypto");
        }
        g.writeStringField("minOrderAmount", inst.minTradeUsdt());
        g.writeStringField("maxSymbolOrderNum", Integer.toString(Exchange.MAX_OPEN_PER_SYMBOL));
        g.writeStringField("maxProductOrderNum", "400");
        g.writeStringField("status", "online");
        g.writeStringField("offTime", "-1");
        g.writeStringField("limitOpenTime", "-1");
        g.writeStringField("maintainTime", "");
        if (fut)
        {
            g.writeStringField("maxPositionNum", "150");
            g.writeStringField("deliveryTime", "");
            g.writeStringField("deliveryStartTime", "");
            g.writeStringField("deliveryPeriod", "");
            g.writeStringField("launchTime", "");
            g.writeStringField("fundInterval", Long.toString(Math.max(1, futures.fundingIntervalMs() / 3_600_000L)));
            g.writeStringField("minLeverage", "1");
            g.writeStringField("maxLeverage", Integer.toString(inst.maxLeverage()));
            g.writeStringField("maxMarketOrderQty", "");
        }
        else
        {
            g.writeStringField("areaSymbol", "no");
        }
        g.writeEndObject();
    }

    /** The account's hold mode: {@code one_way_mode} or {@code hedge_mode}. */
    String holdMode()
    {
        return futures.positionMode();
    }

    /**
     * Sets the account-wide hold mode (§5.9).
     *
     * @return null, or "CODE message" (25010 while futures orders or positions are open)
     */
    String setHoldMode(final String mode)
    {
        if (mode.equals(futures.positionMode()))
        {
            return null;
        }
        if (!openOrders(V3Category.USDT_FUTURES, null).isEmpty() || !futures.openPositions(null).isEmpty())
        {
            return "25010 Unsupported position mode switch";
        }
        final String err = futures.setPositionMode(mode);
        return err == null ? null : "25010 Unsupported position mode switch";
    }

    /**
     * Sets the leverage of a futures symbol (§5.9; {@code posSide}/{@code coin} ignored: one leverage per symbol).
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
        final Instrument inst = instrument(category, symbol);
        if (inst == null)
        {
            return "25100 Trading pair " + symbol + " does not exist";
        }
        final int x;
        try
        {
            x = Integer.parseInt(leverage);
        }
        catch (final NumberFormatException ex)
        {
            return "25200 leverage validation error";
        }
        if (x < 1 || x > inst.maxLeverage())
        {
            return "25223 Exceeds Max. leverage";
        }
        final String mm = marginMode == null ? "" : marginMode.toLowerCase(java.util.Locale.ROOT);
        if (!mm.isEmpty() && !mm.equals(futures.marginMode(inst.key())) && futures.setMarginMode(inst.key(), mm) != null)
        {
            return "25200 marginMode validation error";
        }
        final String err = futures.setLeverage(inst.key(), x);
        return err == null ? null : "25228 Unable to update leverage for this position, insufficient margin!";
    }

    /** The {@code symbolConfigList} items of account settings (futures symbols: margin mode and leverage). */
    void writeSymbolConfigs(final JsonGenerator g) throws IOException
    {
        for (final Instrument inst : instruments(V3Category.USDT_FUTURES))
        {
            g.writeStartObject();
            g.writeStringField("category", V3Category.USDT_FUTURES.rest());
            g.writeStringField("symbol", inst.symbol());
            g.writeStringField("marginMode", futures.marginMode(inst.key()));
            g.writeStringField("leverage", Integer.toString(futures.leverage(inst.key())));
            g.writeEndObject();
        }
    }

    /**
     * Writes {@code "list":[...]} of current positions of a category if there are any.
     *
     * @return false if there is none (the caller writes {@code "list":null}, as observed live)
     */
    boolean writePositions(final JsonGenerator g, final V3Category category, final String symbol, final String posSide)
        throws IOException
    {
        if (category != V3Category.USDT_FUTURES)
        {
            return false;
        }
        final List<Position> list = new ArrayList<>();
        for (final Position p : futures.openPositions(null))
        {
            if ((symbol == null || symbol.equals(p.instrument.symbol())) && (posSide == null || posSide.equals(p.holdSide)))
            {
                list.add(p);
            }
        }
        if (list.isEmpty())
        {
            return false;
        }
        g.writeArrayFieldStart("list");
        for (final Position p : list)
        {
            writeRestPosition(g, p);
        }
        g.writeEndArray();
        return true;
    }

    private void writeRestPosition(final JsonGenerator g, final Position p) throws IOException
    {
        final Instrument inst = p.instrument;
        final BigDecimal mark = futures.markPrice(inst);
        final BigDecimal upl = p.unrealizedPnl(mark);
        final String size = inst.size(p.sizeLots);
        g.writeStartObject();
        g.writeStringField("category", V3Category.USDT_FUTURES.rest());
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        g.writeStringField("holdMode", futures.positionMode());
        g.writeStringField("posSide", p.holdSide);
        g.writeStringField("marginMode", p.marginMode);
        g.writeStringField("positionBalance", plain(p.margin));
        g.writeStringField("available", inst.size(p.closableLots()));
        g.writeStringField("frozen", inst.size(p.closingLots));
        g.writeStringField("total", size);
        g.writeStringField("leverage", Integer.toString(p.leverage));
        g.writeStringField("curRealisedPnl", plain(p.achievedProfits));
        g.writeStringField("avgPrice", plain(p.entryPrice));
        g.writeStringField("positionStatus", "normal");
        g.writeStringField("unrealisedPnl", plain(upl));
        g.writeStringField("liquidationPrice", "0");
        g.writeStringField("mmr", "0.004");
        g.writeStringField("profitRate", profitRate(p, upl));
        g.writeStringField("markPrice", mark.toPlainString());
        g.writeStringField("breakEvenPrice", plain(p.entryPrice));
        g.writeStringField("totalFunding", plain(p.totalFunding));
        g.writeStringField("openFeeTotal", plain(p.totalFee.negate()));
        g.writeStringField("closeFeeTotal", "0");
        g.writeStringField("createdTime", Long.toString(p.createdMs));
        g.writeStringField("updatedTime", Long.toString(p.updatedMs));
        g.writeEndObject();
    }

    private static String profitRate(final Position p, final BigDecimal upl)
    {
        return p.margin.signum() == 0 ? "0" : plain(upl.divide(p.margin, 6, RoundingMode.HALF_UP));
    }

    /** Element of the private {@code position} push (§8.5 names: size, liqPrice, totalFundingFee, marginSize). */
    void writePositionPush(final JsonGenerator g, final Position p) throws IOException
    {
        final Instrument inst = p.instrument;
        final BigDecimal mark = futures.markPrice(inst);
        final BigDecimal upl = p.unrealizedPnl(mark);
        g.writeStartObject();
        g.writeStringField("symbol", inst.symbol());
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        g.writeStringField("marginSize", plain(p.margin));
        g.writeStringField("marginMode", p.marginMode);
        g.writeStringField("posSide", p.holdSide);
        g.writeStringField("holdMode", futures.positionMode());
        g.writeStringField("positionStatus", p.sizeLots == 0 ? "ended" : "opening");
        g.writeStringField("size", inst.size(p.sizeLots));
        g.writeStringField("available", inst.size(p.closableLots()));
        g.writeStringField("frozen", inst.size(p.closingLots));
        g.writeStringField("avgPrice", plain(p.entryPrice));
        g.writeStringField("leverage", Integer.toString(p.leverage));
        g.writeStringField("curRealisedPnl", plain(p.achievedProfits));
        g.writeStringField("unrealisedPnl", plain(upl));
        g.writeStringField("liqPrice", "0");
        g.writeStringField("mmr", "0.004");
        g.writeStringField("marginRate", "0");
        g.writeStringField("markPrice", mark.toPlainString());
        g.writeStringField("breakEvenPrice", plain(p.entryPrice));
        g.writeStringField("profitRate", profitRate(p, upl));
        g.writeStringField("totalFundingFee", plain(p.totalFunding));
        g.writeStringField("openFeeTotal", plain(p.totalFee.negate()));
        g.writeStringField("closeFeeTotal", "0");
        g.writeStringField("createdTime", Long.toString(p.createdMs));
        g.writeStringField("updatedTime", Long.toString(p.updatedMs));
        g.writeEndObject();
    }

    /** Elements of the scheduled / on-subscribe {@code position} push: every open position. */
    void writePositionPushes(final JsonGenerator g) throws IOException
    {
        for (final Position p : futures.openPositions(null))
        {
            writePositionPush(g, p);
        }
    }

    /** USD value helper for the wallet: unrealised PnL of every open position. */
    BigDecimal unrealisedPnl()
    {
        return futures.unrealizedPnl();
    }

    /** Initial margin held by open positions (part of the USDT balance on a UTA account). */
    BigDecimal positionMargin()
    {
        return futures.positionMargin();
    }

    /** Quantity in lots of a decimal string for an instrument (see {@link Decimals#parse}). */
    static long lots(final Instrument inst, final String text)
    {
        return Decimals.parse(text, inst.quantityPrecision());
    }
}
