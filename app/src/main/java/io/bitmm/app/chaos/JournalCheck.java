package io.bitmm.app.chaos;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.CommandSink;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.Position;
import io.bitmm.journal.JournalHeader;
import io.bitmm.journal.JournalLayout;
import io.bitmm.journal.JournalReader;
import io.bitmm.journal.ReplayDriver;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * What one run's journal says, checked three ways: it is complete (readable to its last entry, its ring sequences
 * without a gap), it replays into a fresh core to identical commands ({@link ReplayDriver}; for a run killed with
 * SIGKILL, to a prefix of what the replay produces: the commands of the last events may not have been written), and
 * no order was placed (a {@code PLACE}, or the new order of a {@code REPLACE}) while that instrument's book was
 * invalid or resyncing. Book validity is judged by a second, independent book per instrument fed the same events
 * in the same order (after a {@code BOOK_RESET}, a checksum failure, a sequence going backwards, or a crossed book,
 * it is invalid until the next snapshot). The replayed core's position is the engine's position: the replay is
 * identical, so the core saw the same events and made the same decisions.
 */
public final class JournalCheck
{
    private JournalCheck()
    {
    }

    /**
     * The outcome.
     *
     * @param problem          null when complete and identical, else what is wrong with the journal or its replay.
     * @param events           events read.
     * @param commands         commands read.
     * @param placesWhileInvalid orders placed while their book was invalid.
     * @param firstInvalidPlace the first such order, or null.
     * @param instruments      the run's instruments (from the header).
     * @param baseChange       per instrument: base holdings change, {@code Amounts.DECIMALS} units.
     * @param quoteChange      per instrument: quote holdings change, {@code Amounts.DECIMALS} units.
     * @param fills            fills the core booked (all instruments).
     */
    public record Result(String problem, long events, long commands, long placesWhileInvalid,
        String firstInvalidPlace, InstrumentTable instruments, long[] baseChange, long[] quoteChange, long fills)
    {
    }

    /**
     * A fill as the journal recorded it (the first event with its trade id).
     *
     * @param tradeId   the trade id.
     * @param symbol    the symbol.
     * @param side      buy or sell.
     * @param price     price units.
     * @param size      base size.
     * @param fee       fee paid, amount units (negative: a rebate).
     * @param feeCoin   the fee's coin, or "-" when none.
     */
    public record JournalFill(long tradeId, String symbol, String side, long price, BigDecimal size, long fee,
        String feeCoin)
    {
    }

    /**
     * @param runDir a run's directory.
     * @return trade id to the fill the journal recorded for it (diagnostics of a position mismatch).
     */
    public static java.util.Map<Long, JournalFill> fills(final Path runDir)
    {
        final java.util.Map<Long, JournalFill> fills = new java.util.TreeMap<>();
        try (JournalReader reader = new JournalReader(RunJournal.journalDir(runDir), JournalLayout.KIND_EVENT))
        {
            final InstrumentTable instruments = reader.header().instruments();
            while (reader.next() != JournalReader.END)
            {
                final InboundEvent e = reader.event();
                if (e.type == EventType.FILL && e.tradeId != 0 && e.instrumentId >= 0 &&
                    e.instrumentId < instruments.instrumentCount())
                {
                    fills.putIfAbsent(e.tradeId, new JournalFill(e.tradeId, instruments.instrument(e.instrumentId)
                        .symbol(), e.side.name(), e.price,
                        BigDecimal.valueOf(e.size, instruments.instrument(e.instrumentId).sizeScale()), e.fee,
                        e.feeAssetId >= 0 && e.feeAssetId < instruments.assetCount() ?
                            instruments.assetName(e.feeAssetId) : "-"));
                }
            }
        }
        return fills;
    }

