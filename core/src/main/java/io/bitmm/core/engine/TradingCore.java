package io.bitmm.core.engine;

import io.bitmm.core.book.BookResult;
import io.bitmm.core.calibration.IntensityEstimator;
import io.bitmm.core.calibration.VolatilityEstimator;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandSink;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.order.ClientOidCodec;
import io.bitmm.core.order.ManagedOrder;
import io.bitmm.core.order.OrderManager;
import io.bitmm.core.order.OrderState;
import io.bitmm.core.order.TradeIdFilter;
import io.bitmm.core.position.PnlAttribution;
import io.bitmm.core.position.Position;
import io.bitmm.core.quoting.QuoteModel;
import io.bitmm.core.quoting.QuoteTargets;
import io.bitmm.core.risk.InstrumentLimits;
import io.bitmm.core.risk.RiskManager;
import io.bitmm.core.risk.RiskReason;
import io.bitmm.core.risk.RiskState;

import java.util.Arrays;

/**
 * The deterministic trading core: one event in, zero or more commands out. Owns the books, quoting, risk, orders
 * and positions of every instrument; runs on one thread; never reads a clock (an event's
 * {@link InboundEvent#timestampNanos} is "now"). Same events, same configuration: same commands.
 * <p>
 * Every emitted command carries {@link OutboundCommand#commandSequence} (from 1) and the causing event's
 * timestamp. Allocation-free after construction.
 */
public final class TradingCore
{
    /** MODEL_FIT fields carry the fits in millionths. */
    public static final double FIT_UNITS = 1e6;
    private static final long NANOS_PER_MS = 1_000_000L;
    /** How often the fitted model is journalled (MODEL_FIT), event time. */
    private static final long FIT_RECORD_NANOS = 1_000 * NANOS_PER_MS;
    /** Fill fetches for a finished order whose reported fills did not come, before it is counted as never booked. */
    static final int OWED_FILL_FETCHES = 3;

    private final InstrumentTable instruments;
    private final CommandSink sink;
    private final CoreCounters counters = new CoreCounters();
    private final OrderBook[] books;
    private final Position[] positions;
    private final PnlAttribution[] attributions;
    private final VolatilityEstimator[] volatilities;
    private final IntensityEstimator[] intensities;
    private final boolean calibration;
    private final double horizonSeconds;
    private final double configuredVolatilityBps;
    private final double configuredArrivalRate;
    private final double configuredKappaPerBp;
    /** Per instrument: event time of the last MODEL_FIT record; 0 before the first. */
    private final long[] fitRecordedNanos;
    private final TradeIdFilter[] tradeFilters;
    private final InstrumentLimits[] limits;
    private final QuoteModel model;
    private final QuoteTargets targets;
    private final RiskManager risk;
    private final OrderManager orders;
    private final OutboundCommand command = new OutboundCommand();
    private final int levels;
    private final int[] quoteOrderSlot;
    /** Last refusal per quote slot: a refusal is counted once per episode, not on every event that repeats it. */
    private final RiskReason[] lastRefusal;
    private final long[] quoteOrderCounter;
    private final long[] lastCancelAllNanos;
    private final boolean[] cancelAllOwed;
    private final long requoteToleranceTicks;
    private final long maxOrderAgeNanos;
    private final long queryRetryNanos;
    private final long cancelAllRetryNanos;
    private final long pendingTimeoutNanos;
    private final long rejectBackoffNanos;
    private final boolean amendInPlace;
    /** Per quote slot: no new order before this time (back-off after a reject). */
    private final long[] quietUntilNanos;
    private long commandSequence;
    private long nowNanos;
    private boolean stopped;
    private boolean privateStreamUp;
    private boolean privateStreamLost;

