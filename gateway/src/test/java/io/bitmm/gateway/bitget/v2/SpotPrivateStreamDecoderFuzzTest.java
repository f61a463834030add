package io.bitmm.gateway.bitget.v2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the private-stream decoder (Jazzer), seeded from pushes recorded from the sim
 * ({@code SpotPrivateStreamDecoderFuzzTestInputs/fuzzFrame/}). Properties: nothing thrown; ERROR is counted once in
 * DECODE_ERRORS and nothing else is; every claimed slot is published; a COMMAND_UNKNOWN (an order to query) always
 * names a clientOid; the next good frame decodes exactly.
 */
class SpotPrivateStreamDecoderFuzzTest
{
    private static final byte[] GOOD = SpotPrivateStreamDecoderTest.ORDERS.getBytes(StandardCharsets.UTF_8);

    private final TestPublisher publisher = new TestPublisher(64, true);
    private final GatewayCounters counters = new GatewayCounters();
    private final SpotPrivateStreamDecoder decoder =
        new SpotPrivateStreamDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog(), true);

    @FuzzTest(maxDuration = "30s")
    void fuzzFrame(final byte[] frame)
    {
        final long errorsBefore = counters.get(GatewayCounters.DECODE_ERRORS);
        final int result = decoder.onFrame(frame, 0, frame.length, 1);
        assertEquals(result == SpotPrivateStreamDecoder.ERROR ? 1 : 0, counters.get(GatewayCounters.DECODE_ERRORS) - errorsBefore,
            "an ERROR frame is counted once, others not");
        assertEquals(publisher.claimedCount(), publisher.publishedCount(), "every claimed slot is published");
        for (final InboundEvent e : publisher.events(EventType.COMMAND_UNKNOWN))
        {
            assertEquals(true, e.clientOidLength > 0, "a query names the order");
        }

        publisher.clear();
        assertEquals(SpotPrivateStreamDecoder.OK, decoder.onFrame(GOOD, 0, GOOD.length, 2), "the next good frame decodes");
        final List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        assertEquals(EventType.ORDER_UPDATE, events.get(0).type);
        assertEquals(1111461743123927040L, events.get(0).orderId);
        assertEquals(4, events.get(0).cumulativeFilledSize);
        assertEquals(EventType.FILL, events.get(1).type);
        assertEquals(40, events.get(1).fee);
        assertEquals(4, events.get(1).size);
        publisher.clear();
    }
}
