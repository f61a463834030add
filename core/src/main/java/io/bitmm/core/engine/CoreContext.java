package io.bitmm.core.engine;

import io.bitmm.core.calibration.IntensityEstimator;
import io.bitmm.core.calibration.VolatilityEstimator;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.order.ClientOidCodec;
import io.bitmm.core.quoting.FairValueMode;
import io.bitmm.core.quoting.QuoteParameters;
import io.bitmm.core.quoting.SkewModel;
import io.bitmm.core.risk.InstrumentLimits;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Int2ObjectHashMap;

/**
 * Configuration of the {@link TradingCore}: fluent setters with the unit in the name, defaults from the named
 * constants below, one {@link #conclude()} that validates and says what is wrong. Per-instrument settings (order
 * size, max position, soft limit, max order size and notional) are set as defaults or per instrument id; sizes are
 * in the instrument's size units, money in quote {@link Amounts} units (10^-8).
 * <p>
 * {@code runEpochMs} has no default: the app passes its start time, replay the recorded one, so that clientOids
 * are unique across runs and identical in a replay.
 */
public final class CoreContext
{
    public static final String CLIENT_OID_PREFIX_DEFAULT = "mm";
    public static final FairValueMode FAIR_VALUE_MODE_DEFAULT = FairValueMode.MID;
    public static final SkewModel SKEW_MODEL_DEFAULT = SkewModel.AVELLANEDA_STOIKOV;
    public static final double GAMMA_DEFAULT = 0.1;
    public static final double SIGMA_TICKS_DEFAULT = 2.0;
    public static final double KAPPA_DEFAULT = 1.5;
    public static final double GLFT_ARRIVAL_RATE_DEFAULT = 1.0;
    public static final int SPREAD_FLOOR_TICKS_DEFAULT = 2;
    /** By default no quote pair narrower than the round-trip maker fee plus the edge. */
    public static final boolean FEE_FLOOR_DEFAULT = true;
    public static final boolean CALIBRATION_DEFAULT = true;
    public static final long VOLATILITY_WINDOW_MS_DEFAULT = 60_000;
    public static final long VOLATILITY_SAMPLE_MS_DEFAULT = 100;
    public static final int VOLATILITY_MIN_SAMPLES_DEFAULT = 100;
    public static final int INTENSITY_WINDOW_SECONDS_DEFAULT = 60;
    public static final double INTENSITY_STEP_BPS_DEFAULT = 0.1;
    public static final int INTENSITY_DEPTHS_DEFAULT = 20;
    public static final int INTENSITY_MIN_TRADES_DEFAULT = 50;
    public static final long HORIZON_MS_DEFAULT = 1_000;
    /** Edge over the round-trip maker fee, basis points of fair value. */
    public static final double EDGE_BPS_DEFAULT = 1.0;
    public static final int LEVELS_DEFAULT = 1;
    public static final int MAX_LEVELS = 16;
    public static final int LEVEL_SPACING_TICKS_DEFAULT = 1;
    public static final int REQUOTE_TOLERANCE_TICKS_DEFAULT = 1;
    public static final long MAX_ORDER_AGE_MS_DEFAULT = 30_000;
    public static final long STALE_BOOK_MS_DEFAULT = 5_000;
    public static final int MAX_OPEN_ORDERS_DEFAULT = 20;
    public static final long PRICE_BAND_PPM_DEFAULT = 50_000;
    /** Bitget spot/mix place-order limit per UID. */
    public static final int PLACE_PER_SECOND_DEFAULT = 10;
    /** Bitget cancel-order limit per UID. */
    public static final int CANCEL_PER_SECOND_DEFAULT = 10;
    /** Bitget batch, cancel-replace and cancel-symbol limit per UID. */
    public static final int REPLACE_PER_SECOND_DEFAULT = 5;
    /** Default margin added to the one-second window of the order-rate budgets, ms. */
    public static final long RATE_WINDOW_MARGIN_MS_DEFAULT = 50;
    public static final long MAX_LOSS_AMOUNT_DEFAULT = 1_000 * Amounts.ONE;
    public static final long REDUCE_LOSS_AMOUNT_DEFAULT = 500 * Amounts.ONE;
    public static final long QUERY_RETRY_MS_DEFAULT = 1_000;
    public static final long CANCEL_ALL_RETRY_MS_DEFAULT = 1_000;
    public static final long PENDING_TIMEOUT_MS_DEFAULT = 5_000;
    public static final long REJECT_BACKOFF_MS_DEFAULT = 1_000;
    public static final int ORDER_CAPACITY_DEFAULT = 1024;
    public static final int BOOK_CAPACITY_DEFAULT = 1024;
    public static final int TRADE_ID_WINDOW_DEFAULT = 4096;

