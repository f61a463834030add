package io.bitmm.app.config;

import io.bitmm.app.engine.EngineContext;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.ProductSymbol;
import io.bitmm.core.quoting.FairValueMode;
import io.bitmm.core.quoting.SkewModel;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.Http2Client;
import io.bitmm.gateway.HttpMode;
import io.bitmm.gateway.bitget.AccountMode;
import io.bitmm.gateway.bitget.AccountModeProbe;
import io.bitmm.gateway.bitget.Dialect;
import io.bitmm.gateway.bitget.v2.ClassicSpotDialect;
import io.bitmm.gateway.bitget.v3.UtaDialect;
import io.bitmm.sim.SimContext;
import io.bitmm.sim.SimVenue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a validated {@link Config} into the contexts of the parts: the engine's threads and rings, the core's
 * trading settings (in each instrument's fixed-point units), the gateway's endpoints, and the simulated venue.
 * Slow path: runs once at start-up (and once per replay).
 */
public final class Bindings
{
    private Bindings()
    {
    }

    /**
     * @param config the configuration.
     * @return {@code run.symbols}, parsed (validation already refused anything but {@code <category>:<symbol>}).
     */
    public static List<ProductSymbol> symbols(final Config config)
    {
        final List<ProductSymbol> out = new ArrayList<>();
        for (final String entry : config.list("run.symbols"))
        {
            out.add(ProductSymbol.parse(entry));
        }
        return out;
    }

    /**
     * @param config the configuration.
     * @return threads and rings.
     */
    public static EngineContext engine(final Config config)
    {
        return new EngineContext()
            .inboundRingSize(config.intValue("engine.inbound-ring-size"))
            .outboundRingSize(config.intValue("engine.outbound-ring-size"))
            .threading(config.text("engine.threading"))
            .sharedWaitStrategy(config.text("engine.shared-wait"))
            .sharedCpu(config.intValue("engine.shared-cpu"))
            .coreWaitStrategy(config.text("engine.core-wait"))
            .orderWaitStrategy(config.text("engine.order-wait"))
            .coreCpu(config.intValue("engine.core-cpu"))
            .orderCpu(config.intValue("engine.order-cpu"))
            .mdCpu(config.intValue("engine.md-cpu"))
            .mdWaitStrategy(config.text("engine.md-wait"))
            .timerCpu(config.intValue("engine.timer-cpu"))
            .timerIntervalMs(config.longValue("engine.timer-interval"))
            .shutdownTimeoutMs(config.longValue("engine.shutdown-timeout"));
    }

    /**
     * @param config      the configuration.
     * @param instruments what is traded (sizes are converted to each instrument's units).
     * @param runEpochMs  wall-clock start of the run: makes clientOids unique across restarts.
     * @return the core's settings, concluded.
     */
    public static CoreContext core(final Config config, final InstrumentTable instruments, final long runEpochMs)
    {
        final CoreContext context = new CoreContext()
            .runEpochMs(runEpochMs)
            // a live run places nothing before its private stream is up: it could not see the fills
            .awaitPrivateStream(!"paper".equals(config.text("run.mode")))
            .fairValueMode("mid".equals(config.text("quoting.fair-value")) ? FairValueMode.MID : FairValueMode.MICRO_PRICE)
            .skewModel("glft".equals(config.text("quoting.skew-model")) ? SkewModel.GLFT : SkewModel.AVELLANEDA_STOIKOV)
            .gamma(config.doubleValue("quoting.risk-aversion"))
            .sigmaTicks(config.doubleValue("quoting.sigma-ticks"))
            .kappa(config.doubleValue("quoting.kappa"))
            .glftArrivalRate(config.doubleValue("quoting.glft-arrival-rate"))
            .modelBps(config.doubleValue("quoting.volatility-bps"), config.doubleValue("quoting.arrival-rate"),
                config.doubleValue("quoting.kappa-bps"))
            .spreadFloorTicks(config.intValue("quoting.spread-floor-ticks"))
            .feeFloor(config.bool("quoting.fee-floor"))
            .edgeBps(config.doubleValue("quoting.edge-bps"))
            .calibration(config.bool("quoting.calibration"), config.longValue("quoting.volatility-window"),
                config.longValue("quoting.volatility-sample"), config.intValue("quoting.volatility-min-samples"),
                (int)(config.longValue("quoting.intensity-window") / 1_000), config.doubleValue("quoting.intensity-step-bps"),
                config.intValue("quoting.intensity-depths"), config.intValue("quoting.intensity-min-trades"),
                config.longValue("quoting.horizon"))
            .levels(config.intValue("quoting.levels"))
            .levelSpacingTicks(config.intValue("quoting.level-spacing-ticks"))
            .requoteToleranceTicks(config.intValue("quoting.requote-tolerance-ticks"))
            .maxOrderAgeMs(config.longValue("quoting.max-order-age"))
            .staleBookMs(config.longValue("risk.stale-book"))
            .maxOpenOrders(config.intValue("risk.max-open-orders"))
            .priceBandPpm(config.longValue("risk.price-band-bps") * 100)
            .placePerSecond(config.intValue("risk.place-per-second"))
            .cancelPerSecond(config.intValue("risk.cancel-per-second"))
            .replacePerSecond(config.intValue("risk.replace-per-second"))
            .rateWindowMarginMs(config.longValue("gateway.rate-limit-margin"))
            .maxLossAmount(amount(config, "risk.max-loss"))
            .reduceLossAmount(amount(config, "risk.reduce-loss"))
            // UTA requotes are in-place modifies; paper mode answers orders locally with cancel-replace semantics
            .amendInPlace("uta".equals(config.text("venue.account-mode")) && !"paper".equals(config.text("run.mode")));
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final String symbol = instrument.symbol();
            final long orderSize = sizeUnits(config, instrument, perSymbol(config, symbol, "order-size", "quoting.order-size"));
            context.orderSizeUnits(id, orderSize)
                .maxOrderSizeUnits(id, orderSize)
                .maxPositionUnits(id, sizeUnits(config, instrument, perSymbol(config, symbol, "max-position", "risk.max-position")))
                .softLimitUnits(id, sizeUnits(config, instrument, perSymbol(config, symbol, "soft-position", "risk.soft-position")))
                .maxOrderNotionalAmount(id, amount(config, "risk.max-order-notional"))
                .maxPositionNotionalAmount(id, amount(config,
                    perSymbol(config, symbol, "max-position-notional", "risk.max-position-notional")));
            final String startKey = "symbol." + symbol + ".start-position";
            if (config.isSet(startKey))
            {
                context.startPositionUnits(id, signedSizeUnits(config, instrument, startKey));
            }
        }
        return context.conclude();
    }

    /**
     * The start-up lines about each instrument's spread floor against its maker fee: one line per instrument, marked
     * {@code warning} where the quotes may sit closer than the round-trip maker fee (fee floor off, or a negative
     * edge).
     *
     * @param config      the configuration.
     * @param instruments the instruments, with the account's maker fee rate.
     * @return lines to print, without the trailing newline.
     */
    public static List<String> spreadFloorLines(final Config config, final InstrumentTable instruments)
    {
        final List<String> lines = new ArrayList<>();
        final boolean feeFloor = config.bool("quoting.fee-floor");
        final double edgeBps = config.doubleValue("quoting.edge-bps");
        final int floorTicks = config.intValue("quoting.spread-floor-ticks");
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final double makerBps = instrument.makerFeePpm() / 100.0;
            final double roundTripBps = 2 * makerBps;
            final String fee = String.format(Locale.ROOT, "round-trip maker fee %.2f bp (maker %.2f bp a side%s)",
                roundTripBps, makerBps, makerBps < 0 ? ", a rebate" : "");
            if (!feeFloor)
            {
                lines.add(String.format(Locale.ROOT, "mm: warning: %s: quoting.fee-floor = false, so only " +
                    "quoting.spread-floor-ticks = %d bounds the spread, which may be below the %s: quotes may not " +
                    "clear their fees", ProductSymbol.displayName(instrument), floorTicks, fee));
            }
            else if (edgeBps < 0)
            {
                lines.add(String.format(Locale.ROOT, "mm: warning: %s: spread floor %.2f bp (quoting.edge-bps = %s) " +
                    "is below the %s: quotes may not clear their fees", ProductSymbol.displayName(instrument),
                    Math.max(0, roundTripBps + edgeBps), config.text("quoting.edge-bps"), fee));
            }
            else
            {
                // a rebate larger than the edge makes the sum negative: the floor is then 0 (and the ticks)
                final boolean negative = roundTripBps + edgeBps < 0;
                lines.add(String.format(Locale.ROOT, "mm: %s: spread floor %.2f bp = %s%s + edge %s bp%s " +
                    "(and at least %d ticks)", ProductSymbol.displayName(instrument),
                    Math.max(0, roundTripBps + edgeBps),
                    negative ? "max(0, " : "", fee, config.text("quoting.edge-bps"), negative ? ")" : "", floorTicks));
            }
        }
        return lines;
    }

    /**
     * @param config      the configuration.
     * @param rest        REST base URL.
     * @param wsPublic    public WebSocket URL.
     * @param wsPrivate   private WebSocket URL.
     * @param credentials API credentials, or null for market data only.
     * @return the gateway's settings, concluded.
     */
    public static GatewayContext gateway(
        final Config config, final URI rest, final URI wsPublic, final URI wsPrivate, final Credentials credentials)
    {
        final GatewayContext context = new GatewayContext()
            .restUri(rest)
            .wsPublicUri(wsPublic)
            .wsPrivateUri(wsPrivate)
            .httpConnections(config.intValue("gateway.http-connections"))
            .httpMode(HttpMode.valueOf(config.text("gateway.http-mode").toUpperCase(Locale.ROOT)))
            .http2Client(Http2Client.valueOf(config.text("gateway.http2-client").toUpperCase(Locale.ROOT)))
            .requestTimeoutMs(config.longValue("gateway.request-timeout"))
            .pingIntervalMs(config.longValue("gateway.ping-interval"))
            .pongTimeoutMs(config.longValue("gateway.pong-timeout"))
            .reconnectBackoffMinMs(config.longValue("gateway.reconnect-min"))
            .reconnectBackoffMaxMs(config.longValue("gateway.reconnect-max"))
            .orderWarmupRequests(config.intValue("gateway.order-warmup"))
            .rateLimitMarginMs(config.longValue("gateway.rate-limit-margin"))
            .rateLimitStartSpent(config.bool("gateway.rate-limit-start-spent"));
        if (credentials != null)
        {
            context.credentials(credentials);
        }
        return context.conclude();
    }

    /**
     * The venue's addresses, both dialects' WebSockets.
     *
     * @param rest        REST base (v2 and v3 share it).
     * @param wsPublic    v2 public WebSocket.
     * @param wsPrivate   v2 private WebSocket.
     * @param wsPublicV3  v3 public WebSocket.
     * @param wsPrivateV3 v3 private WebSocket.
     */
    public record VenueUrls(URI rest, URI wsPublic, URI wsPrivate, URI wsPublicV3, URI wsPrivateV3)
    {
        /**
         * @param config the configuration ({@code venue.*-url}).
         * @return Bitget's (or the configured) addresses.
         */
        public static VenueUrls of(final Config config)
        {
            return new VenueUrls(URI.create(config.text("venue.rest-url")), URI.create(config.text("venue.ws-public-url")),
                URI.create(config.text("venue.ws-private-url")), URI.create(config.text("venue.ws-public-v3-url")),
                URI.create(config.text("venue.ws-private-v3-url")));
        }

        /**
         * @param sim an in-process simulated venue.
         * @return its addresses.
         */
        public static VenueUrls of(final SimVenue sim)
        {
            return new VenueUrls(sim.restUri(), sim.wsPublicUri(), sim.wsPrivateUri(), sim.wsPublicV3Uri(),
                sim.wsPrivateV3Uri());
        }
    }

    /**
     * Settle {@code venue.account-mode}: {@code classic} and {@code uta} as given; {@code auto} asks the venue once
     * ({@link AccountModeProbe}) and writes the answer back into the configuration, so that the journal header, the
     * summary and a replay see the mode traded. Without credentials (market data only) {@code auto} takes the v3
     * public streams (every new account is UTA) without asking.
     *
     * @param config      the configuration (updated).
     * @param rest        REST base.
     * @param credentials API credentials, or null.
     * @return the dialect to speak.
     * @throws IllegalStateException when the probe's answer is neither UTA nor classic (naming the code).
     * @throws IOException           when the venue cannot be reached.
     */
    public static Dialect dialect(final Config config, final URI rest, final Credentials credentials) throws IOException
    {
        AccountMode mode = AccountMode.parse(config.text("venue.account-mode"));
        if (mode == AccountMode.AUTO)
        {
            mode = credentials == null ? AccountMode.UTA : AccountModeProbe.probe(rest, credentials, System.currentTimeMillis());
            config.set("account-mode probe", "venue.account-mode", mode.label());
        }
        return mode == AccountMode.UTA ? UtaDialect.INSTANCE : ClassicSpotDialect.INSTANCE;
    }

    /**
     * The gateway's settings for a dialect: its WebSocket addresses and codecs.
     *
     * @param config      the configuration.
     * @param urls        the venue's addresses.
     * @param dialect     classic v2 or UTA v3 ({@link #dialect}).
     * @param credentials API credentials, or null for market data only.
     * @return the gateway's settings, concluded.
     */
    public static GatewayContext gateway(final Config config, final VenueUrls urls, final Dialect dialect,
        final Credentials credentials)
    {
        final boolean uta = dialect.accountMode() == AccountMode.UTA;
        return gateway(config, urls.rest(), uta ? urls.wsPublicV3() : urls.wsPublic(),
            uta ? urls.wsPrivateV3() : urls.wsPrivate(), credentials).dialect(dialect);
    }

    /**
     * @param config the configuration.
     * @return the simulated venue's settings (ephemeral port), concluded.
     * @throws ConfigException when the sim settings do not fit together (a maker rebate above the taker fee).
     */
    public static SimContext sim(final Config config)
    {
        final SimContext context = new SimContext()
            .port(0)
            .seed(config.longValue("sim.seed"))
            .booksIntervalMs(config.longValue("sim.books-interval"))
            .stress(config.bool("sim.stress"))
            .stressUpdatesPerSecond(config.longValue("sim.stress-rate"))
            .makerFee(config.text("sim.maker-fee"))
            .takerFee(config.text("sim.taker-fee"))
            .futuresFees(config.text("sim.futures-maker-fee"), config.text("sim.futures-taker-fee"))
            .accountMode(config.text("sim.account-mode"))
            .fundingIntervalMs(config.longValue("sim.funding-interval"));
        try
        {
            return context.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("sim.*: " + ex.getMessage());
        }
    }

    /**
     * Refuse settings that mean nothing for the products traded, rather than ignore them: a
     * {@code symbol.<SYM>.leverage} where {@code run.symbols} has no {@code USDT-FUTURES:<SYM>} (a spot order has no
     * leverage), and an explicit {@code venue.leverage} or {@code venue.margin-mode} on a run without a USDT-FUTURES
     * product. Their defaults are no setting given: a spot run starts with them.
     *
     * @param config the settings.
     * @throws ConfigException naming the key, where it was set and what to do.
     */
    public static void checkProductSettings(final Config config)
    {
        final Set<String> perpetuals = new TreeSet<>();
        for (final ProductSymbol product : symbols(config))
        {
            if (product.kind() == InstrumentKind.USDT_PERPETUAL)
            {
                perpetuals.add(product.symbol());
            }
        }
        final String traded = String.join(",", config.list("run.symbols"));
        for (final String key : config.explicitValues().keySet())
        {
            if (key.startsWith("symbol.") && key.endsWith(".leverage"))
            {
                final String symbol = key.substring("symbol.".length(), key.length() - ".leverage".length());
                if (!perpetuals.contains(symbol))
                {
                    throw new ConfigException(config.origin(key) + ": " + key + " = " + config.text(key) +
                        ": leverage applies to USDT-FUTURES products only, and run.symbols trades no " +
                        ProductSymbol.USDT_FUTURES_CATEGORY + ":" + symbol + " (it trades " + traded +
                        "): remove the setting, or trade " + ProductSymbol.USDT_FUTURES_CATEGORY + ":" + symbol);
                }
            }
        }
        for (final String key : List.of("venue.leverage", "venue.margin-mode"))
        {
            if (perpetuals.isEmpty() && config.isSet(key))
            {
                throw new ConfigException(config.origin(key) + ": " + key + " = " + config.text(key) +
                    ": leverage and margin mode apply to USDT-FUTURES products only, and run.symbols trades none (it " +
                    "trades " + traded + "): remove the setting, or trade " + ProductSymbol.USDT_FUTURES_CATEGORY +
                    ":<symbol>");
            }
        }
    }

    /**
     * @param config the settings.
     * @param symbol a perpetual's bare symbol.
     * @return its leverage: {@code symbol.<symbol>.leverage}, else {@code venue.leverage}.
     */
    public static int leverage(final Config config, final String symbol)
    {
        return config.intValue(perSymbol(config, symbol, "leverage", "venue.leverage"));
    }

    private static String perSymbol(final Config config, final String symbol, final String name, final String fallback)
    {
        final String key = "symbol." + symbol + "." + name;
        return config.isSet(key) ? key : fallback;
    }

    private static long sizeUnits(final Config config, final Instrument instrument, final String key)
    {
        final DecimalParser parser = new DecimalParser();
        final int result = parser.parse(config.text(key), instrument.sizeScale());
        if (result != DecimalParser.OK)
        {
            throw new ConfigException(key + " = " + config.text(key) + " does not fit " + instrument.symbol() +
                "'s size step of 10^-" + instrument.sizeScale() + " (" + DecimalParser.describe(result) + ")");
        }
        if (parser.value() % instrument.stepUnits() != 0)
        {
            throw new ConfigException(key + " = " + config.text(key) + " is not a multiple of " +
                instrument.symbol() + "'s size step");
        }
        return parser.value();
    }

    private static long signedSizeUnits(final Config config, final Instrument instrument, final String key)
    {
        final String text = config.text(key);
        final boolean negative = text.startsWith("-");
        final DecimalParser parser = new DecimalParser();
        final int result = parser.parse(negative ? text.substring(1) : text, instrument.sizeScale());
        if (result != DecimalParser.OK || parser.value() % instrument.stepUnits() != 0)
        {
            throw new ConfigException(key + " = " + text + " is not on " + instrument.symbol() + "'s size step");
        }
        return negative ? -parser.value() : parser.value();
    }

    private static long amount(final Config config, final String key)
    {
        final DecimalParser parser = new DecimalParser();
        final int result = parser.parse(config.text(key), Amounts.DECIMALS);
        if (result != DecimalParser.OK)
        {
            throw new ConfigException(key + " = " + config.text(key) + " has more than " + Amounts.DECIMALS +
                " decimals (" + DecimalParser.describe(result) + ")");
        }
        return parser.value();
    }
}
