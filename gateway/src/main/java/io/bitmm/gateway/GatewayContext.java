package io.bitmm.gateway;

import io.netty.channel.EventLoopGroup;

import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/**
 * Configuration of the gateways. Fluent setters with the unit in the name, defaults from named constants, one
 * {@link #conclude()} that validates and says what is wrong.
 *
 * <pre>
 * setting                  default                              meaning
 * restUri                  https://api.bitget.com               REST base (http:// means h2c / plain HTTP/1.1)
 * wsPublicUri              wss://ws.bitget.com/v2/ws/public     public stream (ws:// for loopback)
 * wsPrivateUri             wss://ws.bitget.com/v2/ws/private    private stream
 * credentials              null                                 needed by the private stream and orders
 * httpConnections          2                                    warm connections in the order pool
 * httpMode                 AUTO                                 AUTO / H2 / HTTP1
 * http2Client              LEAN                                 LEAN (own framing, 0 B/request) / NETTY
 * requestTimeoutMs         2000                                 no reply within it: COMMAND_UNKNOWN
 * connectTimeoutMs         5000                                 TCP connect and start-up warm-up bound
 * keepAliveIntervalMs      15000                                GET /api/v2/public/time per idle connection
 * pingIntervalMs           25000                                WebSocket text "ping" interval
 * pongTimeoutMs            10000                                no "pong" within it: reconnect
 * reconnectBackoffMinMs    100                                  first reconnect delay (jittered)
 * reconnectBackoffMaxMs    30000                                reconnect delay cap
 * wsMessagesPerSecond      5                                    client messages per WS connection (venue: 10)
 * subscribesPerHour        200                                  subscribe requests per WS connection (venue: 240)
 * backOffMs                1000                                 per-endpoint pause after a 429 or 5xx
 * dialect                  ClassicSpotDialect                   v2 classic or v3 UTA codecs (bitget.Dialect)
 * rateLimitPerSecond(e)    the dialect's default                per endpoint, any window of 1 s + margin
 * rateLimitQueueCapacity   64                                   commands waiting for tokens per endpoint
 * rateLimitMarginMs        50                                   added to each 1 s window: send-time jitter must not
 *                                                               squeeze two windows' requests into one at the venue
 * coalesceBatches          true                                 consecutive PLACEs/CANCELs in a batch go as one
 * orderWarmupRequests      0                                    in-memory requests through the order path at start
 * orderThreadFactory       null                                 makes the order I/O thread when it polls a
 *                                                               CommandSource; null: a daemon "bitmm-orders"
 * orderLoopSpin            false                                that thread spins instead of sleeping in epoll
 * marketDataThreadFactory  null                                 makes the market-data I/O thread (e.g. pinned)
 * marketDataLoopSpin       false                                it polls its socket without sleeping in epoll
 * fillsFromOrdersChannel   true                                 FILLs from orders pushes (they carry clientOid)
 * subscribeTrades          true                                 also subscribe the trade channel
 * instType                 SPOT                                 WS instType
 * eventLoopGroup           null                                 shared Netty group; null: one thread each
 * sharedDutyCycle          null                                 engine.threading = shared: the market-data and
 *                                                               order gateways run on its one thread
 * tlsTrustManagerFactory   null                                 TLS trust; null: the JDK's default trust store
 * </pre>
 */
public final class GatewayContext
{
    public static final URI DEFAULT_REST_URI = URI.create("https://api.bitget.com");
    public static final URI DEFAULT_WS_PUBLIC_URI = URI.create("wss://ws.bitget.com/v2/ws/public");
    public static final URI DEFAULT_WS_PRIVATE_URI = URI.create("wss://ws.bitget.com/v2/ws/private");
    public static final int DEFAULT_HTTP_CONNECTIONS = 2;
    public static final Http2Client DEFAULT_HTTP2_CLIENT = Http2Client.LEAN;
    public static final long DEFAULT_REQUEST_TIMEOUT_MS = 2000;
    public static final long DEFAULT_CONNECT_TIMEOUT_MS = 5000;
    public static final long DEFAULT_KEEP_ALIVE_INTERVAL_MS = 15_000;
    public static final long DEFAULT_PING_INTERVAL_MS = 25_000;
    public static final long DEFAULT_PONG_TIMEOUT_MS = 10_000;
    public static final long DEFAULT_RECONNECT_BACKOFF_MIN_MS = 100;
    public static final long DEFAULT_RECONNECT_BACKOFF_MAX_MS = 30_000;
    public static final int DEFAULT_WS_MESSAGES_PER_SECOND = 5;
    public static final int DEFAULT_SUBSCRIBES_PER_HOUR = 200;
    public static final long DEFAULT_BACK_OFF_MS = 1000;
    public static final int DEFAULT_RATE_LIMIT_QUEUE_CAPACITY = 64;