    /**
     * @param context     configuration; concluded here.
     * @param instruments the instruments traded.
     * @param sink        where commands go.
     */
    public TradingCore(final CoreContext context, final InstrumentTable instruments, final CommandSink sink)
    {
        context.conclude();
        this.instruments = instruments;
        this.sink = sink;
        final int count = instruments.instrumentCount();
        books = new OrderBook[count];
        positions = new Position[count];
        attributions = new PnlAttribution[count];
        volatilities = new VolatilityEstimator[count];
        intensities = new IntensityEstimator[count];
        calibration = context.calibration();
        horizonSeconds = context.horizonMs() / 1_000.0;
        configuredVolatilityBps = context.volatilityBps();
        configuredArrivalRate = context.arrivalRatePerSecond();
        configuredKappaPerBp = context.kappaPerBp();
        fitRecordedNanos = new long[count];
        tradeFilters = new TradeIdFilter[count];
        limits = new InstrumentLimits[count];
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments.instrument(i);
            books[i] = new OrderBook(instrument, context.bookCapacity());
            positions[i] = new Position(instrument);
            positions[i].start(context.startPositionUnits(i));
            attributions[i] = new PnlAttribution(instrument);
            volatilities[i] = context.newVolatilityEstimator();
            intensities[i] = context.newIntensityEstimator();
            tradeFilters[i] = new TradeIdFilter(context.tradeIdWindow());
            limits[i] = context.limitsFor(instrument);
        }
        model = new QuoteModel(context.quoteParameters());
        levels = context.levels();
        targets = new QuoteTargets(levels);
        risk = new RiskManager(limits, context.maxOpenOrders(), context.priceBandPpm(), context.staleBookMs() * NANOS_PER_MS,
            context.placePerSecond(), context.cancelPerSecond(), context.replacePerSecond(),
            1_000 * NANOS_PER_MS + context.rateWindowMarginMs() * NANOS_PER_MS, context.maxLossAmount(),
            context.reduceLossAmount());
        orders = new OrderManager(new ClientOidCodec(context.clientOidPrefix(), context.runEpochMs()), context.orderCapacity(),
            count);
        quoteOrderSlot = new int[count * 2 * levels];
        quoteOrderCounter = new long[count * 2 * levels];
        Arrays.fill(quoteOrderSlot, -1);
        lastRefusal = new RiskReason[count * 2 * levels];
        Arrays.fill(lastRefusal, RiskReason.NONE);
        lastCancelAllNanos = new long[count];
        cancelAllOwed = new boolean[count];
        requoteToleranceTicks = context.requoteToleranceTicks();
        maxOrderAgeNanos = context.maxOrderAgeMs() * NANOS_PER_MS;
        amendInPlace = context.amendInPlace();
        queryRetryNanos = context.queryRetryMs() * NANOS_PER_MS;
        cancelAllRetryNanos = context.cancelAllRetryMs() * NANOS_PER_MS;
        pendingTimeoutNanos = context.pendingTimeoutMs() * NANOS_PER_MS;
        rejectBackoffNanos = context.rejectBackoffMs() * NANOS_PER_MS;
        privateStreamUp = !context.awaitPrivateStream();
        quietUntilNanos = new long[count * 2 * levels];
    }

    /**
     * Process one event: the core's only input.
     *
     * @param event the event; not kept.
     */
    public void onEvent(final InboundEvent event)
    {
        nowNanos = event.timestampNanos;
        counters.increment(CoreCounters.EVENTS);
        switch (event.type)
        {
            case BOOK_SNAPSHOT:
            case BOOK_UPDATE:
                onBook(event);
                break;
            case BOOK_RESET:
                onBookReset(event);
                break;
            case ORDER_UPDATE:
                onOrderUpdate(event);
                break;
            case FILL:
                onFill(event);
                break;
            case TRADE:
                onTrade(event);
                break;
            case COMMAND_ACK:
                onAck(event);
                break;
            case COMMAND_REJECT:
                onReject(event);
                break;
            case COMMAND_UNKNOWN:
                onUnknown(event);
                break;
            case PRIVATE_STREAM_STATE:
                onPrivateStream(event);
                break;
            case TIMER:
                onTimer();
                break;
            case STOP_QUOTING:
                stopped = true;
                cancelEverything();
                break;
            case MARK_PRICE:
                onMarkPrice(event);
                break;
            case FUNDING:
                onFunding(event);
                break;
            case POSITION_SNAPSHOT:
                onVenuePosition(event);
                break;
            default:
                break;
        }
    }

    public CoreCounters counters()
    {
        return counters;
    }

    /**
     * @return open orders (any non-terminal state); safe to read from any thread.
     */
    public int openOrderCount()
    {
        return orders.openOrderCountVolatile();
    }

    /**
     * @param instrumentId an instrument.
     * @return its book (core thread, or after the core stopped).
     */
    public OrderBook book(final int instrumentId)
    {
        return books[instrumentId];
    }

    /**
     * @param instrumentId an instrument.
     * @return its position (core thread, or after the core stopped).
     */
    public Position position(final int instrumentId)
    {
        return positions[instrumentId];
    }

    /**
     * The position the risk checks and the quote model use: the booked position ({@link #position}) plus the size the
     * venue's order updates reported filled that no fill has booked yet ({@link OrderManager#unbookedFilled}). It is
     * the venue's position whichever of an order's two pushes (order update, fill) arrives first.
     *
     * @param instrumentId an instrument.
     * @return signed size units.
     */
    public long riskPosition(final int instrumentId)
    {
        return positions[instrumentId].size() + orders.unbookedFilled(instrumentId);
    }

    /**
     * @param instrumentId the instrument.
     * @return where its PnL came from, and its markouts (read after the core stopped, or on its thread).
     */
    public PnlAttribution attribution(final int instrumentId)
    {
        return attributions[instrumentId];
    }

    /**
     * @param instrumentId the instrument.
     * @return its mid's volatility estimate (bp per square root of a second).
     */
    public VolatilityEstimator volatility(final int instrumentId)
    {
        return volatilities[instrumentId];
    }

    /**
     * @param instrumentId the instrument.
     * @return its order-arrival intensity fit (A per second, k per bp of distance from the mid).
     */
    public IntensityEstimator intensity(final int instrumentId)
    {
        return intensities[instrumentId];
    }

    public RiskState riskState()
    {
        return risk.state();
    }

    /**
     * @return the risk manager (its rate budgets are read for the counters; core thread only).
     */
    public RiskManager risk()
    {
        return risk;
    }

    /**
     * @return true after {@code STOP_QUOTING}.
     */
    public boolean isStopped()
    {
        return stopped;
    }

    /**
     * @return the order manager (core thread; tests and diagnostics).
     */
    public OrderManager orders()
    {
        return orders;
    }

    // -- market data

    private void onBook(final InboundEvent event)
    {
        final int id = event.instrumentId;
        if (!validInstrument(id))
        {
            return;
        }
        final OrderBook book = books[id];
        final boolean snapshot = event.type == EventType.BOOK_SNAPSHOT;
        final long droppedBefore = book.droppedLevels();
        final BookResult result = snapshot ? book.applySnapshot(event) : book.applyUpdate(event);
        if (event.truncatedLevels != 0)
        {
            counters.add(CoreCounters.BOOK_LEVELS_TRUNCATED, event.truncatedLevels);
        }
        if (book.droppedLevels() != droppedBefore)
        {
            counters.add(CoreCounters.BOOK_LEVELS_DROPPED, book.droppedLevels() - droppedBefore);
        }
        if (result == BookResult.APPLIED)
        {
            counters.increment(snapshot ? CoreCounters.BOOK_SNAPSHOTS : CoreCounters.BOOK_UPDATES);
            final long mid = mid(book);
            if (mid > 0)
            {
                attributions[id].onMid(positions[id].size(), positions[id].markPrice(), mid, nowNanos);
                volatilities[id].onMid(mid, nowNanos);
                intensities[id].advance(nowNanos);
                recordFit(id);
            }
            positions[id].mark(mid);
            if (checkKillSwitch())
            {
                requote(id);
            }
        }
        else if (result == BookResult.IGNORED)
        {
            counters.increment(CoreCounters.BOOK_IGNORED);
        }
        else
        {
            counters.resync(result);
            counters.increment(CoreCounters.RESYNCS_SENT);
            emitSimple(CommandType.RESYNC_BOOK, id);
            cancelQuotes(id);
        }
    }

    private void onBookReset(final InboundEvent event)
    {
        if (validInstrument(event.instrumentId))
        {
            counters.increment(CoreCounters.BOOK_RESETS);
            books[event.instrumentId].reset();
            cancelQuotes(event.instrumentId);
        }
    }

    // -- perpetuals

    private void onMarkPrice(final InboundEvent event)
    {
        if (validInstrument(event.instrumentId))
        {
            counters.increment(CoreCounters.MARK_PRICES);
            positions[event.instrumentId].onMarkPrice(event.price);
            checkKillSwitch();
        }
    }

    private void onFunding(final InboundEvent event)
    {
        if (validInstrument(event.instrumentId))
        {
            counters.increment(CoreCounters.FUNDING_SETTLEMENTS);
            positions[event.instrumentId].onFunding(event.amount);
            attributions[event.instrumentId].onFunding(event.amount);
            checkKillSwitch();
        }
    }

    private void onVenuePosition(final InboundEvent event)
    {
        if (validInstrument(event.instrumentId))
        {
            counters.increment(CoreCounters.POSITION_SNAPSHOTS);
            final Position position = positions[event.instrumentId];
            if (event.flag && !position.startFromVenue(event.size, event.averagePrice))
            {
                counters.increment(CoreCounters.BAD_EVENTS);
            }
            position.onVenuePosition(event.size, event.averagePrice, event.amount);
            position.onMarkPrice(event.price);
            // the venue's position includes fills its order updates reported and their fill pushes have not brought yet
            if (event.size != position.size() + orders.unbookedFilled(event.instrumentId))
            {
                counters.increment(CoreCounters.POSITION_MISMATCHES);
            }
        }
    }

    // -- private stream and order gateway

    private void onOrderUpdate(final InboundEvent event)
    {
        counters.increment(CoreCounters.ORDER_UPDATES);
        final boolean queryAnswer = event.commandType == CommandType.QUERY_ORDER;
        final int before = queryAnswer ? orders.lookup(event.clientOid, event.clientOidLength) : -1;
        final long fillsSeen = before >= 0 ? orders.order(before).filledByFills() : 0;
        final int result = orders.onOrderUpdate(event);
        final int slot = orders.lastSlot();
        if (result == OrderManager.UNTRACKED)
        {
            counters.increment(CoreCounters.UNTRACKED_ORDER_EVENTS);
            return;
        }
        if (before >= 0)
        {
            onQueryAnswer(event, orders.order(before), fillsSeen);
        }
        if (result == OrderManager.VENUE_CANCEL)
        {
            counters.increment(event.cancelReason == CancelReason.POST_ONLY_WOULD_TAKE ||
                event.cancelReason == CancelReason.NONE ?
                CoreCounters.POST_ONLY_CANCELS : CoreCounters.VENUE_CANCELS);
        }
        else if (result == OrderManager.ORPHAN_WORKING)
        {
            cancel(slot);
        }
        requoteAfterOrderEvent(orders.order(slot).instrumentId());
    }

    /**
     * Journal the fitted model (a {@link CommandType#MODEL_FIT} command) at most once a second of event time per
     * instrument, once either fit is ready.
     */
    private void recordFit(final int id)
    {
        final VolatilityEstimator volatility = volatilities[id];
        final IntensityEstimator intensity = intensities[id];
        if (!volatility.ready() && !intensity.ready() ||
            fitRecordedNanos[id] != 0 && nowNanos - fitRecordedNanos[id] < FIT_RECORD_NANOS)
        {
            return;
        }
        fitRecordedNanos[id] = nowNanos;
        begin(CommandType.MODEL_FIT, id);
        command.price = volatility.ready() ? Math.round(volatility.volatilityBps() * FIT_UNITS) : 0;
        command.size = intensity.ready() ? Math.round(intensity.arrivalRateA() * FIT_UNITS) : 0;
        command.orderId = intensity.ready() ? Math.round(intensity.kappa() * FIT_UNITS) : 0;
        send();
    }

    /** A public trade: its distance from the mid feeds the intensity fit. */
    private void onTrade(final InboundEvent event)
    {
        final int id = event.instrumentId;
        if (!inRange(id) || event.price <= 0)
        {
            return;
        }
        final long mid = mid(books[id]);
        if (mid > 0)
        {
            intensities[id].onTrade((double)Math.abs(event.price - mid) / (double)mid * 10_000.0, nowNanos);
        }
    }

    /**
     * A query answered for a tracked order: count what it found, and fetch the order's fills when the venue reports
     * more filled than the fills seen (they were lost, e.g. with the private stream).
     */
    private void onQueryAnswer(final InboundEvent event, final ManagedOrder order, final long fillsSeen)
    {
        if (!order.isInUse())
        {
            counters.increment(order.state() == OrderState.FILLED ? CoreCounters.FOUND_FILLED : CoreCounters.FOUND_CANCELLED);
        }
        if (event.cumulativeFilledSize > fillsSeen)
        {
            begin(CommandType.FETCH_FILLS, order.instrumentId());
            command.clientOidLength = order.copyClientOid(command.clientOid);
            command.orderId = event.orderId != 0 ? event.orderId : order.orderId();
            command.side = order.side();
            counters.increment(CoreCounters.FILL_FETCHES_SENT);
            send();
        }
    }

    private void onFill(final InboundEvent event)
    {
        final int slot = event.clientOidLength > 0 ? orders.lookupForFill(event.clientOid, event.clientOidLength) :
            orders.lookupByOrderId(event.orderId);
        final int id = inRange(event.instrumentId) ? event.instrumentId : (slot >= 0 ? orders.order(slot).instrumentId() : -1);
        if (id < 0 || event.size <= 0)
        {
            counters.increment(CoreCounters.BAD_EVENTS);
            return;
        }
        if (!orders.placedByThisRun(event, slot))
        {
            // a fill of a run before a restart (in the start balances) or of another tool: not ours to book, and its
            // trade id is not remembered, so the same fill fetched later for one of our orders is still booked
            counters.increment(CoreCounters.FOREIGN_FILLS);
            return;
        }
        if (event.tradeId != 0 && !tradeFilters[id].firstTime(event.tradeId))
        {
            // the stop's sweep re-reads every fill of the run: an already booked one is expected, not a duplicate
            counters.increment(event.commandType == CommandType.SWEEP_FILLS ? CoreCounters.FILLS_SWEPT_KNOWN :
                CoreCounters.DUPLICATE_FILLS);
            return;
        }
        final long midBefore = positions[id].markPrice();
        final long feesBefore = positions[id].fees();
        positions[id].onFill(event.side, event.price, event.size, event.maker, event.fee, event.feeAssetId);
        attributions[id].onFill(event.side, event.price, event.size, midBefore, positions[id].fees() - feesBefore, nowNanos);
        final boolean buy = event.side == Side.BUY;
        counters.increment(buy ? CoreCounters.FILLS_BUY : CoreCounters.FILLS_SELL);
        counters.add(buy ? CoreCounters.FILLED_SIZE_BUY : CoreCounters.FILLED_SIZE_SELL, event.size);
        if (event.commandType == CommandType.FETCH_FILLS || event.commandType == CommandType.SWEEP_FILLS)
        {
            counters.increment(CoreCounters.RECOVERED_FILLS);
        }
        if (orders.onFill(event, slot) == OrderManager.UNTRACKED)
        {
            counters.increment(CoreCounters.UNTRACKED_ORDER_EVENTS);
        }
        if (checkKillSwitch())
        {
            requoteAfterOrderEvent(id);
        }
    }

    private void onAck(final InboundEvent event)
    {
        counters.increment(CoreCounters.ACKS);
        if (orders.onAck(event) == OrderManager.UNTRACKED)
        {
            counters.increment(CoreCounters.UNTRACKED_ORDER_EVENTS);
        }
    }

    private void onReject(final InboundEvent event)
    {
        counters.reject(event.rejectCode);
        backOff(event);
        if (orders.onReject(event) == OrderManager.UNTRACKED)
        {
            counters.increment(CoreCounters.UNTRACKED_ORDER_EVENTS);
            return;
        }
        final int unknown = orders.queryNeeded();
        if (unknown >= 0)
        {
            // 43001 and kin: cancelled, or filled with its fills lost? Only the venue knows.
            counters.increment(CoreCounters.NOT_FOUND_QUERIES);
            query(orders.order(unknown));
        }
        final int revived = orders.lastSlot();
        if (revived >= 0)
        {
            final ManagedOrder order = orders.order(revived);
            quoteOrderSlot[order.quoteSlot()] = revived;
            quoteOrderCounter[order.quoteSlot()] = order.counter();
        }
    }

    private void backOff(final InboundEvent event)
    {
        if ((event.commandType != CommandType.PLACE && event.commandType != CommandType.REPLACE) ||
            OrderManager.isNotFound(event.rejectCode))
        {
            return;
        }
        final int slot = event.commandType == CommandType.PLACE ? orders.lookup(event.clientOid, event.clientOidLength) :
            orders.lookup(event.newClientOid, event.newClientOidLength);
        if (slot >= 0 && orders.order(slot).quoteSlot() >= 0)
        {
            quietUntilNanos[orders.order(slot).quoteSlot()] = nowNanos + rejectBackoffNanos;
        }
    }

    private void onUnknown(final InboundEvent event)
    {
        counters.increment(CoreCounters.UNKNOWN_OUTCOMES);
        if (orders.onUnknown(event) == OrderManager.UNTRACKED)
        {
            counters.increment(CoreCounters.UNTRACKED_ORDER_EVENTS);
            return;
        }
        final ManagedOrder order = orders.order(orders.lastSlot());
        query(order);
        final int replacement = order.replacementSlot();
        if (replacement >= 0 && orders.order(replacement).state() == OrderState.UNKNOWN)
        {
            query(orders.order(replacement));
        }
    }

    /**
     * Before the first up (with {@link CoreContext#awaitPrivateStream}): place nothing, since no fill of it could be
     * seen. Down: cancel every quote and place nothing (fills and cancels may be happening unseen). Up again after a loss:
     * the gateway has already delivered the fills of the gap; query every tracked order and quote again only once
     * each one is answered ({@link OrderManager#reconcileOutstanding()}).
     */
    private void onPrivateStream(final InboundEvent event)
    {
        final boolean wasUp = privateStreamUp;
        privateStreamUp = event.flag;
        if (!privateStreamUp)
        {
            privateStreamLost = true;
            for (int id = 0; id < books.length; id++)
            {
                cancelQuotes(id);
            }
        }
        else if (!wasUp && privateStreamLost)
        {
            counters.increment(CoreCounters.RECONNECT_RECONCILES);
            if (orders.beginReconcile(nowNanos) > 0)
            {
                for (int slot = 0; slot < orders.capacity(); slot++)
                {
                    if (orders.order(slot).awaitingReconcile())
                    {
                        counters.increment(CoreCounters.RECONCILE_QUERIES);
                        query(orders.order(slot));
                    }
                }
            }
        }
    }

    private void onTimer()
    {
        retryQueries();
        final boolean mayQuote = checkKillSwitch();
        if (stopped)
        {
            // A cancel-all that the rate budget held back at STOP_QUOTING is owed until it goes out.
            retryCancelAll();
            return;
        }
        if (!mayQuote)
        {
            return;
        }
        for (int id = 0; id < books.length; id++)
        {
            requote(id);
        }
    }

    // -- decisions

    /**
     * @return true while quoting may go on; on the switch to HALTED cancels everything.
     */
    private boolean checkKillSwitch()
    {
        if (risk.state() == RiskState.HALTED)
        {
            retryCancelAll();
            return false;
        }
        long total = 0;
        for (final Position position : positions)
        {
            total += position.totalPnl();
        }
        if (risk.onPnl(total) == RiskState.HALTED)
        {
            cancelEverything();
            return false;
        }
        return !stopped;
    }

    private void requoteAfterOrderEvent(final int id)
    {
        if (!stopped && risk.state() != RiskState.HALTED && validInstrument(id))
        {
            requote(id);
        }
    }

    private void requote(final int id)
    {
        final OrderBook book = books[id];
        final RiskReason bookReason = risk.checkBook(book, nowNanos);
        if (bookReason != RiskReason.NONE || !privateStreamUp || orders.reconcileOutstanding() > 0)
        {
            cancelQuotes(id);
            return;
        }
        final VolatilityEstimator volatility = volatilities[id];
        final IntensityEstimator intensity = intensities[id];
        final boolean fitted = calibration && (volatility.ready() || intensity.ready());
        if (fitted || configuredVolatilityBps > 0 || configuredArrivalRate > 0 || configuredKappaPerBp > 0)
        {
            // the model in basis points of the mid (gamma per bp): fitted values where ready, else the configured ones
            // in bp where set, else the tick settings converted to bp
            final double ticksPerBp = (double)mid(book) / (double)book.instrument().tickUnits() / 10_000.0;
            final double sigmaBps = calibration && volatility.ready() ?
                volatility.volatilityBps() * Math.sqrt(horizonSeconds) : configuredVolatilityBps > 0 ?
                configuredVolatilityBps * Math.sqrt(horizonSeconds) : model.parameters().sigmaTicks() / ticksPerBp;
            final double kappa = calibration && intensity.ready() ? intensity.kappa() : configuredKappaPerBp > 0 ?
                configuredKappaPerBp : model.parameters().kappa() * ticksPerBp;
            final double arrivalRateA = calibration && intensity.ready() ? intensity.arrivalRateA() :
                configuredArrivalRate > 0 ? configuredArrivalRate : model.parameters().arrivalRateA();
            model.compute(book, riskPosition(id), limits[id].orderSize(), sigmaBps, kappa, arrivalRateA, ticksPerBp,
                targets);
        }
        else
        {
            model.compute(book, riskPosition(id), limits[id].orderSize(), targets);
        }
        if (!targets.isValid())
        {
            cancelQuotes(id);
            return;
        }
        final Instrument instrument = instruments.instrument(id);
        // fills the venue reported (order update) but not yet pushed are in it: either push may come first
        final long position = riskPosition(id);
        // At an inventory limit a perpetual quotes its reducing side reduce-only: the growing side is refused below.
        final boolean atLimit = instrument.isPerpetual() &&
            risk.growthRefusal(instrument, position, limits[id].orderSize(), targets.fairValuePrice()) != RiskReason.NONE;
        // The side moving away from the other goes first: raising the bid before the ask when both move up would
        // cross our own resting ask for a moment, and a post-only bid that crosses is cancelled by the venue (seen as
        // post-only cancels of in-place modifies on UTA)
        final int ask = currentOrder(quoteSlot(id, Side.SELL, 0));
        if (ask >= 0 && targets.askPrice(0) > orders.order(ask).price())
        {
            quoteSide(id, Side.SELL, atLimit && position > 0);
            quoteSide(id, Side.BUY, atLimit && position < 0);
        }
        else
        {
            quoteSide(id, Side.BUY, atLimit && position < 0);
            quoteSide(id, Side.SELL, atLimit && position > 0);
        }
    }

    private void quoteSide(final int id, final Side side, final boolean reduceOnly)
    {
        final Instrument instrument = instruments.instrument(id);
        final long position = riskPosition(id);
        long ahead = 0;
        for (int level = 0; level < targets.levels(); level++)
        {
            final int quoteSlot = quoteSlot(id, side, level);
            final int slot = currentOrder(quoteSlot);
            final long price = side == Side.BUY ? targets.bidPrice(level) : targets.askPrice(level);
            final long size = reduceOnly ? reduceOnlySize(instrument, position, ahead, targets.size(level)) : targets.size(level);
            final int open = orders.openOrderCount() - (slot >= 0 ? 1 : 0);
            final RiskReason reason = size <= 0 ? RiskReason.REDUCE_ONLY_SIZE :
                risk.checkOrder(instrument, side, price, size, targets.fairValuePrice(), position, ahead, open);
            if (slot < 0)
            {
                placeIfAllowed(quoteSlot, id, side, price, size, reason, reduceOnly);
            }
            else if (orders.order(slot).reduceOnly() != reduceOnly ||
                (reduceOnly && orders.order(slot).size() - orders.order(slot).filled() > size))
            {
                // reduce-only is fixed at placement (a modify keeps it): switch by cancelling, the next pass places
                cancel(slot);
            }
            else
            {
                maintain(slot, quoteSlot, price, size, reason);
            }
            if (reason == RiskReason.NONE)
            {
                ahead += size;
            }
        }
    }

    /**
     * @return the size of a reduce-only quote: the quote size, cut to the position not yet covered by the better
     *         levels' reduce-only quotes and rounded down to the step; 0 when below the instrument's minimum.
     */
    private static long reduceOnlySize(final Instrument instrument, final long position, final long ahead, final long size)
    {
        final long left = InstrumentRules.roundSizeDown(instrument, Math.min(size, Math.abs(position) - ahead));
        return left > 0 && left >= instrument.minSizeUnits() ? left : 0;
    }

    private void placeIfAllowed(
        final int quoteSlot, final int id, final Side side, final long price, final long size, final RiskReason reason,
        final boolean reduceOnly)
    {
        if (reason != RiskReason.NONE)
        {
            refuse(quoteSlot, reason);
            return;
        }
        if (nowNanos < quietUntilNanos[quoteSlot])
        {
            return;
        }
        if (!risk.tryPlace(nowNanos))
        {
            refuse(quoteSlot, RiskReason.RATE_PLACE);
            return;
        }
        lastRefusal[quoteSlot] = RiskReason.NONE;
        final int slot = orders.create(id, side, price, size, quoteSlot, nowNanos);
        if (slot < 0)
        {
            counters.increment(CoreCounters.ORDER_POOL_FULL);
            return;
        }
        final ManagedOrder order = orders.order(slot);
        order.reduceOnly(reduceOnly);
        quoteOrderSlot[quoteSlot] = slot;
        quoteOrderCounter[quoteSlot] = order.counter();
        begin(CommandType.PLACE, id);
        command.clientOidLength = order.copyClientOid(command.clientOid);
        command.side = side;
        command.price = price;
        command.size = size;
        command.timeInForce = TimeInForce.POST_ONLY;
        command.reduceOnly = reduceOnly;
        counters.increment(CoreCounters.PLACES_SENT);
        if (reduceOnly)
        {
            counters.increment(CoreCounters.REDUCE_ONLY_PLACES);
        }
        send();
    }

    private void maintain(final int slot, final int quoteSlot, final long price, final long size, final RiskReason reason)
    {
        final ManagedOrder order = orders.order(slot);
        if (!order.state().isWorking())
        {
            return;
        }
        if (reason == RiskReason.MAX_OPEN_ORDERS)
        {
            // keep what rests: cancelling would not help, only a replace (which adds an order until acked) is refused
            refuse(quoteSlot, reason);
            return;
        }
        if (reason != RiskReason.NONE)
        {
            refuse(quoteSlot, reason);
            cancel(slot);
            return;
        }
        final long tick = instruments.instrument(order.instrumentId()).tickUnits();
        final boolean moved = Math.abs(order.price() - price) > requoteToleranceTicks * tick;
        final boolean old = nowNanos - order.createdNanos() > maxOrderAgeNanos;
        if (moved || old)
        {
            if (amendInPlace && order.reduceOnly())
            {
                // v3 modify-order refuses a reduce-only order (25568): pull it, the next pass places it anew
                cancel(slot);
                return;
            }
            final boolean tooClose = order.side() == Side.BUY ? order.price() > price : order.price() < price;
            if (!replace(slot, quoteSlot, price, size) && moved && tooClose)
            {
                // the mid came to the order and the replace budget is spent: a quote closer than the model (and the
                // fee floor) allows is pulled with the cancel budget rather than left to be picked off
                cancel(slot);
            }
        }
        else
        {
            lastRefusal[quoteSlot] = RiskReason.NONE;
        }
    }

    /**
     * @return false when the replace budget refused it.
     */
    private boolean replace(final int slot, final int quoteSlot, final long price, final long size)
    {
        if (!risk.tryReplace(nowNanos))
        {
            refuse(quoteSlot, RiskReason.RATE_REPLACE);
            return false;
        }
        lastRefusal[quoteSlot] = RiskReason.NONE;
        final ManagedOrder old = orders.order(slot);
        if (amendInPlace)
        {
            amend(old, price, size);
            return true;
        }
        final long oldOrderId = old.orderId();
        final int newSlot = orders.markPendingReplace(slot, price, size, nowNanos);
        if (newSlot < 0)
        {
            counters.increment(CoreCounters.ORDER_POOL_FULL);
            return true;
        }
        final ManagedOrder replacement = orders.order(newSlot);
        quoteOrderSlot[quoteSlot] = newSlot;
        quoteOrderCounter[quoteSlot] = replacement.counter();
        begin(CommandType.REPLACE, old.instrumentId());
        command.clientOidLength = old.copyClientOid(command.clientOid);
        command.newClientOidLength = replacement.copyClientOid(command.newClientOid);
        command.orderId = oldOrderId;
        command.side = old.side();
        command.price = price;
        command.size = size;
        command.timeInForce = TimeInForce.POST_ONLY;
        command.reduceOnly = replacement.reduceOnly();
        counters.increment(CoreCounters.REPLACES_SENT);
        send();
        return true;
    }

    /** An in-place amend: the same order (orderId, clientOid) gets the new price and filled + size in total. */
    private void amend(final ManagedOrder order, final long price, final long size)
    {
        final long total = order.filled() + size;
        orders.markPendingAmend(order.slot(), price, total, nowNanos);
        begin(CommandType.REPLACE, order.instrumentId());
        command.clientOidLength = order.copyClientOid(command.clientOid);
        command.newClientOidLength = order.copyClientOid(command.newClientOid);
        command.orderId = order.orderId();
        command.side = order.side();
        command.price = price;
        command.size = total;
        command.timeInForce = TimeInForce.POST_ONLY;
        command.reduceOnly = order.reduceOnly();
        counters.increment(CoreCounters.REPLACES_SENT);
        send();
    }

    private void cancel(final int slot)
    {
        final ManagedOrder order = orders.order(slot);
        if (!order.state().isWorking())
        {
            return;
        }
        if (!risk.tryCancel(nowNanos))
        {
            if (order.quoteSlot() >= 0)
            {
                refuse(order.quoteSlot(), RiskReason.RATE_CANCEL);
            }
            else
            {
                counters.riskRejection(RiskReason.RATE_CANCEL);
            }
            return;
        }
        orders.markPendingCancel(slot, nowNanos);
        begin(CommandType.CANCEL, order.instrumentId());
        command.clientOidLength = order.copyClientOid(command.clientOid);
        command.orderId = order.orderId();
        command.side = order.side();
        counters.increment(CoreCounters.CANCELS_SENT);
        send();
    }

    private void cancelQuotes(final int id)
    {
        final int from = id * 2 * levels;
        for (int quoteSlot = from; quoteSlot < from + 2 * levels; quoteSlot++)
        {
            final int slot = currentOrder(quoteSlot);
            if (slot >= 0)
            {
                cancel(slot);
            }
        }
    }

    private void cancelEverything()
    {
        for (int id = 0; id < books.length; id++)
        {
            cancelAllOwed[id] = true;
        }
        retryCancelAll();
    }

    private void retryCancelAll()
    {
        for (int id = 0; id < books.length; id++)
        {
            final boolean due = cancelAllOwed[id] || nowNanos - lastCancelAllNanos[id] > cancelAllRetryNanos;
            if (due && orders.hasOpenOrders(id) && risk.tryReplace(nowNanos))
            {
                cancelAllOwed[id] = false;
                lastCancelAllNanos[id] = nowNanos;
                orders.markAllPendingCancel(id, nowNanos);
                counters.increment(CoreCounters.CANCEL_ALLS_SENT);
                emitSimple(CommandType.CANCEL_ALL, id);
            }
        }
    }

    private void retryQueries()
    {
        if (orders.openOrderCount() == 0 && orders.fillsOwedCount() == 0)
        {
            return;
        }
        for (int slot = 0; slot < orders.capacity(); slot++)
        {
            final ManagedOrder order = orders.order(slot);
            if (order.fillsOwed())
            {
                fetchOwedFills(order);
                continue;
            }
            if (!orders.isCurrent(slot, order.counter()))
            {
                continue;
            }
            final long age = nowNanos - order.stateNanos();
            if (order.state().isPending() && age > pendingTimeoutNanos)
            {
                counters.increment(CoreCounters.PENDING_TIMEOUTS);
                orders.markUnknown(slot, nowNanos);
                query(order);
            }
            else if (order.state() == OrderState.UNKNOWN && age > queryRetryNanos)
            {
                orders.markUnknown(slot, nowNanos);
                query(order);
            }
            else if (order.awaitingReconcile() && nowNanos - order.reconcileQueryNanos() > queryRetryNanos)
            {
                orders.reconcileQueried(slot, nowNanos);
                counters.increment(CoreCounters.RECONCILE_QUERIES);
                query(order);
            }
        }
    }

    /**
     * A finished order the venue reported filled beyond the fills seen: once the fills are {@link CoreContext#queryRetryMs}
     * late, fetch them from the venue's fill history, up to {@link #OWED_FILL_FETCHES} times; then count it in
     * {@link CoreCounters#FILLS_NEVER_BOOKED}. Its reported size stays in {@link #riskPosition} (the venue holds it) until
     * a fill books it (the stop's sweep of the run's fills included).
     */
    private void fetchOwedFills(final ManagedOrder order)
    {
        final long since = order.owedFetches() == 0 ? order.stateNanos() : order.owedFetchNanos();
        if (nowNanos - since <= queryRetryNanos || order.owedFetches() > OWED_FILL_FETCHES)
        {
            return;
        }
        orders.owedFillsFetched(order.slot(), nowNanos);
        if (order.owedFetches() > OWED_FILL_FETCHES)
        {
            counters.increment(CoreCounters.FILLS_NEVER_BOOKED);
            return;
        }
        begin(CommandType.FETCH_FILLS, order.instrumentId());
        command.clientOidLength = order.copyClientOid(command.clientOid);
        command.orderId = order.orderId();
        command.side = order.side();
        counters.increment(CoreCounters.FILL_FETCHES_SENT);
        counters.increment(CoreCounters.OWED_FILL_FETCHES);
        send();
    }

    private void query(final ManagedOrder order)
    {
        begin(CommandType.QUERY_ORDER, order.instrumentId());
        command.clientOidLength = order.copyClientOid(command.clientOid);
        command.orderId = order.orderId();
        command.side = order.side();
        counters.increment(CoreCounters.QUERIES_SENT);
        send();
    }

    // -- helpers

    private void refuse(final int quoteSlot, final RiskReason reason)
    {
        if (lastRefusal[quoteSlot] != reason)
        {
            lastRefusal[quoteSlot] = reason;
            counters.riskRejection(reason);
        }
    }

    private int currentOrder(final int quoteSlot)
    {
        final int slot = quoteOrderSlot[quoteSlot];
        if (slot >= 0 && orders.isCurrent(slot, quoteOrderCounter[quoteSlot]))
        {
            return slot;
        }
        quoteOrderSlot[quoteSlot] = -1;
        return -1;
    }

    private int quoteSlot(final int id, final Side side, final int level)
    {
        return (id * 2 + side.ordinal()) * levels + level;
    }

    private boolean inRange(final int id)
    {
        return id >= 0 && id < books.length;
    }

    private boolean validInstrument(final int id)
    {
        if (inRange(id))
        {
            return true;
        }
        counters.increment(CoreCounters.BAD_EVENTS);
        return false;
    }

    private static long mid(final OrderBook book)
    {
        return book.hasTwoSides() ? (book.bidPrice(0) + book.askPrice(0)) / 2 : 0;
    }

    private void emitSimple(final CommandType type, final int id)
    {
        begin(type, id);
        send();
    }

    private void begin(final CommandType type, final int id)
    {
        command.reset();
        command.type = type;
        command.instrumentId = id;
    }

    private void send()
    {
        command.commandSequence = ++commandSequence;
        command.triggerTimestampNanos = nowNanos;
        sink.send(command);
    }
}
