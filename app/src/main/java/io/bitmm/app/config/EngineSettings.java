package io.bitmm.app.config;

import java.util.List;

/**
 * Every setting the engine reads, in the order the docs table lists them. Keys with {@code *} are per symbol
 * ({@code symbol.BTCUSDT.order-size}); a per-symbol key falls back to its {@code quoting.}/{@code risk.} default.
 */
public final class EngineSettings
{
    private static final List<String> WAITS = List.of("busy-spin", "yielding", "sleeping", "blocking");

    /** The registry. */
    public static final List<Setting> ALL = List.of(
        // run
        Setting.choice("run.venue", "sim", List.of("sim", "bitget"),
            "`sim`: start the built-in simulated venue on loopback and trade against it; `bitget`: Bitget's real URLs"),
        Setting.choice("run.mode", "live", List.of("live", "paper"),
            "`live`: send real orders to the venue; `paper`: venue market data, orders matched locally, nothing sent"),
        Setting.duration("run.duration", "30s", "1s", "30d",
            "how long `mm run` trades before it stops quoting, cancels everything and reports"),
        Setting.productSymbols("run.symbols", "BTCUSDT", "what to quote, comma separated: <category>:<symbol> with " +
            "Bitget's category, SPOT:BTCUSDT or USDT-FUTURES:BTCUSDT (the USDT-M perpetual); a bare BTCUSDT is " +
            "SPOT:BTCUSDT"),
        Setting.text("run.dir", "", "where the run's files go; empty: `runs/<UTC timestamp>`"),
        Setting.text("run.credentials-file", "",
            "file (mode 0600) holding `BITGET_API_KEY=`, `BITGET_API_SECRET=`, `BITGET_API_PASSPHRASE=` lines; " +
            "empty: the environment variables of those names"),
        // venue endpoints
        Setting.text("venue.rest-url", "https://api.bitget.com", "REST base URL (venue `bitget`; the sim sets its own)"),
        Setting.text("venue.ws-public-url", "wss://ws.bitget.com/v2/ws/public", "public WebSocket URL"),
        Setting.text("venue.ws-private-url", "wss://ws.bitget.com/v2/ws/private", "private WebSocket URL"),
        Setting.text("venue.ws-public-v3-url", "wss://ws.bitget.com/v3/ws/public",
            "public WebSocket URL of the Unified Trading Account's v3 API"),
        Setting.text("venue.ws-private-v3-url", "wss://ws.bitget.com/v3/ws/private",
            "private WebSocket URL of the v3 API"),
        Setting.choice("venue.account-mode", "auto", List.of("auto", "classic", "uta"),
            "classic (v2 API) or uta (Unified Trading Account, v3 API); auto asks the venue once at start " +
            "(GET /api/v3/account/settings: 00000 = uta, 40084 = classic, anything else stops the start)"),
        Setting.choice("venue.margin-mode", "crossed", List.of("crossed", "isolated"),
            "USDT-FUTURES: the margin mode the engine sets on each traded perpetual at start when it differs; on a UTA " +
            "account only crossed (v3 orders carry no margin mode: Bitget's default). Set on a run without a " +
            "USDT-FUTURES product, it is refused at start (spot has no margin mode)"),
        Setting.integer("venue.leverage", 5, "x", 1, 125,
            "USDT-FUTURES: the leverage the engine sets on each traded perpetual at start when it differs (position " +
            "mode, v3 hold mode, is always set to one-way). Set on a run without a USDT-FUTURES product, it is refused " +
            "at start (spot has no leverage)"),
        // engine threads and rings
        Setting.integer("engine.inbound-ring-size", 4096, "slots (power of two)", 64, 1 << 20,
            "inbound ring: market data, private pushes, acks and timer ticks"),
        Setting.integer("engine.outbound-ring-size", 1024, "slots (power of two)", 64, 1 << 20,
            "outbound ring: the core's commands to the order gateway"),
        Setting.choice("engine.threading", "dedicated", List.of("dedicated", "shared"),
            "`dedicated`: one thread per agent (md I/O, core, order I/O), each with its own wait and CPU; `shared`: " +
            "the market-data socket, the core and the order I/O agent run in one duty cycle on one thread " +
            "(`mm-shared`), with the rings between them as before (README, \"Threading modes\")"),
        Setting.choice("engine.shared-wait", "busy-spin", WAITS,
            "`engine.threading = shared`: busy-spin keeps the one shared thread polling (the only thread that " +
            "spins); the others let it sleep in epoll when a turn finds no work"),
        Setting.integer("engine.shared-cpu", -1, "CPU id", -1, 1023,
            "`engine.threading = shared`: pin the shared thread to this CPU; -1: not pinned"),
        Setting.choice("engine.core-wait", "blocking", WAITS,
            "how the core thread waits for events (dedicated threading); `blocking` parks it and costs a producer " +
            "a fence per event, not a lock"),
        Setting.choice("engine.order-wait", "sleeping", WAITS,
            "how the order I/O thread (bitmm-orders), which consumes the outbound ring itself, waits: busy-spin polls " +
            "the ring and its sockets without sleeping (give it an isolated CPU); the others sleep in epoll and the " +
            "core wakes it when it publishes. In paper mode: the wait strategy of the local route's ring thread, " +
            "where `sleeping` parks it until the core publishes (as `blocking`)"),
        Setting.choice("engine.md-wait", "sleeping", WAITS,
            "how the market-data I/O thread (bitmm-md) waits for its socket: busy-spin polls it without sleeping in " +
            "epoll (give it an isolated CPU); the others use the usual blocking select"),
        Setting.integer("engine.core-cpu", -1, "CPU id", -1, 1023, "pin the core thread to this CPU; -1: not pinned"),
        Setting.integer("engine.order-cpu", -1, "CPU id", -1, 1023, "pin the order I/O thread (bitmm-orders) to this CPU; -1: not pinned"),
        Setting.integer("engine.md-cpu", -1, "CPU id", -1, 1023,
            "pin the market-data I/O thread (bitmm-md) to this CPU; -1: not pinned"),
        Setting.integer("engine.timer-cpu", -1, "CPU id", -1, 1023, "pin the timer thread to this CPU; -1: not pinned"),
        Setting.duration("engine.timer-interval", "10ms", "1ms", "1s",
            "timer tick: drives order ageing, the rate budget and the stale-book guard"),
        Setting.duration("engine.shutdown-timeout", "10s", "1s", "5m",
            "at shutdown, how long to wait for the venue to confirm every cancel"),
        // gateway
        Setting.integer("gateway.http-connections", 2, "connections", 1, 64,
            "order connections opened and pre-warmed at start"),
        Setting.choice("gateway.http-mode", "auto", List.of("auto", "h2", "http1"),
            "`auto`: HTTP/2 where negotiated (h2c on loopback), else HTTP/1.1 keep-alive"),
        Setting.choice("gateway.http2-client", "lean", List.of("lean", "netty"),
            "the order connections' HTTP/2 client: `lean`, the gateway's own framing and HPACK on the Netty channel " +
            "(allocates nothing per request once warm); `netty`, Netty's Http2FrameCodec (~3 kB per request)"),
        Setting.duration("gateway.request-timeout", "2s", "100ms", "60s",
            "an order request with no reply by then has an unknown outcome and is resolved by a query"),
        Setting.duration("gateway.rate-limit-margin", "200ms", "0ms", "1s",
            "added to the one-second window of the core's order-rate budgets (risk.*-per-second) and of the gateway's " +
            "per-endpoint limiters, so that uneven send delays cannot squeeze more than the limit into one second at " +
            "the venue (which answers 429 and the endpoint pauses)"),
        Setting.bool("gateway.rate-limit-start-spent", true,
            "start each trading endpoint's limiter as if its window were just spent, so the first orders wait one window " +
            "(1 s + the margin): Bitget counts per account, and a run killed a moment ago may have spent it"),
        Setting.integer("gateway.order-warmup", 20_000, "requests", 0, 1_000_000,
            "requests run through the order path (encode, sign, HTTP/2 write, reply decode) in memory at start so " +
            "that the JIT compiles it before the first real order; nothing is sent"),
        Setting.duration("gateway.ping-interval", "25s", "1s", "30s", "WebSocket text ping interval (Bitget: 30 s at most)"),
        Setting.duration("gateway.pong-timeout", "10s", "1s", "60s", "no pong by then: the connection is dead, reconnect"),
        Setting.duration("gateway.reconnect-min", "100ms", "10ms", "60s", "first reconnect back-off"),
        Setting.duration("gateway.reconnect-max", "10s", "100ms", "10m", "longest reconnect back-off"),
        // quoting defaults
        Setting.choice("quoting.fair-value", "mid", List.of("mid", "micro-price"),
            "fair value from the book: mid, or the size-weighted micro-price"),
        Setting.choice("quoting.skew-model", "avellaneda-stoikov", List.of("avellaneda-stoikov", "glft"),
            "reservation price and spread model: Avellaneda-Stoikov, or the GLFT closed form"),
        Setting.decimal("quoting.risk-aversion", "0.1", "gamma", "0.000001", "1000",
            "inventory risk aversion (gamma) of the skew model"),
        Setting.decimal("quoting.sigma-ticks", "2", "ticks", "0", "1000000",
            "volatility over the quoting horizon, in ticks (sigma)"),
        Setting.decimal("quoting.kappa", "1.5", "per tick", "0.000001", "1000000",
            "decay of fill intensity with distance from fair value (kappa)"),
        Setting.decimal("quoting.glft-arrival-rate", "1", "A", "0.000001", "1000000", "GLFT intensity scale (A)"),
        Setting.decimal("quoting.volatility-bps", "0", "bp per sqrt(s)", "0", "10000",
            "volatility of the mid (sigma) in a quant's unit, used until the fitted one is ready; 0: " +
            "`quoting.sigma-ticks` (BTC at 50% a year is about 0.9 bp per sqrt(s))"),
        Setting.decimal("quoting.arrival-rate", "0", "per second", "0", "1000000",
            "order-arrival intensity at the mid (A), used until the fitted one is ready; 0: `quoting.glft-arrival-rate`"),
        Setting.decimal("quoting.kappa-bps", "0", "per bp", "0", "1000000",
            "decay of the arrival intensity with distance from the mid (k), used until the fitted one is ready; 0: " +
            "`quoting.kappa` (per tick)"),
        Setting.integer("quoting.spread-floor-ticks", 2, "ticks", 1, 1_000_000,
            "narrowest total spread quoted, in ticks (the fee floor below usually binds first)"),
        Setting.bool("quoting.fee-floor", true,
            "no quote pair (best bid to best ask) narrower than the round-trip maker fee (the account's maker rate, " +
            "from `GET /api/v2/common/trade-rate`, on both sides; a rebate lowers it) plus `quoting.edge-bps`; " +
            "`false` leaves only `quoting.spread-floor-ticks` and says so at start"),
        Setting.decimal("quoting.edge-bps", "1", "basis points of fair value", "-10000", "10000",
            "edge wanted over the round-trip maker fee; negative quotes inside the fee on purpose (said at start)"),
        Setting.bool("quoting.calibration", true,
            "fit the skew model online (event time, deterministic): the volatility and A, k below replace " +
            "`quoting.sigma-ticks`, `quoting.kappa` and `quoting.glft-arrival-rate` once enough data has arrived"),
        Setting.duration("quoting.volatility-window", "60s", "1s", "1h",
            "rolling window of the volatility estimate (realized variance of the mid's log returns)"),
        Setting.duration("quoting.volatility-sample", "100ms", "1ms", "60s", "mid sampling interval of the volatility estimate"),
        Setting.integer("quoting.volatility-min-samples", 100, "returns", 1, 1_000_000,
            "returns needed before the fitted volatility is used (at most window / sample)"),
        Setting.duration("quoting.intensity-window", "60s", "1s", "1h",
            "rolling window of the order-arrival intensity fit lambda(delta) = A exp(-k delta) from public trades"),
        Setting.decimal("quoting.intensity-step-bps", "0.1", "basis points", "0.0001", "1000",
            "spacing of the distances from the mid at which arrivals are counted"),
        Setting.integer("quoting.intensity-depths", 20, "distances", 2, 1000, "distances counted (the fit's points)"),
        Setting.integer("quoting.intensity-min-trades", 50, "trades", 1, 1_000_000,
            "public trades in the window needed before the fitted A and k are used"),
        Setting.duration("quoting.horizon", "1s", "1ms", "1h",
            "quoting horizon: the fitted volatility (bp per square root of a second) times its square root is sigma"),
        Setting.integer("quoting.levels", 1, "levels per side", 1, 20, "orders per side"),
        Setting.integer("quoting.level-spacing-ticks", 1, "ticks", 1, 1_000_000, "distance between levels"),
        Setting.integer("quoting.requote-tolerance-ticks", 1, "ticks", 0, 1_000_000,
            "leave a resting quote alone unless the desired price moved more than this"),
        Setting.duration("quoting.max-order-age", "30s", "100ms", "24h", "replace a quote older than this"),
        Setting.decimal("quoting.order-size", "0.001", "base coin", "0", "1000000000", "size of each quote"),
        // risk defaults
        Setting.decimal("risk.max-position", "0.01", "base coin", "0", "1000000000",
            "hard position limit (a perpetual: contracts, which Bitget sizes in base coin): no quote that could take " +
            "the position beyond it is sent"),
        Setting.decimal("risk.soft-position", "0.005", "base coin", "0", "1000000000",
            "beyond this only position-reducing quotes are sent (a perpetual's are sent reduce-only)"),
        Setting.decimal("risk.max-position-notional", "0", "quote coin", "0", "1000000000",
            "hard limit on the position's value at fair value; 0: none. At it only position-reducing quotes are sent " +
            "(a perpetual's reduce-only)"),
        Setting.decimal("risk.max-order-notional", "10000", "quote coin", "0", "1000000000", "largest order value"),
        Setting.integer("risk.max-open-orders", 20, "orders", 1, 10_000, "most open orders at once, all symbols"),
        Setting.integer("risk.price-band-bps", 500, "basis points", 1, 10_000,
            "refuse quotes further than this from fair value"),
        Setting.duration("risk.stale-book", "5s", "10ms", "10m", "no quotes while the book is older than this"),
        Setting.duration("risk.dead-man-switch", "15s", "0ms", "60s",
            "UTA accounts: arm Bitget's countdown-cancel-all with this countdown at start and refresh it every third of " +
            "it; if the engine dies or hangs the venue cancels every order within it (5s to 60s; 0 = off). Classic " +
            "accounts have no such endpoint"),
        Setting.decimal("risk.max-loss", "1000", "quote coin", "0", "1000000000",
            "kill switch: at this loss (realized + unrealized - fees) cancel all and halt"),
        Setting.decimal("risk.reduce-loss", "500", "quote coin", "0", "1000000000",
            "at this loss only position-reducing quotes are sent"),
        Setting.integer("risk.place-per-second", 10, "requests/s", 1, 1000, "order-rate budget: place (Bitget: 10/s)"),
        Setting.integer("risk.cancel-per-second", 10, "requests/s", 1, 1000, "order-rate budget: cancel (Bitget: 10/s)"),
        Setting.integer("risk.replace-per-second", 5, "requests/s", 1, 1000,
            "order-rate budget: replace and batch (Bitget: 5/s)"),
        // per symbol
        Setting.decimal("symbol.*.order-size", "", "base coin", "0", "1000000000",
            "quote size for one symbol; default `quoting.order-size`"),
        Setting.decimal("symbol.*.max-position", "", "base coin", "0", "1000000000",
            "position limit for one symbol; default `risk.max-position`"),
        Setting.decimal("symbol.*.soft-position", "", "base coin", "0", "1000000000",
            "soft position limit for one symbol; default `risk.soft-position`"),
        Setting.decimal("symbol.*.max-position-notional", "", "quote coin", "0", "1000000000",
            "position value limit for one symbol; default `risk.max-position-notional`"),
        Setting.integer("symbol.*.leverage", 5, "x", 1, 125,
            "USDT-FUTURES: the leverage set on this perpetual at start when it differs; default `venue.leverage`. " +
            "Margin mode and position mode stay one per run: Bitget's position (hold) mode is per product type (v2) or " +
            "per account (v3), and a classic order carries the run's margin mode. Refused at start unless run.symbols " +
            "has USDT-FUTURES:<symbol> (a spot product has no leverage)"),
        Setting.decimal("symbol.*.inventory-target", "", "base coin", "0", "1000000000",
            "the base-coin holding this symbol aims for: at start `mm run` takes the venue's balance minus this as " +
            "the position (after cancelling orphans). Unset: the position starts flat at whatever the balance is"),
        Setting.decimal("symbol.*.start-position", "", "base coin", "-1000000000", "1000000000",
            "position at start; written by `mm run` from the venue's balance and `inventory-target`, and recorded in " +
            "the journal so a replay starts from it too"),
        // journal
        Setting.bool("journal.enabled", true,
            "record every inbound event and outbound command in `<run-dir>/journal` (Chronicle Queue) for replay"),
        Setting.choice("journal.roll-cycle", "daily", List.of("hourly", "daily"), "how often the journal starts a new file"),
        Setting.integer("journal.retention-cycles", 0, "cycles", 0, 100_000,
            "journal files kept: the first (it holds the header) and the newest N cycles; 0 keeps all (replay needs all)"),
        Setting.integer("journal.lag-threshold", 2048, "ring entries", 1, 1 << 20,
            "when the journal trails a ring's cursor by more than this, the engine stops quoting and says so"),
        Setting.duration("latency.warmup", "0ms", "0ms", "1h",
            "latency recorded in this first part of a run is left out of latency.hlog and the report (JIT warm-up)"),
        Setting.bool("latency.report", true,
            "write the latency report and its plots when the run ends (off: only latency.hlog; mm report writes them later)"),
        // simulated venue (run.venue = sim)
        Setting.integer("sim.seed", 42, "", 0, Long.MAX_VALUE, "seed of the simulated market: same seed, same market"),
        Setting.duration("sim.books-interval", "200ms", "1ms", "10s", "how often the sim pushes book updates"),
        Setting.choice("sim.process", "in-process", List.of("in-process", "separate"),
            "where the simulated venue runs: in this JVM, or in a child JVM so that its garbage collections and " +
            "threads stay out of the engine's process (mm bench uses separate)"),
        Setting.decimal("sim.maker-fee", "0.001", "rate", "-0.01", "0.01",
            "the simulated account's maker fee rate: by default Bitget's spot rate for a new (non-VIP) account, 0.1% " +
            "(sim/README.md \"Fees\"); negative pays a maker rebate in the received coin, reported with Bitget's sign " +
            "(positive = received), as Bitget's market-maker tiers do (e.g. -0.0001); at least -sim.taker-fee"),
        Setting.decimal("sim.taker-fee", "0.001", "rate", "0", "0.01",
            "the simulated account's taker fee rate (Bitget spot, non-VIP: 0.1%)"),
        Setting.decimal("sim.futures-maker-fee", "0.0002", "rate", "-0.01", "0.01",
            "the simulated account's USDT-FUTURES maker fee rate: by default Bitget's futures rate for a new account, " +
            "0.02%; negative pays a maker rebate; at least -sim.futures-taker-fee"),
        Setting.decimal("sim.futures-taker-fee", "0.0006", "rate", "0", "0.01",
            "the simulated account's USDT-FUTURES taker fee rate (Bitget, new account: 0.06%)"),
        Setting.choice("sim.account-mode", "uta", List.of("classic", "uta"),
            "the simulated account: uta (a new user's Unified Trading Account: v3 API; v2 private REST refused with " +
            "40085) or classic (v2 API; v3 private paths refused with 40084)"),
        Setting.duration("sim.funding-interval", "8h", "0ms", "24h",
            "the simulated perpetuals' funding settlements, at multiples of this since the epoch; 0ms: none"),
        Setting.bool("sim.stress", false, "stress mode: one book change per update, as fast as the engine reads them"),
        Setting.integer("sim.stress-rate", 0, "updates/s", 0, 10_000_000,
            "stress mode at a fixed rate per symbol (latency is then corrected for coordinated omission); 0 = flat out"));

    private EngineSettings()
    {
    }

    /**
     * @return an empty configuration over {@link #ALL}.
     */
    public static Config newConfig()
    {
        return new Config(ALL);
    }
}