    private URI restUri = DEFAULT_REST_URI;
    private URI wsPublicUri = DEFAULT_WS_PUBLIC_URI;
    private URI wsPrivateUri = DEFAULT_WS_PRIVATE_URI;
    private Credentials credentials;
    private int httpConnections = DEFAULT_HTTP_CONNECTIONS;
    private HttpMode httpMode = HttpMode.AUTO;
    private Http2Client http2Client = DEFAULT_HTTP2_CLIENT;
    private long requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS;
    private long connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS;
    private long keepAliveIntervalMs = DEFAULT_KEEP_ALIVE_INTERVAL_MS;
    private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
    private long pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
    private long reconnectBackoffMinMs = DEFAULT_RECONNECT_BACKOFF_MIN_MS;
    private long reconnectBackoffMaxMs = DEFAULT_RECONNECT_BACKOFF_MAX_MS;
    private int wsMessagesPerSecond = DEFAULT_WS_MESSAGES_PER_SECOND;
    private int subscribesPerHour = DEFAULT_SUBSCRIBES_PER_HOUR;
    private long backOffMs = DEFAULT_BACK_OFF_MS;
    private int rateLimitQueueCapacity = DEFAULT_RATE_LIMIT_QUEUE_CAPACITY;
    private final Map<Endpoint, Integer> rateLimits = new EnumMap<>(Endpoint.class);
    private boolean coalesceBatches = true;
    private long rateLimitMarginMs = 50;
    private int orderWarmupRequests;
    private java.util.concurrent.ThreadFactory orderThreadFactory;
    private boolean orderLoopSpin;
    private boolean rateLimitStartSpent;
    private java.util.concurrent.ThreadFactory marketDataThreadFactory;
    private boolean marketDataLoopSpin;
    private boolean fillsFromOrdersChannel = true;
    private boolean subscribeTrades = true;
    private String instType = "SPOT";
    private EventLoopGroup eventLoopGroup;
    private SharedDutyCycle sharedDutyCycle;
    private TrustManagerFactory tlsTrustManagerFactory;
    private DistinctErrorLog errorLog = new DistinctErrorLog();
    private VenueClock venueClock = new VenueClock();
    private io.bitmm.gateway.bitget.Dialect dialect = io.bitmm.gateway.bitget.v2.ClassicSpotDialect.INSTANCE;