    /**
     * @param runDir a run's directory (holds {@code journal/}).
     * @param killed true when the run was killed: its replay may produce commands it never wrote.
     * @return what the journal says.
     */
    public static Result check(final Path runDir, final boolean killed)
    {
        final Path dir = RunJournal.journalDir(runDir);
        final long[] counts;
        try
        {
            counts = readAll(dir);
        }
        catch (final RuntimeException ex)
        {
            return new Result("journal unreadable: " + ex, 0, 0, 0, null, null, new long[0], new long[0], 0);
        }
        if (counts[2] != 0)
        {
            return new Result("journal has gaps: " + counts[2] + " ring sequences missing", counts[0], counts[1],
                0, null, null, new long[0], new long[0], 0);
        }
        try (ReplayDriver driver = new ReplayDriver(dir))
        {
            final JournalHeader header = driver.header();
            final Config config = RunJournal.config(header, List.of());
            final CoreContext context = Bindings.core(config, header.instruments(), header.runEpochMs());
            final BookGate gate = new BookGate(header.instruments(), context.bookCapacity(), driver);
            final TradingCore core = new TradingCore(context, header.instruments(), gate);
            final ReplayDriver.ReplayResult replay = driver.run(event ->
            {
                gate.onEvent(event);
                core.onEvent(event);
            });
            final int n = header.instruments().instrumentCount();
            final long[] base = new long[n];
            final long[] quote = new long[n];
            long fills = 0;
            for (int id = 0; id < n; id++)
            {
                final Position position = core.position(id);
                base[id] = position.baseHoldingsChange();
                quote[id] = position.quoteHoldingsChange();
            }
            fills += core.counters().fills(Side.BUY) + core.counters().fills(Side.SELL);
            String problem = null;
            if (!replay.identical())
            {
                final boolean onlyTail = killed && replay.missing() == 0 && replay.first() != null &&
                    replay.first().recorded() == null;
                if (!onlyTail)
                {
                    final ReplayDriver.Divergence first = replay.first();
                    problem = "replay diverged: " + replay.divergent() + " commands differ (" + replay.missing() +
                        " never produced); first recorded " + (first == null ? "-" : first.recorded()) +
                        ", replayed " + (first == null ? "-" : first.replayed());
                }
            }
            return new Result(problem, counts[0], counts[1], gate.invalidPlaces, gate.firstInvalid,
                header.instruments(), base, quote, fills);
        }
        catch (final RuntimeException ex)
        {
            return new Result("replay failed: " + ex, counts[0], counts[1], 0, null, null, new long[0], new long[0], 0);
        }
    }

    /** Every entry, in order: {events, commands, missing ring sequences}. Throws when an entry cannot be read. */
    private static long[] readAll(final Path dir)
    {
        long events = 0;
        long commandCount = 0;
        long nextCommand = -1;
        long missing = 0;
        try (JournalReader reader = new JournalReader(dir, (byte)0))
        {
            int kind;
            while ((kind = reader.next()) != JournalReader.END)
            {
                if (kind == JournalLayout.KIND_EVENT)
                {
                    missing += Math.max(0, reader.ringSequence() - events);
                    events = Math.max(events, reader.ringSequence()) + 1;
                }
                else
                {
                    // commands are numbered from wherever the outbound ring stood when the journal began
                    commandCount++;
                    if (nextCommand >= 0)
                    {
                        missing += Math.max(0, reader.ringSequence() - nextCommand);
                    }
                    nextCommand = Math.max(nextCommand, reader.ringSequence() + 1);
                }
            }
        }
        return new long[] {events, commandCount, missing};
    }

    /** Mirrors each instrument's book from the events and checks it at every order placement, then passes it on. */
    static final class BookGate implements CommandSink
    {
        private final InstrumentTable instruments;
        private final OrderBook[] books;
        private final CommandSink next;
        private long invalidPlaces;
        private String firstInvalid;
        private long eventCount;

        BookGate(final InstrumentTable instruments, final int capacity, final CommandSink next)
        {
            this.instruments = instruments;
            this.next = next;
            this.books = new OrderBook[instruments.instrumentCount()];
            for (int id = 0; id < books.length; id++)
            {
                books[id] = new OrderBook(instruments.instrument(id), capacity);
            }
        }

        long invalidPlaces()
        {
            return invalidPlaces;
        }

        String firstInvalid()
        {
            return firstInvalid;
        }

        void onEvent(final InboundEvent event)
        {
            eventCount++;
            final int id = event.instrumentId;
            if (id < 0 || id >= books.length)
            {
                return;
            }
            if (event.type == EventType.BOOK_SNAPSHOT)
            {
                books[id].applySnapshot(event);
            }
            else if (event.type == EventType.BOOK_UPDATE)
            {
                books[id].applyUpdate(event);
            }
            else if (event.type == EventType.BOOK_RESET)
            {
                books[id].reset();
            }
        }

        @Override
        public void send(final OutboundCommand command)
        {
            if ((command.type == CommandType.PLACE || command.type == CommandType.REPLACE) &&
                command.instrumentId >= 0 && command.instrumentId < books.length &&
                !books[command.instrumentId].isValid())
            {
                invalidPlaces++;
                if (firstInvalid == null)
                {
                    firstInvalid = command.type + " " + instruments.instrument(command.instrumentId).symbol() +
                        " after event " + (eventCount - 1) + " (book awaiting snapshot: " +
                        books[command.instrumentId].isAwaitingSnapshot() + ")";
                }
            }
            next.send(command);
        }
    }
}
