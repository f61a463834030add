package io.bitmm.core.book;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;

import java.nio.charset.StandardCharsets;

/**
 * The L2 book of one instrument, built from Bitget's {@code books} snapshot and updates or replaced by a
 * {@code books1/5/15} snapshot. Validates every change: CRC32 checksum (when the event carries a non-zero one),
 * {@code seq} never going backwards (an event without one, {@code seq} 0, is not checked), no crossed book, no
 * update before a snapshot. A failure invalidates the book; it then
 * ignores updates until the next snapshot. Allocation-free once constructed.
 */
public final class OrderBook
{
    /** Default levels kept per side. */
    public static final int DEFAULT_CAPACITY = 1024;

    private final Instrument instrument;
    private final BookSide bids;
    private final BookSide asks;
    private final BookChecksum checksum = new BookChecksum();
    private boolean valid;
    private boolean everSnapshotted;
    private boolean awaitingSnapshot;
    private long seq;
    private long lastUpdateNanos;
    private int lastChecksum;

    /**
     * @param instrument the instrument (scales for the checksum).
     * @param capacity   levels kept per side.
     */
    public OrderBook(final Instrument instrument, final int capacity)
    {
        this.instrument = instrument;
        this.bids = new BookSide(true, capacity, instrument.priceScale(), instrument.sizeScale());
        this.asks = new BookSide(false, capacity, instrument.priceScale(), instrument.sizeScale());
    }

    /**
     * Replace the book with a snapshot.
     *
     * @param event a {@code BOOK_SNAPSHOT}.
     * @return {@link BookResult#APPLIED} or why the book is invalid.
     */
    public BookResult applySnapshot(final InboundEvent event)
    {
        bids.clear();
        asks.clear();
        loadSnapshotSide(bids, event.bidCount, event.bidPrices, event.bidSizes, event.bidPriceDecimals, event.bidSizeDecimals);
        loadSnapshotSide(asks, event.askCount, event.askPrices, event.askSizes, event.askPriceDecimals, event.askSizeDecimals);
        everSnapshotted = true;
        awaitingSnapshot = false;
        seq = event.seq;
        return validate(event);
    }

    /**
     * Apply a {@code books} update.
     *
     * @param event a {@code BOOK_UPDATE}.
     * @return {@link BookResult#APPLIED}, {@link BookResult#IGNORED} while awaiting a snapshot, or why the book
     * became invalid.
     */
    public BookResult applyUpdate(final InboundEvent event)
    {
        if (awaitingSnapshot)
        {
            return BookResult.IGNORED;
        }
        if (!everSnapshotted)
        {
            return invalidate(BookResult.UPDATE_BEFORE_SNAPSHOT);
        }
        if (event.seq != 0 && event.seq < seq)
        {
            return invalidate(BookResult.SEQ_BACKWARDS);
        }
        if (event.seq != 0)
        {
            seq = event.seq;
        }
        for (int i = 0; i < event.bidCount; i++)
        {
            bids.set(event.bidPrices[i], event.bidSizes[i], event.bidPriceDecimals[i], event.bidSizeDecimals[i]);
        }
        for (int i = 0; i < event.askCount; i++)
        {
            asks.set(event.askPrices[i], event.askSizes[i], event.askPriceDecimals[i], event.askSizeDecimals[i]);
        }
        return validate(event);
    }

    /**
     * The stream was lost ({@code BOOK_RESET}): invalid until the next snapshot, without asking for a resync
     * (the gateway is already resubscribing).
     */
    public void reset()
    {
        valid = false;
        awaitingSnapshot = true;
        bids.clear();
        asks.clear();
    }

    /**
     * Mark the book invalid and waiting for a fresh snapshot, e.g. after the core asked for a resync.
     *
     * @param cause why.
     * @return {@code cause}.
     */
    public BookResult invalidate(final BookResult cause)
    {
        valid = false;
        awaitingSnapshot = true;
        return cause;
    }

    /**
     * @return the checksum of the book as it is now (computed, not the venue's).
     */
    public int computeChecksum()
    {
        lastChecksum = checksum.compute(bids, asks);
        return lastChecksum;
    }

    /**
     * @return the string the last checksum covered (slow path: tests and diagnostics).
     */
    public String checksumString()
    {
        return new String(checksum.buffer(), 0, checksum.length(), StandardCharsets.US_ASCII);
    }

    public boolean isValid()
    {
        return valid;
    }

    public boolean isAwaitingSnapshot()
    {
        return awaitingSnapshot;
    }

    public long seq()
    {
        return seq;
    }

    /**
     * @return {@link InboundEvent#timestampNanos} of the last applied book event.
     */
    public long lastUpdateNanos()
    {
        return lastUpdateNanos;
    }

    public Instrument instrument()
    {
        return instrument;
    }

    public int bidCount()
    {
        return bids.count();
    }

    public int askCount()
    {
        return asks.count();
    }

    /** @param depth 0 for the best bid. */
    public long bidPrice(final int depth)
    {
        return bids.price(depth);
    }

    public long bidSize(final int depth)
    {
        return bids.size(depth);
    }

    /** @param depth 0 for the best ask. */
    public long askPrice(final int depth)
    {
        return asks.price(depth);
    }

    public long askSize(final int depth)
    {
        return asks.size(depth);
    }

    /**
     * @return true when both sides have at least one level.
     */
    public boolean hasTwoSides()
    {
        return bids.count() > 0 && asks.count() > 0;
    }

    /**
     * @return levels dropped, over the book's life, because a side was full.
     */
    public long droppedLevels()
    {
        return bids.droppedLevels() + asks.droppedLevels();
    }

    private BookResult validate(final InboundEvent event)
    {
        lastUpdateNanos = event.timestampNanos;
        if (event.checksumPresent && event.checksum != 0 && computeChecksum() != event.checksum)
        {
            return invalidate(BookResult.CHECKSUM_MISMATCH);
        }
        if (hasTwoSides() && bids.price(0) >= asks.price(0))
        {
            return invalidate(BookResult.CROSSED);
        }
        valid = true;
        return BookResult.APPLIED;
    }

    private static void loadSnapshotSide(
        final BookSide side,
        final int count,
        final long[] prices,
        final long[] sizes,
        final byte[] priceDecimals,
        final byte[] sizeDecimals)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            if (!side.appendBetter(prices[i], sizes[i], priceDecimals[i], sizeDecimals[i]))
            {
                side.set(prices[i], sizes[i], priceDecimals[i], sizeDecimals[i]);
            }
        }
    }
}