    /**
     * Validate every setting.
     *
     * @return this.
     * @throws IllegalStateException saying which setting is wrong and why.
     */
    public GatewayContext conclude()
    {
        checkUri("restUri", restUri, "https", "http");
        checkUri("wsPublicUri", wsPublicUri, "wss", "ws");
        checkUri("wsPrivateUri", wsPrivateUri, "wss", "ws");
        check(httpConnections >= 1 && httpConnections <= 64, "httpConnections must be 1..64, was " + httpConnections);
        check(httpMode != null, "httpMode must be set");
        check(http2Client != null, "http2Client must be set");
        check(requestTimeoutMs > 0, "requestTimeoutMs must be > 0, was " + requestTimeoutMs);
        check(connectTimeoutMs > 0, "connectTimeoutMs must be > 0, was " + connectTimeoutMs);
        check(keepAliveIntervalMs > 0, "keepAliveIntervalMs must be > 0, was " + keepAliveIntervalMs);
        check(pingIntervalMs > 0 && pingIntervalMs <= 30_000,
            "pingIntervalMs must be 1..30000 (Bitget expects a ping every 30 s), was " + pingIntervalMs);
        check(pongTimeoutMs > 0, "pongTimeoutMs must be > 0, was " + pongTimeoutMs);
        check(reconnectBackoffMinMs > 0 && reconnectBackoffMaxMs >= reconnectBackoffMinMs,
            "need 0 < reconnectBackoffMinMs <= reconnectBackoffMaxMs, were " + reconnectBackoffMinMs + ", " +
            reconnectBackoffMaxMs);
        check(wsMessagesPerSecond >= 1 && wsMessagesPerSecond <= 10,
            "wsMessagesPerSecond must be 1..10 (Bitget disconnects above 10/s), was " + wsMessagesPerSecond);
        check(subscribesPerHour >= 1 && subscribesPerHour <= 240,
            "subscribesPerHour must be 1..240 (Bitget's limit), was " + subscribesPerHour);
        check(backOffMs >= 0, "backOffMs must be >= 0, was " + backOffMs);
        check(rateLimitQueueCapacity >= 0, "rateLimitQueueCapacity must be >= 0, was " + rateLimitQueueCapacity);
        for (final Map.Entry<Endpoint, Integer> entry : rateLimits.entrySet())
        {
            check(entry.getValue() >= 1, "rateLimitPerSecond(" + entry.getKey() + ") must be >= 1, was " + entry.getValue());
        }
        check(dialect != null, "dialect must be set");
        check("SPOT".equals(instType), "instType: only SPOT is implemented, was " + instType);
        return this;
    }

    private static void checkUri(final String name, final URI uri, final String secure, final String plain)
    {
        check(uri != null, name + " must be set");
        check(secure.equals(uri.getScheme()) || plain.equals(uri.getScheme()),
            name + " must use " + secure + ":// (or " + plain + ":// for loopback), was " + uri);
        check(uri.getHost() != null, name + " has no host: " + uri);
    }

