package io.bitmm.sim.net;

import io.bitmm.sim.Credentials;
import io.bitmm.sim.Faults;
import io.bitmm.sim.SimContext;
import io.bitmm.sim.Signer;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.ExchangeListener;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.MarketGenerator;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The venue's state and its WebSocket side: the exchange, the market generators, subscriptions, market-data
 * publication (books with seq and checksum, books1/5/15, trade, ticker) and private pushes (orders, fill,
 * account). Runs entirely on one event loop, which also serves every connection, so no locks are needed.
 */
public final class Venue implements ExchangeListener
{
    private static final int STRESS_BATCH = 512;
    private static final long STRESS_PACE_MICROS = 20;
    private static final int RECENT_TRADES = 500;
    private static final int SUBSCRIBES_PER_HOUR = 240;
    private static final int MAX_CHANNELS_PER_CONNECTION = 1000;
    private static final long ATTEMPT_WINDOW_MS = 5 * 60_000L;

    private final SimContext context;
    private final Exchange exchange;
    private final EventLoop loop;
    private final Faults faults;
    private final Credentials credentials;
    private final List<MarketGenerator> generators = new ArrayList<>();
    private final Map<String, List<WsSession>> subscribers = new HashMap<>();
    private final Set<WsSession> sessions = new HashSet<>();
    private final Map<String, long[]> seqs = new HashMap<>();
    private final Map<String, ArrayDeque<String[]>> recentTrades = new HashMap<>();
    private final Map<String, Ticker> tickers = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> connectAttempts = new HashMap<>();
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong rateLimitRejections = new AtomicLong();
    private final Map<String, LongAdder> rejectionsByPath = new ConcurrentHashMap<>();
    private final AtomicLong booksUpdatesSent = new AtomicLong();
    private final StringBuilder sb = new StringBuilder(16 * 1024);
    private final Signer wsSigner;
    private final PushFaults pushFaults;
    private boolean stressScheduled;
    private final java.util.concurrent.atomic.AtomicBoolean paceRequested = new java.util.concurrent.atomic.AtomicBoolean();
    private Thread pacer;
    private long stressStartNanos;
    private long stressSent;
    private long lastAdvanceMs;

    /**
     * @param context configuration (concluded)
     * @param loop    the single event loop
     */
    public Venue(final SimContext context, final EventLoop loop)
    {
        this.context = context;
        this.loop = loop;
        this.faults = context.faults();
        this.credentials = context.credentials();
        this.wsSigner = new Signer(credentials.secret());
        this.pushFaults = new PushFaults(faults, loop, context.seed());
        this.exchange = new Exchange(context.instruments(), context.balances(), context.makerFee(), context.takerFee());
        this.exchange.listener(this);
        exchange.now(faults.clockMs());
        for (final Instrument inst : context.instruments())
        {
            seqs.put(inst.symbol(), new long[] {1000});
            recentTrades.put(inst.symbol(), new ArrayDeque<>());
            tickers.put(inst.symbol(), new Ticker(inst.initialMid()));
            generators.add(new MarketGenerator(exchange, inst, context.seed(), context.depthLevels(), context.volatilityBps(),
                context.jumpProbability(), context.takersPerSecond()));
        }
        exchange.instruments().keySet().forEach(s -> exchange.book(s).clearDirty());
        final java.util.Random partialFillDraws = new java.util.Random(context.seed() ^ 0x2545F4914F6CDD1DL);
        exchange.partialFillHook(() -> faults.takePartialFill(partialFillDraws.nextDouble()));
    }

    /** Starts the timers (call on the loop). */
    public void start()
    {
        lastAdvanceMs = System.currentTimeMillis();
        if (context.stress())
        {
            scheduleStress();
        }
        else
        {
            loop.scheduleAtFixedRate(this::booksTick, context.booksIntervalMs(), context.booksIntervalMs(), TimeUnit.MILLISECONDS);
        }
        loop.scheduleAtFixedRate(this::tickerTick, context.tickerIntervalMs(), context.tickerIntervalMs(), TimeUnit.MILLISECONDS);
    }

