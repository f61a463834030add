package io.bitmm.sim.net;

import io.bitmm.sim.Credentials;
import io.bitmm.sim.Faults;
import io.bitmm.sim.SimContext;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.ExchangeListener;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.MarketGenerator;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.OrderBook;
import io.bitmm.sim.engine.Position;
import io.bitmm.sim.engine.Side;
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
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The venue's shared state, independent of any wire dialect: the exchange, the market generators, the market-data
 * timers (books cadence or stress mode, ticker), the WebSocket sessions and their subscription registry, recent
 * trades and ticker statistics, request counters, the REST rate limiter and the fault-injection random source.
 * Dialects ({@link WsDialect}, {@link RestDialect}) plug in by path: {@link #wsDialect(String)} for WebSocket
 * upgrade paths, {@link RestApi#dialect(String, RestDialect)} for REST prefixes. Runs entirely on one event loop,
 * which also serves every connection, so no locks are needed.
 */
public final class Venue implements ExchangeListener
{
    private static final int STRESS_BATCH = 512;
    private static final long STRESS_PACE_MICROS = 20;
    private static final int RECENT_TRADES = 500;
    private static final long ATTEMPT_WINDOW_MS = 5 * 60_000L;

    private final SimContext context;
    private final Exchange exchange;
    private final EventLoop loop;
    private final Faults faults;
    private final Credentials credentials;
    private final List<MarketGenerator> generators = new ArrayList<>();
    private final Map<String, List<WsSession>> subscribers = new HashMap<>();
    private final Set<WsSession> sessions = new HashSet<>();
    private final Map<String, ArrayDeque<String[]>> recentTrades = new HashMap<>();
    private final Map<String, TickerStats> tickers = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> connectAttempts = new HashMap<>();
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong rateLimitRejections = new AtomicLong();
    private final Map<String, LongAdder> rejectionsByPath = new ConcurrentHashMap<>();
    private final AtomicLong booksUpdatesSent = new AtomicLong();
    private final Map<String, WsDialect> wsDialects = new LinkedHashMap<>();
    private final List<WsDialect> dialectList = new ArrayList<>();
    private final RateLimiter restLimiter;
    private final Random faultRandom;
    private final PushFaults pushFaults;
    private boolean stressScheduled;
    private final AtomicBoolean paceRequested = new AtomicBoolean();
    private Thread pacer;
    private long stressStartNanos;
    private long stressSent;
    private long lastAdvanceMs;
    /** Stress mode: per generator, whether its product is watched (computed once per run of the loop). */
    private final boolean[] watchedNow;

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
        this.restLimiter = new RateLimiter(context.rateLimits(), context.rateLimitScale());
        this.faultRandom = new Random(context.seed());
        this.pushFaults = new PushFaults(faults, loop, context.seed());
        this.exchange = new Exchange(context.instruments(), context.balances(), context.makerFee(), context.takerFee())
            .account(context.unifiedAccount(), context.futuresBalances());
        this.exchange.futures().configure(context.futuresMakerFee(), context.futuresTakerFee(), context.defaultLeverage(),
            context.fundingIntervalMs(), context.fundingRate(), context.positionMode());
        this.exchange.listener(this);
        exchange.now(faults.clockMs());
        for (final Instrument inst : context.instruments())
        {
            recentTrades.put(inst.key(), new ArrayDeque<>());
            tickers.put(inst.key(), new TickerStats(inst.initialMid()));
            generators.add(new MarketGenerator(exchange, inst, context.seed(), context.depthLevels(), context.volatilityBps(),
                context.jumpProbability(), context.takersPerSecond()));
        }
        exchange.instruments().keySet().forEach(s -> exchange.book(s).clearDirty());
        final Random partialFillDraws = new Random(context.seed() ^ 0x2545F4914F6CDD1DL);
        exchange.partialFillHook(() -> faults.takePartialFill(partialFillDraws.nextDouble()));
        this.watchedNow = new boolean[generators.size()];
    }

    /**
     * Registers a WebSocket dialect for upgrade paths (e.g. {@code /v2/ws/public} and {@code /v2/ws/private}).
     *
     * @param dialect the dialect
     * @param paths   the upgrade paths it serves
     */
    public void wsDialect(final WsDialect dialect, final String... paths)
    {
        for (final String p : paths)
        {
            wsDialects.put(p, dialect);
        }
        if (!dialectList.contains(dialect))
        {
            dialectList.add(dialect);
        }
    }

    /**
     * The dialect serving a WebSocket upgrade path.
     *
     * @param path request path
     * @return the dialect or null (no WebSocket at that path)
     */
    public WsDialect wsDialect(final String path)
    {
        return wsDialects.get(path);
    }

    private long lastBeatNanos = System.nanoTime();

    /** @return ms since the loop last ran its 5 ms heartbeat (debug: how long it was busy or starved). */
    public long beatAgeMs()
    {
        return (System.nanoTime() - lastBeatNanos) / 1_000_000;
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
        loop.scheduleAtFixedRate(() -> lastBeatNanos = System.nanoTime(), 5, 5, TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(this::tickerTick, context.tickerIntervalMs(), context.tickerIntervalMs(), TimeUnit.MILLISECONDS);
        loop.scheduleAtFixedRate(() -> exchange.onTimer(faults.clockMs()), context.timerIntervalMs(),
            context.timerIntervalMs(), TimeUnit.MILLISECONDS);
    }

    /** The account mode: {@code uta} or {@code classic} (see {@link SimContext#accountMode(String)}). */
    public String accountMode()
    {
        return context.accountMode();
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

    /** The REST rate limiter shared by every dialect (the per-IP overall limit spans them). */
    public RateLimiter restLimiter()
    {
        return restLimiter;
    }

    /** The seeded random source of the REST drop and order-reject faults. */
    public Random faultRandom()
    {
        return faultRandom;
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

    /**
     * Counts books updates sent.
     *
     * @param n updates (one per subscriber)
     */
    public void countBooksUpdates(final int n)
    {
        booksUpdatesSent.addAndGet(n);
    }

    /**
     * Places an account order, subject to the {@code rejectOrders} fault (40725), shared by every dialect.
     *
     * @param r the request
     * @return the result; an accepted order still has to be {@link Exchange#process processed}
     */
    public Exchange.PlaceResult place(final Exchange.PlaceRequest r)
    {
        final double reject = faults.rejectOrderFraction();
        if (reject > 0 && faultRandom.nextDouble() < reject)
        {
            faults.countReject();
            return new Exchange.PlaceResult("40725", "service return an error", null);
        }
        return exchange.place(r);
    }

    // ---------------------------------------------------------------- market-data timers

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

    /** Called when a session becomes writable again, or a books subscription starts. */
    public void writable()
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
        final int products = generators.size();
        for (int k = 0; k < products; k++)
        {
            watchedNow[k] = watched(context.instruments().get(k).key());
        }
        for (int i = 0; i < budget; i++)
        {
            if (!allWritable())
            {
                flushAll();
                return;
            }
            for (int k = 0; k < products; k++)
            {
                if (watchedNow[k])
                {
                    generators.get(k).stepOnce();
                    publishBooks(context.instruments().get(k).key(), now);
                }
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
        for (int i = 0; i < dialectList.size(); i++)
        {
            if (dialectList.get(i).hasBooksSubscriber())
            {
                return true;
            }
        }
        return false;
    }

    /** Stress mode: a product's generator steps only while some session watches its book. */
    private boolean watched(final String key)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            if (dialectList.get(i).hasBooksSubscriber(key))
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

    /** Every dialect renders the book's change, then its dirty levels are cleared. */
    private void publishBooks(final String symbol, final long now)
    {
        final OrderBook book = exchange.book(symbol);
        if (!book.hasDirty())
        {
            return;
        }
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).publishBooks(symbol, now);
        }
        book.clearDirty();
    }

    private void tickerTick()
    {
        final long now = faults.clockMs();
        if (faults.stalled(now))
        {
            return;
        }
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).tickerTick(now);
        }
    }

    /**
     * Sends one text to every session of a list, sharing one buffer, without flushing.
     *
     * @param subs the sessions
     * @param text the frame text
     */
    public static void broadcast(final List<WsSession> subs, final CharSequence text)
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

    /** Ticker statistics of a product (by exchange key). */
    public TickerStats tickerStats(final String symbol)
    {
        return tickers.get(symbol);
    }

    /** Recent public trades of a product (by exchange key), newest first: [tradeId, side, price, size, ts]. */
    public ArrayDeque<String[]> recentTrades(final String symbol)
    {
        return recentTrades.get(symbol);
    }

    // ---------------------------------------------------------------- engine events, fanned out to the dialects

    @Override
    public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
        final Side takerSide, final long timeMs)
    {
        final String price = instrument.price(priceTicks);
        final String size = instrument.size(lots);
        final String[] trade = {Long.toString(tradeId), takerSide.wire(), price, size, Long.toString(timeMs)};
        final ArrayDeque<String[]> ring = recentTrades.get(instrument.key());
        ring.addFirst(trade);
        if (ring.size() > RECENT_TRADES)
        {
            ring.pollLast();
        }
        tickers.get(instrument.key()).onTrade(price, Decimals.big(lots, instrument.quantityPrecision()),
            Decimals.big(priceTicks, instrument.pricePrecision()));
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onTrade(instrument, tradeId, priceTicks, lots, takerSide, timeMs);
        }
    }

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onOrder(order, fill);
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onFill(fill);
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onBalance(coin);
        }
    }

    @Override
    public void onPosition(final Position position)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onPosition(position);
        }
    }

    @Override
    public void onFuturesAccount(final String coin)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onFuturesAccount(coin);
        }
    }

    @Override
    public void onFunding(final Position position, final BigDecimal amount, final BigDecimal rate)
    {
        for (int i = 0; i < dialectList.size(); i++)
        {
            dialectList.get(i).onFunding(position, amount, rate);
        }
    }

    // ---------------------------------------------------------------- sessions and subscriptions

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

    /**
     * The sessions subscribed under a key (dialects choose their keys, e.g. {@code books:BTCUSDT}).
     *
     * @param key subscription key
     * @return the sessions, or null if none ever subscribed
     */
    public List<WsSession> subscribers(final String key)
    {
        return subscribers.get(key);
    }

    /**
     * Adds a session under a key (no-op if it already holds it).
     *
     * @param s   the session
     * @param key subscription key
     */
    public void subscribe(final WsSession s, final String key)
    {
        if (s.subscriptions().add(key))
        {
            subscribers.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
    }

    /**
     * Removes a session from a key.
     *
     * @param s   the session
     * @param key subscription key
     */
    public void unsubscribe(final WsSession s, final String key)
    {
        s.subscriptions().remove(key);
        final List<WsSession> subs = subscribers.get(key);
        if (subs != null)
        {
            subs.remove(s);
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

    /**
     * Sends a private push now, or after the {@code ackDelay} fault's delay.
     *
     * @param target the session
     * @param msg    the text
     */
    public void push(final WsSession target, final String msg)
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
}
