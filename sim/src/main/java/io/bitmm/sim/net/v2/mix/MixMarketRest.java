package io.bitmm.sim.net.v2.mix;

import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.util.Locale;
import java.util.Map;

/**
 * v2 futures public market data (§4.3–§4.5): contracts, merge-depth/orderbook, ticker(s), recent fills, current
 * funding rate, mark/index price. Only {@code USDT-FUTURES} is listed; other product types answer an empty list.
 */
public final class MixMarketRest
{
    private final Venue venue;
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public MixMarketRest(final Venue venue, final V2Rest rest)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        rest.publicGet("/api/v2/mix/market/contracts", 20, this::contracts);
        rest.publicGet("/api/v2/mix/market/merge-depth", 20, this::depth);
        rest.publicGet("/api/v2/mix/market/orderbook", 20, this::depth);
        rest.publicGet("/api/v2/mix/market/ticker", 20, c -> tickers(c, true));
        rest.publicGet("/api/v2/mix/market/tickers", 20, c -> tickers(c, false));
        rest.publicGet("/api/v2/mix/market/fills", 20, this::fills);
        rest.publicGet("/api/v2/mix/market/fills-history", 10, this::fills);
        rest.publicGet("/api/v2/mix/market/current-fund-rate", 20, this::fundingRate);
        rest.publicGet("/api/v2/mix/market/symbol-price", 20, this::symbolPrice);
    }

    private boolean usdtFutures(final V2Rest.Call c)
    {
        final String pt = c.query().get("productType");
        return pt != null && MixViews.PRODUCT_TYPE.equals(pt.toUpperCase(Locale.ROOT));
    }

    private void contracts(final V2Rest.Call c)
    {
        final String symbol = MixSupport.symbolFilter(c.query());
        final boolean listed = usdtFutures(c);
        c.ok(g ->
        {
            g.writeStartArray();
            for (final Instrument i : exchange.instruments().values())
            {
                if (listed && i.isFutures() && (symbol == null || symbol.equals(i.symbol())))
                {
                    MixViews.contract(g, i, exchange.futures());
                }
            }
            g.writeEndArray();
        });
    }

    private void depth(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst == null)
        {
            return;
        }
        final String limitText = c.query().get("limit");
        final int limit = "max".equals(limitText) ? 400 : Rest.intParam(c.query(), "limit", 100, 400);
        final OrderBook book = exchange.book(inst.key());
        final StringBuilder sb = new StringBuilder(8192);
        sb.append("{\"asks\":");
        book.appendLevels(sb, Side.SELL, limit);
        sb.append(",\"bids\":");
        book.appendLevels(sb, Side.BUY, limit);
        sb.append(",\"ts\":\"").append(c.now()).append("\",\"scale\":\"").append(inst.price(1))
            .append("\",\"precision\":\"scale0\",\"isMaxPrecision\":\"YES\"}");
        c.okRaw(sb.toString());
    }

    private void tickers(final V2Rest.Call c, final boolean single)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final String symbol = MixSupport.symbolFilter(c.query());
        if (single && MixSupport.perpetual(c, exchange, symbol) == null)
        {
            return;
        }
        c.ok(g ->
        {
            g.writeStartArray();
            for (final Instrument i : exchange.instruments().values())
            {
                if (!i.isFutures() || single && !i.symbol().equals(symbol))
                {
                    continue;
                }
                g.writeStartObject();
                for (final Map.Entry<String, String> e : MixViews.tickerFields(venue, i, c.now()).entrySet())
                {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private void fills(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst == null)
        {
            return;
        }
        final int limit = Rest.intParam(c.query(), "limit", 100, 100);
        c.ok(g ->
        {
            g.writeStartArray();
            int n = 0;
            for (final String[] t : venue.recentTrades(inst.key()))
            {
                if (n++ == limit)
                {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("tradeId", t[0]);
                g.writeStringField("price", t[2]);
                g.writeStringField("size", t[3]);
                g.writeStringField("side", t[1]);
                g.writeStringField("ts", t[4]);
                g.writeStringField("symbol", inst.symbol());
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private void fundingRate(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst == null)
        {
            return;
        }
        final var f = exchange.futures();
        c.okRaw("[{\"symbol\":\"" + inst.symbol() + "\",\"fundingRate\":\"" + f.fundingRate().stripTrailingZeros().toPlainString()
            + "\",\"fundingRateInterval\":\"" + Math.max(1, f.fundingIntervalMs() / 3_600_000L) + "\",\"nextUpdate\":\""
            + f.nextFundingMs() + "\",\"minFundingRate\":\"-0.003\",\"maxFundingRate\":\"0.003\"}]");
    }

    private void symbolPrice(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst == null)
        {
            return;
        }
        final Map<String, String> t = MixViews.tickerFields(venue, inst, c.now());
        c.okRaw("[{\"symbol\":\"" + inst.symbol() + "\",\"price\":\"" + t.get("lastPr") + "\",\"indexPrice\":\"" + t.get("indexPrice")
            + "\",\"markPrice\":\"" + t.get("markPrice") + "\",\"ts\":\"" + c.now() + "\"}]");
    }
}
