package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterArray;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.tuning.latency.LatencyLogWriter;
import io.bitmm.tuning.latency.LatencyStage;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.errors.DistinctErrorLog;
import org.agrona.concurrent.status.CountersManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The engine's side of the counters file: the {@link CountersManager} every counter is registered with, the distinct
 * error log, the engine gauges and the latency gauges. Made before the engine (its error log goes into the gateway
 * context), then {@code Engine.counters(...)} registers the core's and the gateways' counters and starts the status
 * agent with the engine.
 */
public final class RunCounters implements AutoCloseable, LatencyLogWriter.IntervalListener
{
    /** Latency gauges per stage: p50, p99, max (ns, shown as seconds), and the count in the interval. */
    static final String[] LATENCY_NAMES = {"p50_seconds", "p99_seconds", "max_seconds", "interval_count"};

    private final CountersFile file;
    private final CountersManager manager;
    private final DistinctErrorLog errorLog;
    private final CounterArray engine = new CounterArray(StatusAgent.NAMES.length);
    private final CounterArray latency = new CounterArray(LatencyStage.values().length * LATENCY_NAMES.length);
    private InstrumentGauges instruments;
    private StatusAgent status;

    private RunCounters(final CountersFile file)
    {
        this.file = file;
        this.manager = new CountersManager(file.metadataBuffer(), file.valuesBuffer(), StandardCharsets.US_ASCII);
        this.errorLog = new DistinctErrorLog(file.errorLogBuffer(), SystemEpochClock.INSTANCE);
        engine.register(manager, i -> i == StatusAgent.JOURNAL_ENTRIES || i == StatusAgent.JOURNAL_LAG ?
            CounterTypes.JOURNAL : CounterTypes.ENGINE,
            i -> i == StatusAgent.HANDLER_ERRORS || i == StatusAgent.JOURNAL_ENTRIES ? CounterTypes.KIND_COUNTER :
            CounterTypes.KIND_GAUGE, i -> i == StatusAgent.HEARTBEAT_MS ? 3 : 0,
            i -> i == StatusAgent.JOURNAL_ENTRIES ? "entries" : i == StatusAgent.JOURNAL_LAG ? "lag_events" :
            StatusAgent.NAMES[i]);
        latency.register(manager, i -> CounterTypes.LATENCY,
            i -> CounterTypes.KIND_GAUGE, i -> i % LATENCY_NAMES.length == 3 ? 0 : 9,
            i -> LATENCY_NAMES[i % LATENCY_NAMES.length] + " stage=" +
            LatencyStage.values()[i / LATENCY_NAMES.length].tag().replace('-', '_').toLowerCase(Locale.ROOT));
    }

    /**
     * Create the run's counters file.
     *
     * @param runDir  the run directory.
     * @param startMs the run's start, ms since the epoch.
     * @return the counters, engine gauges registered.
     */
    public static RunCounters create(final Path runDir, final long startMs)
    {
        return new RunCounters(CountersFile.create(runDir, CountersFile.DEFAULT_CAPACITY,
            CountersFile.DEFAULT_ERROR_LOG_BYTES, startMs));
    }

    /**
     * @return the manager new counters register with.
     */
    public CountersManager manager()
    {
        return manager;
    }

    /**
     * @return the distinct error log in the file (thread safe).
     */
    public DistinctErrorLog errorLog()
    {
        return errorLog;
    }

    /**
     * @return the file.
     */
    public CountersFile file()
    {
        return file;
    }

    /**
     * Register the per-instrument gauges and make the status agent (engine side, before start).
     *
     * @param core           the core.
     * @param table          what is traded.
     * @param maxPositions   the position limit per instrument id, size units.
     * @param handlerErrors  the engine's handler errors.
     * @param journalEntries journal entries written.
     * @param journalLag     inbound events the journal is behind.
     * @return the gauges the core thread writes after each event.
     */
    public InstrumentGauges instruments(
        final TradingCore core,
        final InstrumentTable table,
        final long[] maxPositions,
        final LongSupplier handlerErrors,
        final LongSupplier journalEntries,
        final LongSupplier journalLag)
    {
        instruments = new InstrumentGauges(core, table, maxPositions, engine);
        instruments.register(manager);
        status = new StatusAgent(engine, instruments, handlerErrors, journalEntries, journalLag);
        return instruments;
    }

    /**
     * @return the status agent (null before {@link #instruments}).
     */
    public StatusAgent statusAgent()
    {
        return status;
    }

    /**
     * @param state {@link StatusAgent#RUNNING}, {@link StatusAgent#STOPPING} or {@link StatusAgent#STOPPED}.
     */
    public void runState(final long state)
    {
        if (state == StatusAgent.STOPPED && status != null)
        {
            status.publish(System.currentTimeMillis());
        }
        engine.set(StatusAgent.RUN_STATE, state);
    }

    @Override
    public void onInterval(final LatencyStage stage, final Histogram histogram)
    {
        final int base = stage.ordinal() * LATENCY_NAMES.length;
        final boolean any = histogram.getTotalCount() > 0;
        latency.set(base, any ? histogram.getValueAtPercentile(50) : 0);
        latency.set(base + 1, any ? histogram.getValueAtPercentile(99) : 0);
        latency.set(base + 2, any ? histogram.getMaxValue() : 0);
        latency.set(base + 3, histogram.getTotalCount());
    }

    /**
     * Unmap the file (it stays in the run directory).
     */
    @Override
    public void close()
    {
        file.close();
    }
}
