package io.bitmm.sim;

import io.bitmm.sim.engine.Instrument;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration of the simulated venue: fluent setters with units in their names, defaults from named
 * constants, {@link #conclude()} validates. See sim/README.md for the table of settings.
 */
public final class SimContext
{
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_BOOKS_INTERVAL_MS = 200;
    public static final long DEFAULT_TICKER_INTERVAL_MS = 250;
    public static final long DEFAULT_WS_MAX_AGE_MS = 24L * 60 * 60 * 1000;
    public static final int DEFAULT_WS_MESSAGES_PER_SECOND = 10;
    public static final long DEFAULT_WS_IDLE_TIMEOUT_MS = 120_000;
    public static final int DEFAULT_WS_MAX_CONNECTIONS_PER_IP = 100;
    public static final int DEFAULT_WS_CONNECT_ATTEMPTS_PER_5MIN = 300;
    public static final long DEFAULT_TIMESTAMP_WINDOW_MS = 30_000;
    public static final String DEFAULT_MAKER_FEE = "0.0002";
    public static final String DEFAULT_TAKER_FEE = "0.0006";
    public static final double DEFAULT_VOLATILITY_BPS = 0.05;
    public static final double DEFAULT_JUMP_PROBABILITY = 0.001;
    public static final double DEFAULT_TAKERS_PER_SECOND = 2.0;
    public static final int DEFAULT_DEPTH_LEVELS = 60;
    /** Account mode of a new Bitget user (since May 2026): a Unified Trading Account. */
    public static final String ACCOUNT_UTA = "uta";
    /** A classic account: v2 API, separate spot and futures accounts. */
    public static final String ACCOUNT_CLASSIC = "classic";
    public static final String DEFAULT_FUTURES_MAKER_FEE = "0.0002";
    public static final String DEFAULT_FUTURES_TAKER_FEE = "0.0006";
    public static final int DEFAULT_LEVERAGE = 20;
    public static final long DEFAULT_FUNDING_INTERVAL_MS = 8L * 60 * 60 * 1000;
    public static final String DEFAULT_FUNDING_RATE = "0.0001";
    public static final String DEFAULT_POSITION_MODE = "one_way_mode";
    public static final long DEFAULT_TIMER_INTERVAL_MS = 50;

    private String bindAddress = DEFAULT_BIND;
    private int port;
    private long seed = DEFAULT_SEED;
    private long booksIntervalMs = DEFAULT_BOOKS_INTERVAL_MS;
    private long tickerIntervalMs = DEFAULT_TICKER_INTERVAL_MS;
    private boolean stress;
    private long stressUpdatesPerSecond;
    private boolean marketGenerator = true;
    private boolean tls = true;
    private long wsMaxAgeMs = DEFAULT_WS_MAX_AGE_MS;
    private int wsMessagesPerSecond = DEFAULT_WS_MESSAGES_PER_SECOND;
    private long wsIdleTimeoutMs = DEFAULT_WS_IDLE_TIMEOUT_MS;
    private int wsMaxConnectionsPerIp = DEFAULT_WS_MAX_CONNECTIONS_PER_IP;
    private int wsConnectAttemptsPer5Min = DEFAULT_WS_CONNECT_ATTEMPTS_PER_5MIN;
    private long timestampWindowMs = DEFAULT_TIMESTAMP_WINDOW_MS;
    private boolean rateLimits = true;
    private double rateLimitScale = 1.0;
    private BigDecimal makerFee = new BigDecimal(DEFAULT_MAKER_FEE);
    private BigDecimal takerFee = new BigDecimal(DEFAULT_TAKER_FEE);
    private double volatilityBps = DEFAULT_VOLATILITY_BPS;
    private double jumpProbability = DEFAULT_JUMP_PROBABILITY;
    private double takersPerSecond = DEFAULT_TAKERS_PER_SECOND;
    private int depthLevels = DEFAULT_DEPTH_LEVELS;
    private Credentials credentials;
    private String accountMode = ACCOUNT_UTA;
    private boolean perpetuals = true;
    private BigDecimal futuresMakerFee = new BigDecimal(DEFAULT_FUTURES_MAKER_FEE);
    private BigDecimal futuresTakerFee = new BigDecimal(DEFAULT_FUTURES_TAKER_FEE);
    private int defaultLeverage = DEFAULT_LEVERAGE;
    private long fundingIntervalMs = DEFAULT_FUNDING_INTERVAL_MS;
    private BigDecimal fundingRate = new BigDecimal(DEFAULT_FUNDING_RATE);
    private String positionMode = DEFAULT_POSITION_MODE;
    private long timerIntervalMs = DEFAULT_TIMER_INTERVAL_MS;
    private boolean modifyReplyNewOrderId;
    private final Map<String, BigDecimal> futuresBalances = new LinkedHashMap<>();
    private final List<Instrument> instruments = new ArrayList<>();
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private final Faults faults = new Faults();
    private final V3Options v3 = new V3Options();

    /**
     * The default instruments: spot BTCUSDT and ETHUSDT, and the USDT-M perpetuals BTCUSDT and ETHUSDT with
     * Bitget's contract parameters (v2 {@code mix/market/contracts}, live captures 2025: BTC tick 0.1, size step
     * and minimum 0.0001; ETH tick 0.01, step and minimum 0.01; minimum value 5 USDT; max leverage 150).
     */
    public static List<Instrument> defaultInstruments()
    {
        return List.of(
            new Instrument("BTCUSDT", "BTC", "USDT", 2, 6, "1", 60_000.0),
            new Instrument("ETHUSDT", "ETH", "USDT", 2, 4, "1", 3_000.0),
            Instrument.perpetual("BTCUSDT", "BTC", 1, 4, "0.0001", "5", 150, 60_000.0),
            Instrument.perpetual("ETHUSDT", "ETH", 2, 2, "0.01", "5", 150, 3_000.0));
    }

    /**
     * The account mode: {@link #ACCOUNT_UTA} (default; v2 private REST refused with 40085, one wallet) or
     * {@link #ACCOUNT_CLASSIC} (v3 private paths refused with 40084; separate spot and futures accounts).
     */
    public SimContext accountMode(final String v)
    {
        accountMode = v == null ? null : v.toLowerCase(Locale.ROOT);
        return this;
    }

    public String accountMode()
    {
        return accountMode;
    }

    /** True on a UTA account. */
    public boolean unifiedAccount()
    {
        return ACCOUNT_UTA.equals(accountMode);
    }

    /** Lists the USDT-M perpetuals beside spot (default true). */
    public SimContext perpetuals(final boolean v)
    {
        perpetuals = v;
        return this;
    }

    public boolean perpetuals()
    {
        return perpetuals;
    }

    /** Classic account: a start balance of the futures account (default 1,000,000 USDT). */
    public SimContext futuresBalance(final String coin, final String amount)
    {
        futuresBalances.put(coin, new BigDecimal(amount));
        return this;
    }

    public Map<String, BigDecimal> futuresBalances()
    {
        return futuresBalances;
    }

    /** Futures fee rates (default 0.0002 / 0.0006, Bitget VIP0; a negative maker rate is a rebate). */
    public SimContext futuresFees(final String maker, final String taker)
    {
        futuresMakerFee = new BigDecimal(maker);
        futuresTakerFee = new BigDecimal(taker);
        return this;
    }

    public BigDecimal futuresMakerFee()
    {
        return futuresMakerFee;
    }

    public BigDecimal futuresTakerFee()
    {
        return futuresTakerFee;
    }

    /** Leverage of a perpetual never set by the account (default 20, capped at the contract's maximum). */
    public SimContext defaultLeverage(final int v)
    {
        defaultLeverage = v;
        return this;
    }

    public int defaultLeverage()
    {
        return defaultLeverage;
    }

    /** Funding settlement interval (default 8 h; settlements at multiples of it since the epoch; 0 = none). */
    public SimContext fundingIntervalMs(final long v)
    {
        fundingIntervalMs = v;
        return this;
    }

    public long fundingIntervalMs()
    {
        return fundingIntervalMs;
    }

    /** Funding rate per settlement (default 0.0001; positive: longs pay shorts). */
    public SimContext fundingRate(final String v)
    {
        fundingRate = new BigDecimal(v);
        return this;
    }

    public BigDecimal fundingRate()
    {
        return fundingRate;
    }

    /** Start position mode: {@code one_way_mode} (default) or {@code hedge_mode}. */
    public SimContext positionMode(final String v)
    {
        positionMode = v;
        return this;
    }

    public String positionMode()
    {
        return positionMode;
    }

    /**
     * v2 futures {@code modify-order} reply: false (default) answers {@code "orderId":null} as in ccxt's capture of a
     * live reply (Bitget re-creates the order asynchronously); true answers the replacement's orderId, as Bitget's
     * page example shows (UNCONFIRMED which one is live).
     */
    public SimContext modifyReplyNewOrderId(final boolean v)
    {
        modifyReplyNewOrderId = v;
        return this;
    }

    public boolean modifyReplyNewOrderId()
    {
        return modifyReplyNewOrderId;
    }

    /** Period of the venue timer that fires the dead-man switch and funding (default 50 ms). */
    public SimContext timerIntervalMs(final long v)
    {
        timerIntervalMs = v;
        return this;
    }

    public long timerIntervalMs()
    {
        return timerIntervalMs;
    }

    public SimContext bindAddress(final String v)
    {
        bindAddress = v;
        return this;
    }

    public String bindAddress()
    {
        return bindAddress;
    }

    /** TCP port; 0 picks a free one. */
    public SimContext port(final int v)
    {
        port = v;
        return this;
    }

    public int port()
    {
        return port;
    }

    public SimContext seed(final long v)
    {
        seed = v;
        return this;
    }

    public long seed()
    {
        return seed;
    }

    /** Cadence of {@code books}/{@code books5}/{@code books15} pushes (Bitget spot: 200 ms). */
    public SimContext booksIntervalMs(final long v)
    {
        booksIntervalMs = v;
        return this;
    }

    public long booksIntervalMs()
    {
        return booksIntervalMs;
    }

    public SimContext tickerIntervalMs(final long v)
    {
        tickerIntervalMs = v;
        return this;
    }

    public long tickerIntervalMs()
    {
        return tickerIntervalMs;
    }

    /** Stress mode: one book change per update, streamed as fast as subscribers read. */
    public SimContext stress(final boolean v)
    {
        stress = v;
        return this;
    }

    public boolean stress()
    {
        return stress;
    }

    /** Stress mode at a fixed rate: this many book updates per second per symbol, paced; 0 (default) = flat out. */
    public SimContext stressUpdatesPerSecond(final long v)
    {
        stressUpdatesPerSecond = v;
        return this;
    }

    public long stressUpdatesPerSecond()
    {
        return stressUpdatesPerSecond;
    }

    /** Whether synthetic makers/takers run (off: a static book built at start). */
    public SimContext marketGenerator(final boolean v)
    {
        marketGenerator = v;
        return this;
    }

    public boolean marketGenerator()
    {
        return marketGenerator;
    }

    /** Also accept TLS (h2/http1.1 by ALPN, wss) on the same port, with the bundled self-signed loopback certificate. */
    public SimContext tls(final boolean v)
    {
        tls = v;
        return this;
    }

    public boolean tls()
    {
        return tls;
    }

    /** Forced WebSocket disconnect after this age (Bitget: 24 h). */
    public SimContext wsMaxAgeMs(final long v)
    {
        wsMaxAgeMs = v;
        return this;
    }

    public long wsMaxAgeMs()
    {
        return wsMaxAgeMs;
    }

    /** Client messages per second per WebSocket connection before disconnect (Bitget: 10). */
    public SimContext wsMessagesPerSecond(final int v)
    {
        wsMessagesPerSecond = v;
        return this;
    }

    public int wsMessagesPerSecond()
    {
        return wsMessagesPerSecond;
    }

    /** Close a WebSocket that sent nothing (no ping) for this long (Bitget: 2 minutes). */
    public SimContext wsIdleTimeoutMs(final long v)
    {
        wsIdleTimeoutMs = v;
        return this;
    }

    public long wsIdleTimeoutMs()
    {
        return wsIdleTimeoutMs;
    }

    /** Live WebSocket connections allowed per IP (Bitget: 100). */
    public SimContext wsMaxConnectionsPerIp(final int v)
    {
        wsMaxConnectionsPerIp = v;
        return this;
    }

    public int wsMaxConnectionsPerIp()
    {
        return wsMaxConnectionsPerIp;
    }

    /** WebSocket connection attempts allowed per IP in 5 minutes (Bitget: 300). */
    public SimContext wsConnectAttemptsPer5Min(final int v)
    {
        wsConnectAttemptsPer5Min = v;
        return this;
    }

    public int wsConnectAttemptsPer5Min()
    {
        return wsConnectAttemptsPer5Min;
    }

    /** REST timestamp window and WS login expiry (Bitget: 30 s). */
    public SimContext timestampWindowMs(final long v)
    {
        timestampWindowMs = v;
        return this;
    }

    public long timestampWindowMs()
    {
        return timestampWindowMs;
    }

    /** Enforce the per-UID/per-IP REST limits of protocol §8 (on by default). */
    public SimContext rateLimits(final boolean v)
    {
        rateLimits = v;
        return this;
    }

    public boolean rateLimits()
    {
        return rateLimits;
    }

    /** Multiplies every rate limit (2.0 = twice as permissive). */
    public SimContext rateLimitScale(final double v)
    {
        rateLimitScale = v;
        return this;
    }

    public double rateLimitScale()
    {
        return rateLimitScale;
    }

    /**
     * Maker fee rate, e.g. {@code "0.0002"}. Negative is a maker rebate (VIP and market-maker tiers): the venue then
     * pays {@code |rate| x} the fill in the coin it would have charged (the received coin) and reports it with
     * Bitget's sign, positive (protocol section 7). At least {@code -takerFee}, so that a self-trade never pays.
     *
     * @param v the rate as a decimal string.
     * @return this.
     */
    public SimContext makerFee(final String v)
    {
        makerFee = new BigDecimal(v);
        return this;
    }

    public BigDecimal makerFee()
    {
        return makerFee;
    }

    /**
     * @param v taker fee rate, e.g. {@code "0.0006"}; at least 0.
     * @return this.
     */
    public SimContext takerFee(final String v)
    {
        takerFee = new BigDecimal(v);
        return this;
    }

    public BigDecimal takerFee()
    {
        return takerFee;
    }

    /** Standard deviation of a 10 ms mid step in basis points. */
    public SimContext volatilityBps(final double v)
    {
        volatilityBps = v;
        return this;
    }

    public double volatilityBps()
    {
        return volatilityBps;
    }

    public SimContext jumpProbability(final double v)
    {
        jumpProbability = v;
        return this;
    }

    public double jumpProbability()
    {
        return jumpProbability;
    }

    /** Synthetic takers per second per symbol (Poisson). */
    public SimContext takersPerSecond(final double v)
    {
        takersPerSecond = v;
        return this;
    }

    public double takersPerSecond()
    {
        return takersPerSecond;
    }

    /** Maker levels per side. */
    public SimContext depthLevels(final int v)
    {
        depthLevels = v;
        return this;
    }

    public int depthLevels()
    {
        return depthLevels;
    }

    public SimContext credentials(final Credentials v)
    {
        credentials = v;
        return this;
    }

    public Credentials credentials()
    {
        return credentials;
    }

    /** Adds an instrument (if none is added the defaults are used). */
    public SimContext instrument(final Instrument v)
    {
        instruments.add(v);
        return this;
    }

    /** Keeps only the named default instruments, e.g. "BTCUSDT,ETHUSDT". */
    public SimContext symbols(final String csv)
    {
        instruments.clear();
        for (final String s : csv.split(","))
        {
            final String sym = s.trim().toUpperCase(Locale.ROOT);
            for (final Instrument i : defaultInstruments())
            {
                if (i.symbol().equals(sym))
                {
                    instruments.add(i);
                }
            }
        }
        return this;
    }

    public List<Instrument> instruments()
    {
        return instruments;
    }

    /** Sets an initial balance of the API account. */
    public SimContext balance(final String coin, final String amount)
    {
        balances.put(coin, new BigDecimal(amount));
        return this;
    }

    public Map<String, BigDecimal> balances()
    {
        return balances;
    }

    public Faults faults()
    {
        return faults;
    }

    /** The UTA v3 options (protocol v3 §12's open points). */
    public V3Options v3()
    {
        return v3;
    }

    /**
     * Fills defaults and validates.
     *
     * @return this
     * @throws IllegalArgumentException saying what is wrong
     */
    public SimContext conclude()
    {
        if (credentials == null)
        {
            credentials = Credentials.fromEnvironment();
        }
        if (instruments.isEmpty())
        {
            instruments.addAll(defaultInstruments());
        }
        if (!perpetuals)
        {
            instruments.removeIf(Instrument::isFutures);
        }
        if (balances.isEmpty())
        {
            balance("BTC", "10").balance("ETH", "200").balance("USDT", "1000000");
        }
        if (futuresBalances.isEmpty())
        {
            futuresBalance("USDT", "1000000");
        }
        require(ACCOUNT_UTA.equals(accountMode) || ACCOUNT_CLASSIC.equals(accountMode),
            "accountMode must be uta or classic: " + accountMode);
        require("one_way_mode".equals(positionMode) || "hedge_mode".equals(positionMode),
            "positionMode must be one_way_mode or hedge_mode: " + positionMode);
        require(defaultLeverage >= 1, "defaultLeverage must be >= 1");
        require(fundingIntervalMs >= 0, "fundingIntervalMs must be >= 0");
        require(timerIntervalMs >= 1, "timerIntervalMs must be >= 1");
        require(port >= 0 && port <= 65_535, "port must be 0..65535: " + port);
        require(stressUpdatesPerSecond >= 0, "stressUpdatesPerSecond must be >= 0: " + stressUpdatesPerSecond);
        require(booksIntervalMs >= 1, "booksIntervalMs must be >= 1: " + booksIntervalMs);
        require(tickerIntervalMs >= 1, "tickerIntervalMs must be >= 1: " + tickerIntervalMs);
        require(wsMaxAgeMs >= 1, "wsMaxAgeMs must be >= 1");
        require(wsMessagesPerSecond >= 1, "wsMessagesPerSecond must be >= 1");
        require(wsIdleTimeoutMs >= 1, "wsIdleTimeoutMs must be >= 1");
        require(wsMaxConnectionsPerIp >= 1, "wsMaxConnectionsPerIp must be >= 1");
        require(wsConnectAttemptsPer5Min >= 1, "wsConnectAttemptsPer5Min must be >= 1");
        require(rateLimitScale > 0, "rateLimitScale must be > 0");
        require(depthLevels >= 1 && depthLevels <= 400, "depthLevels must be 1..400: " + depthLevels);
        require(takerFee.signum() >= 0, "takerFee must be >= 0: " + takerFee.toPlainString());
        require(makerFee.add(takerFee).signum() >= 0 && makerFee.compareTo(BigDecimal.ONE.negate()) > 0,
            "makerFee must be >= -takerFee (a rebate no larger than the taker fee): " + makerFee.toPlainString());
        v3.conclude();
        return this;
    }

    private static void require(final boolean ok, final String msg)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(msg);
        }
    }
}
