package io.bitmm.sim.net.v2.mix;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Decimals;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** v2 futures ("mix") wire shapes: contracts, tickers, orders, fills, positions, accounts (§4.3, §6, §12). */
public final class MixViews
{
    /** The v2 product type served. */
    public static final String PRODUCT_TYPE = "USDT-FUTURES";

    private MixViews()
    {
    }

    private static String plain(final BigDecimal v)
    {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    /** v2 {@code status}: live, partially_filled, filled, canceled. */
    static String status(final Order o)
    {
        return "cancelled".equals(o.status) ? "canceled" : o.status;
    }

    /**
     * The v2 {@code side}: the trade direction, except for a hedge-mode close where v2 names the position
     * (close long = {@code buy}).
     */
    static String side(final Order o)
    {
        if (Futures.HEDGE.equals(o.posMode) && "close".equals(o.tradeSide))
        {
            return "long".equals(o.posSide) ? "buy" : "sell";
        }
        return o.side.wire();
    }

    static String tradeSide(final Order o)
    {
        if (Futures.HEDGE.equals(o.posMode))
        {
            return o.tradeSide;
        }
        return (o.reduceOnly ? "reduce_" : "") + o.side.wire() + "_single";
    }

    static String posSide(final Order o)
    {
        return Futures.HEDGE.equals(o.posMode) ? o.posSide : "net";
    }

    static String price(final Order o)
    {
        return "market".equals(o.orderType) ? "" : o.instrument.price(o.priceTicks);
    }

    static String priceAvg(final Order o)
    {
        return o.filledLots == 0 ? "" : o.priceAvg();
    }

    /** Contract config ({@code mix/market/contracts}, §4.3). */
    static void contract(final JsonGenerator g, final Instrument i, final Futures f) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("symbol", i.symbol());
        g.writeStringField("baseCoin", i.baseCoin());
        g.writeStringField("quoteCoin", i.quoteCoin());
        g.writeStringField("buyLimitPriceRatio", "0.05");
        g.writeStringField("sellLimitPriceRatio", "0.05");
        g.writeStringField("feeRateUpRatio", "0.005");
        g.writeStringField("makerFeeRate", plain(f.makerFee()));
        g.writeStringField("takerFeeRate", plain(f.takerFee()));
        g.writeStringField("openCostUpRatio", "0.01");
        g.writeArrayFieldStart("supportMarginCoins");
        g.writeString(Futures.MARGIN_COIN);
        g.writeEndArray();
        g.writeStringField("minTradeNum", i.minTradeNum());
        g.writeStringField("priceEndStep", "1");
        g.writeStringField("volumePlace", Integer.toString(i.quantityPrecision()));
        g.writeStringField("pricePlace", Integer.toString(i.pricePrecision()));
        g.writeStringField("sizeMultiplier", i.size(1));
        g.writeStringField("symbolType", "perpetual");
        g.writeStringField("minTradeUSDT", i.minTradeUsdt());
        g.writeStringField("maxSymbolOrderNum", "200");
        g.writeStringField("maxProductOrderNum", "1000");
        g.writeStringField("maxPositionNum", "200");
        g.writeStringField("symbolStatus", "normal");
        g.writeStringField("offTime", "-1");
        g.writeStringField("limitOpenTime", "-1");
        g.writeStringField("deliveryTime", "");
        g.writeStringField("deliveryStartTime", "");
        g.writeStringField("deliveryPeriod", "");
        g.writeStringField("launchTime", "");
        g.writeStringField("fundInterval", Long.toString(Math.max(1, f.fundingIntervalMs() / 3_600_000L)));
        g.writeStringField("minLever", "1");
        g.writeStringField("maxLever", Integer.toString(i.maxLeverage()));
        g.writeStringField("posLimit", "0.1");
        g.writeStringField("maintainTime", "");
        g.writeStringField("maxMarketOrderQty", "220");
        g.writeStringField("maxOrderQty", "1200");
        g.writeStringField("isRwa", "NO");
        g.writeEndObject();
    }

