package io.bitmm.app.config;

import io.bitmm.app.engine.EngineContext;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.quoting.FairValueMode;
import io.bitmm.core.quoting.SkewModel;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.HttpMode;
import io.bitmm.sim.SimContext;

import java.net.URI;
import java.util.Locale;

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
     * @return threads and rings.
     */
    public static EngineContext engine(final Config config)
    {
        return new EngineContext()
            .inboundRingSize(config.intValue("engine.inbound-ring-size"))
            .outboundRingSize(config.intValue("engine.outbound-ring-size"))
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
            .spreadFloorTicks(config.intValue("quoting.spread-floor-ticks"))
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
            .reduceLossAmount(amount(config, "risk.reduce-loss"));
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final String symbol = instrument.symbol();
            final long orderSize = sizeUnits(config, instrument, perSymbol(config, symbol, "order-size", "quoting.order-size"));
            context.orderSizeUnits(id, orderSize)
                .maxOrderSizeUnits(id, orderSize)
                .maxPositionUnits(id, sizeUnits(config, instrument, perSymbol(config, symbol, "max-position", "risk.max-position")))
                .softLimitUnits(id, sizeUnits(config, instrument, perSymbol(config, symbol, "soft-position", "risk.soft-position")))
                .maxOrderNotionalAmount(id, amount(config, "risk.max-order-notional"));
            final String startKey = "symbol." + symbol + ".start-position";
            if (config.isSet(startKey))
            {
                context.startPositionUnits(id, signedSizeUnits(config, instrument, startKey));
            }
        }
        return context.conclude();
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
            .requestTimeoutMs(config.longValue("gateway.request-timeout"))
            .pingIntervalMs(config.longValue("gateway.ping-interval"))
            .pongTimeoutMs(config.longValue("gateway.pong-timeout"))
            .reconnectBackoffMinMs(config.longValue("gateway.reconnect-min"))
            .reconnectBackoffMaxMs(config.longValue("gateway.reconnect-max"))
            .orderWarmupRequests(config.intValue("gateway.order-warmup"))
            .rateLimitMarginMs(config.longValue("gateway.rate-limit-margin"));
        if (credentials != null)
        {
            context.credentials(credentials);
        }
        return context.conclude();
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
            .accountMode(config.text("sim.account-mode"));
        try
        {
            return context.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("sim.*: " + ex.getMessage());
        }
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
