package io.bitmm.core.engine;

import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.order.ClientOidCodec;

/**
 * Prebuilt events in compact primitive columns, loaded one at a time into a reused {@link InboundEvent} the way a
 * ring producer fills a slot: lets a test feed a million events without keeping a million 14 KB slots, and
 * without allocating while it feeds them. Our clientOids are stored as their counters and re-encoded on load.
 */
final class EventTape
{
    private static final EventType[] TYPES = EventType.values();
    private static final CommandType[] COMMANDS = CommandType.values();
    private static final VenueOrderStatus[] STATUSES = VenueOrderStatus.values();
    private static final CancelReason[] REASONS = CancelReason.values();
    private static final Side[] SIDES = Side.values();

    private final ClientOidCodec codec;
    private final int capacity;
    private final byte[] type;
    private final long[] timestamp;
    private final long[] seq;
    private final int[] checksum;
    private final boolean[] checksumPresent;
    private final int[] levelOffset;
    private final byte[] bidCount;
    private final byte[] askCount;
    private final long[] oid;
    private final long[] newOid;
    private final long[] orderId;
    private final long[] tradeId;
    private final byte[] side;
    private final long[] price;
    private final long[] size;
    private final long[] cumulative;
    private final long[] averagePrice;
    private final long[] amount;
    private final byte[] status;
    private final byte[] cancelReason;
    private final byte[] commandType;
    private final int[] rejectCode;
    private long[] levelPrice;
    private long[] levelSize;
    private byte[] levelPriceDecimals;
    private byte[] levelSizeDecimals;
    private int levels;
    private int count;

    EventTape(final ClientOidCodec codec, final int capacity)
    {
        this.codec = codec;
        this.capacity = capacity;
        type = new byte[capacity];
        timestamp = new long[capacity];
        seq = new long[capacity];
        checksum = new int[capacity];
        checksumPresent = new boolean[capacity];
        levelOffset = new int[capacity];
        bidCount = new byte[capacity];
        askCount = new byte[capacity];
        oid = new long[capacity];
        newOid = new long[capacity];
        orderId = new long[capacity];
        tradeId = new long[capacity];
        side = new byte[capacity];
        price = new long[capacity];
        size = new long[capacity];
        cumulative = new long[capacity];
        averagePrice = new long[capacity];
        amount = new long[capacity];
        status = new byte[capacity];
        cancelReason = new byte[capacity];
        commandType = new byte[capacity];
        rejectCode = new int[capacity];
        levelPrice = new long[capacity * 3];
        levelSize = new long[capacity * 3];
        levelPriceDecimals = new byte[capacity * 3];
        levelSizeDecimals = new byte[capacity * 3];
    }

    int count()
    {
        return count;
    }

    boolean isFull()
    {
        return count == capacity;
    }

    void append(final InboundEvent event)
    {
        final int i = count++;
        type[i] = (byte)event.type.ordinal();
        timestamp[i] = event.timestampNanos;
        seq[i] = event.seq;
        checksum[i] = event.checksum;
        checksumPresent[i] = event.checksumPresent;
        ensureLevels(event.bidCount + event.askCount);
        levelOffset[i] = levels;
        bidCount[i] = (byte)event.bidCount;
        askCount[i] = (byte)event.askCount;
        for (int l = 0; l < event.bidCount; l++)
        {
            putLevel(event.bidPrices[l], event.bidSizes[l], event.bidPriceDecimals[l], event.bidSizeDecimals[l]);
        }
        for (int l = 0; l < event.askCount; l++)
        {
            putLevel(event.askPrices[l], event.askSizes[l], event.askPriceDecimals[l], event.askSizeDecimals[l]);
        }
        oid[i] = event.clientOidLength == 0 ? -1 : codec.decode(event.clientOid, event.clientOidLength);
        newOid[i] = event.newClientOidLength == 0 ? -1 : codec.decode(event.newClientOid, event.newClientOidLength);
        orderId[i] = event.orderId;
        tradeId[i] = event.tradeId;
        side[i] = (byte)event.side.ordinal();
        price[i] = event.price;
        size[i] = event.size;
        cumulative[i] = event.cumulativeFilledSize;
        averagePrice[i] = event.averagePrice;
        amount[i] = event.amount;
        status[i] = (byte)event.venueStatus.ordinal();
        cancelReason[i] = (byte)event.cancelReason.ordinal();
        commandType[i] = (byte)event.commandType.ordinal();
        rejectCode[i] = event.rejectCode;
    }

    /**
     * Fill {@code event} with entry {@code i}; allocation-free.
     */
    void load(final int i, final InboundEvent event)
    {
        event.reset();
        event.type = TYPES[type[i]];
        event.timestampNanos = timestamp[i];
        event.instrumentId = 0;
        event.seq = seq[i];
        event.checksum = checksum[i];
        event.checksumPresent = checksumPresent[i];
        int at = levelOffset[i];
        event.bidCount = bidCount[i];
        for (int l = 0; l < event.bidCount; l++, at++)
        {
            event.bidPrices[l] = levelPrice[at];
            event.bidSizes[l] = levelSize[at];
            event.bidPriceDecimals[l] = levelPriceDecimals[at];
            event.bidSizeDecimals[l] = levelSizeDecimals[at];
        }
        event.askCount = askCount[i];
        for (int l = 0; l < event.askCount; l++, at++)
        {
            event.askPrices[l] = levelPrice[at];
            event.askSizes[l] = levelSize[at];
            event.askPriceDecimals[l] = levelPriceDecimals[at];
            event.askSizeDecimals[l] = levelSizeDecimals[at];
        }
        if (oid[i] >= 0)
        {
            event.clientOidLength = codec.encode(oid[i], event.clientOid);
        }
        if (newOid[i] >= 0)
        {
            event.newClientOidLength = codec.encode(newOid[i], event.newClientOid);
        }
        event.orderId = orderId[i];
        event.tradeId = tradeId[i];
        event.side = SIDES[side[i]];
        event.price = price[i];
        event.size = size[i];
        event.cumulativeFilledSize = cumulative[i];
        event.averagePrice = averagePrice[i];
        event.amount = amount[i];
        event.venueStatus = STATUSES[status[i]];
        event.cancelReason = REASONS[cancelReason[i]];
        event.commandType = COMMANDS[commandType[i]];
        event.rejectCode = rejectCode[i];
        event.maker = true;
    }

    private void putLevel(final long levelPriceValue, final long levelSizeValue, final byte priceDecimals, final byte sizeDecimals)
    {
        levelPrice[levels] = levelPriceValue;
        levelSize[levels] = levelSizeValue;
        levelPriceDecimals[levels] = priceDecimals;
        levelSizeDecimals[levels] = sizeDecimals;
        levels++;
    }

    private void ensureLevels(final int more)
    {
        if (levels + more > levelPrice.length)
        {
            final int length = Math.max(levelPrice.length * 2, levels + more);
            levelPrice = java.util.Arrays.copyOf(levelPrice, length);
            levelSize = java.util.Arrays.copyOf(levelSize, length);
            levelPriceDecimals = java.util.Arrays.copyOf(levelPriceDecimals, length);
            levelSizeDecimals = java.util.Arrays.copyOf(levelSizeDecimals, length);
        }
    }
}
