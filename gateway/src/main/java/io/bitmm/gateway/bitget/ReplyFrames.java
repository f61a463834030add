package io.bitmm.gateway.bitget;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.JsonFrameParser;
import io.bitmm.gateway.order.OrderRequest;
import io.bitmm.gateway.order.RejectCodes;

import java.io.IOException;

/**
 * What both dialects' REST reply codecs share: the envelope pass ({@code code}, the server time), the data pass over
 * the buffered reply (its {@code data} handed to the dialect, whatever the key order), and the events a reply turns
 * into (ACK, REJECT, UNKNOWN per order, a query's not-found, a local reject). Allocation-free.
 */
public final class ReplyFrames
{
    /** The dialect's part of the data pass. */
    public interface ReplyData
    {
        /**
         * @param r     the request.
         * @param value the {@code data} value's first token.
         * @return false when it is truncated.
         * @throws IOException on malformed JSON.
         */
        boolean data(OrderRequest r, JsonToken value) throws IOException;

        /**
         * A single order's reply without {@code data}.
         *
         * @param r the request.
         */
        void noData(OrderRequest r);
    }

    private final JsonFrameParser json;
    private final InboundPublisher publisher;
    private final GatewayCounters counters;
    private int code;
    private boolean codePresent;
    private long serverTime;

    /**
     * @param json      the dialect codec's parser (shared: one reply at a time).
     * @param publisher the inbound ring.
     * @param counters  counters.
     */
    public ReplyFrames(final JsonFrameParser json, final InboundPublisher publisher, final GatewayCounters counters)
    {
        this.json = json;
        this.publisher = publisher;
        this.counters = counters;
    }

    /**
     * @return the last envelope's {@code code} (-1 unreadable, 0 absent or success).
     */
    public int code()
    {
        return code;
    }

    /**
     * @return true when the last envelope had a {@code code}.
     */
    public boolean codePresent()
    {
        return codePresent;
    }

    /**
     * @return the last {@code PUBLIC_TIME} envelope's {@code data.serverTime}, -1 when none.
     */
    public long serverTime()
    {
        return serverTime;
    }

