package io.bitmm.core.event;

/**
 * The inbound ring's entry. One preallocated instance per ring slot, filled in place by a producer (the
 * market-data, private-stream and order I/O threads, and the timer) and read by the core and the journal.
 * <p>
 * Which fields are meaningful depends on {@link #type}; see {@link EventType}. A producer calls
 * {@link #reset()} before filling a slot, so a field it does not set reads as zero, {@code null}-free defaults.
 * <p>
 * Units: prices and sizes are fixed-point {@code long}s in the instrument's own scales
 * ({@link io.bitmm.core.instrument.Instrument#priceScale()}, {@link io.bitmm.core.instrument.Instrument#sizeScale()});
 * balances and fees are in {@link io.bitmm.core.instrument.Amounts amount units} (10^-8 of the asset).
 * Time: {@link #timestampNanos} is the monotonic receive stamp ({@code System.nanoTime()} when the frame's first
 * bytes were read, or the tick time for a timer); the core takes it as "now". {@link #venueTimeMs} is the venue's
 * own wall-clock time in epoch milliseconds, where the message carries one.
 * <p>
 * Book levels keep, next to each fixed-point value, the number of decimals the venue wrote, so the core can
 * re-render the exact strings the venue's CRC32 checksum was computed over ({@code "0.5000"} is not {@code "0.5"}).
 */
public final class InboundEvent
{
    /** Most price levels one side of one book event can carry; deeper levels of a snapshot are dropped. */
    public static final int MAX_LEVELS = 400;

    /** Longest client or venue id carried (v2 accepts clientOids up to 50 characters; 64 leaves room). */
    public static final int MAX_ID_LENGTH = 64;

    // -- header
    public EventType type = EventType.NONE;
    /** Monotonic receive stamp (ns): the core's notion of "now". */
    public long timestampNanos;
    /** Monotonic stamp (ns) when the producer published the slot. */
    public long publishNanos;
    /** Monotonic stamp (ns) when the core thread took the slot; set by the engine's handler, never read by the core. */
    public long consumeNanos;
    /** Venue wall-clock time (epoch ms), 0 when absent. */
    public long venueTimeMs;
    /** Index into the instrument table, -1 when not instrument specific. */
    public int instrumentId = -1;

    // -- book
    public long seq;
    public int checksum;
    public boolean checksumPresent;
    /** Number of levels dropped because a side had more than {@link #MAX_LEVELS}. */
    public int truncatedLevels;
    public int bidCount;
    public int askCount;
    public final long[] bidPrices = new long[MAX_LEVELS];
    public final long[] bidSizes = new long[MAX_LEVELS];
    public final byte[] bidPriceDecimals = new byte[MAX_LEVELS];
    public final byte[] bidSizeDecimals = new byte[MAX_LEVELS];
    public final long[] askPrices = new long[MAX_LEVELS];
    public final long[] askSizes = new long[MAX_LEVELS];
    public final byte[] askPriceDecimals = new byte[MAX_LEVELS];
    public final byte[] askSizeDecimals = new byte[MAX_LEVELS];

    // -- orders, fills, acks, trades
    public final byte[] clientOid = new byte[MAX_ID_LENGTH];
    public int clientOidLength;
    public final byte[] newClientOid = new byte[MAX_ID_LENGTH];
    public int newClientOidLength;
    /** Venue order id (Bitget's are decimal and fit a long), 0 when unknown. */
    public long orderId;
    public long tradeId;
    public Side side = Side.BUY;
    public long price;
    public long size;
    public long cumulativeFilledSize;
    public long averagePrice;
    public VenueOrderStatus venueStatus = VenueOrderStatus.UNKNOWN;
    public CancelReason cancelReason = CancelReason.NONE;
    public TimeInForce timeInForce = TimeInForce.GTC;
    public boolean maker;
    /**
     * {@link #feeAssetId} of a fee paid in an asset outside the instrument table (Bitget's BGB deduction): it touches
     * neither traded coin.
     */
    public static final int FEE_ASSET_OTHER = -2;

    /**
     * Fee paid, in amount units of {@link #feeAssetId}; positive means paid, negative means a rebate received (the
     * opposite of Bitget's sign with {@code deduction:"no"}; the decoders flip it).
     */
    public long fee;
    /** Asset of {@link #fee}; -1 when the fill carries no fee (the instrument's rate applies); {@link #FEE_ASSET_OTHER}. */
    public int feeAssetId = -1;
    public CommandType commandType = CommandType.NONE;
    /** Bitget error code as a number ({@code "43118"} is 43118, {@code "429"} is 429), 0 when none. */
    public int rejectCode;

    // -- perpetuals
    /**
     * Signed amount in quote {@link io.bitmm.core.instrument.Amounts} units: a {@link EventType#FUNDING} payment
     * (positive received), a {@link EventType#POSITION_SNAPSHOT}'s unrealized PnL.
     */
    public long amount;

