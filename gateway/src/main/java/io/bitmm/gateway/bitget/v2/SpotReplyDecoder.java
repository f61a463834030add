package io.bitmm.gateway.bitget.v2;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.JsonFrameParser;
import io.bitmm.gateway.bitget.ReplyCodec;
import io.bitmm.gateway.bitget.ReplyFrames;
import io.bitmm.gateway.order.RejectCodes;
import io.bitmm.gateway.order.OrderRequest;

import java.io.IOException;

/**
 * Turns a REST reply into COMMAND_ACK / COMMAND_REJECT / COMMAND_UNKNOWN events (one per order of a batch) or,
 * for an order query, an ORDER_UPDATE. Two passes over the buffered reply: the first finds {@code code}, the
 * second reads {@code data} knowing it, whatever the key order. Allocation-free.
 */
public final class SpotReplyDecoder implements ReplyCodec, ReplyFrames.ReplyData
{
    private final InboundPublisher publisher;
    private final GatewayCounters counters;
    private final DistinctErrorLog errorLog;
    private final JsonFrameParser json = new JsonFrameParser();
    private final ReplyFrames frames;
    private final SpotPrivateStreamDecoder orderDecoder;

    private final byte[] oid = new byte[InboundEvent.MAX_ID_LENGTH];
    private int oidLength;
    private long orderId;
    private int itemCode;
    private boolean replaceFailed;
    private long namedMask;

