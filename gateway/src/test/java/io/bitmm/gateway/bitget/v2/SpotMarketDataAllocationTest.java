package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpotMarketDataAllocationTest
{
    @Test
    void shouldDecodeBookUpdatesAndTradesWithoutAllocating()
    {
        final TestPublisher publisher = new TestPublisher(1024, false);
        final GatewayCounters counters = new GatewayCounters();
        final SpotMarketDataDecoder decoder =
            new SpotMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());
        final byte[][] frames = {
            SpotMarketDataDecoderTest.UPDATE.getBytes(StandardCharsets.UTF_8),
            SpotMarketDataDecoderTest.SNAPSHOT.getBytes(StandardCharsets.UTF_8),
            SpotMarketDataDecoderTest.TRADE.getBytes(StandardCharsets.UTF_8),
            // a perpetual's ticker: its markPrice becomes a MARK_PRICE event
            SpotMarketDataDecoderTest.TICKER.getBytes(StandardCharsets.UTF_8),
        };
        final byte[] buffer = new byte[4096];
        int sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final byte[] frame = frames[i % frames.length];
            System.arraycopy(frame, 0, buffer, 0, frame.length);
            sink += decoder.onFrame(buffer, 0, frame.length, i);
        }
        final int iterations = 150_000;
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < iterations; i++)
            {
                final byte[] frame = frames[i % frames.length];
                System.arraycopy(frame, 0, buffer, 0, frame.length);
                sink += decoder.onFrame(buffer, 0, frame.length, i);
            }
            allocated = Math.min(allocated, meter.stop());
            System.out.println("market-data decode round " + round + ": " + allocated + " bytes (meter overhead " +
                meter.overhead() + " bytes subtracted)");
        }
        assertEquals(0, sink);
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
        System.out.println("market-data decode: " + allocated + " bytes allocated over " + iterations + " frames");
        assertEquals(0, allocated, "bytes allocated while decoding " + iterations + " frames");
    }
}
