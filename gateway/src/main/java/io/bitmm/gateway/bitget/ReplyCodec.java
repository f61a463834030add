package io.bitmm.gateway.bitget;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.order.OrderRequest;

/**
 * A dialect's REST reply decoder: turns a reply into COMMAND_ACK / COMMAND_REJECT / COMMAND_UNKNOWN events (one per
 * order of a batch) or, for an order query, an ORDER_UPDATE (allocation-free).
 */
public interface ReplyCodec
{
    /**
     * @param r the server-time request with its reply.
     * @return the server time in epoch ms, or -1.
     */
    long serverTime(OrderRequest r);

    /**
     * @param r a request with its reply.
     * @return true when the venue refused the request's timestamp before doing anything (re-sign and retry).
     */
    boolean timestampRefused(OrderRequest r);

    /**
     * Publish the events a reply means.
     *
     * @param r the request with its reply.
     */
    void onReply(OrderRequest r);

    /**
     * Publish one event per order of a request (timeouts, lost connections).
     *
     * @param r    the request.
     * @param type the event type.
     * @param code the reject code, 0 when none.
     */
    void publishAll(OrderRequest r, EventType type, int code);

    /**
     * Publish an event for a command that never left (local rejects).
     *
     * @param c    the command.
     * @param type the event type.
     * @param code the reject code.
     */
    void publishLocal(OutboundCommand c, EventType type, int code);
}
