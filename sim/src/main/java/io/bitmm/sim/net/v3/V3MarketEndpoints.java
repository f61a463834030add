package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Level;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.RestApi;
import io.bitmm.sim.net.Venue;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Public v3 market data (§4): {@code GET /api/v3/market/instruments}, {@code orderbook} (levels as JSON numbers,
 * keys {@code a}/{@code b}), {@code tickers} and {@code fills} (recent public trades). {@code category} is required
 * (400172 without it, as observed live). Venue-thread only.
 */
final class V3MarketEndpoints
{
    private static final int BOOK_DEFAULT = 5;
    private static final int BOOK_MAX = 200;

    private final Venue venue;
    private final V3Options options;
    private final V3Products products;

    V3MarketEndpoints(final V3Streams streams)
    {
        this.venue = streams.venue();
        this.options = streams.options();
        this.products = streams.products();
    }

    private V3Category category(final Map<String, String> q, final RestApi.Reply out, final long now)
    {
        final V3Category c = V3Category.parse(q.get("category"), options.categoryCaseInsensitive());
        if (c == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
        }
        return c;
    }

    private Instrument instrument(final V3Category c, final Map<String, String> q, final RestApi.Reply out, final long now)
    {
        final Instrument inst = products.instrument(c, q.get("symbol"));
        if (inst == null)
        {
            V3RestApi.fail(out, "25100", "Trading pair " + q.get("symbol") + " does not exist", now);
        }
        return inst;
    }

    /** {@code GET /api/v3/market/instruments?category=&symbol=}. */
    void instruments(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = category(q, out, now);
        if (c == null)
        {
            return;
        }
        final String symbol = q.get("symbol");
        if (symbol != null && !symbol.isEmpty() && instrument(c, q, out, now) == null)
        {
            return;
        }
        Rest.ok(out, now, g ->
        {
            g.writeStartArray();
            for (final Instrument inst : products.instruments(c))
            {
                if (symbol == null || symbol.isEmpty() || symbol.equals(inst.symbol()))
                {
                    products.writeInstrument(g, c, inst);
                }
            }
            g.writeEndArray();
        }, null);
    }

    /** {@code GET /api/v3/market/orderbook?category=&symbol=&limit=} (default 5, max 200 levels; numbers). */
    void orderbook(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = category(q, out, now);
        final Instrument inst = c == null ? null : instrument(c, q, out, now);
        if (inst == null)
        {
            return;
        }
        final int limit = Rest.intParam(q, "limit", BOOK_DEFAULT, BOOK_MAX);
        final OrderBook book = products.book(c, inst);
        final StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"a\":");
        numberLevels(sb, book, Side.SELL, inst, limit);
        sb.append(",\"b\":");
        numberLevels(sb, book, Side.BUY, inst, limit);
        sb.append(",\"ts\":\"").append(now).append("\"}");
        Rest.ok(out, now, null, sb.toString());
    }

    /** Levels as {@code [[price,size],...]} JSON numbers (trailing zeros dropped, as numbers lose them). */
    private static void numberLevels(final StringBuilder sb, final OrderBook book, final Side side, final Instrument inst, final int limit)
    {
        sb.append('[');
        int n = 0;
        for (final Level level : book.side(side).values())
        {
            if (n == limit)
            {
                break;
            }
            if (n++ > 0)
            {
                sb.append(',');
            }
            sb.append('[').append(number(inst.price(level.priceTicks))).append(',').append(number(inst.size(level.totalLots))).append(']');
        }
        sb.append(']');
    }

    private static String number(final String fixed)
    {
        if (fixed.indexOf('.') < 0)
        {
            return fixed;
        }
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0')
        {
            end--;
        }
        if (fixed.charAt(end - 1) == '.')
        {
            end--;
        }
        return fixed.substring(0, end);
    }

    /** {@code GET /api/v3/market/tickers?category=[&symbol=]}. */
    void tickers(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = category(q, out, now);
        if (c == null)
        {
            return;
        }
        final String symbol = q.get("symbol");
        if (symbol != null && !symbol.isEmpty() && instrument(c, q, out, now) == null)
        {
            return;
        }
        Rest.ok(out, now, g ->
        {
            g.writeStartArray();
            for (final Instrument inst : products.instruments(c))
            {
                if (symbol == null || symbol.isEmpty() || symbol.equals(inst.symbol()))
                {
                    writeStrings(g, products.ticker(venue, c, inst, now));
                }
            }
            g.writeEndArray();
        }, null);
    }

    private static void writeStrings(final JsonGenerator g, final Map<String, String> m) throws IOException
    {
        g.writeStartObject();
        for (final Map.Entry<String, String> e : m.entrySet())
        {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** {@code GET /api/v3/market/fills?category=&symbol=&limit=} (≤ 100, newest first; {@code side} = taker side). */
    void fills(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = category(q, out, now);
        final Instrument inst = c == null ? null : instrument(c, q, out, now);
        if (inst == null)
        {
            return;
        }
        final int limit = Rest.intParam(q, "limit", 100, 100);
        final ArrayDeque<String[]> trades = venue.recentTrades(products.bookKey(c, inst));
        Rest.ok(out, now, g ->
        {
            g.writeStartArray();
            int n = 0;
            for (final String[] t : trades)
            {
                if (n++ == limit)
                {
                    break;
                }
                g.writeStartObject();
                g.writeStringField("execId", t[0]);
                g.writeStringField("execLinkId", t[0]);
                g.writeStringField("price", t[2]);
                g.writeStringField("size", t[3]);
                g.writeStringField("side", t[1]);
                g.writeStringField("ts", t[4]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }, null);
    }
}
