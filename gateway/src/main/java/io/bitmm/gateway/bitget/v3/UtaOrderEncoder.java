package io.bitmm.gateway.bitget.v3;

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

import static io.bitmm.gateway.bitget.RequestBytes.append;

/**
 * Encodes commands into UTA v3 REST requests and signs them, allocation-free (bitget-v3-uta-protocol.md §5):
 * <pre>
 * PLACE        POST /api/v3/trade/place-order     {"category":"SPOT","symbol":..,"side":"buy","orderType":"limit",
 *                                                  "timeInForce":"post_only","price":..,"qty":..,"clientOid":..}
 * PLACE x n    POST /api/v3/trade/place-batch     [ place objects ] (top-level array, at most 20)
 * CANCEL       POST /api/v3/trade/cancel-order    {"category":..,"symbol":..,"orderId":..} (or "clientOid")
 * CANCEL x n   POST /api/v3/trade/cancel-batch    [ {"category":..,"symbol":..,"clientOid":..} ] (at most 20)
 * REPLACE      POST /api/v3/trade/modify-order    {"category":..,"symbol":..,"orderId":..|"clientOid":..,
 *                                                  "price":..,"qty":..}: in place, same orderId and clientOid;
 *                                                  qty is the new TOTAL quantity (the core sends filled + remaining)
 * CANCEL_ALL   POST /api/v3/trade/cancel-symbol-order {"category":..,"symbol":..}
 * QUERY_ORDER  GET  /api/v3/trade/order-info?clientOid=..
 * </pre>
 * Prehash and headers as v2 ({@code timestamp + METHOD + path [+ "?" + query] + body}); prices and sizes with the
 * instrument's scale. {@code category} is {@code SPOT} or, for a perpetual, {@code USDT-FUTURES}; a perpetual's place
 * in one-way hold mode names no {@code posSide} and adds {@code "reduceOnly":"yes"} when the command is reduce-only
 * (an in-place modify keeps the flag; the core cancels and re-places to switch it).
 */
public final class UtaOrderEncoder implements OrderCodec
{
    /** Most orders in one v3 batch request (§5.2, §5.4). */
    public static final int MAX_BATCH = 20;
    private static final UtaEndpoints ENDPOINTS = UtaEndpoints.INSTANCE;

    private static final byte[] CATEGORY_SPOT = ascii("{\"category\":\"SPOT\",\"symbol\":\"");
    private static final byte[] CATEGORY_FUTURES = ascii("{\"category\":\"USDT-FUTURES\",\"symbol\":\"");
    private static final byte[] REDUCE_ONLY = ascii("\",\"reduceOnly\":\"yes");
    private static final byte[] SIDE_BUY = ascii("\",\"side\":\"buy\"");
    private static final byte[] SIDE_SELL = ascii("\",\"side\":\"sell\"");
    private static final byte[] ORDER_TYPE_LIMIT = ascii(",\"orderType\":\"limit\",\"timeInForce\":\"");
    private static final byte[] GTC = ascii("gtc");
    private static final byte[] POST_ONLY = ascii("post_only");
    private static final byte[] IOC = ascii("ioc");
    private static final byte[] FOK = ascii("fok");
    private static final byte[] PRICE = ascii("\",\"price\":\"");
    private static final byte[] QTY = ascii("\",\"qty\":\"");
    private static final byte[] CLIENT_OID = ascii("\",\"clientOid\":\"");
    private static final byte[] ORDER_ID = ascii("\",\"orderId\":\"");
    private static final byte[] END = ascii("\"}");
    private static final byte[] QUERY_CLIENT_OID = ascii("?clientOid=");

    private final HmacSigner signer;