    /**
     * @param instruments instruments.
     * @param publisher   the inbound ring.
     * @param counters    counters.
     * @param errorLog    distinct error log.
     */
    public SpotReplyDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog)
    {
        this.publisher = publisher;
        this.counters = counters;
        this.errorLog = errorLog;
        this.frames = new ReplyFrames(json, publisher, counters);
        this.orderDecoder = new SpotPrivateStreamDecoder(instruments, publisher, counters, errorLog, true);
    }

    /**
     * Parse the reply to {@code GET /api/v2/public/time}.
     *
     * @param r the request with its reply.
     * @return the server time in epoch ms, or -1.
     */
    @Override
    public long serverTime(final OrderRequest r)
    {
        if (!frames.envelope(r) || frames.code() != 0)
        {
            return -1;
        }
        return frames.serverTime();
    }

    /**
     * @param r a request with its reply.
     * @return true when the venue refused the request's timestamp ({@code 40008} expired, {@code 40005} invalid):
     * refused at authentication, before anything was done, so it is safe to re-sign and send again, even a place.
     */
    @Override
    public boolean timestampRefused(final OrderRequest r)
    {
        return r.status == 400 && frames.envelope(r) && (frames.code() == 40008 || frames.code() == 40005);
    }

    /**
     * Publish the outcome of a command request.
     *
     * @param r the request with its status and reply.
     */
    @Override
    public void onReply(final OrderRequest r)
    {
        if (!frames.envelope(r))
        {
            if (r.status == 429)
            {
                publishAll(r, EventType.COMMAND_REJECT, 429);
                return;
            }
            errorLog.record("orders: undecodable reply", "HTTP " + r.status);
            counters.increment(GatewayCounters.DECODE_ERRORS);
            publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.UNDECODABLE_REPLY);
            return;
        }
        if (frames.code() != 0 || r.status >= 300)
        {
            onError(r);
            return;
        }
        try
        {
            json.feed(r.response, 0, r.responseLength);
            if (!frames.dataPass(r, this))
            {
                json.recreate();
                counters.increment(GatewayCounters.DECODE_ERRORS);
                errorLog.record("orders: undecodable reply data", null);
                publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.UNDECODABLE_REPLY);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            json.recreate();
            counters.increment(GatewayCounters.DECODE_ERRORS);
            publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.UNDECODABLE_REPLY);
        }
    }

    private void onError(final OrderRequest r)
    {
        final int error = frames.codePresent() && frames.code() != 0 ? frames.code() : r.status;
        if (r.commandType == CommandType.QUERY_ORDER && (error == 43001 || error == 40109 || error == 40768))
        {
            frames.publishNotFound(r);
        }
        else if (RejectCodes.isOutcomeUnknown(error) || r.status >= 500)
        {
            publishAll(r, EventType.COMMAND_UNKNOWN, error);
        }
        else
        {
            publishAll(r, EventType.COMMAND_REJECT, error);
        }
    }

    /**
     * Report every order of a request with one event type (timeouts, lost connections, whole-request errors).
     *
     * @param r    the request.
     * @param type the event type.
     * @param code the reject code (0 for none).
     */
    @Override
    public void publishAll(final OrderRequest r, final EventType type, final int code)
    {
        frames.publishAll(r, type, code);
    }

    /**
     * Report one command the gateway did not send.
     *
     * @param c    the command.
     * @param type the event type.
     * @param code the local code.
     */
    @Override
    public void publishLocal(final io.bitmm.core.event.OutboundCommand c, final EventType type, final int code)
    {
        frames.publishLocal(c, type, code);
    }

    @Override
    public boolean data(final OrderRequest r, final JsonToken value) throws IOException
    {
        if (r.commandType == CommandType.QUERY_ORDER)
        {
            return orderInfo(r, value);
        }
        if (r.endpoint == Endpoint.BATCH_ORDERS || r.endpoint == Endpoint.BATCH_CANCEL_ORDER)
        {
            if (value == JsonToken.START_OBJECT)
            {
                return batch(r);
            }
            frames.notInReply(r);
            return json.skip(value);
        }
        oidLength = 0;
        orderId = 0;
        replaceFailed = false;
        if (value == JsonToken.START_OBJECT && !item())
        {
            return false;
        }
        if (value != JsonToken.START_OBJECT && !json.skip(value))
        {
            return false;
        }
        publishSingle(r);
        return true;
    }

    @Override
    public void noData(final OrderRequest r)
    {
        publishSingle(r);
    }

    private void publishSingle(final OrderRequest r)
    {
        if (r.orderCount == 0)
        {
            return;
        }
        if (replaceFailed)
        {
            frames.publish(r, EventType.COMMAND_REJECT, itemCode != 0 ? itemCode : RejectCodes.REPLACE_FAILED,
                r.clientOids[0], r.clientOidLengths[0], 0);
            return;
        }
        frames.publish(r, EventType.COMMAND_ACK, 0, r.clientOids[0], r.clientOidLengths[0], orderId);
    }

    private boolean orderInfo(final OrderRequest r, final JsonToken value) throws IOException
    {
        if (value == JsonToken.START_OBJECT)
        {
            // v2 mix order/detail answers one object (spot orderInfo a list of one)
            if (!orderDecoder.decodeOrderObject(json, r.rxNanos))
            {
                return false;
            }
            if (r.orderCount > 0 && !orderDecoder.lastObjectNames(r.clientOids[0], r.clientOidLengths[0]))
            {
                counters.increment(GatewayCounters.FIELD_QUERIES);
                publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.NOT_IN_REPLY);
            }
            return true;
        }
        if (value != JsonToken.START_ARRAY)
        {
            // data null, a string, an object: no answer about the order (fuzzer finding: it was left unanswered)
            frames.notInReply(r);
            return json.skip(value);
        }
        JsonToken token;
        boolean any = false;
        boolean named = false;
        while ((token = json.next()) == JsonToken.START_OBJECT)
        {
            if (!orderDecoder.decodeOrderObject(json, r.rxNanos))
            {
                return false;
            }
            any = true;
            named |= r.orderCount > 0 && orderDecoder.lastObjectNames(r.clientOids[0], r.clientOidLengths[0]);
        }
        if (token != JsonToken.END_ARRAY)
        {
            return false;
        }
        if (!any)
        {
            frames.publishNotFound(r);
        }
        else if (!named)
        {
            // the answer does not name the order asked for (no clientOid, another order, another symbol): ask again
            counters.increment(GatewayCounters.FIELD_QUERIES);
            publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.NOT_IN_REPLY);
        }
        return true;
    }

    private boolean batch(final OrderRequest r) throws IOException
    {
        namedMask = 0;
        final boolean complete = batchLists(r);
        if (complete)
        {
            // an order of the request that neither list names is not forgotten: its outcome is unknown (queried)
            for (int i = 0; i < r.orderCount && i < Long.SIZE; i++)
            {
                if ((namedMask & (1L << i)) == 0)
                {
                    counters.increment(GatewayCounters.FIELD_QUERIES);
                    frames.publish(r, EventType.COMMAND_UNKNOWN, RejectCodes.NOT_IN_REPLY, r.clientOids[i], r.clientOidLengths[i], 0);
                }
            }
        }
        return complete;
    }

    private void markNamed(final OrderRequest r)
    {
        for (int i = 0; i < r.orderCount && i < Long.SIZE; i++)
        {
            if (r.clientOidLengths[i] == oidLength && java.util.Arrays.equals(r.clientOids[i], 0, oidLength, oid, 0, oidLength))
            {
                namedMask |= 1L << i;
            }
        }
    }

    private boolean batchLists(final OrderRequest r) throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            final boolean success = "successList".equals(name);
            if ((success || "failureList".equals(name)) && value == JsonToken.START_ARRAY)
            {
                JsonToken item;
                while ((item = json.next()) == JsonToken.START_OBJECT)
                {
                    oidLength = 0;
                    orderId = 0;
                    itemCode = 0;
                    if (!item())
                    {
                        return false;
                    }
                    markNamed(r);
                    frames.publish(r, success ? EventType.COMMAND_ACK : EventType.COMMAND_REJECT, success ? 0 : itemCode,
                        oid, oidLength, orderId);
                }
                if (item != JsonToken.END_ARRAY)
                {
                    return false;
                }
            }
            else if (!json.skip(value))
            {
                return false;
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    private boolean item() throws IOException
    {
        itemCode = 0;
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY || value == JsonToken.VALUE_NULL)
            {
                if (!json.skip(value))
                {
                    return false;
                }
                continue;
            }
            switch (name)
            {
                case "orderId":
                    final long id = Chars.parseLong(json.chars(), json.offset(), json.length());
                    orderId = id == Chars.NOT_A_NUMBER ? 0 : id;
                    break;
                case "clientOid":
                    oidLength = Math.max(0, Chars.copyAscii(json.chars(), json.offset(), json.length(), oid));
                    break;
                case "errorCode":
                    final long c = Chars.parseLong(json.chars(), json.offset(), json.length());
                    itemCode = c == Chars.NOT_A_NUMBER ? -1 : (int)c;
                    break;
                case "success":
                    replaceFailed = Chars.equalsAscii(json.chars(), json.offset(), json.length(), "failure");
                    break;
                default:
                    if (!json.skip(value))
                    {
                        return false;
                    }
                    break;
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    /**
     * @return the code of the last parsed envelope.
     */
    public int code()
    {
        return frames.code();
    }
}
