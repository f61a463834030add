package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterArray;
import org.agrona.concurrent.Agent;

import java.util.function.LongSupplier;

/**
 * Writes the slow engine gauges (type id {@link io.bitmm.core.counters.CounterTypes#ENGINE}) on its own thread, a few
 * times a second: the heartbeat a reader tells a live run by, the quote ages, the handler errors and the journal's
 * lag. The core thread writes the risk state and open orders ({@link InstrumentGauges}).
 */
public final class StatusAgent implements Agent
{
    /** Last heartbeat, ms since the epoch (named in seconds: scale 3). */
    public static final int HEARTBEAT_MS = 0;
    /** {@link #RUNNING}, {@link #STOPPING} or {@link #STOPPED}. */
    public static final int RUN_STATE = 1;
    /** The core's risk state (ordinal of {@link io.bitmm.core.risk.RiskState}). */
    public static final int RISK_STATE = 2;
    /** Orders not yet confirmed closed. */
    public static final int OPEN_ORDERS = 3;
    /** Exceptions the engine's handlers caught and survived. */
    public static final int HANDLER_ERRORS = 4;
    /** Journal entries written. */
    public static final int JOURNAL_ENTRIES = 5;
    /** Inbound events the journal is behind the core. */
    public static final int JOURNAL_LAG = 6;
    /** First of three: order-rate budget spent in the current window (place, cancel, replace); then the limits. */
    public static final int RATE_BUDGET_USED = 7;
    /** First of three: order-rate budget limits per window (place, cancel, replace). */
    public static final int RATE_BUDGET_LIMIT = 10;
    static final String[] NAMES = {"heartbeat_timestamp_seconds", "run_state", "risk_state", "open_orders",
        "handler_errors", "journal_entries", "journal_lag_events", "rate_budget_used kind=place",
        "rate_budget_used kind=cancel", "rate_budget_used kind=replace", "rate_budget_limit kind=place",
        "rate_budget_limit kind=cancel", "rate_budget_limit kind=replace"};

    /** Run state: trading. */
    public static final long RUNNING = 1;
    /** Run state: cancelling everything before the end. */
    public static final long STOPPING = 2;
    /** Run state: ended. */
    public static final long STOPPED = 3;

    private final CounterArray engine;
    private final InstrumentGauges instruments;
    private final LongSupplier handlerErrors;
    private final LongSupplier journalEntries;
    private final LongSupplier journalLag;
    private long lastMs;

    StatusAgent(
        final CounterArray engine,
        final InstrumentGauges instruments,
        final LongSupplier handlerErrors,
        final LongSupplier journalEntries,
        final LongSupplier journalLag)
    {
        this.engine = engine;
        this.instruments = instruments;
        this.handlerErrors = handlerErrors;
        this.journalEntries = journalEntries;
        this.journalLag = journalLag;
    }

    @Override
    public int doWork()
    {
        final long nowMs = System.currentTimeMillis();
        if (nowMs - lastMs < 100)
        {
            return 0;
        }
        lastMs = nowMs;
        publish(nowMs);
        return 1;
    }

    /**
     * Write every gauge now (also called once more after the engine stopped, from the stopping thread).
     *
     * @param nowMs ms since the epoch.
     */
    void publish(final long nowMs)
    {
        instruments.publishAges(System.nanoTime());
        engine.set(HANDLER_ERRORS, handlerErrors.getAsLong());
        engine.set(JOURNAL_ENTRIES, journalEntries.getAsLong());
        engine.set(JOURNAL_LAG, journalLag.getAsLong());
        engine.set(HEARTBEAT_MS, nowMs);
    }

    @Override
    public String roleName()
    {
        return "mm-status";
    }
}
