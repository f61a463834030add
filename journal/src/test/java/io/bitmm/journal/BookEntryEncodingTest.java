package io.bitmm.journal;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A book entry's body is stop-bit encoded into the appender's own array and copied in one write: the bytes must be
 * exactly what Chronicle's own {@code writeStopBit} writes, so that journals read back the same whichever wrote them.
 */
class BookEntryEncodingTest
{
    @TempDir
    Path dir;

    @Test
    void shouldEncodeStopBitsByteForByteAsChronicleDoes()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final long[] values = new long[2_000];
        final long[] edges = {0, 1, 127, 128, 16_383, 16_384, -1, -2, -64, -65, -128, -129, -16_384, -16_385,
            Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 56, (1L << 56) - 1, 1L << 62,
            -(1L << 62)};
        System.arraycopy(edges, 0, values, 0, edges.length);
        for (int i = edges.length; i < values.length; i++)
        {
            // every magnitude: shift a random long right by 0..63 bits, either sign
            values[i] = random.nextLong() >> random.nextInt(64);
        }
        final byte[] ours = new byte[EntryCodec.MAX_STOP_BIT_BYTES];
        for (final long value : values)
        {
            final int length = EntryCodec.putStopBit(ours, 0, value);
            final Bytes<?> chronicle = Bytes.allocateElasticOnHeap(16);
            try
            {
                chronicle.writeStopBit(value);
                final byte[] theirs = chronicle.toByteArray();
                assertArrayEquals(theirs, Arrays.copyOf(ours, length), "stop-bit bytes of " + value);
                final Bytes<byte[]> in = Bytes.wrapForRead(Arrays.copyOf(ours, length));
                assertEquals(value, in.readStopBit(), "read back");
            }
            finally
            {
                chronicle.releaseLast();
            }
        }
    }

    @Test
    void shouldReadBackAFullWidthBookWithExtremeValues()
    {
        final InboundEvent written = new InboundEvent();
        written.type = EventType.BOOK_SNAPSHOT;
        written.timestampNanos = 5;
        written.publishNanos = 6;
        written.venueTimeMs = Long.MAX_VALUE;
        written.seq = Long.MIN_VALUE;
        written.checksum = Integer.MIN_VALUE;
        written.checksumPresent = true;
        written.truncatedLevels = 3;
        written.bidCount = InboundEvent.MAX_LEVELS;
        written.askCount = InboundEvent.MAX_LEVELS;
        final SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < InboundEvent.MAX_LEVELS; i++)
        {
            written.bidPrices[i] = i == 0 ? Long.MIN_VALUE : random.nextLong();
            written.bidSizes[i] = i == 0 ? Long.MAX_VALUE : random.nextLong() >>> random.nextInt(64);
            written.bidPriceDecimals[i] = (byte)random.nextInt(-128, 128);
            written.bidSizeDecimals[i] = (byte)random.nextInt(19);
            written.askPrices[i] = -random.nextLong(1, Long.MAX_VALUE);
            written.askSizes[i] = random.nextLong(0, 1L << 40);
            written.askPriceDecimals[i] = (byte)random.nextInt(19);
            written.askSizeDecimals[i] = (byte)-1;
        }
        try (Journal journal = Journal.open(dir, "hourly", 0))
        {
            journal.writeHeader(new JournalHeader(1, 1, 1, "test", java.util.Map.of(),
                JournalRoundTripTest.instruments()));
            final JournalAppender appender = journal.appender();
            appender.append(1, written);
            appender.append(2, JournalRoundTripTest.book(9));
        }
        try (JournalReader reader = new JournalReader(dir, (byte)0))
        {
            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            final InboundEvent read = reader.event();
            assertEquals(EventType.BOOK_SNAPSHOT, read.type);
            assertEquals(Long.MAX_VALUE, read.venueTimeMs);
            assertEquals(Long.MIN_VALUE, read.seq);
            assertEquals(Integer.MIN_VALUE, read.checksum);
            assertEquals(3, read.truncatedLevels);
            assertEquals(InboundEvent.MAX_LEVELS, read.bidCount);
            assertEquals(InboundEvent.MAX_LEVELS, read.askCount);
            assertArrayEquals(written.bidPrices, read.bidPrices);
            assertArrayEquals(written.bidSizes, read.bidSizes);
            assertArrayEquals(written.bidPriceDecimals, read.bidPriceDecimals);
            assertArrayEquals(written.bidSizeDecimals, read.bidSizeDecimals);
            assertArrayEquals(written.askPrices, read.askPrices);
            assertArrayEquals(written.askSizes, read.askSizes);
            assertArrayEquals(written.askPriceDecimals, read.askPriceDecimals);
            assertArrayEquals(written.askSizeDecimals, read.askSizeDecimals);
            // the next entry starts where this one's bulk copy ended
            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            assertEquals(2, reader.ringSequence());
            assertEquals(6_499_999, reader.event().bidPrices[1]);
        }
    }
}