    private long runEpochMs = -1;
    private String clientOidPrefix = CLIENT_OID_PREFIX_DEFAULT;
    private FairValueMode fairValueMode = FAIR_VALUE_MODE_DEFAULT;
    private SkewModel skewModel = SKEW_MODEL_DEFAULT;
    private double gamma = GAMMA_DEFAULT;
    private double sigmaTicks = SIGMA_TICKS_DEFAULT;
    private double kappa = KAPPA_DEFAULT;
    private double glftArrivalRate = GLFT_ARRIVAL_RATE_DEFAULT;
    private int spreadFloorTicks = SPREAD_FLOOR_TICKS_DEFAULT;
    private boolean feeFloor = FEE_FLOOR_DEFAULT;
    private double edgeBps = EDGE_BPS_DEFAULT;
    private boolean calibration = CALIBRATION_DEFAULT;
    private long volatilityWindowMs = VOLATILITY_WINDOW_MS_DEFAULT;
    private long volatilitySampleMs = VOLATILITY_SAMPLE_MS_DEFAULT;
    private int volatilityMinSamples = VOLATILITY_MIN_SAMPLES_DEFAULT;
    private int intensityWindowSeconds = INTENSITY_WINDOW_SECONDS_DEFAULT;
    private double intensityStepBps = INTENSITY_STEP_BPS_DEFAULT;
    private int intensityDepths = INTENSITY_DEPTHS_DEFAULT;
    private int intensityMinTrades = INTENSITY_MIN_TRADES_DEFAULT;
    private long horizonMs = HORIZON_MS_DEFAULT;
    private double volatilityBps;
    private double arrivalRatePerSecond;
    private double kappaPerBp;
    private int levels = LEVELS_DEFAULT;
    private int levelSpacingTicks = LEVEL_SPACING_TICKS_DEFAULT;
    private int requoteToleranceTicks = REQUOTE_TOLERANCE_TICKS_DEFAULT;
    private long maxOrderAgeMs = MAX_ORDER_AGE_MS_DEFAULT;
    private long staleBookMs = STALE_BOOK_MS_DEFAULT;
    private int maxOpenOrders = MAX_OPEN_ORDERS_DEFAULT;
    private long priceBandPpm = PRICE_BAND_PPM_DEFAULT;
    private int placePerSecond = PLACE_PER_SECOND_DEFAULT;
    private int cancelPerSecond = CANCEL_PER_SECOND_DEFAULT;
    private int replacePerSecond = REPLACE_PER_SECOND_DEFAULT;
    private boolean amendInPlace;
    private long rateWindowMarginMs = RATE_WINDOW_MARGIN_MS_DEFAULT;
    private long maxLossAmount = MAX_LOSS_AMOUNT_DEFAULT;
    private long reduceLossAmount = REDUCE_LOSS_AMOUNT_DEFAULT;
    private long queryRetryMs = QUERY_RETRY_MS_DEFAULT;
    private long cancelAllRetryMs = CANCEL_ALL_RETRY_MS_DEFAULT;
    private long pendingTimeoutMs = PENDING_TIMEOUT_MS_DEFAULT;
    private long rejectBackoffMs = REJECT_BACKOFF_MS_DEFAULT;
    private int orderCapacity = ORDER_CAPACITY_DEFAULT;
    private int bookCapacity = BOOK_CAPACITY_DEFAULT;
    private int tradeIdWindow = TRADE_ID_WINDOW_DEFAULT;
    private boolean awaitPrivateStream;

    private final long[] defaults = {0, 0, 0, 0, 0};
    private final Int2ObjectHashMap<long[]> perInstrument = new Int2ObjectHashMap<>();
    private final Long2LongHashMap startPositions = new Long2LongHashMap(0);
    private final Long2LongHashMap maxPositionNotionals = new Long2LongHashMap(0);
    private long maxPositionNotionalDefault;
    private boolean concluded;

