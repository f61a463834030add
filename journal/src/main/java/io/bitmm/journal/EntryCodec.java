package io.bitmm.journal;

import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import net.openhft.chronicle.bytes.Bytes;

/**
 * Encodes and decodes event and command bodies as {@link JournalLayout} describes. Allocation-free: enum values
 * are looked up in arrays cached here, ids are copied into the entries' own arrays.
 */
final class EntryCodec
{
    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final CommandType[] COMMAND_TYPES = CommandType.values();
    private static final Side[] SIDES = Side.values();
    private static final TimeInForce[] TIME_IN_FORCE = TimeInForce.values();
    private static final VenueOrderStatus[] STATUSES = VenueOrderStatus.values();
    private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
    /** The longest stop-bit encoding of a long: a negative one, nine 7-bit groups of its complement and a 0 byte. */
    static final int MAX_STOP_BIT_BYTES = 10;

    private EntryCodec()
    {
    }

    /**
     * @param out     the entry's bytes.
     * @param e       the event.
     * @param scratch the writer's own {@link #BOOK_SCRATCH_BYTES}-byte buffer for a book event's body.
     */
    static void writeEvent(final Bytes<?> out, final InboundEvent e, final byte[] scratch)
    {
        switch (e.type)
        {
            case BOOK_SNAPSHOT:
            case BOOK_UPDATE:
                writeBook(out, e, scratch);
                return;
            case TIMER:
                writeTimer(out, e);
                return;
            default:
                writeFull(out, e);
        }
    }

    /**
     * Bytes a book event's body may need after its two timestamps: six stop-bit fields and a flag byte, then per level
     * two stop-bit values (at most 10 bytes each) and two decimal bytes, {@link InboundEvent#MAX_LEVELS} a side.
     */
    static final int BOOK_SCRATCH_BYTES = 6 * MAX_STOP_BIT_BYTES + 1 + 2 * InboundEvent.MAX_LEVELS *
        (2 * MAX_STOP_BIT_BYTES + 2);

    /**
     * A book event: what the decoder fills, and only its changed levels (layout: JournalLayout, compact 'book').
     * The fields after the timestamps are encoded into {@code scratch} and written with one bulk copy: a Chronicle
     * write per value (bounds, closed and thread checks each time) cost more than the encoding itself.
     */
    private static void writeBook(final Bytes<?> out, final InboundEvent e, final byte[] scratch)
    {
        out.writeByte((byte)(e.type.ordinal() | JournalLayout.TYPE_COMPACT));
        out.writeLong(e.timestampNanos);
        out.writeLong(e.publishNanos);
        int at = putStopBit(scratch, 0, e.venueTimeMs);
        at = putStopBit(scratch, at, e.instrumentId);
        scratch[at++] = (byte)(e.checksumPresent ? JournalLayout.FLAG_CHECKSUM_PRESENT : 0);
        at = putStopBit(scratch, at, e.seq);
        at = putStopBit(scratch, at, e.checksum);
        at = putStopBit(scratch, at, e.truncatedLevels);
        at = putStopBit(scratch, at, e.bidCount);
        at = putStopBit(scratch, at, e.askCount);
        at = putLevels(scratch, at, e.bidPrices, e.bidSizes, e.bidPriceDecimals, e.bidSizeDecimals, e.bidCount);
        at = putLevels(scratch, at, e.askPrices, e.askSizes, e.askPriceDecimals, e.askSizeDecimals, e.askCount);
        out.write(scratch, 0, at);
    }

    /**
     * Chronicle Bytes' stop-bit encoding of a long ({@code BytesInternal.writeStopBit}), into an array: seven bits a
     * byte, low first, the top bit set on every byte but the last; a negative value is written as its complement
     * followed by a 0 byte. {@link Bytes#readStopBit()} reads it back.
     *
     * @return the index after the last byte written (at most {@value #MAX_STOP_BIT_BYTES} bytes).
     */
    static int putStopBit(final byte[] dst, final int offset, final long value)
    {
        int at = offset;
        final boolean negative = value < 0;
        long n = negative ? ~value : value;
        long rest;
        while ((rest = n >>> 7) != 0)
        {
            dst[at++] = (byte)(0x80L | n);
            n = rest;
        }
        if (negative)
        {
            dst[at++] = (byte)(0x80L | n);
            dst[at++] = 0;
        }
        else
        {
            dst[at++] = (byte)n;
        }
        return at;
    }

