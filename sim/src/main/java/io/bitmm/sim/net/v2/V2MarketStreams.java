package io.bitmm.sim.net.v2;

import io.bitmm.sim.Faults;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsSession;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public v2 channels of one {@code instType}, the same for spot and futures (§10, §11): {@code books}
 * (snapshot, then updates with {@code seq} and the CRC32 checksum over the exact strings sent, with the
 * skip/corrupt faults), {@code books1/5/15} (snapshots, checksum 0), {@code trade}, {@code ticker}. Subclasses add
 * the private channels and the ticker fields. Subscription keys are {@code prefix + channel + ":" + symbol}.
 */
public abstract class V2MarketStreams implements V2Streams
{
    protected final Venue venue;
    protected final Exchange exchange;
    protected final Faults faults;
    private final String instType;
    private final String category;
    private final String keyPrefix;
    /** Per exchange key of this category: the books seq. */
    private final Map<String, long[]> seqs = new LinkedHashMap<>();
    /** Bare symbol to exchange key. */
    private final Map<String, String> symbols = new LinkedHashMap<>();
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    /**
     * @param venue     the venue
     * @param instType  the wire {@code instType}, e.g. {@code SPOT}
     * @param category  the instruments' category ({@link Instrument#SPOT} or {@link Instrument#USDT_FUTURES})
     * @param keyPrefix prefix of this instType's subscription keys ("" for spot)
     */
    protected V2MarketStreams(final Venue venue, final String instType, final String category, final String keyPrefix)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        this.faults = venue.faults();
        this.instType = instType;
        this.category = category;
        this.keyPrefix = keyPrefix;
        for (final Instrument inst : exchange.instruments().values())
        {
            if (inst.category().equals(category))
            {
                seqs.put(inst.key(), new long[] {1000});
                symbols.put(inst.symbol(), inst.key());
            }
        }
    }

    @Override
    public String instType()
    {
        return instType;
    }

    /** The instrument of a bare symbol of this category, or null. */
    protected Instrument instrument(final String symbol)
    {
        final String key = symbol == null ? null : symbols.get(symbol);
        return key == null ? null : exchange.instruments().get(key);
    }

    /** The bare symbols of this category. */
    protected Iterable<String> symbols()
    {
        return symbols.keySet();
    }

    /** True if the instrument belongs to this instType. */
    protected boolean mine(final Instrument inst)
    {
        return inst.category().equals(category);
    }

    @Override
    public boolean isPublicChannel(final String channel)
    {
        return "books".equals(channel) || "books1".equals(channel) || "books5".equals(channel)
            || "books15".equals(channel) || "trade".equals(channel) || "ticker".equals(channel);
    }

    @Override
    public boolean knownInstId(final String instId, final boolean privateChannel)
    {
        return privateChannel ? "default".equals(instId) || symbols.containsKey(instId) : symbols.containsKey(instId);
    }

    @Override
    public String key(final String channel, final String instId)
    {
        return keyPrefix + channel + ":" + instId;
    }

    @Override
    public boolean hasBooksSubscriber()
    {
        for (final String symbol : symbols.keySet())
        {
            final List<WsSession> subs = venue.subscribers(key("books", symbol));
            if (subs != null && !subs.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasBooksSubscriber(final String exchangeKey)
    {
        if (!seqs.containsKey(exchangeKey))
        {
            return false;
        }
        final String symbol = exchange.instruments().get(exchangeKey).symbol();
        return watched(key("books", symbol)) || watched(key("books1", symbol)) || watched(key("books5", symbol))
            || watched(key("books15", symbol));
    }

    private boolean watched(final String subscriptionKey)
    {
        final List<WsSession> subs = venue.subscribers(subscriptionKey);
        return subs != null && !subs.isEmpty();
    }

    @Override
    public void publishBooks(final String exchangeKey, final long now)
    {
        final long[] seqHolder = seqs.get(exchangeKey);
        if (seqHolder == null)
        {
            return;
        }
        final OrderBook book = exchange.book(exchangeKey);
        final String symbol = book.instrument().symbol();
        final long seq = ++seqHolder[0];
        final List<WsSession> subs = venue.subscribers(key("books", symbol));
        if (subs != null && !subs.isEmpty())
        {
            if (faults.takeSkipUpdate())
            {
                return;
            }
            final int checksum = book.checksum() + (faults.takeCorruptChecksum() ? 1 : 0);
            sb.setLength(0);
            sb.append("{\"action\":\"update\",\"arg\":{\"instType\":\"").append(instType).append("\",\"channel\":\"books\",\"instId\":\"")
                .append(symbol).append("\"},\"data\":[{\"asks\":");
            book.appendDirty(sb, Side.SELL);
            sb.append(",\"bids\":");
            book.appendDirty(sb, Side.BUY);
            sb.append(",\"checksum\":").append(checksum).append(",\"seq\":").append(seq).append(",\"ts\":\"").append(now)
                .append("\"}],\"ts\":").append(now).append('}');
            Venue.broadcast(subs, sb);
            venue.countBooksUpdates(subs.size());
        }
        publishDepth(exchangeKey, symbol, "books1", 1, now);
        publishDepth(exchangeKey, symbol, "books5", 5, now);
        publishDepth(exchangeKey, symbol, "books15", 15, now);
    }

    private void publishDepth(final String exchangeKey, final String symbol, final String channel, final int depth, final long now)
    {
        final List<WsSession> subs = venue.subscribers(key(channel, symbol));
        if (subs == null || subs.isEmpty())
        {
            return;
        }
        depthSnapshot(exchangeKey, channel, depth, now);
        Venue.broadcast(subs, sb);
    }

    /** Renders a depth snapshot into {@link #sb}. */
    private void depthSnapshot(final String exchangeKey, final String channel, final int depth, final long now)
    {
        final OrderBook book = exchange.book(exchangeKey);
        final boolean full = "books".equals(channel);
        sb.setLength(0);
        sb.append("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"").append(instType).append("\",\"channel\":\"").append(channel)
            .append("\",\"instId\":\"").append(book.instrument().symbol()).append("\"},\"data\":[{\"asks\":");
        book.appendLevels(sb, Side.SELL, depth);
        sb.append(",\"bids\":");
        book.appendLevels(sb, Side.BUY, depth);
        sb.append(",\"checksum\":").append(full ? book.checksum() : 0).append(",\"seq\":").append(seqs.get(exchangeKey)[0])
            .append(",\"ts\":\"").append(now).append("\"}],\"ts\":").append(now).append('}');
    }

    /**
     * The ticker fields of an instrument (REST and WS share them; WS drops {@code symbol} and puts {@code instId} first).
     *
     * @param inst the instrument
     * @param now  epoch ms
     * @return field name to value, in wire order
     */
    protected abstract Map<String, String> tickerFields(Instrument inst, long now);

    @Override
    public void tickerTick(final long now)
    {
        for (final String symbol : symbols.keySet())
        {
            final List<WsSession> subs = venue.subscribers(key("ticker", symbol));
            if (subs != null && !subs.isEmpty())
            {
                Venue.broadcast(subs, tickerMessage(symbol, now));
                subs.forEach(WsSession::flush);
            }
        }
    }

    private String tickerMessage(final String symbol, final long now)
    {
        final Map<String, String> t = tickerFields(instrument(symbol), now);
        t.remove("symbol");
        final Map<String, String> data = new LinkedHashMap<>();
        data.put("instId", symbol);
        data.putAll(t);
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, instType, "ticker", "instId", symbol);
            g.writeArrayFieldStart("data");
            WsJson.writeStrings(g, data);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    @Override
    public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
        final Side takerSide, final long timeMs)
    {
        if (!mine(instrument))
        {
            return;
        }
        final List<WsSession> subs = venue.subscribers(key("trade", instrument.symbol()));
        if (subs != null && !subs.isEmpty() && !faults.stalled(timeMs))
        {
            final String[] trade = venue.recentTrades(instrument.key()).peekFirst();
            final String msg = tradesMessage(instrument.symbol(), "update", Collections.singletonList(trade), timeMs);
            for (final WsSession s : subs)
            {
                s.sendNow(msg);
            }
        }
    }

    private String tradesMessage(final String symbol, final String action, final List<String[]> trades, final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", action);
            WsJson.writeArg(g, instType, "trade", "instId", symbol);
            g.writeArrayFieldStart("data");
            for (final String[] t : trades)
            {
                g.writeStartObject();
                g.writeStringField("ts", t[4]);
                g.writeStringField("price", t[2]);
                g.writeStringField("size", t[3]);
                g.writeStringField("side", t[1]);
                g.writeStringField("tradeId", t[0]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    @Override
    public void initialPush(final WsSession s, final String channel, final String instId)
    {
        final long now = venue.faults().clockMs();
        final Instrument inst = instrument(instId);
        switch (channel)
        {
            case "books":
                depthSnapshot(inst.key(), channel, 0, now);
                s.sendNow(sb.toString());
                venue.writable();
                break;
            case "books1":
                depthSnapshot(inst.key(), channel, 1, now);
                s.sendNow(sb.toString());
                break;
            case "books5":
                depthSnapshot(inst.key(), channel, 5, now);
                s.sendNow(sb.toString());
                break;
            case "books15":
                depthSnapshot(inst.key(), channel, 15, now);
                s.sendNow(sb.toString());
                break;
            case "ticker":
                s.sendNow(tickerMessage(instId, now));
                break;
            case "trade":
                final List<String[]> recent = new ArrayList<>(venue.recentTrades(inst.key()));
                s.sendNow(tradesMessage(instId, "snapshot", recent.subList(0, Math.min(50, recent.size())), now));
                break;
            default:
                privatePush(s, channel, instId, now);
                break;
        }
    }

    /**
     * The first push of a private channel after its subscribe ({@code account}, {@code positions}); nothing for
     * {@code orders}/{@code fill}.
     *
     * @param s       the session
     * @param channel the channel
     * @param instId  instId or coin
     * @param now     epoch ms
     */
    protected abstract void privatePush(WsSession s, String channel, String instId, long now);

    /** Sessions subscribed to a private channel for a symbol or {@code default}, each once. */
    protected List<WsSession> privateTargets(final String channel, final String symbol)
    {
        final List<WsSession> out = new ArrayList<>();
        addAll(out, venue.subscribers(key(channel, symbol)));
        addAll(out, venue.subscribers(key(channel, "default")));
        return out;
    }

    private static void addAll(final List<WsSession> out, final List<WsSession> subs)
    {
        if (subs != null)
        {
            for (final WsSession s : subs)
            {
                if (!out.contains(s))
                {
                    out.add(s);
                }
            }
        }
    }
}
