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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the market-data decoder with Jazzer, seeded from frames recorded from the sim
 * ({@code SpotMarketDataDecoderFuzzTestInputs/fuzzFrame/}). Plain {@code mvn test} runs the seeds; {@code JAZZER_FUZZ=1}
 * (scripts/test) fuzzes for {@code maxDuration}. Properties: nothing thrown; a frame the decoder calls ERROR is
 * counted once in DECODE_ERRORS and any other is not; every slot it claimed is published; the next good frame
 * decodes exactly.
 */
class SpotMarketDataDecoderFuzzTest
{
    private static final byte[] GOOD = SpotMarketDataDecoderTest.SNAPSHOT.getBytes(StandardCharsets.UTF_8);

    private final TestPublisher publisher = new TestPublisher(64, true);
    private final GatewayCounters counters = new GatewayCounters();
    private final SpotMarketDataDecoder decoder =
        new SpotMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    @FuzzTest(maxDuration = "30s")
    void fuzzFrame(final byte[] frame)
    {
        final long errorsBefore = counters.get(GatewayCounters.DECODE_ERRORS);
        final int result = decoder.onFrame(frame, 0, frame.length, 1);
        final long errors = counters.get(GatewayCounters.DECODE_ERRORS) - errorsBefore;
        assertEquals(result == SpotMarketDataDecoder.ERROR ? 1 : 0, errors, "an ERROR frame is counted once, others not");
        assertEquals(publisher.claimedCount(), publisher.publishedCount(), "every claimed slot is published");

        publisher.clear();
        assertEquals(SpotMarketDataDecoder.OK, decoder.onFrame(GOOD, 0, GOOD.length, 2), "the next good frame decodes");
        final List<InboundEvent> events = publisher.events();
        assertEquals(1, events.size());
        final InboundEvent snapshot = events.get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, snapshot.type);
        assertEquals(2, snapshot.askCount);
        assertEquals(3, snapshot.bidCount);
        assertEquals(3000010, snapshot.bidPrices[0]);
        assertEquals(-659131820, snapshot.checksum);
        assertTrue(snapshot.checksumPresent);
        publisher.clear();
    }
}