    /** Ticker fields (REST {@code mix/market/ticker(s)} and WS {@code ticker}). */
    static Map<String, String> tickerFields(final Venue venue, final Instrument inst, final long now)
    {
        final OrderBook book = venue.exchange().book(inst.key());
        final Futures f = venue.exchange().futures();
        final TickerStats tk = venue.tickerStats(inst.key());
        final long bid = Math.max(0, book.bestBid());
        final long ask = Math.max(0, book.bestAsk());
        final String last = tk.last == null ? inst.price(bid > 0 && ask > 0 ? (bid + ask) / 2 : bid) : tk.last;
        final String open = BigDecimal.valueOf(tk.open).setScale(inst.pricePrecision(), RoundingMode.HALF_UP).toPlainString();
        final String change = BigDecimal.valueOf((Double.parseDouble(last) - tk.open) / tk.open).setScale(4, RoundingMode.HALF_UP)
            .toPlainString();
        BigDecimal holding = BigDecimal.ZERO;
        for (final Position p : f.openPositions(inst.key()))
        {
            holding = holding.add(p.size());
        }
        final Map<String, String> m = new LinkedHashMap<>();
        m.put("symbol", inst.symbol());
        m.put("lastPr", last);
        m.put("askPr", inst.price(ask));
        m.put("bidPr", inst.price(bid));
        m.put("bidSz", inst.size(bid > 0 ? book.side(Side.BUY).firstEntry().getValue().totalLots : 0));
        m.put("askSz", inst.size(ask > 0 ? book.side(Side.SELL).firstEntry().getValue().totalLots : 0));
        m.put("high24h", tk.high == null ? last : tk.high);
        m.put("low24h", tk.low == null ? last : tk.low);
        m.put("ts", Long.toString(now));
        m.put("change24h", change);
        m.put("baseVolume", tk.baseVolume.toPlainString());
        m.put("quoteVolume", tk.quoteVolume.toPlainString());
        m.put("usdtVolume", tk.quoteVolume.toPlainString());
        m.put("openUtc", open);
        m.put("changeUtc24h", change);
        m.put("indexPrice", f.indexPrice(inst).toPlainString());
        m.put("fundingRate", plain(f.fundingRate()));
        m.put("holdingAmount", plain(holding));
        m.put("deliveryStatus", "");
        m.put("open24h", open);
        m.put("markPrice", f.markPrice(inst).toPlainString());
        m.put("nextFundingTime", Long.toString(f.nextFundingMs()));
        m.put("symbolType", "perpetual");
        m.put("deliveryPrice", "0");
        return m;
    }

    /** REST order ({@code orders-pending}, {@code orders-history}, {@code detail}). */
    static void restOrder(final JsonGenerator g, final Order o) throws IOException
    {
        g.writeStartObject();
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("size", o.instrument.size(o.sizeLots));
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("baseVolume", o.instrument.size(o.filledLots));
        g.writeStringField("fee", o.feeTotal.signum() == 0 ? "0" : plain(o.feeTotal.negate()));
        g.writeStringField("price", price(o));
        g.writeStringField("priceAvg", priceAvg(o));
        g.writeStringField("status", status(o));
        g.writeStringField("state", status(o));
        g.writeStringField("side", side(o));
        g.writeStringField("force", o.force);
        g.writeStringField("totalProfits", plain(o.pnl));
        g.writeStringField("posSide", posSide(o));
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        g.writeStringField("quoteVolume", plain(o.quoteVolume()));
        g.writeStringField("leverage", Integer.toString(o.leverage));
        g.writeStringField("marginMode", o.marginMode);
        g.writeStringField("reduceOnly", o.reduceOnly ? "YES" : "NO");
        g.writeStringField("enterPointSource", "API");
        g.writeStringField("tradeSide", tradeSide(o));
        g.writeStringField("posMode", o.posMode);
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("orderSource", "normal");
        g.writeStringField("cancelReason", o.cancelReason);
        g.writeStringField("presetStopSurplusPrice", "");
        g.writeStringField("presetStopLossPrice", "");
        g.writeStringField("cTime", Long.toString(o.createdMs));
        g.writeStringField("uTime", Long.toString(o.updatedMs));
        g.writeEndObject();
    }

    /** The fee detail of a fill (negative = paid, v2 convention). */
    private static void feeDetail(final JsonGenerator g, final Fill f) throws IOException
    {
        g.writeArrayFieldStart("feeDetail");
        g.writeStartObject();
        g.writeStringField("deduction", "no");
        g.writeStringField("feeCoin", f.feeCoin());
        g.writeStringField("totalDeductionFee", "0");
        g.writeStringField("totalFee", f.fee().signum() == 0 ? "0" : plain(f.fee().negate()));
        g.writeEndObject();
        g.writeEndArray();
    }

    private static BigDecimal quote(final Fill f)
    {
        final Instrument i = f.order().instrument;
        return Decimals.big(f.priceTicks(), i.pricePrecision()).multiply(Decimals.big(f.lots(), i.quantityPrecision()));
    }

