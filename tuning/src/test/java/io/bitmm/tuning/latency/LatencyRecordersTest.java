package io.bitmm.tuning.latency;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyRecordersTest
{
    private static final long T0 = 5_000_000_000L;

    private static InboundEvent event(final EventType type, final long received, final long published, final long consumed)
    {
        final InboundEvent event = new InboundEvent();
        event.reset();
        event.type = type;
        event.timestampNanos = received;
        event.publishNanos = published;
        event.consumeNanos = consumed;
        return event;
    }

    private static Histogram read(final LatencyRecorders recorders, final LatencyStage stage)
    {
        return recorders.intervalHistogram(stage, null);
    }

    private static void assertSamples(final Histogram h, final long... values)
    {
        assertEquals(values.length, h.getTotalCount(), "total count");
        for (final long value : values)
        {
            assertEquals(1, h.getCountAtValue(value), "count at " + value);
        }
    }

    private static void assertEmpty(final LatencyRecorders recorders, final LatencyStage... stages)
    {
        for (final LatencyStage stage : stages)
        {
            assertEquals(0, read(recorders, stage).getTotalCount(), stage.tag());
        }
    }

    @Test
    void shouldRecordEachBookStageDifferenceIntoItsOwnHistogram()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 + 3_000, T0 + 10_000), T0 + 60_000);
        recorders.onCoreEvent(event(EventType.BOOK_SNAPSHOT, T0, T0 + 123_000, T0 + 131_000), T0 + 1_130_000);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 + 40, T0 + 2_000_040), T0 + 2_000_540);

        assertSamples(read(recorders, LatencyStage.DECODE), 3_000, 123_000, 40);
        assertSamples(read(recorders, LatencyStage.QUEUE), 7_000, 8_000, 2_000_000);
        assertSamples(read(recorders, LatencyStage.CORE), 50_000, 999_000, 500);
        final Histogram queue = read(recorders, LatencyStage.QUEUE);
        assertEquals(0, queue.getTotalCount(), "an interval histogram holds only what came since the last read");
        assertEmpty(recorders, LatencyStage.ENCODE, LatencyStage.FLUSH, LatencyStage.TICK_TO_TRADE, LatencyStage.RATE_LIMITED);
    }

    @Test
    void shouldRecordCoreStageWithinThreeSignificantDigits()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0, T0), T0 + 1_234_567);

        final Histogram core = read(recorders, LatencyStage.CORE);
        assertEquals(1, core.getTotalCount());
        final long recorded = core.getMaxValue();
        assertTrue(Math.abs(recorded - 1_234_567) <= 1_234_567 / 1000, "recorded " + recorded);
        assertTrue(core.valuesAreEquivalent(recorded, 1_234_567));
        assertEquals(0, read(recorders, LatencyStage.DECODE).getMaxValue());
        assertEquals(1, read(recorders, LatencyStage.QUEUE).getCountAtValue(0));
    }

    @Test
    void shouldIgnoreEventsThatAreNotBookEvents()
    {
        final LatencyRecorders recorders = new LatencyRecorders(1_000);
        for (final EventType type : EventType.values())
        {
            if (type != EventType.BOOK_UPDATE && type != EventType.BOOK_SNAPSHOT)
            {
                recorders.onCoreEvent(event(type, T0, T0 + 5_000, T0 + 9_000), T0 + 20_000);
            }
        }

        assertEquals(0, recorders.bookEvents());
        assertEquals(0.0, recorders.bookEventSeconds());
        assertEmpty(recorders, LatencyStage.values());
    }

    @Test
    void shouldCorrectBookStagesForCoordinatedOmission()
    {
        final LatencyRecorders recorders = new LatencyRecorders(1_000);
        assertEquals(1_000, recorders.expectedIntervalNanos());
        // decode 500 (under the interval), queue 1000 (exactly the interval), core 10000 (ten intervals)
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 + 500, T0 + 1_500), T0 + 11_500);

        assertSamples(read(recorders, LatencyStage.DECODE), 500);
        assertSamples(read(recorders, LatencyStage.QUEUE), 1_000);
        // Corrected when read (HdrHistogram's copyCorrectedForCoordinatedOmission): the nine missed samples step
        // down by the interval from the top of the recorded value's bucket (10,007 for 10,000 at 3 significant
        // digits), so each lands within the recorded value's precision (10 ns here) above its exact value.
        final Histogram core = read(recorders, LatencyStage.CORE);
        assertEquals(10, core.getTotalCount());
        for (long value = 1_000; value <= 10_000; value += 1_000)
        {
            assertEquals(1, core.getCountBetweenValues(value, value + 10), "one sample at " + value);
        }
    }

    @Test
    void shouldNotCorrectOrderStagesEvenWithAnExpectedInterval()
    {
        final LatencyRecorders recorders = new LatencyRecorders(1_000);
        recorders.onFlushed(T0, T0 + 2_000, T0 + 12_000, T0 + 32_000, false);
        recorders.onFlushed(T0, 0, T0 + 50_000, T0 + 100_000, true);

        assertSamples(read(recorders, LatencyStage.ENCODE), 10_000);
        assertSamples(read(recorders, LatencyStage.FLUSH), 20_000, 50_000);
        assertSamples(read(recorders, LatencyStage.TICK_TO_TRADE), 32_000);
        assertSamples(read(recorders, LatencyStage.RATE_LIMITED), 100_000);
    }

    @Test
    void shouldNotCorrectWhenNoIntervalOrANegativeOneIsGiven()
    {
        for (final long interval : new long[] {0, -1_000})
        {
            final LatencyRecorders recorders = new LatencyRecorders(interval);
            assertEquals(0, recorders.expectedIntervalNanos());
            recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 + 10_000, T0 + 20_000), T0 + 120_000);

            assertSamples(read(recorders, LatencyStage.DECODE), 10_000);
            assertSamples(read(recorders, LatencyStage.QUEUE), 10_000);
            assertSamples(read(recorders, LatencyStage.CORE), 100_000);
        }
    }

    @Test
    void shouldClampNegativeDifferencesToZero()
    {
        final LatencyRecorders recorders = new LatencyRecorders(1_000);
        // published before received, consumed before published, decided before consumed
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 - 5, T0 - 1_000_000), T0 - 2_000_000);
        recorders.onFlushed(T0, T0 - 10, T0 - 20, T0 - 30, false);

        for (final LatencyStage stage : LatencyStage.values())
        {
            if (stage != LatencyStage.RATE_LIMITED)
            {
                final Histogram h = read(recorders, stage);
                assertEquals(1, h.getTotalCount(), stage.tag());
                assertEquals(1, h.getCountAtValue(0), stage.tag());
                assertEquals(0, h.getMaxValue(), stage.tag());
            }
        }
        assertEmpty(recorders, LatencyStage.RATE_LIMITED);
    }

    @Test
    void shouldClampHugeDifferencesToTheHighestTrackableValue()
    {
        final long twoHours = TimeUnit.HOURS.toNanos(2);
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0 + twoHours, T0 + twoHours + 1_000), Long.MAX_VALUE);
        recorders.onFlushed(T0, T0 + 1, T0 + twoHours, Long.MAX_VALUE, true);

        for (final LatencyStage stage : new LatencyStage[] {LatencyStage.DECODE, LatencyStage.CORE, LatencyStage.FLUSH,
            LatencyStage.RATE_LIMITED})
        {
            final Histogram h = read(recorders, stage);
            assertEquals(1, h.getTotalCount(), stage.tag());
            assertTrue(h.valuesAreEquivalent(h.getMaxValue(), LatencyRecorders.HIGHEST_TRACKABLE_NANOS), stage.tag());
        }
        assertSamples(read(recorders, LatencyStage.QUEUE), 1_000);
    }

    @Test
    void shouldClampBeforeCorrectingForCoordinatedOmission()
    {
        final long oneSecond = TimeUnit.SECONDS.toNanos(1);
        final LatencyRecorders recorders = new LatencyRecorders(oneSecond);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0, T0), T0 + TimeUnit.HOURS.toNanos(2));

        final Histogram core = read(recorders, LatencyStage.CORE);
        final long perInterval = LatencyRecorders.HIGHEST_TRACKABLE_NANOS / oneSecond;
        assertEquals(perInterval, core.getTotalCount(), "60 s at a 1 s interval: the sample and 59 corrected ones");
        assertTrue(core.valuesAreEquivalent(core.getMaxValue(), LatencyRecorders.HIGHEST_TRACKABLE_NANOS));
        final long precision = LatencyRecorders.HIGHEST_TRACKABLE_NANOS / 1_000;
        assertTrue(core.getMinValue() >= oneSecond && core.getMinValue() <= oneSecond + precision,
            "lowest within the 60 s sample's precision above 1 s: " + core.getMinValue());
    }

    @Test
    void shouldRecordRateLimitedOrdersApartAndSkipTheirEncodeStage()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onFlushed(T0, T0 + 1_000, T0 + 501_000, T0 + 504_000, true);

        assertEmpty(recorders, LatencyStage.ENCODE, LatencyStage.TICK_TO_TRADE);
        assertSamples(read(recorders, LatencyStage.FLUSH), 3_000);
        assertSamples(read(recorders, LatencyStage.RATE_LIMITED), 504_000);
    }

    @Test
    void shouldSkipEncodeStageWhenDecisionWasNotStamped()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onFlushed(T0, 0, T0 + 20_000, T0 + 25_000, false);

        assertEmpty(recorders, LatencyStage.ENCODE, LatencyStage.RATE_LIMITED);
        assertSamples(read(recorders, LatencyStage.FLUSH), 5_000);
        assertSamples(read(recorders, LatencyStage.TICK_TO_TRADE), 25_000);
    }

    @Test
    void shouldSkipTickToTradeWhenNoEventTriggeredTheOrder()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        recorders.onFlushed(0, T0, T0 + 7_000, T0 + 9_000, false);
        recorders.onFlushed(0, T0, T0 + 7_000, T0 + 11_000, true);

        assertEmpty(recorders, LatencyStage.TICK_TO_TRADE, LatencyStage.RATE_LIMITED);
        assertSamples(read(recorders, LatencyStage.ENCODE), 7_000);
        assertSamples(read(recorders, LatencyStage.FLUSH), 2_000, 4_000);
        assertEmpty(recorders, LatencyStage.DECODE, LatencyStage.QUEUE, LatencyStage.CORE);
    }

    @Test
    void shouldCountBookEventsAndTheirSpan()
    {
        final LatencyRecorders recorders = new LatencyRecorders(0);
        assertEquals(0, recorders.bookEvents());
        assertEquals(0.0, recorders.bookEventSeconds());

        recorders.onCoreEvent(event(EventType.BOOK_SNAPSHOT, T0 - 2_000, T0 - 1_000, T0), T0 + 5_000);
        recorders.onCoreEvent(event(EventType.TRADE, T0, T0, T0 + 1_000_000_000L), T0 + 9_000_000_000L);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0, T0 + 1_000_000_000L), T0 + 1_500_000_000L);
        recorders.onCoreEvent(event(EventType.BOOK_UPDATE, T0, T0, T0 + 2_000_000_000L), T0 + 2_500_000_000L);

        assertEquals(3, recorders.bookEvents());
        assertEquals(2.5, recorders.bookEventSeconds(), 1e-9, "first book event taken to the last one decided");
        assertEquals(3, read(recorders, LatencyStage.CORE).getTotalCount());
    }
}