    private static final int ORDER_SIZE = 0;
    private static final int MAX_POSITION = 1;
    private static final int SOFT_LIMIT = 2;
    private static final int MAX_ORDER_SIZE = 3;
    private static final int MAX_ORDER_NOTIONAL = 4;
    private static final String[] LIMIT_NAMES = {"orderSizeUnits", "maxPositionUnits", "softLimitUnits",
        "maxOrderSizeUnits", "maxOrderNotionalAmount"};

    // -- identity

    public CoreContext runEpochMs(final long runEpochMs)
    {
        this.runEpochMs = runEpochMs;
        return this;
    }

    public long runEpochMs()
    {
        return runEpochMs;
    }

    public CoreContext clientOidPrefix(final String clientOidPrefix)
    {
        this.clientOidPrefix = clientOidPrefix;
        return this;
    }

    public String clientOidPrefix()
    {
        return clientOidPrefix;
    }

    // -- quoting

    public CoreContext fairValueMode(final FairValueMode fairValueMode)
    {
        this.fairValueMode = fairValueMode;
        return this;
    }

    public CoreContext skewModel(final SkewModel skewModel)
    {
        this.skewModel = skewModel;
        return this;
    }

    /** @param gamma risk aversion of the skew model, &gt; 0. */
    public CoreContext gamma(final double gamma)
    {
        this.gamma = gamma;
        return this;
    }

    /** @param sigmaTicks volatility over the quoting horizon, in ticks. */
    public CoreContext sigmaTicks(final double sigmaTicks)
    {
        this.sigmaTicks = sigmaTicks;
        return this;
    }

    /** @param kappa decay of fill intensity per tick of distance, &gt; 0. */
    public CoreContext kappa(final double kappa)
    {
        this.kappa = kappa;
        return this;
    }

    /** @param glftArrivalRate GLFT's intensity scale A, &gt; 0. */
    public CoreContext glftArrivalRate(final double glftArrivalRate)
    {
        this.glftArrivalRate = glftArrivalRate;
        return this;
    }

    public CoreContext spreadFloorTicks(final int spreadFloorTicks)
    {
        this.spreadFloorTicks = spreadFloorTicks;
        return this;
    }

    /**
     * @param feeFloor true (default): no quote pair narrower than the round-trip maker fee plus {@link #edgeBps};
     *                 false: only {@link #spreadFloorTicks} bounds the spread.
     */
    public CoreContext feeFloor(final boolean feeFloor)
    {
        this.feeFloor = feeFloor;
        return this;
    }

    /**
     * @param edgeBps edge over the round-trip maker fee, basis points of fair value; negative quotes inside the fee
     *                on purpose (at least -10000).
     */
    public CoreContext edgeBps(final double edgeBps)
    {
        this.edgeBps = edgeBps;
        return this;
    }

    /**
     * Online calibration: fitted volatility and intensity drive the skew model once enough data has arrived.
     *
     * @param calibration       false: the configured sigmaTicks, kappa and glftArrivalRate throughout.
     * @param volatilityWindowMs rolling window of the volatility estimate, ms of event time.
     * @param volatilitySampleMs mid sampling interval, ms (window / sample returns are kept).
     * @param volatilityMinSamples returns needed before the fitted volatility is used.
     * @param intensityWindowSeconds rolling window of the intensity fit, seconds of event time.
     * @param intensityStepBps  spacing of the depths of the intensity fit, basis points of the mid.
     * @param intensityDepths   depths of the intensity fit, &ge; 2.
     * @param intensityMinTrades public trades in the window needed before the fitted A and k are used.
     * @param horizonMs         quoting horizon: the fitted volatility becomes sigma over this horizon.
     * @return this.
     */
    public CoreContext calibration(final boolean calibration, final long volatilityWindowMs, final long volatilitySampleMs,
        final int volatilityMinSamples, final int intensityWindowSeconds, final double intensityStepBps,
        final int intensityDepths, final int intensityMinTrades, final long horizonMs)
    {
        this.calibration = calibration;
        this.volatilityWindowMs = volatilityWindowMs;
        this.volatilitySampleMs = volatilitySampleMs;
        this.volatilityMinSamples = volatilityMinSamples;
        this.intensityWindowSeconds = intensityWindowSeconds;
        this.intensityStepBps = intensityStepBps;
        this.intensityDepths = intensityDepths;
        this.intensityMinTrades = intensityMinTrades;
        this.horizonMs = horizonMs;
        return this;
    }

