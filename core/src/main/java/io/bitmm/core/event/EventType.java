package io.bitmm.core.event;

/**
 * What an {@link InboundEvent} holds; says which of its fields are meaningful.
 */
public enum EventType
{
    /** Empty slot, or a slot a producer claimed but could not fill: the core ignores it. */
    NONE,
    /**
     * Full book ({@code books} snapshot, or a {@code books1/5/15} push): replaces the book. Levels, {@code seq},
     * {@code checksum}.
     */
    BOOK_SNAPSHOT,
    /** {@code books} update: levels to set (size 0 deletes), {@code seq}, {@code checksum}. */
    BOOK_UPDATE,
    /**
     * The market-data gateway lost the book stream (disconnect, undecodable frame, resubscribe in progress):
     * the book is invalid until the next snapshot.
     */
    BOOK_RESET,
    /** A public trade: {@code price}, {@code size}, {@code side} (taker side), {@code tradeId}. */
    TRADE,
    /**
     * A private {@code orders} push, or the answer to an order query: {@code clientOid}, {@code orderId},
     * {@code side}, {@code price}, {@code size}, {@code cumulativeFilledSize}, {@code venueStatus},
     * {@code cancelReason}.
     */
    ORDER_UPDATE,
    /**
     * One execution of one of our orders ({@code fill} push, or the fill part of an {@code orders} push):
     * {@code clientOid}, {@code orderId}, {@code side}, {@code price}, {@code size}, {@code tradeId},
     * {@code maker}, {@code fee}, {@code feeAssetId}.
     */
    FILL,
    /** An {@code account} push: {@code assetId}, {@code available}, {@code frozen}. */
    BALANCE,
    /** The venue accepted a command: {@code commandType}, {@code clientOid}, {@code orderId}, {@code newClientOid}. */
    COMMAND_ACK,
    /** The venue refused a command: {@code commandType}, {@code clientOid}, {@code rejectCode}. */
    COMMAND_REJECT,
    /**
     * A command's outcome is unknown (timeout, {@code 40010}, {@code 40725}, {@code 45001}, a dropped
     * connection): {@code commandType}, {@code clientOid}. The core resolves it with a query.
     */
    COMMAND_UNKNOWN,
    /** The private stream is up and subscribed ({@code flag} true) or lost ({@code flag} false). */
    PRIVATE_STREAM_STATE,
    /** Periodic tick from the timer thread; its time is {@code timestampNanos}. */
    TIMER,
    /**
     * Operator command: stop quoting and cancel every open order (shutdown, or a manual halt). The core stays in
     * that state; it is an input like any other so that a replay sees it at the same point.
     */
    STOP_QUOTING,
    /**
     * The venue's mark price of a perpetual (v2 {@code ticker} {@code markPrice}, v3 {@code ticker} or
     * {@code position} {@code markPrice}): {@code price}. Unrealized PnL of a perpetual is taken against it.
     */
    MARK_PRICE,
    /**
     * A funding settlement of a perpetual's position: {@code amount} in quote {@link
     * io.bitmm.core.instrument.Amounts} units, positive received, negative paid (Bitget's sign); {@code assetId} the
     * margin coin (-1 unknown); {@code price} the mark price it was settled at (0 unknown); {@code size} the signed
     * position it was settled on (0 unknown); {@code tradeId} the venue's settlement or bill id (0 unknown).
     */
    FUNDING,
    /**
     * The venue's view of a perpetual's position (v2 {@code positions}, v3 {@code position}, or a REST position
     * query), for reconciliation: {@code size} signed contracts in size units (long positive; 0 flat: a closed
     * position), {@code averagePrice} the entry price, {@code price} the mark price (0 unknown), {@code amount} the
     * venue's unrealized PnL (quote amount units). One event per symbol; the core records it and counts a mismatch
     * with its own position, it does not adopt it. With {@code flag} set it is the start reconciliation's (the app
     * publishes it before any venue event): the core takes it as its start position, entry price as cost basis;
     * after a fill such an event is a bad event and changes nothing.
     */
    POSITION_SNAPSHOT
}