    /**
     * @param signer the signer holding the API secret.
     */
    public UtaOrderEncoder(final HmacSigner signer)
    {
        this.signer = signer;
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
                start(r, Endpoint.PLACE_ORDER);
                r.bodyLength = placeObject(r.body, 0, command, instrument);
                break;
            case CANCEL:
                start(r, Endpoint.CANCEL_ORDER);
                r.bodyLength = target(r.body, head(r.body, 0, instrument), command);
                r.bodyLength = append(r.body, r.bodyLength, END);
                break;
            case REPLACE:
                start(r, Endpoint.MODIFY_ORDER);
                r.bodyLength = target(r.body, head(r.body, 0, instrument), command);
                r.bodyLength = append(r.body, r.bodyLength, PRICE);
                r.bodyLength += DecimalFormatter.format(command.price, instrument.priceScale(), r.body, r.bodyLength);
                r.bodyLength = append(r.body, r.bodyLength, QTY);
                r.bodyLength += DecimalFormatter.format(command.size, instrument.sizeScale(), r.body, r.bodyLength);
                r.bodyLength = append(r.body, r.bodyLength, END);
                System.arraycopy(command.newClientOid, 0, r.newClientOid, 0, command.newClientOidLength);
                r.newClientOidLength = command.newClientOidLength;
                break;
            case CANCEL_ALL:
                start(r, Endpoint.CANCEL_SYMBOL_ORDER);
                r.bodyLength = head(r.body, 0, instrument);
                r.bodyLength = append(r.body, r.bodyLength, END);
                break;
            case QUERY_ORDER:
                r.endpoint = Endpoint.ORDER_INFO;
                r.pathLength = append(r.path, 0, ENDPOINTS.path(Endpoint.ORDER_INFO));
                r.pathLength = append(r.path, r.pathLength, QUERY_CLIENT_OID);
                r.pathLength = append(r.path, r.pathLength, command.clientOid, command.clientOidLength);
                r.bodyLength = 0;
                break;
            default:
                return false;
        }
        sign(r, timestampMs);
        return true;
    }

    @Override
    public void encodeBatchPlace(final OrderRequest r, final OutboundCommand[] commands, final long first, final int count,
        final Instrument instrument, final long timestampMs)
    {
        r.commandType = CommandType.PLACE;
        r.instrumentId = instrument.id();
        start(r, Endpoint.BATCH_ORDERS);
        int n = 0;
        r.body[n++] = '[';
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            r.addClientOid(c.clientOid, c.clientOidLength);
            if (i > 0)
            {
                r.body[n++] = ',';
            }
            n = placeObject(r.body, n, c, instrument);
        }
        r.body[n++] = ']';
        r.bodyLength = n;
        sign(r, timestampMs);
    }

    @Override
    public void encodeBatchCancel(final OrderRequest r, final OutboundCommand[] commands, final long first, final int count,
        final Instrument instrument, final long timestampMs)
    {
        r.commandType = CommandType.CANCEL;
        r.instrumentId = instrument.id();
        start(r, Endpoint.BATCH_CANCEL_ORDER);
        int n = 0;
        r.body[n++] = '[';
        for (int i = 0; i < count; i++)
        {
            final OutboundCommand c = commands[(int)((first + i) % commands.length)];
            r.addClientOid(c.clientOid, c.clientOidLength);
            if (i > 0)
            {
                r.body[n++] = ',';
            }
            // one kind of id per batch (§9): always the clientOid, which every command has
            n = head(r.body, n, instrument);
            n = append(r.body, n, CLIENT_OID);
            n = append(r.body, n, c.clientOid, c.clientOidLength);
            n = append(r.body, n, END);
        }
        r.body[n++] = ']';
        r.bodyLength = n;
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

    private static void start(final OrderRequest r, final Endpoint endpoint)
    {
        r.endpoint = endpoint;
        r.pathLength = append(r.path, 0, ENDPOINTS.path(endpoint));
    }

    /**
     * {@code {"category":"SPOT","symbol":"BTCUSDT} (the symbol's closing quote is the next constant's); a perpetual's
     * category is {@code USDT-FUTURES}.
     */
    private static int head(final byte[] body, final int offset, final Instrument instrument)
    {
        final int n = append(body, offset, instrument.isPerpetual() ? CATEGORY_FUTURES : CATEGORY_SPOT);
        return append(body, n, instrument.symbolBytes());
    }

    private static int placeObject(final byte[] body, final int offset, final OutboundCommand c, final Instrument instrument)
    {
        int n = head(body, offset, instrument);
        n = append(body, n, c.side == Side.SELL ? SIDE_SELL : SIDE_BUY);
        n = append(body, n, ORDER_TYPE_LIMIT);
        n = append(body, n, timeInForce(c.timeInForce));
        n = append(body, n, PRICE);
        n += DecimalFormatter.format(c.price, instrument.priceScale(), body, n);
        n = append(body, n, QTY);
        n += DecimalFormatter.format(c.size, instrument.sizeScale(), body, n);
        n = append(body, n, CLIENT_OID);
        n = append(body, n, c.clientOid, c.clientOidLength);
        if (c.reduceOnly && instrument.isPerpetual())
        {
            // one-way mode: no posSide; a reduce-only order can only shrink the position (§5.1)
            n = append(body, n, REDUCE_ONLY);
        }
        return append(body, n, END);
    }

    private static byte[] timeInForce(final TimeInForce tif)
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

    /** {@code ","orderId":"N} when the venue's id is known, else {@code ","clientOid":"X}. */
    private static int target(final byte[] body, final int offset, final OutboundCommand c)
    {
        if (c.orderId != 0)
        {
            final int n = append(body, offset, ORDER_ID);
            return n + DecimalFormatter.format(c.orderId, 0, body, n);
        }
        final int n = append(body, offset, CLIENT_OID);
        return append(body, n, c.clientOid, c.clientOidLength);
    }

    private void sign(final OrderRequest r, final long timestampMs)
    {
        r.timestampLength = DecimalFormatter.format(timestampMs, 0, r.timestamp, 0);
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