    private static int putLevels(
        final byte[] dst, final int offset, final long[] prices, final long[] sizes, final byte[] priceDecimals,
        final byte[] sizeDecimals, final int count)
    {
        int at = offset;
        for (int i = 0; i < count; i++)
        {
            at = putStopBit(dst, at, prices[i]);
            at = putStopBit(dst, at, sizes[i]);
            dst[at++] = priceDecimals[i];
            dst[at++] = sizeDecimals[i];
        }
        return at;
    }

    private static void writeTimer(final Bytes<?> out, final InboundEvent e)
    {
        out.writeByte((byte)(e.type.ordinal() | JournalLayout.TYPE_COMPACT));
        out.writeLong(e.timestampNanos);
        out.writeLong(e.publishNanos);
        out.writeStopBit(e.instrumentId);
    }

    private static void readCompact(final Bytes<?> in, final InboundEvent e, final EventType type)
    {
        e.reset();
        e.type = type;
        e.timestampNanos = in.readLong();
        e.publishNanos = in.readLong();
        if (type == EventType.TIMER)
        {
            e.instrumentId = (int)in.readStopBit();
            return;
        }
        e.venueTimeMs = in.readStopBit();
        e.instrumentId = (int)in.readStopBit();
        e.checksumPresent = (in.readUnsignedByte() & JournalLayout.FLAG_CHECKSUM_PRESENT) != 0;
        e.seq = in.readStopBit();
        e.checksum = (int)in.readStopBit();
        e.truncatedLevels = (int)in.readStopBit();
        e.bidCount = (int)in.readStopBit();
        e.askCount = (int)in.readStopBit();
        readLevels(in, e.bidPrices, e.bidSizes, e.bidPriceDecimals, e.bidSizeDecimals, e.bidCount);
        readLevels(in, e.askPrices, e.askSizes, e.askPriceDecimals, e.askSizeDecimals, e.askCount);
    }

    private static void writeFull(final Bytes<?> out, final InboundEvent e)
    {
        out.writeByte((byte)e.type.ordinal());
        out.writeLong(e.timestampNanos);
        out.writeLong(e.publishNanos);
        out.writeStopBit(e.venueTimeMs);
        out.writeStopBit(e.instrumentId);
        out.writeByte((byte)((e.checksumPresent ? JournalLayout.FLAG_CHECKSUM_PRESENT : 0) |
            (e.maker ? JournalLayout.FLAG_MAKER : 0) | (e.flag ? JournalLayout.FLAG_FLAG : 0)));
        out.writeStopBit(e.seq);
        out.writeStopBit(e.checksum);
        out.writeStopBit(e.truncatedLevels);
        writeId(out, e.clientOid, e.clientOidLength);
        writeId(out, e.newClientOid, e.newClientOidLength);
        out.writeStopBit(e.orderId);
        out.writeStopBit(e.tradeId);
        out.writeByte((byte)e.side.ordinal());
        out.writeStopBit(e.price);
        out.writeStopBit(e.size);
        out.writeStopBit(e.cumulativeFilledSize);
        out.writeStopBit(e.averagePrice);
        out.writeByte((byte)e.venueStatus.ordinal());
        out.writeByte((byte)e.cancelReason.ordinal());
        out.writeByte((byte)e.timeInForce.ordinal());
        out.writeStopBit(e.fee);
        out.writeStopBit(e.feeAssetId);
        out.writeByte((byte)e.commandType.ordinal());
        out.writeStopBit(e.rejectCode);
        out.writeStopBit(e.assetId);
        out.writeStopBit(e.available);
        out.writeStopBit(e.frozen);
        out.writeStopBit(e.amount);
        out.writeStopBit(e.bidCount);
        out.writeStopBit(e.askCount);
        writeLevels(out, e.bidPrices, e.bidSizes, e.bidPriceDecimals, e.bidSizeDecimals, e.bidCount);
        writeLevels(out, e.askPrices, e.askSizes, e.askPriceDecimals, e.askSizeDecimals, e.askCount);
    }

