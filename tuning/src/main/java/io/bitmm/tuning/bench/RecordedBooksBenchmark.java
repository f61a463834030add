package io.bitmm.tuning.bench;

import io.bitmm.core.book.BookResult;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.bitget.MarketDataCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Decode + book update + checksum per recorded {@code books} frame: what the market-data thread and the core do for
 * one message, on frames the simulated venue streamed (spot BTCUSDT), not on one synthetic message. Tapes, recorded
 * with {@link BooksRecorder} and kept in {@code tuning/src/main/resources/tapes/}:
 * <ul>
 * <li>{@code v2-5ms}: classic v2 {@code books} at the sim's default 5 ms cadence (several changed levels per update,
 * CRC32 checksum on every update);</li>
 * <li>{@code v2-stress}: v2 in stress mode (one changed level per update, checksum on every update);</li>
 * <li>{@code v3-5ms}, {@code v3-stress}: UTA v3 {@code books} ({@code a}/{@code b} keys, the {@code seq}/{@code pseq}
 * chain checked, no checksum: the sim's default, as Bitget's v3 documents none).</li>
 * </ul>
 * Each operation is one frame: decode into a reused ring slot, then apply to the book (checksum validated when the
 * frame has one). The tape loops: its first frame is the snapshot, so every lap starts with a fresh book. A frame
 * that does not decode or apply fails the run at tear-down. Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordedBooksBenchmark
{
    /** The tape: {@code <dialect>-<cadence>}. */
    @Param({"v2-5ms", "v2-stress", "v3-5ms", "v3-stress"})
    public String tape;

    private byte[][] frames;
    private int[] lengths;
    private int next;
    private long rx;
    private BookPublisher publisher;
    private MarketDataCodec decoder;

    /**
     * Spot BTCUSDT as the sim lists it (price precision 2, quantity precision 6).
     *
     * @return a one-instrument table.
     */
    static InstrumentTable instruments()
    {
        final Instrument btc = InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.001",
            "0.001", "400");
        return new InstrumentTable(List.of(btc), List.of("BTC", "USDT"));
    }

    /**
     * Load the tape and build the decoder and book.
     *
     * @throws IOException when the tape is missing or unreadable.
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        final List<byte[]> loaded = load("/tapes/books-" + tape + ".txt.gz");
        frames = loaded.toArray(new byte[0][]);
        lengths = new int[frames.length];
        for (int i = 0; i < frames.length; i++)
        {
            lengths[i] = frames[i].length;
        }
        final InstrumentTable table = instruments();
        publisher = new BookPublisher(new OrderBook(table.instrument(0), 1024));
        decoder = BooksRecorder.decoder(tape.substring(0, 2), table, publisher);
    }

    /**
     * @return the decoder's result, so the work is not dead code.
     */
    @Benchmark
    public int decodeAndApply()
    {
        if (next == frames.length)
        {
            next = 0;
        }
        final int i = next++;
        final int result = decoder.onFrame(frames[i], 0, lengths[i], ++rx);
        if (result != MarketDataCodec.OK)
        {
            publisher.failures++;
        }
        return result;
    }

    /**
     * Refuse a run whose frames did not all decode and apply: its figure would not be this work.
     */
    @TearDown(Level.Trial)
    public void check()
    {
        if (publisher.failures != 0 || publisher.applied == 0)
        {
            throw new IllegalStateException(tape + ": " + publisher.failures + " frames failed to decode or apply, " +
                publisher.applied + " applied (last result " + publisher.last + ")");
        }
    }

    static List<byte[]> load(final String resource) throws IOException
    {
        final InputStream in = RecordedBooksBenchmark.class.getResourceAsStream(resource);
        if (in == null)
        {
            throw new IOException("no tape " + resource + " on the classpath (record it with BooksRecorder)");
        }
        final List<byte[]> frames = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
            StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (!line.isEmpty())
                {
                    frames.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return frames;
    }

    /** A one-slot publisher that applies each published book event to the book, as the core does. */
    static final class BookPublisher implements InboundPublisher
    {
        private final InboundEvent slot = new InboundEvent();
        private final OrderBook book;
        private long sequence;
        long applied;
        long failures;
        BookResult last;

        BookPublisher(final OrderBook book)
        {
            this.book = book;
        }

        @Override
        public long claim()
        {
            return ++sequence;
        }

        @Override
        public InboundEvent event(final long sequence)
        {
            return slot;
        }

        @Override
        public void publish(final long sequence)
        {
            if (book == null)
            {
                return;
            }
            if (slot.type == EventType.BOOK_SNAPSHOT)
            {
                last = book.applySnapshot(slot);
            }
            else if (slot.type == EventType.BOOK_UPDATE)
            {
                last = book.applyUpdate(slot);
            }
            else
            {
                return;
            }
            if (last == BookResult.APPLIED)
            {
                applied++;
            }
            else
            {
                failures++;
            }
        }
    }
}
