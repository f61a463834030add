package io.bitmm.sim.net.v2.spot;

import io.bitmm.sim.Faults;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsSession;
import io.bitmm.sim.net.v2.V2Streams;
import io.bitmm.sim.net.v2.WsJson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * v2 WebSocket channels of {@code instType: SPOT} (§10–§12): public {@code books} (snapshot, then updates with
 * {@code seq} and the CRC32 checksum), {@code books1/5/15}, {@code trade}, {@code ticker}; private {@code orders},
 * {@code fill}, {@code account}. Subscription keys are {@code channel:instId}.
 */
public final class SpotStreams implements V2Streams
{
    private static final String INST_TYPE = "SPOT";

    private final Venue venue;
    private final Exchange exchange;
    private final Faults faults;
    private final Map<String, long[]> seqs = new HashMap<>();
    private final StringBuilder sb = new StringBuilder(16 * 1024);

    /**
     * @param venue the venue
     */
    public SpotStreams(final Venue venue)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        this.faults = venue.faults();
        for (final String symbol : exchange.instruments().keySet())
        {
            seqs.put(symbol, new long[] {1000});
        }
    }

    @Override
    public String instType()
    {
        return INST_TYPE;
    }

    @Override
    public boolean isPrivateChannel(final String channel)
    {
        return "account".equals(channel) || "orders".equals(channel) || "fill".equals(channel);
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
        return privateChannel ? "default".equals(instId) || exchange.instruments().containsKey(instId)
            : exchange.instruments().containsKey(instId);
    }

    @Override
    public String key(final String channel, final String instId)
    {
        return channel + ":" + instId;
    }

    @Override
    public boolean hasBooksSubscriber()
    {
        for (final String symbol : exchange.instruments().keySet())
        {
            final List<WsSession> subs = venue.subscribers("books:" + symbol);
            if (subs != null && !subs.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- public

    @Override
    public void publishBooks(final String symbol, final long now)
    {
        final OrderBook book = exchange.book(symbol);
        final long seq = ++seqs.get(symbol)[0];
        final List<WsSession> subs = venue.subscribers("books:" + symbol);
        if (subs != null && !subs.isEmpty())
        {
            if (faults.takeSkipUpdate())
            {
                return;
            }
            final int checksum = book.checksum() + (faults.takeCorruptChecksum() ? 1 : 0);
            sb.setLength(0);
            sb.append("{\"action\":\"update\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"").append(symbol)
                .append("\"},\"data\":[{\"asks\":");
            book.appendDirty(sb, Side.SELL);
            sb.append(",\"bids\":");
            book.appendDirty(sb, Side.BUY);
            sb.append(",\"checksum\":").append(checksum).append(",\"seq\":").append(seq).append(",\"ts\":\"").append(now)
                .append("\"}],\"ts\":").append(now).append('}');
            Venue.broadcast(subs, sb);
            venue.countBooksUpdates(subs.size());
        }
        publishDepth(symbol, "books1", 1, now);
        publishDepth(symbol, "books5", 5, now);
        publishDepth(symbol, "books15", 15, now);
    }

    private void publishDepth(final String symbol, final String channel, final int depth, final long now)
    {
        final List<WsSession> subs = venue.subscribers(channel + ":" + symbol);
        if (subs == null || subs.isEmpty())
        {
            return;
        }
        depthSnapshot(symbol, channel, depth, now);
        Venue.broadcast(subs, sb);
    }

    /** Renders a depth snapshot into {@link #sb}. */
    private void depthSnapshot(final String symbol, final String channel, final int depth, final long now)
    {
        final OrderBook book = exchange.book(symbol);
        final boolean full = "books".equals(channel);
        sb.setLength(0);
        sb.append("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"").append(channel).append("\",\"instId\":\"")
            .append(symbol).append("\"},\"data\":[{\"asks\":");
        book.appendLevels(sb, Side.SELL, depth);
        sb.append(",\"bids\":");
        book.appendLevels(sb, Side.BUY, depth);
        sb.append(",\"checksum\":").append(full ? book.checksum() : 0).append(",\"seq\":").append(seqs.get(symbol)[0])
            .append(",\"ts\":\"").append(now).append("\"}],\"ts\":").append(now).append('}');
    }

    @Override
    public void tickerTick(final long now)
    {
        for (final String symbol : exchange.instruments().keySet())
        {
            final List<WsSession> subs = venue.subscribers("ticker:" + symbol);
            if (subs != null && !subs.isEmpty())
            {
                Venue.broadcast(subs, tickerMessage(symbol, now));
                subs.forEach(WsSession::flush);
            }
        }
    }

    private String tickerMessage(final String symbol, final long now)
    {
        final Instrument inst = exchange.instruments().get(symbol);
        final Map<String, String> t = SpotViews.tickerFields(venue, inst, now);
        t.remove("symbol");
        final Map<String, String> data = new LinkedHashMap<>();
        data.put("instId", symbol);
        data.putAll(t);
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, INST_TYPE, "ticker", "instId", symbol);
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
        final List<WsSession> subs = venue.subscribers("trade:" + instrument.symbol());
        if (subs != null && !subs.isEmpty() && !faults.stalled(timeMs))
        {
            final String[] trade = venue.recentTrades(instrument.symbol()).peekFirst();
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
            WsJson.writeArg(g, INST_TYPE, "trade", "instId", symbol);
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
        final long now = System.currentTimeMillis();
        switch (channel)
        {
            case "books":
                depthSnapshot(instId, channel, 0, now);
                s.sendNow(sb.toString());
                venue.writable();
                break;
            case "books1":
                depthSnapshot(instId, channel, 1, now);
                s.sendNow(sb.toString());
                break;
            case "books5":
                depthSnapshot(instId, channel, 5, now);
                s.sendNow(sb.toString());
                break;
            case "books15":
                depthSnapshot(instId, channel, 15, now);
                s.sendNow(sb.toString());
                break;
            case "ticker":
                s.sendNow(tickerMessage(instId, now));
                break;
            case "trade":
                s.sendNow(tradesMessage(instId, "snapshot", new ArrayList<>(venue.recentTrades(instId)).subList(0,
                    Math.min(50, venue.recentTrades(instId).size())), now));
                break;
            case "account":
                s.sendNow(accountMessage(new ArrayList<>(exchange.balances().keySet()), now));
                break;
            default:
                break;
        }
    }

    // ---------------------------------------------------------------- private

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        final long now = exchange.now();
        final String symbol = order.instrument.symbol();
        for (final WsSession target : privateTargets("orders", symbol))
        {
            final String instId = target.subscriptions().contains("orders:" + symbol) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "orders", "instId", instId);
                g.writeArrayFieldStart("data");
                g.writeStartObject();
                for (final Map.Entry<String, String> e : SpotViews.wsOrder(order, fill).entrySet())
                {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeArrayFieldStart("feeDetail");
                if (order.feeTotal.signum() != 0)
                {
                    g.writeStartObject();
                    g.writeStringField("feeCoin", order.feeCoin);
                    g.writeStringField("fee", order.feeTotal.negate().toPlainString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeNumberField("ts", now);
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        final String symbol = fill.order().instrument.symbol();
        for (final WsSession target : privateTargets("fill", symbol))
        {
            final String instId = target.subscriptions().contains("fill:" + symbol) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "fill", "instId", instId);
                g.writeArrayFieldStart("data");
                SpotViews.wsFill(g, fill);
                g.writeEndArray();
                g.writeNumberField("ts", fill.timeMs());
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        final List<WsSession> targets = privateTargets("account", "default");
        if (!targets.isEmpty())
        {
            final String msg = accountMessage(List.of(coin), exchange.now());
            targets.forEach(t -> venue.push(t, msg));
        }
    }

    private String accountMessage(final List<String> coins, final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, INST_TYPE, "account", "coin", "default");
            g.writeArrayFieldStart("data");
            for (final String coin : coins)
            {
                final Balance b = exchange.balance(coin);
                g.writeStartObject();
                g.writeStringField("coin", coin);
                g.writeStringField("available", b.available.toPlainString());
                g.writeStringField("frozen", b.frozen.toPlainString());
                g.writeStringField("locked", "0");
                g.writeStringField("limitAvailable", "0");
                g.writeStringField("uTime", Long.toString(b.updatedMs == 0 ? now : b.updatedMs));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    private List<WsSession> privateTargets(final String channel, final String symbol)
    {
        final List<WsSession> out = new ArrayList<>();
        addAll(out, venue.subscribers(channel + ":" + symbol));
        addAll(out, venue.subscribers(channel + ":default"));
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
