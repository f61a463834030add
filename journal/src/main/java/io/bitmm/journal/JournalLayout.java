package io.bitmm.journal;

/**
 * The binary layout of a journal entry: one Chronicle Queue document per entry, written with
 * {@code writingDocument()} straight into the queue's mapped bytes (no Wire text, no marshallable objects).
 * Integers marked {@code sb} are Chronicle stop-bit encoded (7 bits a byte, 1 byte for small values, negative
 * values supported); {@code i64} are little-endian 8-byte longs; {@code u8} one byte.
 * <pre>
 *  every entry
 *  +--------+---------------------+-------------------+--------------------------------------------
 *  | kind   | ring sequence (sb)  | journal ns (i64)  | body (by kind) ...
 *  | u8     | -1 for the header   | System.nanoTime() |
 *  +--------+---------------------+-------------------+--------------------------------------------
 *  kind 'H' (first entry of a journal): body = header
 *  +---------+-------------------+-----------------+-----------------+----------------------------+
 *  | version | runEpochMs (i64)  | anchor ms (i64) | anchor ns (i64) | engine version (utf8)      |
 *  | u8      |                   | wall clock      | nanoTime, same  |                            |
 *  +---------+-------------------+-----------------+-----------------+----------------------------+
 *  | n settings (sb) | n x (key utf8, value utf8): the effective configuration, defaults included     |
 *  +-----------------+-----------------------------------------------------------------------------+
 *  | n assets (sb) | n x name utf8 | n instruments (sb) | n x instrument (see below)                 |
 *  +---------------+---------------+--------------------+--------------------------------------------+
 *  instrument: symbol utf8, kind u8 (InstrumentKind), baseAssetId sb, quoteAssetId sb, priceScale sb, tickUnits sb,
 *              sizeScale sb, stepUnits sb, minSizeUnits sb, minNotionalAmount sb, buyLimitPriceRatioPpm sb,
 *              sellLimitPriceRatioPpm sb, makerFeePpm sb, takerFeePpm sb, maxOpenOrders sb, contractSizeAmount sb
 *
 *  kind 'E' (inbound event; ring sequence = inbound ring sequence): body =
 *  +------+----------------+--------------+------------+------------+-------+--------+-------+---------+
 *  | type | timestamp ns   | publish ns   | venue ms   | instrument | flags | seq    | csum  | trunc   |
 *  | u8   | i64            | i64          | sb         | sb         | u8    | sb     | sb    | sb      |
 *  +------+----------------+--------------+------------+------------+-------+--------+-------+---------+
 *  | clientOid (len u8, bytes) | newClientOid (len u8, bytes) | orderId sb | tradeId sb | side u8 |
 *  | price sb | size sb | cumFilled sb | avgPrice sb | venueStatus u8 | cancelReason u8 | tif u8 |
 *  | fee sb | feeAssetId sb | commandType u8 | rejectCode sb | assetId sb | available sb | frozen sb |
 *  | amount sb (funding, venue unrealized PnL) |
 *  | bidCount sb | askCount sb | (bidCount + askCount) x (price sb, size sb, priceDecimals u8, sizeDecimals u8) |
 *  flags: bit0 checksumPresent, bit1 maker, bit2 flag
 *
 *  Since version 2, book and timer events are written compact: the type byte has bit 7 set
 *  ({@link #TYPE_COMPACT}) and the body holds only what the event carries (a reader resets every other field):
 *  BOOK_SNAPSHOT, BOOK_UPDATE: the event's changed levels only
 *  +------+--------------+------------+----------+------------+-------+-----+------+-------+----------+----------+
 *  | type | timestamp ns | publish ns | venue ms | instrument | flags | seq | csum | trunc | bidCount | askCount |
 *  | u8   | i64          | i64        | sb       | sb         | u8    | sb  | sb   | sb    | sb       | sb       |
 *  +------+--------------+------------+----------+------------+-------+-----+------+-------+----------+----------+
 *  | (bidCount + askCount) x (price sb, size sb, priceDecimals u8, sizeDecimals u8) |
 *  TIMER: | type u8 | timestamp ns i64 | publish ns i64 | instrument sb |
 *  Other event types keep the full body above.
 *
 *  kind 'C' (outbound command; ring sequence = outbound ring sequence): body =
 *  +------+------------+---------------+------------------+----------+------+-------+------+-----+
 *  | type | instrument | clientOid     | newClientOid     | orderId  | side | price | size | tif |
 *  | u8   | sb         | len u8, bytes | len u8, bytes    | sb       | u8   | sb    | sb   | u8  |
 *  +------+------------+---------------+------------------+----------+------+-------+------+-----+
 *  | reduceOnly u8 | trigger ns (i64) | commandSequence sb |
 *  +---------------+------------------+--------------------+
 *  journal ns: one System.nanoTime() per journal duty cycle (version 2; version 1: per entry)
 * </pre>
 * Wall time of any stamp is {@code anchor ms + (stamp - anchor ns) / 1e6}: the journal thread never reads the
 * wall clock per entry.
 */
public final class JournalLayout
{
    /**
     * Layout version written in the header. 2: compact book and timer events; perpetuals (event amount, command
     * reduceOnly, instrument kind and contract size in the header).
     */
    public static final byte VERSION = 2;
    /**
     * The oldest layout version this build reads: version 1's full bodies lack the event amount and the command's
     * reduceOnly, so a version-1 journal is refused with its version named (replay it with the build that wrote it).
     */
    public static final byte OLDEST_READABLE_VERSION = 2;
    /** Bit 7 of an event's type byte: a compact body (version 2). */
    static final int TYPE_COMPACT = 0x80;
    /** Entry kind: the header. */
    public static final byte KIND_HEADER = 'H';
    /** Entry kind: an inbound event. */
    public static final byte KIND_EVENT = 'E';
    /** Entry kind: an outbound command. */
    public static final byte KIND_COMMAND = 'C';

    static final int FLAG_CHECKSUM_PRESENT = 1;
    static final int FLAG_MAKER = 2;
    static final int FLAG_FLAG = 4;

    private JournalLayout()
    {
    }
}