    public SimContext context()
    {
        return context;
    }

    public Exchange exchange()
    {
        return exchange;
    }

    public EventLoop loop()
    {
        return loop;
    }

    public Faults faults()
    {
        return faults;
    }

    public Credentials credentials()
    {
        return credentials;
    }

    /** Requests per endpoint path. */
    public Map<String, LongAdder> requestCounts()
    {
        return requestCounts;
    }

    public AtomicLong rateLimitRejections()
    {
        return rateLimitRejections;
    }

    /** Rate-limit rejections per endpoint path. */
    public Map<String, LongAdder> rejectionsByPath()
    {
        return rejectionsByPath;
    }

    /** books updates sent (counted once per update per subscriber). */
    public long booksUpdatesSent()
    {
        return booksUpdatesSent.get();
    }

    // ---------------------------------------------------------------- market data

    private void booksTick()
    {
        final long now = faults.clockMs();
        exchange.now(now);
        final long local = System.currentTimeMillis();
        if (context.marketGenerator())
        {
            final long elapsed = Math.max(1, local - lastAdvanceMs);
            for (final MarketGenerator g : generators)
            {
                g.advance(elapsed);
            }
        }
        lastAdvanceMs = local;
        if (faults.stalled(now))
        {
            return;
        }
        for (final String symbol : exchange.instruments().keySet())
        {
            publishBooks(symbol, now);
        }
        flushAll();
    }

    private void scheduleStress()
    {
        if (!stressScheduled)
        {
            stressScheduled = true;
            loop.execute(this::stressRun);
        }
    }

    /** Called when a session becomes writable again. */
    void writable()
    {
        if (context.stress())
        {
            scheduleStress();
        }
    }

    private void stressRun()
    {
        stressScheduled = false;
        final long now = faults.clockMs();
        exchange.now(now);
        if (!hasBooksSubscriber() || faults.stalled(now))
        {
            loop.schedule(this::scheduleStress, 1, TimeUnit.MILLISECONDS);
            return;
        }
        final int budget = stressBudget();
        if (budget == 0)
        {
            pace();
            return;
        }
        for (int i = 0; i < budget; i++)
        {
            if (!allWritable())
            {
                flushAll();
                return;
            }
            for (int k = 0; k < generators.size(); k++)
            {
                generators.get(k).stepOnce();
                publishBooks(context.instruments().get(k).symbol(), now);
            }
            stressSent++;
        }
        flushAll();
        if (context.stressUpdatesPerSecond() > 0)
        {
            pace();
        }
        else
        {
            scheduleStress();
        }
    }

    /**
     * Run the paced stress again after a short sleep. A Netty NIO loop cannot wait less than a millisecond (shorter
     * delays become a busy select loop that took a whole core), so a pacer thread sleeps (parkNanos: the update
     * interval, at least {@value #STRESS_PACE_MICROS} us, at most 1 ms) and hands the loop the next run; each run
     * sends what the fixed rate says is due by then.
     */
    private void pace()
    {
        paceRequested.set(true);
        if (pacer == null)
        {
            final long interval = 1_000_000_000L / Math.max(1, context.stressUpdatesPerSecond());
            final long sleepNanos = Math.max(TimeUnit.MICROSECONDS.toNanos(STRESS_PACE_MICROS), Math.min(1_000_000, interval));
            pacer = new Thread(() ->
            {
                while (!loop.isShuttingDown())
                {
                    java.util.concurrent.locks.LockSupport.parkNanos(sleepNanos);
                    if (paceRequested.getAndSet(false))
                    {
                        loop.execute(this::scheduleStress);
                    }
                }
            }, "sim-stress-pacer");
            pacer.setDaemon(true);
            pacer.start();
        }
    }