    /** REST fill ({@code mix/order/fills}). */
    static void restFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        g.writeStartObject();
        g.writeStringField("tradeId", Long.toString(f.tradeId()));
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("price", o.instrument.price(f.priceTicks()));
        g.writeStringField("baseVolume", o.instrument.size(f.lots()));
        feeDetail(g, f);
        g.writeStringField("side", side(o));
        g.writeStringField("quoteVolume", plain(quote(f)));
        g.writeStringField("profit", plain(f.pnl()));
        g.writeStringField("enterPointSource", "API");
        g.writeStringField("tradeSide", tradeSide(o));
        g.writeStringField("posMode", o.posMode);
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        g.writeStringField("cTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }

    /** WS {@code fill} item (futures shape, §12). */
    static void wsFill(final JsonGenerator g, final Fill f) throws IOException
    {
        final Order o = f.order();
        g.writeStartObject();
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("tradeId", Long.toString(f.tradeId()));
        g.writeStringField("symbol", o.instrument.symbol());
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("side", side(o));
        g.writeStringField("price", o.instrument.price(f.priceTicks()));
        g.writeStringField("baseVolume", o.instrument.size(f.lots()));
        g.writeStringField("quoteVolume", plain(quote(f)));
        g.writeStringField("profit", plain(f.pnl()));
        g.writeStringField("tradeSide", tradeSide(o));
        g.writeStringField("posMode", o.posMode);
        g.writeStringField("tradeScope", f.maker() ? "maker" : "taker");
        feeDetail(g, f);
        g.writeStringField("cTime", Long.toString(f.timeMs()));
        g.writeStringField("uTime", Long.toString(f.timeMs()));
        g.writeEndObject();
    }

    /** WS {@code orders} item (futures shape, §12). */
    static void wsOrder(final JsonGenerator g, final Order o, final Fill f) throws IOException
    {
        final Instrument i = o.instrument;
        g.writeStartObject();
        g.writeStringField("orderId", Long.toString(o.orderId));
        g.writeStringField("clientOid", o.clientOid);
        g.writeStringField("instId", i.symbol());
        g.writeStringField("price", price(o));
        g.writeStringField("size", i.size(o.sizeLots));
        g.writeStringField("orderType", o.orderType);
        g.writeStringField("force", o.force);
        g.writeStringField("side", side(o));
        g.writeStringField("posSide", posSide(o));
        g.writeStringField("tradeSide", tradeSide(o));
        g.writeStringField("posMode", o.posMode);
        g.writeStringField("marginMode", o.marginMode);
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        g.writeStringField("leverage", Integer.toString(o.leverage));
        g.writeStringField("reduceOnly", o.reduceOnly ? "yes" : "no");
        if (f != null)
        {
            g.writeStringField("fillPrice", i.price(f.priceTicks()));
            g.writeStringField("tradeId", Long.toString(f.tradeId()));
            g.writeStringField("baseVolume", i.size(f.lots()));
            g.writeStringField("fillTime", Long.toString(f.timeMs()));
            g.writeStringField("fillFee", f.fee().signum() == 0 ? "0" : plain(f.fee().negate()));
            g.writeStringField("fillFeeCoin", f.feeCoin());
            g.writeStringField("tradeScope", f.maker() ? "M" : "T");
            g.writeStringField("fillNotionalUsd", plain(quote(f)));
            g.writeStringField("pnl", plain(f.pnl()));
        }
        g.writeStringField("accBaseVolume", i.size(o.filledLots));
        g.writeStringField("priceAvg", o.filledLots == 0 ? "0" : o.priceAvg());
        g.writeStringField("totalProfits", plain(o.pnl));
        g.writeStringField("status", status(o));
        g.writeStringField("cancelReason", o.cancelReason);
        g.writeArrayFieldStart("feeDetail");
        if (o.feeTotal.signum() != 0)
        {
            g.writeStartObject();
            g.writeStringField("feeCoin", Futures.MARGIN_COIN);
            g.writeStringField("fee", plain(o.feeTotal.negate()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("notionalUsd", "market".equals(o.orderType) ? "0"
            : plain(Decimals.big(o.priceTicks, i.pricePrecision()).multiply(Decimals.big(o.sizeLots, i.quantityPrecision()))));
        g.writeStringField("stpMode", o.stpMode);
        g.writeStringField("enterPointSource", "API");
        g.writeStringField("presetStopSurplusPrice", "");
        g.writeStringField("presetStopLossPrice", "");
        g.writeStringField("cTime", Long.toString(o.createdMs));
        g.writeStringField("uTime", Long.toString(o.updatedMs));
        g.writeEndObject();
    }

    /** Position: REST {@code all-position}/{@code single-position} or WS {@code positions} (ws: instId, posId, numeric leverage). */
    static void position(final JsonGenerator g, final Position p, final Futures f, final String posMode, final boolean ws)
        throws IOException
    {
        final Instrument i = p.instrument;
        final BigDecimal mark = f.markPrice(i);
        final BigDecimal upl = p.unrealizedPnl(mark);
        g.writeStartObject();
        if (ws)
        {
            g.writeStringField("posId", Long.toString(p.posId));
            g.writeStringField("instId", i.symbol());
        }
        else
        {
            g.writeStringField("symbol", i.symbol());
        }
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        g.writeStringField("holdSide", p.holdSide);
        g.writeStringField("posMode", posMode);
        g.writeStringField("openDelegateSize", "0");
        g.writeStringField("marginSize", plain(p.margin));
        g.writeStringField("marginMode", p.marginMode);
        g.writeStringField("total", i.size(p.sizeLots));
        g.writeStringField("available", i.size(p.sizeLots - p.closingLots));
        g.writeStringField(ws ? "frozen" : "locked", i.size(p.closingLots));
        g.writeStringField("openPriceAvg", p.sizeLots == 0 ? "0" : plain(p.entryPrice));
        if (ws)
        {
            g.writeNumberField("leverage", p.leverage);
        }
        else
        {
            g.writeStringField("leverage", Integer.toString(p.leverage));
        }
        g.writeStringField("achievedProfits", plain(p.achievedProfits));
        g.writeStringField("unrealizedPL", plain(upl));
        if (ws)
        {
            g.writeStringField("unrealizedPLR", p.margin.signum() == 0 ? "0" : plain(upl.divide(p.margin, 8, RoundingMode.HALF_UP)));
        }
        g.writeStringField("liquidationPrice", "0");
        g.writeStringField("keepMarginRate", "0.004");
        g.writeStringField(ws ? "marginRate" : "marginRatio", "0");
        g.writeStringField("breakEvenPrice", p.sizeLots == 0 ? "0" : plain(p.entryPrice));
        g.writeStringField("totalFee", plain(p.totalFunding));
        g.writeStringField("deductedFee", plain(p.totalFee));
        g.writeStringField("markPrice", mark.toPlainString());
        g.writeStringField("assetMode", "single");
        if (ws)
        {
            g.writeStringField("autoMargin", "off");
        }
        else
        {
            g.writeStringField("takeProfit", "");
            g.writeStringField("stopLoss", "");
        }
        g.writeStringField("cTime", Long.toString(p.createdMs));
        g.writeStringField("uTime", Long.toString(p.updatedMs));
        g.writeEndObject();
    }

    /** The USDT-M futures account: REST {@code accounts}/{@code account} or WS {@code account}. */
    static void account(final JsonGenerator g, final Futures f, final boolean ws) throws IOException
    {
        final Balance b = f.margin();
        final BigDecimal equity = f.equity();
        final BigDecimal upl = f.unrealizedPnl();
        final BigDecimal maxOpen = b.available.max(BigDecimal.ZERO);
        g.writeStartObject();
        g.writeStringField("marginCoin", Futures.MARGIN_COIN);
        if (ws)
        {
            g.writeStringField("frozen", plain(b.frozen));
            g.writeStringField("available", plain(b.available));
            g.writeStringField("maxOpenPosAvailable", plain(maxOpen));
            g.writeStringField("maxTransferOut", plain(maxOpen));
            g.writeStringField("equity", plain(equity));
            g.writeStringField("usdtEquity", plain(equity));
            g.writeStringField("crossedRiskRate", "0");
            g.writeStringField("unrealizedPL", plain(upl));
            g.writeStringField("assetsMode", "single");
        }
        else
        {
            g.writeStringField("locked", plain(b.frozen));
            g.writeStringField("available", plain(b.available));
            g.writeStringField("crossedMaxAvailable", plain(maxOpen));
            g.writeStringField("isolatedMaxAvailable", plain(maxOpen));
            g.writeStringField("maxTransferOut", plain(maxOpen));
            g.writeStringField("accountEquity", plain(equity));
            g.writeStringField("usdtEquity", plain(equity));
            g.writeStringField("btcEquity", "0");
            g.writeStringField("crossedRiskRate", "0");
            g.writeStringField("unrealizedPL", plain(upl));
            g.writeStringField("coupon", "0");
            g.writeStringField("crossedMargin", plain(f.positionMargin()));
            g.writeStringField("isolatedMargin", "0");
            g.writeStringField("crossedUnrealizedPL", plain(upl));
            g.writeStringField("isolatedUnrealizedPL", "0");
            g.writeStringField("assetMode", "single");
        }
        g.writeEndObject();
    }
}
