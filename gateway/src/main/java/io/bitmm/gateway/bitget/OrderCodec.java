package io.bitmm.gateway.bitget;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.order.OrderRequest;

/**
 * A dialect's order encoder: which endpoint each command goes to, and the path, query and body of the request,
 * signed (allocation-free: every byte goes into the {@link OrderRequest}'s preallocated arrays).
 */
public interface OrderCodec
{
    /**
     * @param type a command type.
     * @return the endpoint a single command of this type is sent to, or null when it is not a REST command.
     */
    Endpoint endpointOf(CommandType type);

    /**
     * @param type PLACE or CANCEL.
     * @return the batch endpoint for a run of such commands, or null when the dialect has none.
     */
    Endpoint batchEndpointOf(CommandType type);

    /**
     * @return most orders in one batch request (v2: 50, v3: 20).
     */
    int maxBatch();

    /**
     * Encode a single command (PLACE, CANCEL, REPLACE, CANCEL_ALL, QUERY_ORDER) and sign it.
     *
     * @param r           the request to fill.
     * @param command     the command.
     * @param instrument  its instrument.
     * @param timestampMs the signing timestamp (venue-synchronised epoch ms).
     * @return false when the command type is not a REST command.
     */
    boolean encode(OrderRequest r, OutboundCommand command, Instrument instrument, long timestampMs);

    /**
     * Encode PLACEs as one batch request and sign it.
     *
     * @param r           the request.
     * @param commands    array holding the commands (used modulo its length).
     * @param first       index of the first.
     * @param count       how many (2..{@link #maxBatch()}).
     * @param instrument  their common instrument.
     * @param timestampMs the signing timestamp.
     */
    void encodeBatchPlace(OrderRequest r, OutboundCommand[] commands, long first, int count, Instrument instrument,
        long timestampMs);

    /**
     * Encode CANCELs (by clientOid) as one batch request and sign it.
     *
     * @param r           the request.
     * @param commands    array holding the commands (used modulo its length).
     * @param first       index of the first.
     * @param count       how many (2..{@link #maxBatch()}).
     * @param instrument  their common instrument.
     * @param timestampMs the signing timestamp.
     */
    void encodeBatchCancel(OrderRequest r, OutboundCommand[] commands, long first, int count, Instrument instrument,
        long timestampMs);

    /**
     * Encode the unsigned server-time request (keep-alive and clock sync).
     *
     * @param r the request.
     */
    void encodeTime(OrderRequest r);

    /**
     * Sign an encoded request again with a new timestamp (after the venue refused the old one).
     *
     * @param r           an encoded request.
     * @param timestampMs the new signing timestamp.
     */
    void resign(OrderRequest r, long timestampMs);
}