    public boolean calibration()
    {
        return calibration;
    }

    /** @return a new volatility estimator as configured. */
    public VolatilityEstimator newVolatilityEstimator()
    {
        return new VolatilityEstimator(volatilitySampleMs * 1_000_000L,
            (int)(volatilityWindowMs / volatilitySampleMs), volatilityMinSamples);
    }

    /** @return a new intensity estimator as configured (distances in bp). */
    public IntensityEstimator newIntensityEstimator()
    {
        return new IntensityEstimator(intensityDepths, intensityStepBps, intensityWindowSeconds,
            intensityMinTrades);
    }

    /**
     * The model's configured coefficients in a quant's units, used in place of {@code sigmaTicks},
     * {@code glftArrivalRate} and {@code kappa} (ticks) until a fit is ready; 0 leaves that one to the tick setting.
     *
     * @param volatilityBps        volatility of the mid, bp per square root of a second, &ge; 0.
     * @param arrivalRatePerSecond order-arrival intensity at the mid (A), per second, &ge; 0.
     * @param kappaPerBp           decay of the intensity with distance from the mid (k), per bp, &ge; 0.
     * @return this.
     */
    public CoreContext modelBps(final double volatilityBps, final double arrivalRatePerSecond, final double kappaPerBp)
    {
        this.volatilityBps = volatilityBps;
        this.arrivalRatePerSecond = arrivalRatePerSecond;
        this.kappaPerBp = kappaPerBp;
        return this;
    }

    /** @return configured volatility, bp per square root of a second; 0 when not set. */
    public double volatilityBps()
    {
        return volatilityBps;
    }

    /** @return configured arrival intensity A, per second; 0 when not set. */
    public double arrivalRatePerSecond()
    {
        return arrivalRatePerSecond;
    }

    /** @return configured intensity decay k, per bp; 0 when not set. */
    public double kappaPerBp()
    {
        return kappaPerBp;
    }

    public long horizonMs()
    {
        return horizonMs;
    }

    public CoreContext levels(final int levels)
    {
        this.levels = levels;
        return this;
    }

    public int levels()
    {
        return levels;
    }

    public CoreContext levelSpacingTicks(final int levelSpacingTicks)
    {
        this.levelSpacingTicks = levelSpacingTicks;
        return this;
    }

    public CoreContext requoteToleranceTicks(final int requoteToleranceTicks)
    {
        this.requoteToleranceTicks = requoteToleranceTicks;
        return this;
    }

    public int requoteToleranceTicks()
    {
        return requoteToleranceTicks;
    }

    public CoreContext maxOrderAgeMs(final long maxOrderAgeMs)
    {
        this.maxOrderAgeMs = maxOrderAgeMs;
        return this;
    }

    public long maxOrderAgeMs()
    {
        return maxOrderAgeMs;
    }

    // -- risk

    public CoreContext staleBookMs(final long staleBookMs)
    {
        this.staleBookMs = staleBookMs;
        return this;
    }

    public long staleBookMs()
    {
        return staleBookMs;
    }

    public CoreContext maxOpenOrders(final int maxOpenOrders)
    {
        this.maxOpenOrders = maxOpenOrders;
        return this;
    }

    /** @param priceBandPpm largest distance of an order price from fair value, parts per million. */
    public CoreContext priceBandPpm(final long priceBandPpm)
    {
        this.priceBandPpm = priceBandPpm;
        return this;
    }

    public CoreContext placePerSecond(final int placePerSecond)
    {
        this.placePerSecond = placePerSecond;
        return this;
    }

    public CoreContext cancelPerSecond(final int cancelPerSecond)
    {
        this.cancelPerSecond = cancelPerSecond;
        return this;
    }

    /**
     * @param amendInPlace true when the venue modifies an order in place (UTA {@code modify-order}: same orderId and
     *                     clientOid): a requote is a REPLACE whose newClientOid is the order's own; false (classic
     *                     cancel-replace): a new order under a new clientOid.
     * @return this.
     */
    public CoreContext amendInPlace(final boolean amendInPlace)
    {
        this.amendInPlace = amendInPlace;
        return this;
    }

