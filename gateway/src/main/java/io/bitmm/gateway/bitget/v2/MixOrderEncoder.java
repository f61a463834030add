package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.DecimalFormatter;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.order.OrderRequest;

import java.nio.charset.StandardCharsets;

import static io.bitmm.gateway.bitget.v2.SpotOrderEncoder.append;
import static io.bitmm.gateway.bitget.v2.SpotOrderEncoder.appendLong;

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
 */
public final class MixOrderEncoder implements OrderCodec
{
    /** Most orders in one v2 mix batch. */
    public static final int MAX_BATCH = 50;
    private static final MixEndpoints ENDPOINTS = MixEndpoints.INSTANCE;

    private static final byte[] SYMBOL = ascii("{\"symbol\":\"");
    private static final byte[] PRODUCT = ascii("\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT");
    private static final byte[] MARGIN_MODE = ascii("\",\"marginMode\":\"");
    private static final byte[] SIDE_BUY = ascii("\",\"side\":\"buy\"");
    private static final byte[] SIDE_SELL = ascii("\",\"side\":\"sell\"");
    private static final byte[] ITEM_SIDE_BUY = ascii("{\"side\":\"buy\"");
    private static final byte[] ITEM_SIDE_SELL = ascii("{\"side\":\"sell\"");
    private static final byte[] ORDER_TYPE_LIMIT = ascii(",\"orderType\":\"limit\",\"force\":\"");
    private static final byte[] GTC = ascii("gtc");
    private static final byte[] POST_ONLY = ascii("post_only");
    private static final byte[] IOC = ascii("ioc");
    private static final byte[] FOK = ascii("fok");
    private static final byte[] PRICE = ascii("\",\"price\":\"");
    private static final byte[] SIZE = ascii("\",\"size\":\"");
    private static final byte[] NEW_PRICE = ascii("\",\"newPrice\":\"");
    private static final byte[] NEW_SIZE = ascii("\",\"newSize\":\"");
    private static final byte[] CLIENT_OID = ascii("\",\"clientOid\":\"");
    private static final byte[] NEW_CLIENT_OID = ascii("\",\"newClientOid\":\"");
    private static final byte[] ORDER_ID = ascii("\",\"orderId\":\"");
    private static final byte[] REDUCE_ONLY_YES = ascii("\",\"reduceOnly\":\"YES");
    private static final byte[] REDUCE_ONLY_NO = ascii("\",\"reduceOnly\":\"NO");
    private static final byte[] END = ascii("\"}");
    private static final byte[] ORDER_LIST = ascii("\",\"orderList\":[");
    private static final byte[] ORDER_ID_LIST = ascii("\",\"orderIdList\":[");
    private static final byte[] ITEM_CLIENT_OID = ascii("{\"clientOid\":\"");
    private static final byte[] ITEM_END = ascii("\"}");
    private static final byte[] LIST_END = ascii("]}");
    private static final byte[] QUERY_CLIENT_OID = ascii("?clientOid=");
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

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
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
                r.bodyLength = append(r.body, r.bodyLength, MARGIN_MODE);
                r.bodyLength = append(r.body, r.bodyLength, marginMode);
                r.bodyLength = append(r.body, r.bodyLength, command.side == Side.SELL ? SIDE_SELL : SIDE_BUY);
                orderFields(r, command, instrument);
                break;
            case CANCEL:
                start(r, Endpoint.CANCEL_ORDER, instrument);
                target(r, command);
                break;
            case REPLACE:
                start(r, Endpoint.MODIFY_ORDER, instrument);
                target(r, command);
                r.bodyLength = append(r.body, r.bodyLength, NEW_CLIENT_OID);
                r.bodyLength = append(r.body, r.bodyLength, command.newClientOid, command.newClientOidLength);
                r.bodyLength = append(r.body, r.bodyLength, NEW_PRICE);
                r.bodyLength += DecimalFormatter.format(command.price, instrument.priceScale(), r.body, r.bodyLength);
                r.bodyLength = append(r.body, r.bodyLength, NEW_SIZE);
                r.bodyLength += DecimalFormatter.format(command.size, instrument.sizeScale(), r.body, r.bodyLength);
                System.arraycopy(command.newClientOid, 0, r.newClientOid, 0, command.newClientOidLength);
                r.newClientOidLength = command.newClientOidLength;
                break;
            case CANCEL_ALL:
                start(r, Endpoint.CANCEL_SYMBOL_ORDER, instrument);
                break;
            case QUERY_ORDER:
                query(r, command, instrument);
                sign(r, timestampMs);
                return true;
            default:
                return false;
        }
        r.bodyLength = append(r.body, r.bodyLength, END);
        sign(r, timestampMs);
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
        r.bodyLength = append(r.body, r.bodyLength, MARGIN_MODE);
        r.bodyLength = append(r.body, r.bodyLength, marginMode);
        r.bodyLength = append(r.body, r.bodyLength, ORDER_LIST);
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            r.addClientOid(c.clientOid, c.clientOidLength);
            if (i > 0)
            {
                r.body[r.bodyLength++] = ',';
            }
            r.bodyLength = append(r.body, r.bodyLength, c.side == Side.SELL ? ITEM_SIDE_SELL : ITEM_SIDE_BUY);
            orderFields(r, c, instrument);
            r.bodyLength = append(r.body, r.bodyLength, ITEM_END);
        }
        r.bodyLength = append(r.body, r.bodyLength, LIST_END);
        sign(r, timestampMs);
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
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            r.addClientOid(c.clientOid, c.clientOidLength);
            if (i > 0)
            {
                r.body[r.bodyLength++] = ',';
            }
            r.bodyLength = append(r.body, r.bodyLength, ITEM_CLIENT_OID);
            r.bodyLength = append(r.body, r.bodyLength, c.clientOid, c.clientOidLength);
            r.bodyLength = append(r.body, r.bodyLength, ITEM_END);
        }
        r.bodyLength = append(r.body, r.bodyLength, LIST_END);
        sign(r, timestampMs);
    }

    @Override
    public void encodeTime(final OrderRequest r)
    {
        r.endpoint = Endpoint.PUBLIC_TIME;
        r.commandType = CommandType.NONE;
        r.pathLength = append(r.path, 0, ENDPOINTS.path(Endpoint.PUBLIC_TIME));
        r.bodyLength = 0;
        r.signed = false;
    }

    @Override
    public void resign(final OrderRequest r, final long timestampMs)
    {
        sign(r, timestampMs);
    }

    private static void start(final OrderRequest r, final Endpoint endpoint, final Instrument instrument)
    {
        r.endpoint = endpoint;
        r.pathLength = append(r.path, 0, ENDPOINTS.path(endpoint));
        r.bodyLength = append(r.body, 0, SYMBOL);
        r.bodyLength = append(r.body, r.bodyLength, instrument.symbolBytes());
        r.bodyLength = append(r.body, r.bodyLength, PRODUCT);
    }

    private static void orderFields(final OrderRequest r, final OutboundCommand c, final Instrument instrument)
    {
        r.bodyLength = append(r.body, r.bodyLength, ORDER_TYPE_LIMIT);
        r.bodyLength = append(r.body, r.bodyLength, force(c.timeInForce));
        r.bodyLength = append(r.body, r.bodyLength, PRICE);
        r.bodyLength += DecimalFormatter.format(c.price, instrument.priceScale(), r.body, r.bodyLength);
        r.bodyLength = append(r.body, r.bodyLength, SIZE);
        r.bodyLength += DecimalFormatter.format(c.size, instrument.sizeScale(), r.body, r.bodyLength);
        r.bodyLength = append(r.body, r.bodyLength, CLIENT_OID);
        r.bodyLength = append(r.body, r.bodyLength, c.clientOid, c.clientOidLength);
        r.bodyLength = append(r.body, r.bodyLength, c.reduceOnly ? REDUCE_ONLY_YES : REDUCE_ONLY_NO);
    }

    private static byte[] force(final TimeInForce tif)
    {
        switch (tif)
        {
            case POST_ONLY:
                return POST_ONLY;
            case IOC:
                return IOC;
            case FOK:
                return FOK;
            default:
                return GTC;
        }
    }

    private static void target(final OrderRequest r, final OutboundCommand c)
    {
        if (c.orderId != 0)
        {
            r.bodyLength = append(r.body, r.bodyLength, ORDER_ID);
            r.bodyLength = appendLong(r.body, r.bodyLength, c.orderId);
        }
        else
        {
            r.bodyLength = append(r.body, r.bodyLength, CLIENT_OID);
            r.bodyLength = append(r.body, r.bodyLength, c.clientOid, c.clientOidLength);
        }
    }

    private static void query(final OrderRequest r, final OutboundCommand c, final Instrument instrument)
    {
        r.endpoint = Endpoint.ORDER_INFO;
        r.pathLength = append(r.path, 0, ENDPOINTS.path(Endpoint.ORDER_INFO));
        r.pathLength = append(r.path, r.pathLength, QUERY_CLIENT_OID);
        r.pathLength = append(r.path, r.pathLength, c.clientOid, c.clientOidLength);
        r.pathLength = append(r.path, r.pathLength, QUERY_PRODUCT_SYMBOL);
        r.pathLength = append(r.path, r.pathLength, instrument.symbolBytes());
        r.bodyLength = 0;
    }

    private void sign(final OrderRequest r, final long timestampMs)
    {
        r.timestampLength = appendLong(r.timestamp, 0, timestampMs);
        signer.begin();
        signer.update(r.timestamp, 0, r.timestampLength);
        final byte[] method = r.endpoint.methodBytes();
        signer.update(method, 0, method.length);
        signer.update(r.path, 0, r.pathLength);
        signer.update(r.body, 0, r.bodyLength);
        signer.signBase64(r.sign, 0);
        r.signed = true;
    }
}