    static void readEvent(final Bytes<?> in, final InboundEvent e)
    {
        final int typeByte = in.readUnsignedByte();
        if ((typeByte & JournalLayout.TYPE_COMPACT) != 0)
        {
            readCompact(in, e, EVENT_TYPES[typeByte & ~JournalLayout.TYPE_COMPACT]);
            return;
        }
        e.type = EVENT_TYPES[typeByte];
        e.timestampNanos = in.readLong();
        e.publishNanos = in.readLong();
        e.venueTimeMs = in.readStopBit();
        e.instrumentId = (int)in.readStopBit();
        final int flags = in.readUnsignedByte();
        e.checksumPresent = (flags & JournalLayout.FLAG_CHECKSUM_PRESENT) != 0;
        e.maker = (flags & JournalLayout.FLAG_MAKER) != 0;
        e.flag = (flags & JournalLayout.FLAG_FLAG) != 0;
        e.seq = in.readStopBit();
        e.checksum = (int)in.readStopBit();
        e.truncatedLevels = (int)in.readStopBit();
        e.clientOidLength = readId(in, e.clientOid);
        e.newClientOidLength = readId(in, e.newClientOid);
        e.orderId = in.readStopBit();
        e.tradeId = in.readStopBit();
        e.side = SIDES[in.readUnsignedByte()];
        e.price = in.readStopBit();
        e.size = in.readStopBit();
        e.cumulativeFilledSize = in.readStopBit();
        e.averagePrice = in.readStopBit();
        e.venueStatus = STATUSES[in.readUnsignedByte()];
        e.cancelReason = CANCEL_REASONS[in.readUnsignedByte()];
        e.timeInForce = TIME_IN_FORCE[in.readUnsignedByte()];
        e.fee = in.readStopBit();
        e.feeAssetId = (int)in.readStopBit();
        e.commandType = COMMAND_TYPES[in.readUnsignedByte()];
        e.rejectCode = (int)in.readStopBit();
        e.assetId = (int)in.readStopBit();
        e.available = in.readStopBit();
        e.frozen = in.readStopBit();
        e.amount = in.readStopBit();
        e.bidCount = (int)in.readStopBit();
        e.askCount = (int)in.readStopBit();
        readLevels(in, e.bidPrices, e.bidSizes, e.bidPriceDecimals, e.bidSizeDecimals, e.bidCount);
        readLevels(in, e.askPrices, e.askSizes, e.askPriceDecimals, e.askSizeDecimals, e.askCount);
    }

    static void writeCommand(final Bytes<?> out, final OutboundCommand c)
    {
        out.writeByte((byte)c.type.ordinal());
        out.writeStopBit(c.instrumentId);
        writeId(out, c.clientOid, c.clientOidLength);
        writeId(out, c.newClientOid, c.newClientOidLength);
        out.writeStopBit(c.orderId);
        out.writeByte((byte)c.side.ordinal());
        out.writeStopBit(c.price);
        out.writeStopBit(c.size);
        out.writeByte((byte)c.timeInForce.ordinal());
        out.writeBoolean(c.reduceOnly);
        out.writeLong(c.triggerTimestampNanos);
        out.writeStopBit(c.commandSequence);
    }

    static void readCommand(final Bytes<?> in, final OutboundCommand c)
    {
        c.type = COMMAND_TYPES[in.readUnsignedByte()];
        c.instrumentId = (int)in.readStopBit();
        c.clientOidLength = readId(in, c.clientOid);
        c.newClientOidLength = readId(in, c.newClientOid);
        c.orderId = in.readStopBit();
        c.side = SIDES[in.readUnsignedByte()];
        c.price = in.readStopBit();
        c.size = in.readStopBit();
        c.timeInForce = TIME_IN_FORCE[in.readUnsignedByte()];
        c.reduceOnly = in.readBoolean();
        c.triggerTimestampNanos = in.readLong();
        c.commandSequence = in.readStopBit();
    }

    private static void writeId(final Bytes<?> out, final byte[] id, final int length)
    {
        out.writeUnsignedByte(length);
        out.write(id, 0, length);
    }

    private static int readId(final Bytes<?> in, final byte[] id)
    {
        final int length = in.readUnsignedByte();
        in.read(id, 0, length);
        return length;
    }

    private static void writeLevels(
        final Bytes<?> out, final long[] prices, final long[] sizes, final byte[] priceDecimals,
        final byte[] sizeDecimals, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            out.writeStopBit(prices[i]);
            out.writeStopBit(sizes[i]);
            out.writeByte(priceDecimals[i]);
            out.writeByte(sizeDecimals[i]);
        }
    }

    private static void readLevels(
        final Bytes<?> in, final long[] prices, final long[] sizes, final byte[] priceDecimals,
        final byte[] sizeDecimals, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            prices[i] = in.readStopBit();
            sizes[i] = in.readStopBit();
            priceDecimals[i] = in.readByte();
            sizeDecimals[i] = in.readByte();
        }
    }
}