    /** Updates to send now: a batch flat out, or what the fixed rate says is due since the first paced run. */
    private int stressBudget()
    {
        final long rate = context.stressUpdatesPerSecond();
        if (rate <= 0)
        {
            return STRESS_BATCH;
        }
        final long nowNanos = System.nanoTime();
        if (stressStartNanos == 0)
        {
            stressStartNanos = nowNanos;
        }
        final long due = (nowNanos - stressStartNanos) / 1000 * rate / 1_000_000 + 1 - stressSent;
        return (int)Math.max(0, Math.min(STRESS_BATCH, due));
    }

    private boolean hasBooksSubscriber()
    {
        for (final Map.Entry<String, List<WsSession>> e : subscribers.entrySet())
        {
            if (e.getKey().startsWith("books:") && !e.getValue().isEmpty())
            {
                return true;
            }
        }
        return false;
    }

    private boolean allWritable()
    {
        for (final WsSession s : sessions)
        {
            if (!s.isWritable())
            {
                return false;
            }
        }
        return true;
    }

    private void flushAll()
    {
        for (final WsSession s : sessions)
        {
            s.flush();
        }
    }

    private void publishBooks(final String symbol, final long now)
    {
        final OrderBook book = exchange.book(symbol);
        if (!book.hasDirty())
        {
            return;
        }
        final long seq = ++seqs.get(symbol)[0];
        final List<WsSession> subs = subscribers.get("books:" + symbol);
        if (subs != null && !subs.isEmpty())
        {
            if (faults.takeSkipUpdate())
            {
                book.clearDirty();
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
            broadcast(subs, sb);
            booksUpdatesSent.addAndGet(subs.size());
        }
        book.clearDirty();
        publishDepth(symbol, "books1", 1, now);
        publishDepth(symbol, "books5", 5, now);
        publishDepth(symbol, "books15", 15, now);
    }

    private void publishDepth(final String symbol, final String channel, final int depth, final long now)
    {
        final List<WsSession> subs = subscribers.get(channel + ":" + symbol);
        if (subs == null || subs.isEmpty())
        {
            return;
        }
        depthSnapshot(symbol, channel, depth, now);
        broadcast(subs, sb);
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

    private void broadcast(final List<WsSession> subs, final CharSequence text)
    {
        final ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(text.length());
        ByteBufUtil.writeUtf8(buf, text);
        try
        {
            for (int i = 0; i < subs.size(); i++)
            {
                subs.get(i).write(buf);
            }
        }
        finally
        {
            buf.release();
        }
    }

    private void tickerTick()
    {
        final long now = faults.clockMs();
        if (faults.stalled(now))
        {
            return;
        }
        for (final String symbol : exchange.instruments().keySet())
        {
            final List<WsSession> subs = subscribers.get("ticker:" + symbol);
            if (subs != null && !subs.isEmpty())
            {
                broadcast(subs, tickerMessage(symbol, now));
                subs.forEach(WsSession::flush);
            }
        }
    }

    private String tickerMessage(final String symbol, final long now)
    {
        final Instrument inst = exchange.instruments().get(symbol);
        final Map<String, String> t = tickerFields(inst, now);
        t.remove("symbol");
        final Map<String, String> data = new LinkedHashMap<>();
        data.put("instId", symbol);
        data.putAll(t);
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            writeArg(g, "ticker", "instId", symbol);
            g.writeArrayFieldStart("data");
            writeStrings(g, data);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    /** Ticker fields (REST and WS share them). */
    public Map<String, String> tickerFields(final Instrument inst, final long now)
    {
        final OrderBook book = exchange.book(inst.symbol());
        final Ticker tk = tickers.get(inst.symbol());
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

    /** Recent public trades of a symbol, newest first: [tradeId, side, price, size, ts]. */
    public ArrayDeque<String[]> recentTrades(final String symbol)
    {
        return recentTrades.get(symbol);
    }

    @Override
    public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
        final Side takerSide, final long timeMs)
    {
        final String price = instrument.price(priceTicks);
        final String size = instrument.size(lots);
        final String[] trade = {Long.toString(tradeId), takerSide.wire(), price, size, Long.toString(timeMs)};
        final ArrayDeque<String[]> ring = recentTrades.get(instrument.symbol());
        ring.addFirst(trade);
        if (ring.size() > RECENT_TRADES)
        {
            ring.pollLast();
        }
        tickers.get(instrument.symbol()).onTrade(price, Decimals.big(lots, instrument.quantityPrecision()),
            Decimals.big(priceTicks, instrument.pricePrecision()));
        final List<WsSession> subs = subscribers.get("trade:" + instrument.symbol());
        if (subs != null && !subs.isEmpty() && !faults.stalled(timeMs))
        {
            final String msg = tradesMessage(instrument.symbol(), "update", java.util.Collections.singletonList(trade), timeMs);
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
            writeArg(g, "trade", "instId", symbol);
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

    // ---------------------------------------------------------------- sessions and ops

    /** Registers a session; false if its IP has too many live connections or connection attempts. */
    boolean sessionOpened(final WsSession s, final String ip)
    {
        final long now = faults.clockMs();
        final ArrayDeque<Long> attempts = connectAttempts.computeIfAbsent(ip, k -> new ArrayDeque<>());
        while (!attempts.isEmpty() && now - attempts.peekFirst() > ATTEMPT_WINDOW_MS)
        {
            attempts.pollFirst();
        }
        attempts.addLast(now);
        if (attempts.size() > context.wsConnectAttemptsPer5Min())
        {
            return false;
        }
        int n = 0;
        for (final WsSession other : sessions)
        {
            n += ip.equals(other.ip()) ? 1 : 0;
        }
        if (n >= context.wsMaxConnectionsPerIp())
        {
            return false;
        }
        sessions.add(s);
        return true;
    }

    void sessionClosed(final WsSession s)
    {
        sessions.remove(s);
        if (context.stress())
        {
            scheduleStress();
        }
        for (final String key : s.subscriptions())
        {
            final List<WsSession> subs = subscribers.get(key);
            if (subs != null)
            {
                subs.remove(s);
            }
        }
    }

    /** Closes every WebSocket (fault injection). */
    public void dropAll()
    {
        for (final WsSession s : new ArrayList<>(sessions))
        {
            s.close();
        }
    }

    @SuppressWarnings("unchecked")
    void onWsMessage(final WsSession s, final String text)
    {
        final Map<String, Object> msg = Json.parseObject(text);
        if (msg == null)
        {
            s.sendNow("{\"event\":\"error\",\"code\":30002,\"msg\":\"Illegal request\"}");
            return;
        }
        final String op = Json.str(msg, "op");
        final Object args = msg.get("args");
        if ("login".equals(op))
        {
            login(s, args instanceof List && !((List<Object>)args).isEmpty() && ((List<Object>)args).get(0) instanceof Map
                ? (Map<String, Object>)((List<Object>)args).get(0) : null);
            return;
        }
        if (!"subscribe".equals(op) && !"unsubscribe".equals(op))
        {
            s.sendNow("{\"event\":\"error\",\"code\":30003,\"msg\":\"Invalid op\"}");
            return;
        }
        if ("subscribe".equals(op) && faults.takeRefuseSubscribe())
        {
            s.sendNow("{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}");
            return;
        }
        if ("subscribe".equals(op) && !s.countSubscribe(SUBSCRIBES_PER_HOUR))
        {
            s.sendNow("{\"event\":\"error\",\"code\":30006,\"msg\":\"Too many requests\",\"op\":\"subscribe\"}");
            return;
        }
        if (!(args instanceof List))
        {
            s.sendNow("{\"event\":\"error\",\"code\":30016,\"msg\":\"Param error\",\"op\":\"" + op + "\"}");
            return;
        }
        for (final Object a : (List<Object>)args)
        {
            if (a instanceof Map)
            {
                subscribe(s, op, (Map<String, Object>)a);
            }
            else
            {
                s.sendNow("{\"event\":\"error\",\"code\":30016,\"msg\":\"Param error\",\"op\":\"" + op + "\"}");
            }
        }
        s.flush();
    }

    private void login(final WsSession s, final Map<String, Object> arg)
    {
        final String code = s.isPrivate() && faults.takeRefuseLogin() ? "30005,\"msg\":\"Login failed\"" : loginError(s, arg);
        if (code != null)
        {
            s.sendNow("{\"event\":\"error\",\"code\":" + code + "}");
            s.close();
            return;
        }
        s.loggedIn(true);
        s.sendNow("{\"event\":\"login\",\"code\":0,\"msg\":\"\"}");
    }

    /** Returns "code,\"msg\":\"...\"" on failure, null on success. */
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
        if (key == null || !key.equals(credentials.apiKey()))
        {
            return "30011,\"msg\":\"Invalid ACCESS_KEY\"";
        }
        if (pass == null || !pass.equals(credentials.passphrase()))
        {
            return "30012,\"msg\":\"Invalid ACCESS_PASSPHRASE\"";
        }
        final long seconds;
        try
        {
            seconds = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            return "30013,\"msg\":\"Invalid ACCESS_TIMESTAMP\"";
        }
        if (Math.abs(faults.clockMs() - seconds * 1000) > context.timestampWindowMs())
        {
            return "30014,\"msg\":\"Request timestamp expired\"";
        }
        if (sign == null || !sign.equals(wsSigner.sign(ts + "GET/user/verify")))
        {
            return "30015,\"msg\":\"Invalid ACCESS_SIGN\"";
        }
        return null;
    }

    private void subscribe(final WsSession s, final String op, final Map<String, Object> arg)
    {
        final String instType = Json.str(arg, "instType");
        final String channel = Json.str(arg, "channel");
        final boolean account = "account".equals(channel);
        final String instId = account ? Json.str(arg, "coin") : Json.str(arg, "instId");
        final String argJson = argJson(instType, channel, account ? "coin" : "instId", instId);
        if (instType == null || channel == null || instId == null)
        {
            s.sendNow(error(argJson, 30016, "Param error", op));
            return;
        }
        final boolean privateChannel = account || "orders".equals(channel) || "fill".equals(channel);
        if (privateChannel && !s.loggedIn())
        {
            s.sendNow(error(argJson, 30004, "User not logged in", op));
            return;
        }
        final boolean publicChannel = "books".equals(channel) || "books1".equals(channel) || "books5".equals(channel)
            || "books15".equals(channel) || "trade".equals(channel) || "ticker".equals(channel);
        if (channel.startsWith("candle") && !channel.equals("candle1m"))
        {
            s.sendNow(error(argJson, 30016, "Param error", op));
            return;
        }
        final boolean knownInst = privateChannel ? "default".equals(instId) || exchange.instruments().containsKey(instId)
            : exchange.instruments().containsKey(instId);
        if (!"SPOT".equals(instType) || !knownInst || !(privateChannel || publicChannel) || privateChannel != s.isPrivate())
        {
            s.sendNow(error(argJson, 30001, "instType:" + instType + ",channel:" + channel + ",instId:" + instId
                + " doesn't exist", op));
            return;
        }
        final String key = channel + ":" + instId;
        if ("unsubscribe".equals(op))
        {
            s.subscriptions().remove(key);
            final List<WsSession> subs = subscribers.get(key);
            if (subs != null)
            {
                subs.remove(s);
            }
            s.sendNow("{\"event\":\"unsubscribe\",\"arg\":" + argJson + "}");
            return;
        }
        if (!s.subscriptions().contains(key) && s.subscriptions().size() >= MAX_CHANNELS_PER_CONNECTION)
        {
            s.sendNow(error(argJson, 30006, "Too many channels", op));
            return;
        }
        s.sendNow("{\"event\":\"subscribe\",\"arg\":" + argJson + "}");
        if (s.subscriptions().add(key))
        {
            subscribers.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        initialPush(s, channel, instId);
    }

    private void initialPush(final WsSession s, final String channel, final String instId)
    {
        final long now = faults.clockMs();
        switch (channel)
        {
            case "books":
                depthSnapshot(instId, channel, 0, now);
                s.sendNow(sb.toString());
                if (context.stress())
                {
                    scheduleStress();
                }
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
                s.sendNow(tradesMessage(instId, "snapshot", new ArrayList<>(recentTrades.get(instId)).subList(0,
                    Math.min(50, recentTrades.get(instId).size())), now));
                break;
            case "account":
                s.sendNow(accountMessage(new ArrayList<>(exchange.balances().keySet()), now));
                break;
            default:
                break;
        }
    }

    private static String argJson(final String instType, final String channel, final String idKey, final String id)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("instType", instType);
            g.writeStringField("channel", channel);
            g.writeStringField(idKey, id);
            g.writeEndObject();
        });
    }

    private static String error(final String argJson, final int code, final String msg, final String op)
    {
        return "{\"event\":\"error\",\"arg\":" + argJson + ",\"code\":" + code + ",\"msg\":" + Json.write(g -> g.writeString(msg))
            + ",\"op\":\"" + op + "\"}";
    }

    private static void writeArg(final com.fasterxml.jackson.core.JsonGenerator g, final String channel, final String idKey,
        final String id) throws java.io.IOException
    {
        g.writeObjectFieldStart("arg");
        g.writeStringField("instType", "SPOT");
        g.writeStringField("channel", channel);
        g.writeStringField(idKey, id);
        g.writeEndObject();
    }

    private static void writeStrings(final com.fasterxml.jackson.core.JsonGenerator g, final Map<String, String> m)
        throws java.io.IOException
    {
        g.writeStartObject();
        for (final Map.Entry<String, String> e : m.entrySet())
        {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- private pushes

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        final long now = exchange.now();
        final String symbol = order.instrument.symbol();
        for (final WsSession target : privateTargets("orders", symbol))
        {
            final String instId = target.subscriptions().contains("orders:" + symbol) ? symbol : "default";
            push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                writeArg(g, "orders", "instId", instId);
                g.writeArrayFieldStart("data");
                g.writeStartObject();
                for (final Map.Entry<String, String> e : Views.wsOrder(order, fill).entrySet())
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
            push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                writeArg(g, "fill", "instId", instId);
                g.writeArrayFieldStart("data");
                Views.wsFill(g, fill);
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
            targets.forEach(t -> push(t, msg));
        }
    }

    private String accountMessage(final List<String> coins, final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            writeArg(g, "account", "coin", "default");
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
        addAll(out, subscribers.get(channel + ":" + symbol));
        addAll(out, subscribers.get(channel + ":default"));
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

    private void push(final WsSession target, final String msg)
    {
        if (!pushFaults.admit())
        {
            return;
        }
        final long delay = faults.ackDelayMs();
        if (delay > 0)
        {
            loop.schedule(() -> pushFaults.deliver(target, msg), delay, TimeUnit.MILLISECONDS);
        }
        else
        {
            pushFaults.deliver(target, msg);
        }
    }

    /** Rolling ticker statistics of one symbol. */
    private static final class Ticker
    {
        final double open;
        String last;
        String high;
        String low;
        BigDecimal baseVolume = BigDecimal.ZERO;
        BigDecimal quoteVolume = BigDecimal.ZERO;

        Ticker(final double open)
        {
            this.open = open;
        }

        void onTrade(final String price, final BigDecimal size, final BigDecimal priceValue)
        {
            last = price;
            if (high == null || new BigDecimal(high).compareTo(priceValue) < 0)
            {
                high = price;
            }
            if (low == null || new BigDecimal(low).compareTo(priceValue) > 0)
            {
                low = price;
            }
            baseVolume = baseVolume.add(size);
            quoteVolume = quoteVolume.add(size.multiply(priceValue));
        }
    }
}
