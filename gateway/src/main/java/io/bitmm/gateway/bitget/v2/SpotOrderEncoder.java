package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.order.OrderRequest;

import static io.bitmm.gateway.bitget.v2.V2RequestBodies.ascii;
import static io.bitmm.gateway.bitget.RequestBytes.append;

/**
 * Encodes commands into v2 REST requests (path with sorted query, JSON body) and signs them, allocation-free:
 * every byte goes into the {@link OrderRequest}'s preallocated arrays, the HMAC into its signature buffer.
 * <p>
 * Prehash: {@code timestamp + METHOD + path [+ "?" + query] + body}. Prices and sizes are written with the
 * instrument's scale ({@code DecimalFormatter}). What it shares with {@link MixOrderEncoder} is written by
 * {@link V2RequestBodies}.
 */
public final class SpotOrderEncoder implements OrderCodec
{
    /** Most orders in one v2 batch request. */
    public static final int MAX_BATCH = 50;
    private static final SpotEndpoints ENDPOINTS = SpotEndpoints.INSTANCE;

    private static final byte[] PRICE = ascii("\",\"price\":\"");
    private static final byte[] SIZE = ascii("\",\"size\":\"");
    private static final byte[] BATCH_ORDERS = ascii("\",\"batchMode\":\"single\",\"orderList\":[");
    private static final byte[] ORDER_LIST = ascii("\",\"orderList\":[");

    private final HmacSigner signer;

    /**
     * @param signer the signer holding the API secret; null for unsigned (public) requests only.
     */
    public SpotOrderEncoder(final HmacSigner signer)
    {
        this.signer = signer;
    }

    @Override
    public Endpoint endpointOf(final CommandType type)
    {
        switch (type)
        {
            case PLACE:
                return Endpoint.PLACE_ORDER;
            case CANCEL:
                return Endpoint.CANCEL_ORDER;
            case REPLACE:
                return Endpoint.CANCEL_REPLACE_ORDER;
            case CANCEL_ALL:
                return Endpoint.CANCEL_SYMBOL_ORDER;
            case QUERY_ORDER:
                return Endpoint.ORDER_INFO;
            default:
                return null;
        }
    }

    @Override
    public Endpoint batchEndpointOf(final CommandType type)
    {
        return type == CommandType.PLACE ? Endpoint.BATCH_ORDERS : type == CommandType.CANCEL ? Endpoint.BATCH_CANCEL_ORDER : null;
    }

    @Override
    public int maxBatch()
    {
        return MAX_BATCH;
    }

    /**
     * Encode a single command (PLACE, CANCEL, REPLACE = {@code cancel-replace-order}, CANCEL_ALL, QUERY_ORDER) and
     * sign it.
     */
    @Override
    public boolean encode(final OrderRequest r, final OutboundCommand command, final Instrument instrument, final long timestampMs)
    {
        r.commandType = command.type;
        r.instrumentId = command.instrumentId;
        r.addClientOid(command.clientOid, command.clientOidLength);
        switch (command.type)
        {
            case PLACE:
                start(r, Endpoint.PLACE_ORDER, instrument);
                V2RequestBodies.side(r, command.side);
                V2RequestBodies.limitOrder(r, command, instrument);
                break;
            case CANCEL:
                start(r, Endpoint.CANCEL_ORDER, instrument);
                V2RequestBodies.target(r, command);
                break;
            case REPLACE:
                start(r, Endpoint.CANCEL_REPLACE_ORDER, instrument);
                V2RequestBodies.target(r, command);
                V2RequestBodies.decimal(r, PRICE, command.price, instrument.priceScale());
                V2RequestBodies.decimal(r, SIZE, command.size, instrument.sizeScale());
                V2RequestBodies.newClientOid(r, command);
                break;
            case CANCEL_ALL:
                start(r, Endpoint.CANCEL_SYMBOL_ORDER, instrument);
                break;
            case QUERY_ORDER:
                V2RequestBodies.queryByClientOid(r, ENDPOINTS.path(Endpoint.ORDER_INFO), command);
                V2RequestBodies.sign(signer, r, timestampMs);
                return true;
            default:
                return false;
        }
        V2RequestBodies.end(r);
        V2RequestBodies.sign(signer, r, timestampMs);
        return true;
    }

    /**
     * Encode PLACEs as one {@code batch-orders} request and sign it.
     */
    @Override
    public void encodeBatchPlace(
        final OrderRequest r,
        final OutboundCommand[] commands,
        final long first,
        final int count,
        final Instrument instrument,
        final long timestampMs)
    {
        r.commandType = CommandType.PLACE;
        r.instrumentId = instrument.id();
        start(r, Endpoint.BATCH_ORDERS, instrument);
        r.bodyLength = append(r.body, r.bodyLength, BATCH_ORDERS);
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            V2RequestBodies.placeItem(r, c, i);
            V2RequestBodies.limitOrder(r, c, instrument);
            V2RequestBodies.endItem(r);
        }
        V2RequestBodies.endList(r);
        V2RequestBodies.sign(signer, r, timestampMs);
    }

    /**
     * Encode CANCELs as one {@code batch-cancel-order} request (all by clientOid) and sign it.
     */
    @Override
    public void encodeBatchCancel(
        final OrderRequest r,
        final OutboundCommand[] commands,
        final long first,
        final int count,
        final Instrument instrument,
        final long timestampMs)
    {
        r.commandType = CommandType.CANCEL;
        r.instrumentId = instrument.id();
        start(r, Endpoint.BATCH_CANCEL_ORDER, instrument);
        r.bodyLength = append(r.body, r.bodyLength, ORDER_LIST);
        V2RequestBodies.cancelItems(r, commands, first, count);
        V2RequestBodies.sign(signer, r, timestampMs);
    }

    /**
     * Encode the unsigned {@code GET /api/v2/public/time}.
     */
    @Override
    public void encodeTime(final OrderRequest r)
    {
        V2RequestBodies.time(r, ENDPOINTS.path(Endpoint.PUBLIC_TIME));
    }

    /**
     * Sign an encoded request again with a new timestamp (after the venue refused the old one: 40008, 40005).
     */
    @Override
    public void resign(final OrderRequest r, final long timestampMs)
    {
        V2RequestBodies.sign(signer, r, timestampMs);
    }

    private static void start(final OrderRequest r, final Endpoint endpoint, final Instrument instrument)
    {
        V2RequestBodies.start(r, endpoint, ENDPOINTS.path(endpoint), instrument);
    }
}