    /**
     * @return whether requotes amend in place.
     */
    public boolean amendInPlace()
    {
        return amendInPlace;
    }

    /** @param replacePerSecond budget shared by cancel-replace, batch and cancel-all. */
    public CoreContext replacePerSecond(final int replacePerSecond)
    {
        this.replacePerSecond = replacePerSecond;
        return this;
    }

    /**
     * @param marginMs added to the one-second window of the order-rate budgets (a request's budget slot comes back
     *                 one second plus this after it was spent), as the order gateway does with its limiters.
     * @return this.
     */
    public CoreContext rateWindowMarginMs(final long marginMs)
    {
        this.rateWindowMarginMs = marginMs;
        return this;
    }

    public long rateWindowMarginMs()
    {
        return rateWindowMarginMs;
    }

    /** @param maxLossAmount loss (positive, quote amount units) at which the kill switch halts. */
    public CoreContext maxLossAmount(final long maxLossAmount)
    {
        this.maxLossAmount = maxLossAmount;
        return this;
    }

    /** @param reduceLossAmount loss (positive, quote amount units) at which only reducing orders are quoted. */
    public CoreContext reduceLossAmount(final long reduceLossAmount)
    {
        this.reduceLossAmount = reduceLossAmount;
        return this;
    }

    public CoreContext queryRetryMs(final long queryRetryMs)
    {
        this.queryRetryMs = queryRetryMs;
        return this;
    }

    public long queryRetryMs()
    {
        return queryRetryMs;
    }

    public CoreContext cancelAllRetryMs(final long cancelAllRetryMs)
    {
        this.cancelAllRetryMs = cancelAllRetryMs;
        return this;
    }

    public long cancelAllRetryMs()
    {
        return cancelAllRetryMs;
    }

    /** @param pendingTimeoutMs a command unanswered this long makes its order UNKNOWN and queried. */
    public CoreContext pendingTimeoutMs(final long pendingTimeoutMs)
    {
        this.pendingTimeoutMs = pendingTimeoutMs;
        return this;
    }

    public long pendingTimeoutMs()
    {
        return pendingTimeoutMs;
    }

    /** @param rejectBackoffMs after a place or replace is rejected, leave its quote slot empty this long. */
    public CoreContext rejectBackoffMs(final long rejectBackoffMs)
    {
        this.rejectBackoffMs = rejectBackoffMs;
        return this;
    }

    public long rejectBackoffMs()
    {
        return rejectBackoffMs;
    }

    // -- sizing

    /** @param orderCapacity order slots, a power of two well above the most orders open at once. */
    public CoreContext orderCapacity(final int orderCapacity)
    {
        this.orderCapacity = orderCapacity;
        return this;
    }

    public int orderCapacity()
    {
        return orderCapacity;
    }

    /** @param bookCapacity levels kept per book side; deeper levels are dropped and counted. */
    public CoreContext bookCapacity(final int bookCapacity)
    {
        this.bookCapacity = bookCapacity;
        return this;
    }

    public int bookCapacity()
    {
        return bookCapacity;
    }

    public CoreContext tradeIdWindow(final int tradeIdWindow)
    {
        this.tradeIdWindow = tradeIdWindow;
        return this;
    }

    public int tradeIdWindow()
    {
        return tradeIdWindow;
    }

    /**
     * @param await true (a venue run): place nothing until the first {@code PRIVATE_STREAM_STATE} up, since the
     *              fills of orders placed before it could not be seen; false (the default: paper mode, tests): the
     *              core starts as if the stream were up.
     * @return this.
     */
    public CoreContext awaitPrivateStream(final boolean await)
    {
        this.awaitPrivateStream = await;
        return this;
    }

    public boolean awaitPrivateStream()
    {
        return awaitPrivateStream;
    }

    // -- per instrument

    public CoreContext orderSizeUnits(final long units)
    {
        defaults[ORDER_SIZE] = units;
        return this;
    }

    /**
     * @param instrumentId an instrument.
     * @param units        position held when the run starts (signed, size units): on a restart, the venue's base
     *                     balance against the inventory target. Default 0.
     * @return this.
     */
    public CoreContext startPositionUnits(final int instrumentId, final long units)
    {
        startPositions.put(instrumentId, units);
        return this;
    }