    private static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("GatewayContext: " + message);
        }
    }

    public GatewayContext restUri(final URI restUri)
    {
        this.restUri = restUri;
        return this;
    }

    public URI restUri()
    {
        return restUri;
    }

    public GatewayContext wsPublicUri(final URI wsPublicUri)
    {
        this.wsPublicUri = wsPublicUri;
        return this;
    }

    public URI wsPublicUri()
    {
        return wsPublicUri;
    }

    public GatewayContext wsPrivateUri(final URI wsPrivateUri)
    {
        this.wsPrivateUri = wsPrivateUri;
        return this;
    }

    public URI wsPrivateUri()
    {
        return wsPrivateUri;
    }

    public GatewayContext credentials(final Credentials credentials)
    {
        this.credentials = credentials;
        return this;
    }

    public Credentials credentials()
    {
        return credentials;
    }

    public GatewayContext httpConnections(final int httpConnections)
    {
        this.httpConnections = httpConnections;
        return this;
    }

    public int httpConnections()
    {
        return httpConnections;
    }

    public GatewayContext httpMode(final HttpMode httpMode)
    {
        this.httpMode = httpMode;
        return this;
    }

    public HttpMode httpMode()
    {
        return httpMode;
    }

    /**
     * @param http2Client which HTTP/2 client the order connections use.
     * @return this.
     */
    public GatewayContext http2Client(final Http2Client http2Client)
    {
        this.http2Client = http2Client;
        return this;
    }

    public Http2Client http2Client()
    {
        return http2Client;
    }

    public GatewayContext requestTimeoutMs(final long requestTimeoutMs)
    {
        this.requestTimeoutMs = requestTimeoutMs;
        return this;
    }

    public long requestTimeoutMs()
    {
        return requestTimeoutMs;
    }

    public GatewayContext connectTimeoutMs(final long connectTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        return this;
    }

    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    public GatewayContext keepAliveIntervalMs(final long keepAliveIntervalMs)
    {
        this.keepAliveIntervalMs = keepAliveIntervalMs;
        return this;
    }

    public long keepAliveIntervalMs()
    {
        return keepAliveIntervalMs;
    }

    public GatewayContext pingIntervalMs(final long pingIntervalMs)
    {
        this.pingIntervalMs = pingIntervalMs;
        return this;
    }

    public long pingIntervalMs()
    {
        return pingIntervalMs;
    }

    public GatewayContext pongTimeoutMs(final long pongTimeoutMs)
    {
        this.pongTimeoutMs = pongTimeoutMs;
        return this;
    }

    public long pongTimeoutMs()
    {
        return pongTimeoutMs;
    }

    public GatewayContext reconnectBackoffMinMs(final long reconnectBackoffMinMs)
    {
        this.reconnectBackoffMinMs = reconnectBackoffMinMs;
        return this;
    }

    public long reconnectBackoffMinMs()
    {
        return reconnectBackoffMinMs;
    }

    public GatewayContext reconnectBackoffMaxMs(final long reconnectBackoffMaxMs)
    {
        this.reconnectBackoffMaxMs = reconnectBackoffMaxMs;
        return this;
    }

    public long reconnectBackoffMaxMs()
    {
        return reconnectBackoffMaxMs;
    }

    public GatewayContext wsMessagesPerSecond(final int wsMessagesPerSecond)
    {
        this.wsMessagesPerSecond = wsMessagesPerSecond;
        return this;
    }

    public int wsMessagesPerSecond()
    {
        return wsMessagesPerSecond;
    }

    public GatewayContext subscribesPerHour(final int subscribesPerHour)
    {
        this.subscribesPerHour = subscribesPerHour;
        return this;
    }

    public int subscribesPerHour()
    {
        return subscribesPerHour;
    }

    public GatewayContext backOffMs(final long backOffMs)
    {
        this.backOffMs = backOffMs;
        return this;
    }

    public long backOffMs()
    {
        return backOffMs;
    }

    public GatewayContext rateLimitQueueCapacity(final int rateLimitQueueCapacity)
    {
        this.rateLimitQueueCapacity = rateLimitQueueCapacity;
        return this;
    }

    public int rateLimitQueueCapacity()
    {
        return rateLimitQueueCapacity;
    }

    public GatewayContext rateLimitPerSecond(final Endpoint endpoint, final int requestsPerSecond)
    {
        rateLimits.put(endpoint, requestsPerSecond);
        return this;
    }

    public int rateLimitPerSecond(final Endpoint endpoint)
    {
        final Integer limit = rateLimits.get(endpoint);
        return limit == null ? dialect.endpoints().limitPerSecond(endpoint) : limit;
    }

    /**
     * @param marginMs added to each endpoint's one-second window, so that requests spaced exactly one window apart
     *                 when sent cannot arrive less than a second apart after uneven delays (the venue answers 429).
     * @return this.
     */
    public GatewayContext rateLimitMarginMs(final long marginMs)
    {
        this.rateLimitMarginMs = marginMs;
        return this;
    }

    public long rateLimitMarginMs()
    {
        return rateLimitMarginMs;
    }

    /**
     * @param startSpent true to start every trading endpoint's rate window as if just spent, so that the first
     *                   requests wait one window: the venue counts per account, and a run killed a moment ago may have
     *                   spent it (default false; the engine's {@code gateway.rate-limit-start-spent} is true).
     * @return this.
     */
    public GatewayContext rateLimitStartSpent(final boolean startSpent)
    {
        this.rateLimitStartSpent = startSpent;
        return this;
    }

    /**
     * @return whether the rate windows start spent.
     */
    public boolean rateLimitStartSpent()
    {
        return rateLimitStartSpent;
    }

    public GatewayContext coalesceBatches(final boolean coalesceBatches)
    {
        this.coalesceBatches = coalesceBatches;
        return this;
    }

    public boolean coalesceBatches()
    {
        return coalesceBatches;
    }

    /**
     * @param requests requests run through the order path in memory at start, for the JIT (0: none); see
     *                 {@link io.bitmm.gateway.order.OrderPathWarmup}.
     * @return this.
     */
    public GatewayContext orderWarmupRequests(final int requests)
    {
        this.orderWarmupRequests = requests;
        return this;
    }

    public int orderWarmupRequests()
    {
        return orderWarmupRequests;
    }

    /**
     * @param factory makes the order I/O thread when the order gateway polls a command source (e.g. to pin it).
     * @return this.
     */
    public GatewayContext orderThreadFactory(final java.util.concurrent.ThreadFactory factory)
    {
        this.orderThreadFactory = factory;
        return this;
    }

    public java.util.concurrent.ThreadFactory orderThreadFactory()
    {
        return orderThreadFactory;
    }

    /**
     * @param spin true: when it polls a command source, the order I/O thread never sleeps (an isolated CPU); false:
     *             it sleeps in epoll when idle and the producer wakes it.
     * @return this.
     */
    public GatewayContext orderLoopSpin(final boolean spin)
    {
        this.orderLoopSpin = spin;
        return this;
    }

    public boolean orderLoopSpin()
    {
        return orderLoopSpin;
    }

    /**
     * @param factory makes the market-data I/O thread (e.g. to pin it); null: a daemon "bitmm-md". Ignored when an
     *                {@link #eventLoopGroup} is shared.
     * @return this.
     */
    public GatewayContext marketDataThreadFactory(final java.util.concurrent.ThreadFactory factory)
    {
        this.marketDataThreadFactory = factory;
        return this;
    }

    public java.util.concurrent.ThreadFactory marketDataThreadFactory()
    {
        return marketDataThreadFactory;
    }

    /**
     * @param spin true: the market-data I/O thread polls its socket without ever sleeping in epoll (an isolated CPU:
     *             no wake-up latency per update); false: the usual blocking select.
     * @return this.
     */
    public GatewayContext marketDataLoopSpin(final boolean spin)
    {
        this.marketDataLoopSpin = spin;
        return this;
    }

    public boolean marketDataLoopSpin()
    {
        return marketDataLoopSpin;
    }

    public GatewayContext fillsFromOrdersChannel(final boolean fillsFromOrdersChannel)
    {
        this.fillsFromOrdersChannel = fillsFromOrdersChannel;
        return this;
    }

    public boolean fillsFromOrdersChannel()
    {
        return fillsFromOrdersChannel;
    }

    public GatewayContext subscribeTrades(final boolean subscribeTrades)
    {
        this.subscribeTrades = subscribeTrades;
        return this;
    }

    public boolean subscribeTrades()
    {
        return subscribeTrades;
    }

    public GatewayContext instType(final String instType)
    {
        this.instType = instType;
        return this;
    }

    public String instType()
    {
        return instType;
    }

    public GatewayContext eventLoopGroup(final EventLoopGroup eventLoopGroup)
    {
        this.eventLoopGroup = eventLoopGroup;
        return this;
    }

    public EventLoopGroup eventLoopGroup()
    {
        return eventLoopGroup;
    }

    /**
     * @param dutyCycle the one thread the market-data gateway (its socket) and the order gateway (its command source
     *                  and sockets) run on ({@code engine.threading = shared}); null: each its own thread.
     * @return this.
     */
    public GatewayContext sharedDutyCycle(final SharedDutyCycle dutyCycle)
    {
        this.sharedDutyCycle = dutyCycle;
        return this;
    }

    public SharedDutyCycle sharedDutyCycle()
    {
        return sharedDutyCycle;
    }

    /**
     * @param tlsTrustManagerFactory trust for {@code https://} and {@code wss://} (a private CA, a test venue); null
     *                               for the JDK's default trust store.
     * @return this.
     */
    public GatewayContext tlsTrustManagerFactory(final TrustManagerFactory tlsTrustManagerFactory)
    {
        this.tlsTrustManagerFactory = tlsTrustManagerFactory;
        return this;
    }

    public TrustManagerFactory tlsTrustManagerFactory()
    {
        return tlsTrustManagerFactory;
    }

    /**
     * @param venueClock the clock offset shared by the gateways (set by the order pool's time requests).
     * @return this.
     */
    public GatewayContext venueClock(final VenueClock venueClock)
    {
        this.venueClock = venueClock;
        return this;
    }

    public VenueClock venueClock()
    {
        return venueClock;
    }

    public GatewayContext errorLog(final DistinctErrorLog errorLog)
    {
        this.errorLog = errorLog;
        return this;
    }

    public DistinctErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * @param dialect how to speak to the venue (classic v2 or UTA v3), chosen once at start.
     * @return this.
     */
    public GatewayContext dialect(final io.bitmm.gateway.bitget.Dialect dialect)
    {
        this.dialect = dialect;
        return this;
    }

    public io.bitmm.gateway.bitget.Dialect dialect()
    {
        return dialect;
    }
}
