package io.bitmm.core.book;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import org.junit.jupiter.api.Test;

import static io.bitmm.core.TestSupport.book;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    private static final String[] SNAPSHOT_BIDS = {"30000.10:1.5000", "30000.00:0.2500", "29999.90:3.0000"};
    private static final String[] SNAPSHOT_ASKS = {"30000.20:0.7500", "30000.30:2.0000"};

    private final Instrument btc = TestSupport.spotBtc();
    private final OrderBook book = new OrderBook(btc, 1024);

    private InboundEvent snapshot()
    {
        final InboundEvent event = book(EventType.BOOK_SNAPSHOT, btc, 1000, SNAPSHOT_BIDS, SNAPSHOT_ASKS);
        event.checksum = -659131820;
        event.checksumPresent = true;
        return event;
    }

    private InboundEvent update()
    {
        final InboundEvent event = book(EventType.BOOK_UPDATE, btc, 1001,
            new String[] {"30000.00:0", "30000.15:0.1000"}, new String[] {"30000.20:0.5000", "30000.50:1.0000"});
        event.checksum = 2064583265;
        event.checksumPresent = true;
        return event;
    }

    @Test
    void shouldValidateSnapshotChecksumFromProtocolExample()
    {
        assertEquals(BookResult.APPLIED, book.applySnapshot(snapshot()));
        assertEquals("30000.10:1.5000:30000.20:0.7500:30000.00:0.2500:30000.30:2.0000:29999.90:3.0000", book.checksumString());
        assertEquals(-659131820, book.computeChecksum());
        assertTrue(book.isValid());
        assertEquals(3_000_010, book.bidPrice(0));
        assertEquals(3_000_020, book.askPrice(0));
    }

    @Test
    void shouldApplyUpdateAndValidateChecksumFromProtocolExample()
    {
        book.applySnapshot(snapshot());
        assertEquals(BookResult.APPLIED, book.applyUpdate(update()));
        assertEquals("30000.15:0.1000:30000.20:0.5000:30000.10:1.5000:30000.30:2.0000:29999.90:3.0000:30000.50:1.0000",
            book.checksumString());
        assertEquals(3, book.bidCount());
        assertEquals(3, book.askCount());
        assertEquals(1001, book.seq());
    }

    @Test
    void shouldShowFalseMismatchWhenTrailingZerosAreDropped()
    {
        final InboundEvent stripped = book(EventType.BOOK_SNAPSHOT, btc, 1001,
            new String[] {"30000.15:0.1", "30000.1:1.5", "29999.9:3"}, new String[] {"30000.2:0.5", "30000.3:2", "30000.5:1"});
        stripped.checksumPresent = true;
        stripped.checksum = 2064583265;
        assertEquals(BookResult.CHECKSUM_MISMATCH, book.applySnapshot(stripped));
        assertEquals(1622039482, book.computeChecksum());
        assertFalse(book.isValid());
    }

    @Test
    void shouldMatchDocumentationChecksumExamples()
    {
        final Instrument coarse = InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "1", "0", "1", "0.05", "0.05", "0.002", "0.002", "200");
        final OrderBook first = new OrderBook(coarse, 64);
        final InboundEvent a = book(EventType.BOOK_SNAPSHOT, coarse, 1,
            new String[] {"43231.1:4", "43231:6"}, new String[] {"43232.8:9", "43232.9:8"});
        a.checksumPresent = true;
        a.checksum = -1504501796;
        assertEquals(BookResult.APPLIED, first.applySnapshot(a));
        assertEquals("43231.1:4:43232.8:9:43231:6:43232.9:8", first.checksumString());

        final OrderBook second = new OrderBook(coarse, 64);
        final InboundEvent b = book(EventType.BOOK_SNAPSHOT, coarse, 1,
            new String[] {"3366.1:7"}, new String[] {"3366.8:9", "3368:8", "3372:8"});
        b.checksumPresent = true;
        b.checksum = 831078360;
        assertEquals(BookResult.APPLIED, second.applySnapshot(b));
        assertEquals("3366.1:7:3366.8:9:3368:8:3372:8", second.checksumString());
    }

    @Test
    void shouldDetectChecksumMismatchAndIgnoreUpdatesUntilSnapshot()
    {
        book.applySnapshot(snapshot());
        final InboundEvent bad = update();
        bad.checksum = 12345;
        assertEquals(BookResult.CHECKSUM_MISMATCH, book.applyUpdate(bad));
        assertFalse(book.isValid());
        assertEquals(BookResult.IGNORED, book.applyUpdate(update()));
        assertEquals(BookResult.APPLIED, book.applySnapshot(snapshot()));
        assertTrue(book.isValid());
    }

    @Test
    void shouldDetectSeqGoingBackwards()
    {
        book.applySnapshot(snapshot());
        final InboundEvent stale = update();
        stale.seq = 999;
        assertEquals(BookResult.SEQ_BACKWARDS, book.applyUpdate(stale));
        assertFalse(book.isValid());
    }

    @Test
    void shouldNotCheckSeqWhenEventCarriesNone()
    {
        book.applySnapshot(snapshot());
        final InboundEvent noSeq = update();
        noSeq.seq = 0;
        assertEquals(BookResult.APPLIED, book.applyUpdate(noSeq));
        assertEquals(1000, book.seq());
    }

    @Test
    void shouldDetectUpdateBeforeSnapshot()
    {
        assertEquals(BookResult.UPDATE_BEFORE_SNAPSHOT, book.applyUpdate(update()));
        assertEquals(BookResult.IGNORED, book.applyUpdate(update()));
    }

    @Test
    void shouldDetectCrossedBook()
    {
        book.applySnapshot(snapshot());
        final InboundEvent crossing = book(EventType.BOOK_UPDATE, btc, 1002, new String[] {"30000.25:1.0000"}, new String[0]);
        assertEquals(BookResult.CROSSED, book.applyUpdate(crossing));
        assertFalse(book.isValid());
    }

    @Test
    void shouldGoInvalidOnResetWithoutCountingResync()
    {
        book.applySnapshot(snapshot());
        book.reset();
        assertFalse(book.isValid());
        assertEquals(BookResult.IGNORED, book.applyUpdate(update()));
        assertEquals(BookResult.APPLIED, book.applySnapshot(snapshot()));
    }

    @Test
    void shouldNotValidateZeroChecksumOfBooks5Snapshot()
    {
        final InboundEvent books5 = book(EventType.BOOK_SNAPSHOT, btc, 5, SNAPSHOT_BIDS, SNAPSHOT_ASKS);
        books5.checksumPresent = true;
        books5.checksum = 0;
        assertEquals(BookResult.APPLIED, book.applySnapshot(books5));
    }

    @Test
    void shouldDropAndCountLevelsBeyondCapacity()
    {
        final OrderBook small = new OrderBook(btc, 2);
        final InboundEvent deep = snapshot();
        deep.checksumPresent = false;
        assertEquals(BookResult.APPLIED, small.applySnapshot(deep));
        assertEquals(2, small.bidCount());
        assertEquals(1, small.droppedLevels());
        assertEquals(3_000_010, small.bidPrice(0));
        assertEquals(3_000_000, small.bidPrice(1));
        final InboundEvent better = book(EventType.BOOK_UPDATE, btc, 1001, new String[] {"30000.15:1"}, new String[0]);
        assertEquals(BookResult.APPLIED, small.applyUpdate(better));
        assertEquals(3_000_015, small.bidPrice(0));
        assertEquals(3_000_010, small.bidPrice(1));
        assertEquals(2, small.droppedLevels());
    }

    @Test
    void shouldComputeChecksumWithoutAllocating()
    {
        book.applySnapshot(snapshot());
        final InboundEvent event = update();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++)
        {
            book.applyUpdate(event);
        }
        threads.getCurrentThreadAllocatedBytes();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100_000; i++)
            {
                book.applyUpdate(event);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertEquals(0, allocated, "steady state: the best of three measured rounds after warm-up");
        assertTrue(book.isValid());
    }
}
