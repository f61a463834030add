package io.bitmm.tuning.bench;

import io.bitmm.core.book.BookResult;
import io.bitmm.core.book.OrderBook;
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
        final BookTape tape = new BookTape(btc, DEPTH, UPDATES, UPDATES / 2);
        snapshot = tape.snapshot;
        System.arraycopy(tape.updates, 0, updates, 0, UPDATES);
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
}