    // -- balances
    public int assetId = -1;
    public long available;
    public long frozen;

    // -- stream state
    public boolean flag;

    /**
     * Clear the fields a producer may leave unset. Book level arrays are not cleared: the counts bound them.
     */
    public void reset()
    {
        type = EventType.NONE;
        timestampNanos = 0;
        publishNanos = 0;
        consumeNanos = 0;
        venueTimeMs = 0;
        instrumentId = -1;
        seq = 0;
        checksum = 0;
        checksumPresent = false;
        truncatedLevels = 0;
        bidCount = 0;
        askCount = 0;
        clientOidLength = 0;
        newClientOidLength = 0;
        orderId = 0;
        tradeId = 0;
        side = Side.BUY;
        price = 0;
        size = 0;
        cumulativeFilledSize = 0;
        averagePrice = 0;
        venueStatus = VenueOrderStatus.UNKNOWN;
        cancelReason = CancelReason.NONE;
        timeInForce = TimeInForce.GTC;
        maker = false;
        fee = 0;
        feeAssetId = -1;
        commandType = CommandType.NONE;
        rejectCode = 0;
        amount = 0;
        assetId = -1;
        available = 0;
        frozen = 0;
        flag = false;
    }

    /**
     * Set {@link #clientOid} from ASCII bytes.
     *
     * @param src    bytes holding the id.
     * @param offset where it starts.
     * @param length its length; at most {@link #MAX_ID_LENGTH}.
     * @return false, leaving the id empty, when it is longer than {@link #MAX_ID_LENGTH}.
     */
    public boolean clientOid(final byte[] src, final int offset, final int length)
    {
        if (length > MAX_ID_LENGTH)
        {
            clientOidLength = 0;
            return false;
        }
        System.arraycopy(src, offset, clientOid, 0, length);
        clientOidLength = length;
        return true;
    }

    /**
     * Set {@link #newClientOid} from ASCII bytes.
     *
     * @param src    bytes holding the id.
     * @param offset where it starts.
     * @param length its length; at most {@link #MAX_ID_LENGTH}.
     * @return false, leaving the id empty, when it is longer than {@link #MAX_ID_LENGTH}.
     */
    public boolean newClientOid(final byte[] src, final int offset, final int length)
    {
        if (length > MAX_ID_LENGTH)
        {
            newClientOidLength = 0;
            return false;
        }
        System.arraycopy(src, offset, newClientOid, 0, length);
        newClientOidLength = length;
        return true;
    }

    /**
     * Copy every meaningful field of another event into this one (used by tests, the journal's reader and replay).
     *
     * @param src the event to copy.
     */
    public void copyFrom(final InboundEvent src)
    {
        type = src.type;
        timestampNanos = src.timestampNanos;
        publishNanos = src.publishNanos;
        consumeNanos = src.consumeNanos;
        venueTimeMs = src.venueTimeMs;
        instrumentId = src.instrumentId;
        seq = src.seq;
        checksum = src.checksum;
        checksumPresent = src.checksumPresent;
        truncatedLevels = src.truncatedLevels;
        bidCount = src.bidCount;
        askCount = src.askCount;
        System.arraycopy(src.bidPrices, 0, bidPrices, 0, src.bidCount);
        System.arraycopy(src.bidSizes, 0, bidSizes, 0, src.bidCount);
        System.arraycopy(src.bidPriceDecimals, 0, bidPriceDecimals, 0, src.bidCount);
        System.arraycopy(src.bidSizeDecimals, 0, bidSizeDecimals, 0, src.bidCount);
        System.arraycopy(src.askPrices, 0, askPrices, 0, src.askCount);
        System.arraycopy(src.askSizes, 0, askSizes, 0, src.askCount);
        System.arraycopy(src.askPriceDecimals, 0, askPriceDecimals, 0, src.askCount);
        System.arraycopy(src.askSizeDecimals, 0, askSizeDecimals, 0, src.askCount);
        clientOid(src.clientOid, 0, src.clientOidLength);
        newClientOid(src.newClientOid, 0, src.newClientOidLength);
        orderId = src.orderId;
        tradeId = src.tradeId;
        side = src.side;
        price = src.price;
        size = src.size;
        cumulativeFilledSize = src.cumulativeFilledSize;
        averagePrice = src.averagePrice;
        venueStatus = src.venueStatus;
        cancelReason = src.cancelReason;
        timeInForce = src.timeInForce;
        maker = src.maker;
        fee = src.fee;
        feeAssetId = src.feeAssetId;
        commandType = src.commandType;
        rejectCode = src.rejectCode;
        amount = src.amount;
        assetId = src.assetId;
        available = src.available;
        frozen = src.frozen;
        flag = src.flag;
    }
}
