package io.bitmm.tuning.latency;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.order.OrderStageListener;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One {@link SingleWriterRecorder} per {@link LatencyStage}. The core thread is the only writer of
 * {@link LatencyStage#DECODE}, {@link LatencyStage#QUEUE} and {@link LatencyStage#CORE} (through
 * {@link #onCoreEvent}); the order I/O thread is the only writer of the other three (through {@link #onFlushed}).
 * Recording is allocation-free; values are in nanoseconds, clamped to [0, {@link #HIGHEST_TRACKABLE_NANOS}].
 * <p>
 * With an expected interval (the load generator's fixed update interval), the per-update stages (decode, queue, core:
 * one sample per book update) are corrected for coordinated omission when read
 * ({@link Histogram#copyCorrectedForCoordinatedOmission}, the same result as recording each value with
 * {@code recordValueWithExpectedInterval}, but off the core thread). The order stages and tick-to-trade are not: only some
 * updates cause an order, so a slow order does not stand for samples the load generator failed to take.
 */
public final class LatencyRecorders implements OrderStageListener
{
    /** Longest latency tracked: 60 s. */
    public static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Three significant digits, as HdrHistogram's own tools use. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final SingleWriterRecorder[] recorders = new SingleWriterRecorder[LatencyStage.values().length];
    private final Histogram[] rawRecycle = new Histogram[LatencyStage.values().length];
    private final long expectedIntervalNanos;
    private final AtomicLong bookEvents = new AtomicLong();
    private long firstBookNanos;
    private volatile long lastBookNanos;

    /**
     * @param expectedIntervalNanos the load's fixed interval between book updates, 0 when not paced (no correction).
     */
    public LatencyRecorders(final long expectedIntervalNanos)
    {
        this.expectedIntervalNanos = Math.max(0, expectedIntervalNanos);
        for (int i = 0; i < recorders.length; i++)
        {
            recorders[i] = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
        }
    }

    /**
     * Core thread, after the core handled {@code event}: records the stages of a book event.
     *
     * @param event         the event, with its receive, publish and consume stamps.
     * @param decidedNanos  when the core finished with it.
     */
    public void onCoreEvent(final InboundEvent event, final long decidedNanos)
    {
        if (event.type == EventType.BOOK_UPDATE || event.type == EventType.BOOK_SNAPSHOT)
        {
            recordTick(LatencyStage.DECODE, event.publishNanos - event.timestampNanos);
            recordTick(LatencyStage.QUEUE, event.consumeNanos - event.publishNanos);
            recordTick(LatencyStage.CORE, decidedNanos - event.consumeNanos);
            if (firstBookNanos == 0)
            {
                firstBookNanos = event.consumeNanos;
            }
            lastBookNanos = decidedNanos;
            bookEvents.lazySet(bookEvents.get() + 1);
        }
    }

    @Override
    public void onFlushed(
        final long triggerNanos,
        final long decisionNanos,
        final long encodedNanos,
        final long flushedNanos,
        final boolean rateLimited)
    {
        if (decisionNanos != 0 && !rateLimited)
        {
            record(LatencyStage.ENCODE, encodedNanos - decisionNanos);
        }
        record(LatencyStage.FLUSH, flushedNanos - encodedNanos);
        if (triggerNanos != 0)
        {
            // Not corrected: orders are not sent at the load's interval, so one slow order does not stand for
            // missed samples the way a slow book update does.
            record(rateLimited ? LatencyStage.RATE_LIMITED : LatencyStage.TICK_TO_TRADE, flushedNanos - triggerNanos);
        }
    }

    /**
     * Reader side (one thread): the stage's histogram since the last call.
     *
     * @param stage   the stage.
     * @param recycle a histogram this method returned before, or null.
     * @return the interval histogram.
     */
    public Histogram intervalHistogram(final LatencyStage stage, final Histogram recycle)
    {
        final int i = stage.ordinal();
        if (expectedIntervalNanos > 0 && isPerUpdate(stage))
        {
            // Corrected here, on the reader thread, not in the core's hot path: recordValueWithExpectedInterval
            // costs one record per missed interval, so an engine falling behind would slow itself down further.
            final Histogram raw = recorders[i].getIntervalHistogram(rawRecycle[i]);
            rawRecycle[i] = raw;
            final Histogram corrected = raw.copyCorrectedForCoordinatedOmission(expectedIntervalNanos);
            corrected.setStartTimeStamp(raw.getStartTimeStamp());
            corrected.setEndTimeStamp(raw.getEndTimeStamp());
            return corrected;
        }
        return recorders[i].getIntervalHistogram(recycle);
    }

    private static boolean isPerUpdate(final LatencyStage stage)
    {
        return stage == LatencyStage.DECODE || stage == LatencyStage.QUEUE || stage == LatencyStage.CORE;
    }

    /**
     * @return book events the core handled so far (any thread; exact once the core thread stopped).
     */
    public long bookEvents()
    {
        return bookEvents.get();
    }

    /**
     * @return seconds from the first book event taken to the last one decided (0 before the first event).
     */
    public double bookEventSeconds()
    {
        final long last = lastBookNanos;
        return firstBookNanos == 0 ? 0 : (last - firstBookNanos) / 1e9;
    }

    /**
     * @return the expected interval used for coordinated-omission correction, 0 for none.
     */
    public long expectedIntervalNanos()
    {
        return expectedIntervalNanos;
    }

    private void recordTick(final LatencyStage stage, final long nanos)
    {
        recorders[stage.ordinal()].recordValue(clamp(nanos));
    }

    private void record(final LatencyStage stage, final long nanos)
    {
        recorders[stage.ordinal()].recordValue(clamp(nanos));
    }

    private static long clamp(final long nanos)
    {
        return Math.max(0, Math.min(HIGHEST_TRACKABLE_NANOS, nanos));
    }
}
