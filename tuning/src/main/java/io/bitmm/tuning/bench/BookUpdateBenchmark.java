package io.bitmm.tuning.bench;

import io.bitmm.core.book.BookResult;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One {@code books} update applied to a 50-level book, checksum validated (CRC32 over the re-rendered top 25
 * levels of each side). Updates cycle through a prebuilt set that moves the touch up and down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BookUpdateBenchmark
{
    private static final int DEPTH = 50;
    private static final int UPDATES = 64;

    private final InboundEvent[] updates = new InboundEvent[UPDATES];
    private OrderBook book;
    private InboundEvent snapshot;
    private int next;

    /**
     * Build the book and a cycle of updates, with the checksums the venue would send.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Instrument btc = InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200");
        book = new OrderBook(btc, 1024);
        final OrderBook shadow = new OrderBook(btc, 1024);
        snapshot = new InboundEvent();
        snapshot.type = EventType.BOOK_SNAPSHOT;
        snapshot.instrumentId = 0;
        snapshot.seq = 1;
        final long center = 3_000_000;
        for (int i = 0; i < DEPTH; i++)
        {
            level(snapshot, true, center - 1 - i, 1_000_000 + i * 100);
            level(snapshot, false, center + 1 + i, 2_000_000 + i * 100);
        }
        shadow.applySnapshot(snapshot);
        snapshot.checksumPresent = true;
        snapshot.checksum = shadow.computeChecksum();
        long mid = center;
        for (int u = 0; u < UPDATES; u++)
        {
            final InboundEvent update = new InboundEvent();
            update.type = EventType.BOOK_UPDATE;
            update.instrumentId = 0;
            update.seq = 2 + u;
            final boolean up = u < UPDATES / 2;
            if (up)
            {
                level(update, false, mid + 1, 0);
                level(update, false, mid + 1 + DEPTH, 3_000_000);
                level(update, true, mid, 1_500_000 + u * 100);
                level(update, true, mid - DEPTH, 0);
                mid++;
            }
            else
            {
                level(update, true, mid - 1, 0);
                level(update, true, mid - 1 - DEPTH, 3_000_000);
                level(update, false, mid, 1_500_000 + u * 100);
                level(update, false, mid + DEPTH, 0);
                mid--;
            }
            shadow.applyUpdate(update);
            update.checksumPresent = true;
            update.checksum = shadow.computeChecksum();
            updates[u] = update;
        }
        book.applySnapshot(snapshot);
    }

    /**
     * @return the result, so the work is not dead code.
     */
    @Benchmark
    public BookResult applyUpdate()
    {
        if (next == UPDATES)
        {
            next = 0;
            book.applySnapshot(snapshot);
        }
        final InboundEvent update = updates[next++];
        return book.applyUpdate(update);
    }

    private static void level(final InboundEvent event, final boolean bid, final long price, final long size)
    {
        if (bid)
        {
            final int i = event.bidCount++;
            event.bidPrices[i] = price;
            event.bidSizes[i] = size;
            event.bidPriceDecimals[i] = 2;
            event.bidSizeDecimals[i] = (byte)(size == 0 ? 0 : 4);
        }
        else
        {
            final int i = event.askCount++;
            event.askPrices[i] = price;
            event.askSizes[i] = size;
            event.askPriceDecimals[i] = 2;
            event.askSizeDecimals[i] = (byte)(size == 0 ? 0 : 4);
        }
    }
}
