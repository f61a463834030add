package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.DecimalFormatter;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.order.OrderRequest;

import java.nio.charset.StandardCharsets;

import static io.bitmm.gateway.bitget.RequestBytes.append;

/**
 * What the classic v2 order encoders ({@link SpotOrderEncoder}, {@link MixOrderEncoder}) write alike, allocation-free
 * into an {@link OrderRequest}'s preallocated arrays: the path and the {@code {"symbol":"...}} head of a body, side,
 * the limit-order fields ({@code orderType}, {@code force}, {@code price}, {@code size}, {@code clientOid}), the
 * target of a cancel or modify ({@code orderId}, else {@code clientOid}), the items of a batch, a query by clientOid,
 * and the v2 signature ({@code timestamp + METHOD + path [+ "?" + query] + body}, bitget-v2-protocol.md §2). Each
 * encoder adds only its own fields (mix: {@code productType}, {@code marginCoin}, {@code marginMode},
 * {@code reduceOnly}).
 */
public final class V2RequestBodies
{
    private static final byte[] SYMBOL = ascii("{\"symbol\":\"");
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
    private static final byte[] CLIENT_OID = ascii("\",\"clientOid\":\"");
    private static final byte[] NEW_CLIENT_OID = ascii("\",\"newClientOid\":\"");
    private static final byte[] ORDER_ID = ascii("\",\"orderId\":\"");
    private static final byte[] ITEM_CLIENT_OID = ascii("{\"clientOid\":\"");
    private static final byte[] END = ascii("\"}");
    private static final byte[] LIST_END = ascii("]}");
    private static final byte[] QUERY_CLIENT_OID = ascii("?clientOid=");

    private V2RequestBodies()
    {
    }

