package io.bitmm.sim.net.v3;

import io.bitmm.sim.Faults;
import io.bitmm.sim.Signer;
import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsDialect;
import io.bitmm.sim.net.WsOps;
import io.bitmm.sim.net.WsSession;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The UTA v3 WebSockets (§8, §9) on {@code /v3/ws/public} and {@code /v3/ws/private}: ops and acks, public topics
 * ({@code books} with the {@code seq}/{@code pseq} chain, {@code books1/5/50}, {@code publicTrade}, {@code ticker}),
 * private topics ({@code order}, {@code fill}, {@code position}, {@code account}) and trading over the socket
 * ({@code op:"trade"}, {@link V3WsTrade}). Venue-thread only.
 */
public final class V3Streams implements WsDialect
{
    /** First {@code seq} of a book: v3 sequence numbers are JSON numbers beyond 2^53 (§8.3). */
    static final long SEQ_BASE = 1_304_314_508_780_744_705L;
    private final WsOps.Handler ops = new WsOps.Handler()
        {
            @Override
            public void login(final WsSession session, final Map<String, Object> arg)
            {
                V3Streams.this.login(session, arg);
            }

            @Override
            public boolean otherOp(final WsSession session, final String op, final Map<String, Object> msg)
            {
                if (!"trade".equals(op))
                {
                    return false;
                }
                wsTrade.onTrade(session, msg);
                return true;
            }

            @Override
            public void subscription(final WsSession session, final String op, final Map<String, Object> arg)
            {
                subscribe(session, op, arg);
            }
        };
    private static final int MAX_CHANNELS_PER_CONNECTION = 1000;
    private static final long SCHEDULED_PUSH_MS = 5_000;
    private static final String[] DEPTH_TOPICS = {"books1", "books5", "books50"};
    private static final int[] DEPTHS = {1, 5, 50};

    private final Venue venue;
    private final Exchange exchange;
    private final Faults faults;
    private final V3Options options;
    private final V3Products products;
    private final V3Views views;
    private final V3Trade trade;
    private final V3Wallet wallet;
    private final V3WsTrade wsTrade;
    private final Signer wsSigner;
    private final Map<String, long[]> seqs = new HashMap<>();
    private final List<String> booksKeys = new ArrayList<>();
    private final StringBuilder sb = new StringBuilder(16 * 1024);
    private final List<Object[]> held = new ArrayList<>();
    private boolean holding;
    private boolean accountPushQueued;
    private long connIds = 0x5EED_0000L;

