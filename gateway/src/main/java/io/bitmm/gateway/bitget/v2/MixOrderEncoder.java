package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.order.OrderRequest;

import static io.bitmm.gateway.bitget.RequestBytes.append;
import static io.bitmm.gateway.bitget.v2.V2RequestBodies.ascii;

/**
 * Encodes commands into classic v2 USDT-M futures ("mix") requests and signs them, allocation-free
 * (bitget-v2-protocol.md §6): every body carries {@code productType:"USDT-FUTURES"} and {@code marginCoin:"USDT"},
 * places and batch places the account's {@code marginMode}; one-way position mode, so {@code side} is the trade
 * direction and {@code reduceOnly} is {@code YES} when the core set {@link OutboundCommand#reduceOnly}.
 * <ul>
 * <li>PLACE: {@code place-order}; batches: {@code batch-place-order} ({@code orderList}, at most 50).</li>
 * <li>CANCEL: {@code cancel-order} by orderId or clientOid; batches: {@code batch-cancel-orders} ({@code orderIdList}
 * of clientOids).</li>
 * <li>REPLACE: {@code modify-order} with {@code newClientOid}, {@code newPrice} and {@code newSize} together (the venue
 * cancels and re-creates: a modified order keeps its reduceOnly).</li>
 * <li>CANCEL_ALL: {@code batch-cancel-orders} with the symbol and no list: every order of the symbol.</li>
 * <li>QUERY_ORDER: {@code GET detail?clientOid=&productType=&symbol=}.</li>
 * </ul>
 * What it shares with {@link SpotOrderEncoder} is written by {@link V2RequestBodies}.
 */
public final class MixOrderEncoder implements OrderCodec
{
    /** Most orders in one v2 mix batch. */
    public static final int MAX_BATCH = 50;
    private static final MixEndpoints ENDPOINTS = MixEndpoints.INSTANCE;

    private static final byte[] PRODUCT = ascii("\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT");
    private static final byte[] MARGIN_MODE = ascii("\",\"marginMode\":\"");
    private static final byte[] NEW_PRICE = ascii("\",\"newPrice\":\"");
    private static final byte[] NEW_SIZE = ascii("\",\"newSize\":\"");
    private static final byte[] REDUCE_ONLY_YES = ascii("\",\"reduceOnly\":\"YES");
    private static final byte[] REDUCE_ONLY_NO = ascii("\",\"reduceOnly\":\"NO");
    private static final byte[] ORDER_LIST = ascii("\",\"orderList\":[");
    private static final byte[] ORDER_ID_LIST = ascii("\",\"orderIdList\":[");
    private static final byte[] QUERY_PRODUCT_SYMBOL = ascii("&productType=USDT-FUTURES&symbol=");

    private final HmacSigner signer;
    private final byte[] marginMode;

    /**
     * @param signer     the signer holding the API secret.
     * @param marginMode {@code crossed} or {@code isolated}: sent on every place.
     */
    public MixOrderEncoder(final HmacSigner signer, final String marginMode)
    {
        this.signer = signer;
        this.marginMode = ascii(marginMode);
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
                return Endpoint.MODIFY_ORDER;
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
                marginMode(r);
                V2RequestBodies.side(r, command.side);
                orderFields(r, command, instrument);
                break;
            case CANCEL:
                start(r, Endpoint.CANCEL_ORDER, instrument);
                V2RequestBodies.target(r, command);
                break;
            case REPLACE:
                start(r, Endpoint.MODIFY_ORDER, instrument);
                V2RequestBodies.target(r, command);
                V2RequestBodies.newClientOid(r, command);
                V2RequestBodies.decimal(r, NEW_PRICE, command.price, instrument.priceScale());
                V2RequestBodies.decimal(r, NEW_SIZE, command.size, instrument.sizeScale());
                break;
            case CANCEL_ALL:
                start(r, Endpoint.CANCEL_SYMBOL_ORDER, instrument);
                break;
            case QUERY_ORDER:
                V2RequestBodies.queryByClientOid(r, ENDPOINTS.path(Endpoint.ORDER_INFO), command);
                r.pathLength = append(r.path, r.pathLength, QUERY_PRODUCT_SYMBOL);
                r.pathLength = append(r.path, r.pathLength, instrument.symbolBytes());
                V2RequestBodies.sign(signer, r, timestampMs);
                return true;
            default:
                return false;
        }
        V2RequestBodies.end(r);
        V2RequestBodies.sign(signer, r, timestampMs);
        return true;
    }

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
        marginMode(r);
        r.bodyLength = append(r.body, r.bodyLength, ORDER_LIST);
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            V2RequestBodies.placeItem(r, c, i);
            orderFields(r, c, instrument);
            V2RequestBodies.endItem(r);
        }
        V2RequestBodies.endList(r);
        V2RequestBodies.sign(signer, r, timestampMs);
    }

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
        r.bodyLength = append(r.body, r.bodyLength, ORDER_ID_LIST);
        V2RequestBodies.cancelItems(r, commands, first, count);
        V2RequestBodies.sign(signer, r, timestampMs);
    }

    @Override
    public void encodeTime(final OrderRequest r)
    {
        V2RequestBodies.time(r, ENDPOINTS.path(Endpoint.PUBLIC_TIME));
    }

    @Override
    public void resign(final OrderRequest r, final long timestampMs)
    {
        V2RequestBodies.sign(signer, r, timestampMs);
    }

    /** The symbol, then every mix body's {@code productType} and {@code marginCoin}. */
    private static void start(final OrderRequest r, final Endpoint endpoint, final Instrument instrument)
    {
        V2RequestBodies.start(r, endpoint, ENDPOINTS.path(endpoint), instrument);
        r.bodyLength = append(r.body, r.bodyLength, PRODUCT);
    }

    private void marginMode(final OrderRequest r)
    {
        r.bodyLength = append(r.body, r.bodyLength, MARGIN_MODE);
        r.bodyLength = append(r.body, r.bodyLength, marginMode);
    }

    private static void orderFields(final OrderRequest r, final OutboundCommand c, final Instrument instrument)
    {
        V2RequestBodies.limitOrder(r, c, instrument);
        r.bodyLength = append(r.body, r.bodyLength, c.reduceOnly ? REDUCE_ONLY_YES : REDUCE_ONLY_NO);
    }
}
