package io.bitmm.core.event;

/**
 * The outbound ring's entry: one command from the core to the gateways. Preallocated and filled in place.
 * <p>
 * {@link #clientOid} always names the order the command is about (the new order for PLACE, the target for CANCEL,
 * REPLACE and QUERY_ORDER); REPLACE names the replacement in {@link #newClientOid}. Prices and sizes are
 * fixed-point in the instrument's scales. {@link #triggerTimestampNanos} is copied from the event that caused
 * the command, so tick-to-trade can be measured without the core reading a clock.
 */
public final class OutboundCommand
{
    /** Longest clientOid the engine generates: valid for v2 (50) and UTA v3 (32). */
    public static final int MAX_CLIENT_OID_LENGTH = 32;

    public CommandType type = CommandType.NONE;
    public int instrumentId = -1;
    public final byte[] clientOid = new byte[MAX_CLIENT_OID_LENGTH];
    public int clientOidLength;
    public final byte[] newClientOid = new byte[MAX_CLIENT_OID_LENGTH];
    public int newClientOidLength;
    /** Venue order id of the target, 0 when not yet known (the gateway then uses the clientOid). */
    public long orderId;
    public Side side = Side.BUY;
    public long price;
    public long size;
    public TimeInForce timeInForce = TimeInForce.POST_ONLY;
    /**
     * PLACE and REPLACE of a perpetual: the order may only reduce the position (v2 mix {@code reduceOnly:"YES"} in
     * one-way mode, v3 {@code reduceOnly:"yes"}). Set when the position is at an inventory limit, so that no fill
     * can grow it or flip it past the limit. Always false for spot.
     */
    public boolean reduceOnly;
    /** {@link InboundEvent#timestampNanos} of the event that caused this command. */
    public long triggerTimestampNanos;
    /**
     * Monotonic stamp (ns) when the command was put on the outbound ring (the decision), set by the engine's
     * command sink, never by the core. A pure timing stamp: {@link #sameAs} ignores it.
     */
    public long decisionNanos;
    /** The core's own running count of commands it emitted, from 1: lets replay line commands up. */
    public long commandSequence;

    /**
     * Clear every field.
     */
    public void reset()
    {
        type = CommandType.NONE;
        instrumentId = -1;
        clientOidLength = 0;
        newClientOidLength = 0;
        orderId = 0;
        side = Side.BUY;
        price = 0;
        size = 0;
        timeInForce = TimeInForce.POST_ONLY;
        reduceOnly = false;
        triggerTimestampNanos = 0;
        decisionNanos = 0;
        commandSequence = 0;
    }

    /**
     * Copy another command into this one: how a {@link CommandSink} moves a command into a ring slot.
     *
     * @param src the command to copy.
     */
    public void copyFrom(final OutboundCommand src)
    {
        type = src.type;
        instrumentId = src.instrumentId;
        System.arraycopy(src.clientOid, 0, clientOid, 0, src.clientOidLength);
        clientOidLength = src.clientOidLength;
        System.arraycopy(src.newClientOid, 0, newClientOid, 0, src.newClientOidLength);
        newClientOidLength = src.newClientOidLength;
        orderId = src.orderId;
        side = src.side;
        price = src.price;
        size = src.size;
        timeInForce = src.timeInForce;
        reduceOnly = src.reduceOnly;
        triggerTimestampNanos = src.triggerTimestampNanos;
        decisionNanos = src.decisionNanos;
        commandSequence = src.commandSequence;
    }

    /**
     * Field-by-field equality of everything a replay compares.
     *
     * @param other the command to compare with.
     * @return true when both would put the same request on the wire.
     */
    public boolean sameAs(final OutboundCommand other)
    {
        return type == other.type &&
            instrumentId == other.instrumentId &&
            sameBytes(clientOid, clientOidLength, other.clientOid, other.clientOidLength) &&
            sameBytes(newClientOid, newClientOidLength, other.newClientOid, other.newClientOidLength) &&
            orderId == other.orderId &&
            side == other.side &&
            price == other.price &&
            size == other.size &&
            timeInForce == other.timeInForce &&
            reduceOnly == other.reduceOnly &&
            triggerTimestampNanos == other.triggerTimestampNanos &&
            commandSequence == other.commandSequence;
    }

    private static boolean sameBytes(final byte[] a, final int aLength, final byte[] b, final int bLength)
    {
        if (aLength != bLength)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }
        return true;
    }
}