    /**
     * @param s ASCII text.
     * @return its bytes.
     */
    public static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Start a request: endpoint, path, and the body's {@code {"symbol":"<SYMBOL>} (the value's quote left open).
     *
     * @param r          the request.
     * @param endpoint   the operation.
     * @param path       its path.
     * @param instrument the instrument.
     */
    public static void start(final OrderRequest r, final Endpoint endpoint, final byte[] path, final Instrument instrument)
    {
        r.endpoint = endpoint;
        r.pathLength = append(r.path, 0, path);
        r.bodyLength = append(r.body, 0, SYMBOL);
        r.bodyLength = append(r.body, r.bodyLength, instrument.symbolBytes());
    }

    /**
     * @param r    the request; appends {@code ","side":"buy"} or {@code sell}.
     * @param side the side.
     */
    public static void side(final OrderRequest r, final Side side)
    {
        r.bodyLength = append(r.body, r.bodyLength, side == Side.SELL ? SIDE_SELL : SIDE_BUY);
    }

    /**
     * The limit-order fields after the side: {@code ,"orderType":"limit","force":"..","price":"..","size":"..",
     * "clientOid":"..} (the last value's quote left open).
     *
     * @param r          the request.
     * @param c          the PLACE.
     * @param instrument its instrument (price and size scales).
     */
    public static void limitOrder(final OrderRequest r, final OutboundCommand c, final Instrument instrument)
    {
        r.bodyLength = append(r.body, r.bodyLength, ORDER_TYPE_LIMIT);
        r.bodyLength = append(r.body, r.bodyLength, force(c.timeInForce));
        decimal(r, PRICE, c.price, instrument.priceScale());
        decimal(r, SIZE, c.size, instrument.sizeScale());
        r.bodyLength = append(r.body, r.bodyLength, CLIENT_OID);
        r.bodyLength = append(r.body, r.bodyLength, c.clientOid, c.clientOidLength);
    }

    /**
     * @param r     the request; appends {@code <field>value} (the field bytes end with the value's opening quote).
     * @param field e.g. {@code ","price":"}.
     * @param value fixed-point value.
     * @param scale its decimals.
     */
    public static void decimal(final OrderRequest r, final byte[] field, final long value, final int scale)
    {
        r.bodyLength = append(r.body, r.bodyLength, field);
        r.bodyLength += DecimalFormatter.format(value, scale, r.body, r.bodyLength);
    }

    /**
     * The order a cancel or modify names: {@code ","orderId":".."} when the venue's id is known, else the clientOid.
     *
     * @param r the request.
     * @param c the command.
     */
    public static void target(final OrderRequest r, final OutboundCommand c)
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

    /**
     * A REPLACE's {@code ","newClientOid":".."}, also kept in the request (the reply is matched on it).
     *
     * @param r the request.
     * @param c the REPLACE.
     */
    public static void newClientOid(final OrderRequest r, final OutboundCommand c)
    {
        r.bodyLength = append(r.body, r.bodyLength, NEW_CLIENT_OID);
        r.bodyLength = append(r.body, r.bodyLength, c.newClientOid, c.newClientOidLength);
        System.arraycopy(c.newClientOid, 0, r.newClientOid, 0, c.newClientOidLength);
        r.newClientOidLength = c.newClientOidLength;
    }

    /**
     * Open one batch item: {@code ,} between items, then {@code {"side":".."}}; the caller writes the rest and
     * {@link #endItem}.
     *
     * @param r     the request.
     * @param c     the command.
     * @param index its index in the batch.
     */
    public static void placeItem(final OrderRequest r, final OutboundCommand c, final int index)
    {
        r.addClientOid(c.clientOid, c.clientOidLength);
        if (index > 0)
        {
            r.body[r.bodyLength++] = ',';
        }
        r.bodyLength = append(r.body, r.bodyLength, c.side == Side.SELL ? ITEM_SIDE_SELL : ITEM_SIDE_BUY);
    }

    /**
     * A batch cancel's items, all by clientOid (the venue refuses a batch mixing orderId and clientOid items), and
     * the end of the list and body.
     *
     * @param r        the request.
     * @param commands array holding the commands.
     * @param first    index of the first (the array is used modulo its length).
     * @param count    how many.
     */
    public static void cancelItems(final OrderRequest r, final OutboundCommand[] commands, final long first, final int count)
    {
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
            endItem(r);
        }
        endList(r);
    }

    /**
     * @param r the request; closes the last value and the object (a quote and a brace).
     */
    public static void endItem(final OrderRequest r)
    {
        r.bodyLength = append(r.body, r.bodyLength, END);
    }

    /**
     * @param r the request; closes the list and the body (a bracket and a brace).
     */
    public static void endList(final OrderRequest r)
    {
        r.bodyLength = append(r.body, r.bodyLength, LIST_END);
    }

    /**
     * @param r the request; closes the last value and the body (a quote and a brace).
     */
    public static void end(final OrderRequest r)
    {
        r.bodyLength = append(r.body, r.bodyLength, END);
    }

    /**
     * A GET by clientOid: {@code <path>?clientOid=<oid>}, no body; the caller may append more query parameters.
     *
     * @param r    the request.
     * @param path the path.
     * @param c    the command.
     */
    public static void queryByClientOid(final OrderRequest r, final byte[] path, final OutboundCommand c)
    {
        r.endpoint = Endpoint.ORDER_INFO;
        r.pathLength = append(r.path, 0, path);
        r.pathLength = append(r.path, r.pathLength, QUERY_CLIENT_OID);
        r.pathLength = append(r.path, r.pathLength, c.clientOid, c.clientOidLength);
        r.bodyLength = 0;
    }

    /**
     * The unsigned {@code GET /api/v2/public/time}.
     *
     * @param r    the request.
     * @param path its path.
     */
    public static void time(final OrderRequest r, final byte[] path)
    {
        r.endpoint = Endpoint.PUBLIC_TIME;
        r.commandType = io.bitmm.core.event.CommandType.NONE;
        r.pathLength = append(r.path, 0, path);
        r.bodyLength = 0;
        r.signed = false;
    }

    /**
     * Sign: timestamp, then HMAC-SHA256 in base64 of {@code timestamp + METHOD + path + body} into the request.
     *
     * @param signer      the signer holding the API secret.
     * @param r           an encoded request.
     * @param timestampMs the signing timestamp (venue-synchronised epoch ms).
     */
    public static void sign(final HmacSigner signer, final OrderRequest r, final long timestampMs)
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

    /**
     * @param dst    destination.
     * @param offset where.
     * @param value  a non-negative integer, written in decimal.
     * @return the offset after it.
     */
    public static int appendLong(final byte[] dst, final int offset, final long value)
    {
        return offset + DecimalFormatter.format(value, 0, dst, offset);
    }
}
