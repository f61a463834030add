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
    FETCH_FILLS,
    /**
     * The core's fitted quoting model of the instrument, for the journal only (no venue sees it; gateways and the
     * paper venue ignore it), at most once a second once a fit is ready, so that replay reproduces it:
     * {@code price} the mid's volatility in 10^-6 bp per square root of a second, {@code size} the order-arrival
     * intensity A in 10^-6 per second, {@code orderId} its decay k in 10^-6 per bp; 0 where that fit is not ready.
     */
    MODEL_FIT,
    /**
     * Never sent: the {@code commandType} of the FILL events of the stop's sweep, which fetches every fill of the run
     * from the venue's fill history once the quotes are down. The core books those it has not seen (counted in
     * {@code recoveredFills}) and counts the others in {@code fillsSweptKnown}, not as duplicates.
     */
    SWEEP_FILLS
}
