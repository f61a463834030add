package io.bitmm.core.event;

/**
 * What an {@link OutboundCommand} asks for.
 */
public enum CommandType
{
    NONE,
    /** Place one order: {@code clientOid}, {@code side}, {@code price}, {@code size}, {@code timeInForce}. */
    PLACE,
    /** Cancel one order by {@code clientOid} (and {@code orderId} when known). */
    CANCEL,
    /**
     * Cancel-replace one order: cancel {@code clientOid}/{@code orderId}, place {@code newClientOid} at
     * {@code price}/{@code size}. Not atomic at the venue.
     */
    REPLACE,
    /** Cancel every order of the instrument ({@code cancel-symbol-order}); asynchronous at the venue. */
    CANCEL_ALL,
    /** Query one order by {@code clientOid} to resolve an unknown outcome; the answer is an ORDER_UPDATE. */
    QUERY_ORDER,
    /** Resubscribe the instrument's book stream for a fresh snapshot (checksum mismatch, gap, crossed book). */
    RESYNC_BOOK,
    /**
     * Fetch the fills of one order ({@code clientOid}, {@code orderId}) from the venue ({@code spot/trade/fills}):
     * sent when a query answer reports more filled than the fills the core has seen. The answer is FILL events
     * whose {@code commandType} is FETCH_FILLS; the core deduplicates them by {@code tradeId}.
     */
    FETCH_FILLS
}