    /**
     * @param instrumentId an instrument.
     * @return its start position, size units.
     */
    public long startPositionUnits(final int instrumentId)
    {
        return startPositions.get(instrumentId);
    }

    public CoreContext orderSizeUnits(final int instrumentId, final long units)
    {
        return set(instrumentId, ORDER_SIZE, units);
    }

    public CoreContext maxPositionUnits(final long units)
    {
        defaults[MAX_POSITION] = units;
        return this;
    }

    public CoreContext maxPositionUnits(final int instrumentId, final long units)
    {
        return set(instrumentId, MAX_POSITION, units);
    }

    public CoreContext softLimitUnits(final long units)
    {
        defaults[SOFT_LIMIT] = units;
        return this;
    }

    public CoreContext softLimitUnits(final int instrumentId, final long units)
    {
        return set(instrumentId, SOFT_LIMIT, units);
    }

    public CoreContext maxOrderSizeUnits(final long units)
    {
        defaults[MAX_ORDER_SIZE] = units;
        return this;
    }

    public CoreContext maxOrderSizeUnits(final int instrumentId, final long units)
    {
        return set(instrumentId, MAX_ORDER_SIZE, units);
    }

    public CoreContext maxOrderNotionalAmount(final long amount)
    {
        defaults[MAX_ORDER_NOTIONAL] = amount;
        return this;
    }

    public CoreContext maxOrderNotionalAmount(final int instrumentId, final long amount)
    {
        return set(instrumentId, MAX_ORDER_NOTIONAL, amount);
    }

    /**
     * @param amount hard maximum absolute position value at fair value, quote amount units, for every instrument
     *               without its own; 0 (the default): none.
     * @return this.
     */
    public CoreContext maxPositionNotionalAmount(final long amount)
    {
        maxPositionNotionalDefault = amount;
        return this;
    }

    /**
     * @param instrumentId an instrument.
     * @param amount       its hard maximum absolute position value at fair value, quote amount units; 0: the default.
     * @return this.
     */
    public CoreContext maxPositionNotionalAmount(final int instrumentId, final long amount)
    {
        if (amount == 0)
        {
            maxPositionNotionals.remove(instrumentId);
        }
        else
        {
            maxPositionNotionals.put(instrumentId, amount);
        }
        return this;
    }

