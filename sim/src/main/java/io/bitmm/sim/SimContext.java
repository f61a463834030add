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
    private final List<Instrument> instruments = new ArrayList<>();
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();
    private final Faults faults = new Faults();
    private final V3Options v3 = new V3Options();

    /** The default instruments: BTCUSDT and ETHUSDT. */
    public static List<Instrument> defaultInstruments()
    {
        return List.of(
            new Instrument("BTCUSDT", "BTC", "USDT", 2, 6, "1", 60_000.0),
            new Instrument("ETHUSDT", "ETH", "USDT", 2, 4, "1", 3_000.0));
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

    public SimContext makerFee(final String v)
    {
        makerFee = new BigDecimal(v);
        return this;
    }

    public BigDecimal makerFee()
    {
        return makerFee;
    }

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
        if (balances.isEmpty())
        {
            balance("BTC", "10").balance("ETH", "200").balance("USDT", "1000000");
        }
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
        require(makerFee.signum() >= 0 && takerFee.signum() >= 0, "fees must be >= 0");
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
