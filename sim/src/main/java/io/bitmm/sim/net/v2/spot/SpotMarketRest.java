package io.bitmm.sim.net.v2.spot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** v2 spot public market data (§4): symbols, coins, order book, merge-depth, tickers, recent fills. */
public final class SpotMarketRest
{
    private final Venue venue;
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public SpotMarketRest(final Venue venue, final V2Rest rest)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        rest.publicGet("/api/v2/spot/public/symbols", 20, c -> c.ok(g -> symbols(g, c.query().get("symbol"))));
        rest.publicGet("/api/v2/spot/public/coins", 3, c -> c.ok(this::coins));
        rest.publicGet("/api/v2/spot/market/orderbook", 20, this::orderbook);
        rest.publicGet("/api/v2/spot/market/merge-depth", 20, this::orderbook);
        rest.publicGet("/api/v2/spot/market/tickers", 20, c -> c.ok(g -> tickers(g, c.query().get("symbol"), c.now())));
        rest.publicGet("/api/v2/spot/market/fills", 10, this::marketFills);
        rest.publicGet("/api/v2/spot/market/fills-history", 10, this::marketFills);
    }

    private void symbols(final JsonGenerator g, final String symbol) throws IOException
    {
        g.writeStartArray();
        for (final Instrument i : exchange.instruments().values())
        {
            if (i.isFutures() || symbol != null && !symbol.equals(i.symbol()))
            {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("symbol", i.symbol());
            g.writeStringField("baseCoin", i.baseCoin());
            g.writeStringField("quoteCoin", i.quoteCoin());
            g.writeStringField("minTradeAmount", "0");
            g.writeStringField("maxTradeAmount", "900000000000000000000");
            g.writeStringField("takerFeeRate", exchange.takerFee().toPlainString());
            g.writeStringField("makerFeeRate", exchange.makerFee().toPlainString());
            g.writeStringField("pricePrecision", Integer.toString(i.pricePrecision()));
            g.writeStringField("quantityPrecision", Integer.toString(i.quantityPrecision()));
            g.writeStringField("quotePrecision", "8");
            g.writeStringField("status", "online");
            g.writeStringField("minTradeUSDT", i.minTradeUsdt());
            g.writeStringField("buyLimitPriceRatio", "0.05");
            g.writeStringField("sellLimitPriceRatio", "0.05");
            g.writeStringField("areaSymbol", "no");
            g.writeStringField("orderQuantity", "200");
            g.writeStringField("openTime", "1532454360000");
            g.writeStringField("offTime", "");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void coins(final JsonGenerator g) throws IOException
    {
        final List<String> coins = new ArrayList<>();
        for (final Instrument i : exchange.instruments().values())
        {
            if (i.isFutures())
            {
                continue;
            }
            if (!coins.contains(i.baseCoin()))
            {
                coins.add(i.baseCoin());
            }
            if (!coins.contains(i.quoteCoin()))
            {
                coins.add(i.quoteCoin());
            }
        }
        g.writeStartArray();
        int id = 1;
        for (final String c : coins)
        {
            g.writeStartObject();
            g.writeStringField("coinId", Integer.toString(id++));
            g.writeStringField("coin", c);
            g.writeStringField("transfer", "true");
            g.writeArrayFieldStart("chains");
            g.writeStartObject();
            g.writeStringField("chain", c);
            g.writeStringField("needTag", "false");
            g.writeStringField("withdrawable", "true");
            g.writeStringField("rechargeable", "true");
            g.writeStringField("withdrawFee", "0.0001");
            g.writeStringField("extraWithdrawFee", "0");
            g.writeStringField("depositConfirm", "1");
            g.writeStringField("withdrawConfirm", "1");
            g.writeStringField("minDepositAmount", "0.0001");
            g.writeStringField("minWithdrawAmount", "0.001");
            g.writeStringField("browserUrl", "");
            g.writeStringField("contractAddress", "");
            g.writeStringField("withdrawStep", "0");
            g.writeStringField("withdrawMinScale", "8");
            g.writeStringField("congestion", "normal");
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void orderbook(final V2Rest.Call c)
    {
        final Map<String, String> q = c.query();
        final Instrument inst = exchange.instruments().get(q.get("symbol"));
        if (inst == null)
        {
            c.fail("40034", "Parameter symbol does not exist");
            return;
        }
        final boolean merge = c.req().path().endsWith("merge-depth");
        final String limitText = q.get("limit");
        final int limit = merge && "max".equals(limitText) ? 400 : Rest.intParam(q, "limit", merge ? 100 : 150, merge ? 400 : 150);
        final OrderBook book = exchange.book(inst.symbol());
        final StringBuilder sb = new StringBuilder(8192);
        sb.append("{\"asks\":");
        book.appendLevels(sb, Side.SELL, limit);
        sb.append(",\"bids\":");
        book.appendLevels(sb, Side.BUY, limit);
        if (merge)
        {
            sb.append(",\"scale\":\"").append(inst.price(1)).append("\",\"precision\":\"scale0\",\"isMaxPrecision\":\"YES\"");
        }
        sb.append(",\"ts\":\"").append(c.now()).append("\"}");
        c.okRaw(sb.toString());
    }

    private void tickers(final JsonGenerator g, final String symbol, final long now) throws IOException
    {
        g.writeStartArray();
        for (final Instrument i : exchange.instruments().values())
        {
            if (i.isFutures() || symbol != null && !symbol.equals(i.symbol()))
            {
                continue;
            }
            final Map<String, String> t = SpotViews.tickerFields(venue, i, now);
            t.remove("open24h");
            g.writeStartObject();
            for (final Map.Entry<String, String> e : t.entrySet())
            {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void marketFills(final V2Rest.Call c)
    {
        final String symbol = c.query().get("symbol");
        if (!exchange.instruments().containsKey(symbol))
        {
            c.fail("40034", "Parameter symbol does not exist");
            return;
        }
        final int limit = Rest.intParam(c.query(), "limit", 100, 500);
        c.ok(g ->
        {
            g.writeStartArray();
            int n = 0;
            for (final String[] t : venue.recentTrades(symbol))
            {
                if (n++ == limit)
                {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("symbol", symbol);
                g.writeStringField("tradeId", t[0]);
                g.writeStringField("side", t[1]);
                g.writeStringField("price", t[2]);
                g.writeStringField("size", t[3]);
                g.writeStringField("ts", t[4]);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }
}