    /**
     * Resolve the per-instrument settings: the instrument's own where set, else the defaults. A missing
     * {@code maxOrderSizeUnits} defaults to the order size.
     *
     * @param instrument the instrument.
     * @return its limits.
     * @throws IllegalStateException naming the instrument and the setting when they are missing or inconsistent.
     */
    public InstrumentLimits limitsFor(final Instrument instrument)
    {
        final long[] own = perInstrument.get(instrument.id());
        final long[] values = new long[defaults.length];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = own != null && own[i] != 0 ? own[i] : defaults[i];
        }
        if (values[MAX_ORDER_SIZE] == 0)
        {
            values[MAX_ORDER_SIZE] = values[ORDER_SIZE];
        }
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] <= 0)
            {
                throw new IllegalStateException(
                    LIMIT_NAMES[i] + " is not set for " + instrument.symbol() + " (instrument " + instrument.id() +
                    "): set it for the instrument or as a default");
            }
        }
        final long ownNotional = maxPositionNotionals.get(instrument.id());
        final InstrumentLimits limits = new InstrumentLimits(
            values[ORDER_SIZE], values[MAX_POSITION], values[SOFT_LIMIT], values[MAX_ORDER_SIZE], values[MAX_ORDER_NOTIONAL],
            ownNotional != 0 ? ownNotional : maxPositionNotionalDefault);
        final String problem = limits.problem(instrument.symbol());
        if (problem != null)
        {
            throw new IllegalStateException(problem);
        }
        return limits;
    }

    /**
     * @return the quoting model's parameters.
     */
    public QuoteParameters quoteParameters()
    {
        return new QuoteParameters(
            fairValueMode, skewModel, gamma, sigmaTicks, kappa, glftArrivalRate, spreadFloorTicks, feeFloor, edgeBps, levels,
            levelSpacingTicks);
    }

    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    public long priceBandPpm()
    {
        return priceBandPpm;
    }

    public int placePerSecond()
    {
        return placePerSecond;
    }

    public int cancelPerSecond()
    {
        return cancelPerSecond;
    }

    public int replacePerSecond()
    {
        return replacePerSecond;
    }

    public long maxLossAmount()
    {
        return maxLossAmount;
    }

    public long reduceLossAmount()
    {
        return reduceLossAmount;
    }

    /**
     * Validate. Idempotent.
     *
     * @return this.
     * @throws IllegalStateException saying what is wrong.
     */
    public CoreContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(runEpochMs >= 0, "runEpochMs must be set (the run's start, epoch ms; replay passes the recorded one)");
        final String prefixProblem = ClientOidCodec.checkPrefix(clientOidPrefix);
        require(prefixProblem == null, prefixProblem);
        require(fairValueMode != null && skewModel != null, "fairValueMode and skewModel must be set");
        require(gamma > 0 && kappa > 0 && glftArrivalRate > 0 && sigmaTicks >= 0,
            "need gamma > 0, kappa > 0, glftArrivalRate > 0, sigmaTicks >= 0; were " + gamma + ", " + kappa + ", " +
            glftArrivalRate + ", " + sigmaTicks);
        require(spreadFloorTicks >= 1, "spreadFloorTicks must be >= 1, was " + spreadFloorTicks);
        require(volatilitySampleMs > 0 && volatilityWindowMs >= volatilitySampleMs && volatilityMinSamples >= 1 &&
            volatilityMinSamples <= volatilityWindowMs / volatilitySampleMs, "volatility window/sample/min samples invalid: " +
            volatilityWindowMs + "/" + volatilitySampleMs + "/" + volatilityMinSamples);
        require(intensityWindowSeconds >= 1 && intensityStepBps > 0 && intensityDepths >= 2 && intensityMinTrades >= 1 &&
            horizonMs > 0, "intensity window/step/depths/min trades or horizon invalid");
        require(edgeBps >= -10_000 && edgeBps <= 10_000, "edgeBps must be in [-10000, 10000], was " + edgeBps);
        require(levels >= 1 && levels <= MAX_LEVELS, "levels must be 1 to " + MAX_LEVELS + ", was " + levels);
        require(levelSpacingTicks >= 1, "levelSpacingTicks must be >= 1, was " + levelSpacingTicks);
        require(requoteToleranceTicks >= 0, "requoteToleranceTicks must be >= 0, was " + requoteToleranceTicks);
        require(maxOrderAgeMs > 0, "maxOrderAgeMs must be > 0, was " + maxOrderAgeMs);
        require(staleBookMs > 0, "staleBookMs must be > 0, was " + staleBookMs);
        require(maxOpenOrders > 0, "maxOpenOrders must be > 0, was " + maxOpenOrders);
        require(priceBandPpm > 0, "priceBandPpm must be > 0, was " + priceBandPpm);
        require(placePerSecond > 0 && cancelPerSecond > 0 && replacePerSecond > 0, "rate budgets must be > 0");
        require(maxLossAmount > 0 && reduceLossAmount > 0 && reduceLossAmount <= maxLossAmount,
            "need 0 < reduceLossAmount <= maxLossAmount, were " + reduceLossAmount + " and " + maxLossAmount);
        require(queryRetryMs > 0 && cancelAllRetryMs > 0 && pendingTimeoutMs > 0,
            "queryRetryMs, cancelAllRetryMs and pendingTimeoutMs must be > 0");
        require(rejectBackoffMs >= 0, "rejectBackoffMs must be >= 0, was " + rejectBackoffMs);
        require(Integer.bitCount(orderCapacity) == 1 && orderCapacity > 2 * maxOpenOrders,
            "orderCapacity must be a power of two above 2 x maxOpenOrders, was " + orderCapacity);
        require(bookCapacity >= 25, "bookCapacity must be >= 25 (the checksum depth), was " + bookCapacity);
        require(tradeIdWindow > 0, "tradeIdWindow must be > 0, was " + tradeIdWindow);
        concluded = true;
        return this;
    }

    private CoreContext set(final int instrumentId, final int which, final long value)
    {
        long[] own = perInstrument.get(instrumentId);
        if (own == null)
        {
            own = new long[defaults.length];
            perInstrument.put(instrumentId, own);
        }
        own[which] = value;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException(message);
        }
    }
}