    /**
     * @param venue the venue (call on its loop)
     */
    public V3Streams(final Venue venue)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        this.faults = venue.faults();
        this.options = venue.context().v3();
        this.products = new V3Products(exchange);
        this.views = new V3Views(options, products);
        this.trade = new V3Trade(products, options, venue::place);
        this.wallet = new V3Wallet(exchange, products);
        this.wsTrade = new V3WsTrade(this);
        this.wsSigner = new Signer(venue.credentials().secret());
        venue.loop().scheduleAtFixedRate(this::scheduledPush, SCHEDULED_PUSH_MS, SCHEDULED_PUSH_MS, TimeUnit.MILLISECONDS);
    }

    Venue venue()
    {
        return venue;
    }

    V3Options options()
    {
        return options;
    }

    V3Products products()
    {
        return products;
    }

    V3Views views()
    {
        return views;
    }

    V3Trade trade()
    {
        return trade;
    }

    V3Wallet wallet()
    {
        return wallet;
    }

    /**
     * Counts a WS trade request against its budget: the REST per-UID budget of the same action when
     * {@code wsOrdersShareRestLimit} (§12.7, default), else a WebSocket budget of the same size.
     *
     * @param restPath the REST path of the action
     * @param ip       client address
     * @param now      epoch ms
     * @return true if within the limit
     */
    boolean acquireTradeBudget(final String restPath, final String ip, final long now)
    {
        final String key = (options.wsOrdersShareRestLimit() ? restPath : "ws:" + restPath) + "|uid:" + V3RestApi.UID;
        if (venue.restLimiter().tryAcquire(key, V3RestApi.limit(restPath), V3RestApi.ipKey(options, ip), now))
        {
            return true;
        }
        venue.rateLimitRejections().incrementAndGet();
        venue.rejectionsByPath().computeIfAbsent("ws:" + restPath, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        return false;
    }

    /** The current {@code seq} of a book (the last update's, or the base before any change). */
    long seq(final String bookKey)
    {
        return seqs.computeIfAbsent(bookKey, k -> new long[] {SEQ_BASE})[0];
    }

    // ---------------------------------------------------------------- ops

    @Override
    public void onMessage(final WsSession s, final String text)
    {
        WsOps.onMessage(venue, s, text, ops);
    }

    private void login(final WsSession s, final Map<String, Object> arg)
    {
        final String code = s.isPrivate() && venue.faults().takeRefuseLogin() ? "30005,\"msg\":\"Login failed\""
            : loginError(s, arg);
        if (code != null)
        {
            s.sendNow("{\"event\":\"error\",\"code\":" + code + "}");
            s.close();
            return;
        }
        s.loggedIn(true);
        s.sendNow("{\"event\":\"login\",\"code\":0,\"msg\":\"\",\"connId\":\"" + Long.toHexString(++connIds) + "\"}");
    }

    /** The v2 login check (§8.1: same frame and prehash); "code,\"msg\":\"...\"" on failure, null on success. */
    private String loginError(final WsSession s, final Map<String, Object> arg)
    {
        if (!s.isPrivate() || arg == null)
        {
            return "30002,\"msg\":\"Illegal request\"";
        }
        final String key = Json.str(arg, "apiKey");
        final String pass = Json.str(arg, "passphrase");
        final String ts = Json.str(arg, "timestamp");
        final String sign = Json.str(arg, "sign");
        if (key == null || !key.equals(venue.credentials().apiKey()))
        {
            return "30011,\"msg\":\"Invalid ACCESS_KEY\"";
        }
        if (pass == null || !pass.equals(venue.credentials().passphrase()))
        {
            return "30012,\"msg\":\"Invalid ACCESS_PASSPHRASE\"";
        }
        final long stamp;
        try
        {
            stamp = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            return "30013,\"msg\":\"Invalid ACCESS_TIMESTAMP\"";
        }
        final long ms = stamp < 100_000_000_000L ? stamp * 1000 : stamp;
        if (Math.abs(venue.faults().clockMs() - ms) > venue.context().timestampWindowMs())
        {
            return "30014,\"msg\":\"Request timestamp expired\"";
        }
        if (sign == null || !sign.equals(wsSigner.sign(ts + "GET/user/verify")))
        {
            return "30015,\"msg\":\"Invalid ACCESS_SIGN\"";
        }
        return null;
    }

    private static boolean isPublicTopic(final String topic)
    {
        return "books".equals(topic) || "books1".equals(topic) || "books5".equals(topic) || "books50".equals(topic)
            || "publicTrade".equals(topic) || "ticker".equals(topic);
    }

    private static boolean isPrivateTopic(final String topic)
    {
        return "order".equals(topic) || "fill".equals(topic) || "position".equals(topic) || "account".equals(topic);
    }

    /** Subscription key of a public topic. */
    static String key(final String topic, final V3Category category, final String symbol)
    {
        return "v3|" + topic + "|" + category.ws() + "|" + symbol;
    }

    /** Subscription key of a private topic. */
    static String privateKey(final String topic)
    {
        return "v3|" + topic;
    }

    private void subscribe(final WsSession s, final String op, final Map<String, Object> arg)
    {
        final String instType = Json.str(arg, "instType");
        final String topic = Json.str(arg, "topic");
        final String symbol = Json.str(arg, "symbol");
        final boolean privateTopic = isPrivateTopic(topic);
        final String argJson = argJson(instType, topic, privateTopic ? null : symbol);
        if (instType == null || topic == null || (!privateTopic && symbol == null))
        {
            s.sendNow(error(argJson, 30016, "Param error", op));
            return;
        }
        if (privateTopic && !s.loggedIn())
        {
            s.sendNow(error(argJson, 30004, "User not logged in", op));
            return;
        }
        final String key;
        if (privateTopic)
        {
            if (!"UTA".equals(instType) || !s.isPrivate())
            {
                s.sendNow(error(argJson, 30001, "instType:" + instType + ",topic:" + topic + " doesn't exist", op));
                return;
            }
            key = privateKey(topic);
        }
        else
        {
            final V3Category category = V3Category.parseWs(instType);
            final Instrument inst = category == null ? null : products.instrument(category, symbol);
            if (inst == null || !isPublicTopic(topic) || s.isPrivate())
            {
                s.sendNow(error(argJson, 30001, "instType:" + instType + ",topic:" + topic + ",symbol:" + symbol
                    + " doesn't exist", op));
                return;
            }
            key = key(topic, category, inst.symbol());
        }
        if ("unsubscribe".equals(op))
        {
            venue.unsubscribe(s, key);
            s.sendNow("{\"event\":\"unsubscribe\",\"arg\":" + argJson + "}");
            return;
        }
        if (!s.subscriptions().contains(key) && s.subscriptions().size() >= MAX_CHANNELS_PER_CONNECTION)
        {
            s.sendNow(error(argJson, 30006, "Too many channels", op));
            return;
        }
        s.sendNow("{\"event\":\"subscribe\",\"arg\":" + argJson + "}");
        venue.subscribe(s, key);
        if ("books".equals(topic) && !booksKeys.contains(key))
        {
            booksKeys.add(key);
        }
        initialPush(s, topic, privateTopic ? null : V3Category.parseWs(instType), symbol);
    }

    private void initialPush(final WsSession s, final String topic, final V3Category category, final String symbol)
    {
        final long now = venue.faults().clockMs();
        switch (topic)
        {
            case "books" ->
            {
                final Instrument inst = products.instrument(category, symbol);
                depthMessage(category, inst, "books", options.booksSnapshotDepth(), now);
                s.sendNow(sb.toString());
            }
            case "books1", "books5", "books50" ->
            {
                final Instrument inst = products.instrument(category, symbol);
                depthMessage(category, inst, topic, Integer.parseInt(topic.substring(5)), now);
                s.sendNow(sb.toString());
            }
            case "ticker" -> s.sendNow(tickerMessage(category, products.instrument(category, symbol), now));
            case "publicTrade" ->
            {
                // the product's trades (a perpetual's, not the spot pair's of the same symbol)
                final ArrayDeque<String[]> recent =
                    venue.recentTrades(products.bookKey(category, products.instrument(category, symbol)));
                final List<String[]> trades = new ArrayList<>(recent).subList(0, Math.min(50, recent.size()));
                s.sendNow(tradesMessage(category, symbol, "snapshot", trades, now));
            }
            case "account" -> s.sendNow(accountMessage(now));
            case "position" -> s.sendNow(positionMessage(now));
            default ->
            {
                // order, fill: nothing on subscribe (§8.5)
            }
        }
    }

    private static String argJson(final String instType, final String topic, final String symbol)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("instType", instType);
            g.writeStringField("topic", topic);
            if (symbol != null)
            {
                g.writeStringField("symbol", symbol);
            }
            g.writeEndObject();
        });
    }

    private static String error(final String argJson, final int code, final String msg, final String op)
    {
        return "{\"event\":\"error\",\"arg\":" + argJson + ",\"code\":" + code + ",\"msg\":" + Json.write(g -> g.writeString(msg))
            + ",\"op\":\"" + op + "\"}";
    }

    // ---------------------------------------------------------------- books

    @Override
    public boolean hasBooksSubscriber()
    {
        for (int i = 0; i < booksKeys.size(); i++)
        {
            final List<WsSession> subs = venue.subscribers(booksKeys.get(i));
            if (subs != null && !subs.isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasBooksSubscriber(final String bookKey)
    {
        final V3Category category = products.bookCategory(bookKey);
        final Instrument inst = products.bookInstrument(bookKey);
        if (category == null || inst == null)
        {
            return false;
        }
        if (subscribed(key("books", category, inst.symbol())))
        {
            return true;
        }
        for (final String topic : DEPTH_TOPICS)
        {
            if (subscribed(key(topic, category, inst.symbol())))
            {
                return true;
            }
        }
        return false;
    }

    private boolean subscribed(final String key)
    {
        final List<WsSession> subs = venue.subscribers(key);
        return subs != null && !subs.isEmpty();
    }

    @Override
    public void publishBooks(final String bookKey, final long now)
    {
        final V3Category category = products.bookCategory(bookKey);
        final Instrument inst = products.bookInstrument(bookKey);
        if (category == null || inst == null)
        {
            return;
        }
        final long[] seq = seqs.computeIfAbsent(bookKey, k -> new long[] {SEQ_BASE});
        final long pseq = seq[0];
        seq[0]++;
        final List<WsSession> subs = venue.subscribers(key("books", category, inst.symbol()));
        if (subs != null && !subs.isEmpty() && !faults.takeSkipUpdate())
        {
            final OrderBook book = exchange.book(bookKey);
            final long sentPseq = faults.takePseqGap() ? pseq - 1 : pseq;
            sb.setLength(0);
            sb.append("{\"action\":\"update\",\"arg\":{\"instType\":\"").append(category.ws())
                .append("\",\"topic\":\"books\",\"symbol\":\"").append(inst.symbol()).append("\"},\"data\":[{\"a\":");
            book.appendDirty(sb, Side.SELL);
            sb.append(",\"b\":");
            book.appendDirty(sb, Side.BUY);
            appendChecksum(sb, book);
            sb.append(",\"pseq\":").append(sentPseq).append(",\"seq\":").append(seq[0])
                .append(",\"ts\":\"").append(now).append("\"}],\"ts\":").append(now).append('}');
            Venue.broadcast(subs, sb);
            venue.countBooksUpdates(subs.size());
        }
        for (int i = 0; i < DEPTH_TOPICS.length; i++)
        {
            final List<WsSession> depthSubs = venue.subscribers(key(DEPTH_TOPICS[i], category, inst.symbol()));
            if (depthSubs != null && !depthSubs.isEmpty())
            {
                depthMessage(category, inst, DEPTH_TOPICS[i], DEPTHS[i], now);
                Venue.broadcast(depthSubs, sb);
            }
        }
    }

    /**
     * The {@code checksum} field per the {@code booksChecksum} option; while {@code corruptChecksum} lasts the field is
     * present in any mode and carries the real CRC32 + 1 (wrong for a client that checks it).
     */
    private void appendChecksum(final StringBuilder out, final OrderBook book)
    {
        if (faults.takeCorruptChecksum())
        {
            out.append(",\"checksum\":").append(book.checksum() + 1);
            return;
        }
        switch (options.booksChecksum())
        {
            case ZERO -> out.append(",\"checksum\":0");
            case CRC32 -> out.append(",\"checksum\":").append(book.checksum());
            default ->
            {
                // absent
            }
        }
    }

    /** Renders a snapshot of {@code depth} levels (0 = all) into {@link #sb}. */
    private void depthMessage(final V3Category category, final Instrument inst, final String topic, final int depth, final long now)
    {
        final String bookKey = products.bookKey(category, inst);
        final OrderBook book = exchange.book(bookKey);
        final boolean full = "books".equals(topic);
        sb.setLength(0);
        sb.append("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"").append(category.ws()).append("\",\"topic\":\"").append(topic)
            .append("\",\"symbol\":\"").append(inst.symbol()).append("\"},\"data\":[{\"a\":");
        book.appendLevels(sb, Side.SELL, depth);
        sb.append(",\"b\":");
        book.appendLevels(sb, Side.BUY, depth);
        if (options.booksChecksum() == V3Options.BooksChecksum.CRC32 && full)
        {
            sb.append(",\"checksum\":").append(book.checksum());
        }
        else if (options.booksChecksum() != V3Options.BooksChecksum.ABSENT)
        {
            sb.append(",\"checksum\":0");
        }
        if (full)
        {
            sb.append(",\"pseq\":0");
        }
        sb.append(",\"seq\":").append(seq(bookKey)).append(",\"ts\":\"").append(now).append("\"}],\"ts\":").append(now).append('}');
    }

    // ---------------------------------------------------------------- ticker and trades

    @Override
    public void tickerTick(final long now)
    {
        for (final V3Category category : V3Category.values())
        {
            for (final Instrument inst : products.instruments(category))
            {
                final List<WsSession> subs = venue.subscribers(key("ticker", category, inst.symbol()));
                if (subs != null && !subs.isEmpty())
                {
                    Venue.broadcast(subs, tickerMessage(category, inst, now));
                    subs.forEach(WsSession::flush);
                }
            }
        }
    }

    private String tickerMessage(final V3Category category, final Instrument inst, final long now)
    {
        final Map<String, String> t = products.ticker(venue, category, inst, now);
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            g.writeObjectFieldStart("arg");
            g.writeStringField("instType", category.ws());
            g.writeStringField("topic", "ticker");
            g.writeStringField("symbol", inst.symbol());
            g.writeEndObject();
            g.writeArrayFieldStart("data");
            g.writeStartObject();
            g.writeStringField("symbol", inst.symbol());
            for (final Map.Entry<String, String> e : t.entrySet())
            {
                if (!"category".equals(e.getKey()) && !"symbol".equals(e.getKey()))
                {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    @Override
    public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
        final Side takerSide, final long timeMs)
    {
        final V3Category category = products.category(instrument);
        final List<WsSession> subs = venue.subscribers(key("publicTrade", category, instrument.symbol()));
        if (subs != null && !subs.isEmpty() && !faults.stalled(timeMs))
        {
            final String[] t = {Long.toString(tradeId), takerSide.wire(), instrument.price(priceTicks), instrument.size(lots),
                Long.toString(timeMs)};
            final String msg = tradesMessage(category, instrument.symbol(), "update", List.<String[]>of(t), timeMs);
            for (final WsSession s : subs)
            {
                s.sendNow(msg);
            }
        }
    }

    /** {@code publicTrade} push of trades {@code [tradeId, side, price, size, ts]} (§8.4: i, L, p, v, S, T). */
    private static String tradesMessage(final V3Category category, final String symbol, final String action, final List<String[]> trades,
        final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", action);
            g.writeObjectFieldStart("arg");
            g.writeStringField("instType", category.ws());
            g.writeStringField("topic", "publicTrade");
            g.writeStringField("symbol", symbol);
            g.writeEndObject();
            g.writeArrayFieldStart("data");
            for (final String[] t : trades)
            {
                g.writeStartObject();
                g.writeStringField("i", t[0]);
                g.writeStringField("L", t[0]);
                g.writeStringField("p", t[2]);
                g.writeStringField("v", t[3]);
                g.writeStringField("S", t[1]);
                g.writeStringField("T", t[4]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    // ---------------------------------------------------------------- private pushes

    /** Holds private pushes until {@link #release()} (so an ack can precede the pushes of the action it acks). */
    void hold()
    {
        holding = true;
    }

    /** Sends the held pushes in order. */
    void release()
    {
        holding = false;
        final List<Object[]> out = new ArrayList<>(held);
        held.clear();
        for (final Object[] p : out)
        {
            venue.push((WsSession)p[0], (String)p[1]);
        }
    }

    /** Sends a private push (held, delayed by {@code ackDelay}, or now). */
    void push(final WsSession s, final String msg)
    {
        if (holding)
        {
            held.add(new Object[] {s, msg});
        }
        else
        {
            venue.push(s, msg);
        }
    }

    private void pushAll(final String topic, final String msg)
    {
        final List<WsSession> subs = venue.subscribers(privateKey(topic));
        if (subs != null)
        {
            for (final WsSession s : new ArrayList<>(subs))
            {
                push(s, msg);
            }
        }
    }

    private boolean hasSubscribers(final String topic)
    {
        final List<WsSession> subs = venue.subscribers(privateKey(topic));
        return subs != null && !subs.isEmpty();
    }

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        if (!hasSubscribers("order"))
        {
            trade.takeRequestId(order);
            return;
        }
        final String requestId = trade.takeRequestId(order);
        pushAll("order", orderMessage(order, requestId, exchange.now()));
    }

    /** The {@code order} push of one order. */
    String orderMessage(final Order order, final String requestId, final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            writePrivateArg(g, "order");
            g.writeArrayFieldStart("data");
            views.wsOrder(g, order, requestId);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    /** After an order rests: the optional {@code new} status push (§12.9). */
    void accepted(final Order order)
    {
        if (options.newStatusPush() && order.isOpen() && order.filledLots == 0)
        {
            products.markAccepted(order);
            if (hasSubscribers("order"))
            {
                pushAll("order", orderMessage(order, null, exchange.now()));
            }
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        if (hasSubscribers("fill"))
        {
            pushAll("fill", Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                writePrivateArg(g, "fill");
                g.writeArrayFieldStart("data");
                views.wsFill(g, fill);
                g.writeEndArray();
                g.writeNumberField("ts", fill.timeMs());
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onFuturesAccount(final String coin)
    {
        onBalance(coin);
    }

    @Override
    public void onPosition(final io.bitmm.sim.engine.Position position)
    {
        if (hasSubscribers("position"))
        {
            pushAll("position", Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                writePrivateArg(g, "position");
                g.writeArrayFieldStart("data");
                products.writePositionPush(g, position);
                g.writeEndArray();
                g.writeNumberField("ts", exchange.now());
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        if (!accountPushQueued && hasSubscribers("account"))
        {
            accountPushQueued = true;
            venue.loop().execute(() ->
            {
                accountPushQueued = false;
                pushAll("account", accountMessage(venue.faults().clockMs()));
            });
        }
    }

    private void scheduledPush()
    {
        final long now = venue.faults().clockMs();
        if (hasSubscribers("account"))
        {
            pushAll("account", accountMessage(now));
        }
        if (hasSubscribers("position"))
        {
            pushAll("position", positionMessage(now));
        }
    }

    private String accountMessage(final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            writePrivateArg(g, "account");
            g.writeArrayFieldStart("data");
            wallet.writePush(g);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    private String positionMessage(final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            writePrivateArg(g, "position");
            g.writeArrayFieldStart("data");
            products.writePositionPushes(g);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    private static void writePrivateArg(final com.fasterxml.jackson.core.JsonGenerator g, final String topic) throws java.io.IOException
    {
        g.writeObjectFieldStart("arg");
        g.writeStringField("instType", "UTA");
        g.writeStringField("topic", topic);
        g.writeEndObject();
    }
}
