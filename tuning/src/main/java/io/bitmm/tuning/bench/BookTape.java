package io.bitmm.tuning.bench;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;

/**
 * A prebuilt cycle of book events for the benchmarks: a snapshot of {@code depth} levels a side around 30000.00,
 * then updates that walk the mid up one tick at a time for {@code runLength} updates, then down, and so on. Every
 * event carries the checksum the venue would send (computed on a shadow book) and the decimals as written
 * (prices with 2, sizes with 4, zeros as {@code "0"}), so the book under test validates each one for real.
 */
final class BookTape
{
    private static final long CENTER = 3_000_000;

    final InboundEvent snapshot = new InboundEvent();
    final InboundEvent[] updates;

    BookTape(final Instrument instrument, final int depth, final int updateCount, final int runLength)
    {
        updates = new InboundEvent[updateCount];
        final OrderBook shadow = new OrderBook(instrument, 1024);
        snapshot.type = EventType.BOOK_SNAPSHOT;
        snapshot.instrumentId = instrument.id();
        snapshot.seq = 1;
        for (int i = 0; i < depth; i++)
        {
            level(snapshot, true, CENTER - 1 - i, 1_000_000 + i * 100);
            level(snapshot, false, CENTER + 1 + i, 2_000_000 + i * 100);
        }
        shadow.applySnapshot(snapshot);
        snapshot.checksumPresent = true;
        snapshot.checksum = shadow.computeChecksum();
        long mid = CENTER;
        for (int u = 0; u < updateCount; u++)
        {
            final InboundEvent update = new InboundEvent();
            update.type = EventType.BOOK_UPDATE;
            update.instrumentId = instrument.id();
            update.seq = 2 + u;
            if ((u / runLength) % 2 == 0)
            {
                level(update, false, mid + 1, 0);
                level(update, false, mid + 1 + depth, 3_000_000);
                level(update, true, mid, 1_500_000 + u * 100);
                level(update, true, mid - depth, 0);
                mid++;
            }
            else
            {
                level(update, true, mid - 1, 0);
                level(update, true, mid - 1 - depth, 3_000_000);
                level(update, false, mid, 1_500_000 + u * 100);
                level(update, false, mid + depth, 0);
                mid--;
            }
            shadow.applyUpdate(update);
            update.checksumPresent = true;
            update.checksum = shadow.computeChecksum();
            updates[u] = update;
        }
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