    /**
     * Read the reply's envelope: {@code code} (a non-scalar code is -1), and {@code data.serverTime} of a
     * {@code PUBLIC_TIME} reply.
     *
     * @param r the request with its reply.
     * @return true when the reply is one JSON object with a {@code code}; the parser is left for the next pass.
     */
    public boolean envelope(final OrderRequest r)
    {
        code = 0;
        codePresent = false;
        serverTime = -1;
        if (r.responseLength == 0)
        {
            return false;
        }
        try
        {
            json.feed(r.response, 0, r.responseLength);
            if (json.next() != JsonToken.START_OBJECT)
            {
                json.recreate();
                return false;
            }
            JsonToken token;
            while ((token = json.next()) == JsonToken.FIELD_NAME)
            {
                final String name = json.name();
                final JsonToken value = json.next();
                if ("code".equals(name) && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY))
                {
                    // a code that is not a scalar is no code (fuzzer finding: it was parsed from its bracket, and
                    // the object's own fields were then read as the envelope's)
                    code = -1;
                    codePresent = true;
                    if (!json.skip(value))
                    {
                        json.recreate();
                        return false;
                    }
                }
                else if ("code".equals(name))
                {
                    final long parsed = Chars.parseLong(json.chars(), json.offset(), json.length());
                    code = parsed == Chars.NOT_A_NUMBER ? -1 : (int)parsed;
                    codePresent = true;
                }
                else if ("data".equals(name) && value == JsonToken.START_OBJECT && r.endpoint == Endpoint.PUBLIC_TIME)
                {
                    serverTimeObject();
                }
                else if (!json.skip(value))
                {
                    json.recreate();
                    return false;
                }
            }
            if (token != JsonToken.END_OBJECT || !json.endOfFrame())
            {
                json.recreate();
                return false;
            }
            return codePresent;
        }
        catch (final IOException | RuntimeException ex)
        {
            json.recreate();
            return false;
        }
    }

    private void serverTimeObject() throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if ("serverTime".equals(name) && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT))
            {
                final long parsed = Chars.parseLong(json.chars(), json.offset(), json.length());
                serverTime = parsed == Chars.NOT_A_NUMBER ? -1 : parsed;
            }
            else
            {
                json.skip(value);
            }
        }
    }

    /**
     * The second pass: every {@code data} value goes to the dialect; a reply without one is answered by
     * {@link ReplyData#noData}.
     *
     * @param r       the request with its reply (already fed to the parser).
     * @param handler the dialect's data reader.
     * @return false when the reply is truncated or has trailing content.
     * @throws IOException on malformed JSON.
     */
    public boolean dataPass(final OrderRequest r, final ReplyData handler) throws IOException
    {
        if (json.next() != JsonToken.START_OBJECT)
        {
            return false;
        }
        boolean handled = false;
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if ("data".equals(name))
            {
                if (!handler.data(r, value))
                {
                    return false;
                }
                handled = true;
            }
            else if (!json.skip(value))
            {
                return false;
            }
        }
        if (token != JsonToken.END_OBJECT || !json.endOfFrame())
        {
            return false;
        }
        if (!handled)
        {
            if (r.orderCount > 1 || r.commandType == CommandType.QUERY_ORDER)
            {
                // a batch or a query answered without data: no order's outcome is known (fuzzer finding)
                notInReply(r);
            }
            else
            {
                handler.noData(r);
            }
        }
        return true;
    }

    /**
     * Report every order of a request with one event type (timeouts, lost connections, whole-request errors).
     *
     * @param r    the request.
     * @param type the event type.
     * @param code the reject code (0 for none).
     */
    public void publishAll(final OrderRequest r, final EventType type, final int code)
    {
        for (int i = 0; i < r.orderCount; i++)
        {
            publish(r, type, code, r.clientOids[i], r.clientOidLengths[i], 0);
        }
    }

    /**
     * Report one command the gateway did not send.
     *
     * @param c    the command.
     * @param type the event type.
     * @param code the local code.
     */
    public void publishLocal(final io.bitmm.core.event.OutboundCommand c, final EventType type, final int code)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = type;
        e.timestampNanos = System.nanoTime();
        e.instrumentId = c.instrumentId;
        e.commandType = c.type;
        e.rejectCode = code;
        e.clientOid(c.clientOid, 0, c.clientOidLength);
        e.publishNanos = e.timestampNanos;
        publisher.publish(sequence);
        counters.increment(GatewayCounters.REJECTS);
    }

    /**
     * Publish one order's outcome.
     *
     * @param r            the request.
     * @param type         ACK, REJECT or UNKNOWN.
     * @param rejectCode   the code (0 for none).
     * @param clientOid    the order's clientOid.
     * @param length       its length.
     * @param venueOrderId the venue's order id (0 unknown).
     */
    public void publish(
        final OrderRequest r, final EventType type, final int rejectCode, final byte[] clientOid, final int length,
        final long venueOrderId)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = type;
        e.timestampNanos = r.rxNanos != 0 ? r.rxNanos : System.nanoTime();
        e.instrumentId = r.instrumentId;
        e.commandType = r.commandType;
        e.rejectCode = rejectCode;
        e.orderId = venueOrderId;
        e.clientOid(clientOid, 0, length);
        if (r.commandType == CommandType.REPLACE)
        {
            e.newClientOid(r.newClientOid, 0, r.newClientOidLength);
        }
        e.publishNanos = System.nanoTime();
        publisher.publish(sequence);
        counters.increment(type == EventType.COMMAND_ACK ? GatewayCounters.ACKS :
            type == EventType.COMMAND_REJECT ? GatewayCounters.REJECTS : GatewayCounters.UNKNOWN_OUTCOMES);
    }

    /**
     * A query answered "no such order": an ORDER_UPDATE of unknown status for the queried clientOid.
     *
     * @param r the query.
     */
    public void publishNotFound(final OrderRequest r)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = EventType.ORDER_UPDATE;
        e.timestampNanos = r.rxNanos;
        e.instrumentId = r.instrumentId;
        e.commandType = CommandType.QUERY_ORDER;
        e.venueStatus = VenueOrderStatus.UNKNOWN;
        e.clientOid(r.clientOids[0], 0, r.clientOidLengths[0]);
        e.publishNanos = System.nanoTime();
        publisher.publish(sequence);
    }

    /**
     * The reply does not say what became of the orders: each is UNKNOWN ({@link RejectCodes#NOT_IN_REPLY}), counted.
     *
     * @param r the request.
     */
    public void notInReply(final OrderRequest r)
    {
        counters.increment(GatewayCounters.FIELD_QUERIES);
        publishAll(r, EventType.COMMAND_UNKNOWN, RejectCodes.NOT_IN_REPLY);
    }
}
