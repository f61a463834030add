package io.bitmm.core;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Shared fixtures: instruments from the protocol document and event builders from strings.
 */
public final class TestSupport
{
    private TestSupport()
    {
    }

    /**
     * @return spot BTCUSDT as in the protocol's section 4.2 (tick 0.01, step 0.000001, min 1 USDT).
     */
    public static Instrument spotBtc()
    {
        return InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200");
    }

    public static InstrumentTable table(final Instrument... instruments)
    {
        return new InstrumentTable(List.of(instruments), List.of("BTC", "USDT"));
    }

    /**
     * Fill a book event from "price:size" strings, e.g. {@code bids = {"30000.10:1.5000"}}.
     */
    public static InboundEvent book(
        final EventType type, final Instrument instrument, final long seq, final String[] bids, final String[] asks)
    {
        final InboundEvent event = new InboundEvent();
        fillBook(event, type, instrument, seq, bids, asks);
        return event;
    }

    public static void fillBook(
        final InboundEvent event,
        final EventType type,
        final Instrument instrument,
        final long seq,
        final String[] bids,
        final String[] asks)
    {
        event.reset();
        event.type = type;
        event.instrumentId = instrument.id();
        event.seq = seq;
        final DecimalParser parser = new DecimalParser();
        event.bidCount = bids.length;
        for (int i = 0; i < bids.length; i++)
        {
            final String[] parts = bids[i].split(":");
            event.bidPrices[i] = parse(parser, parts[0], instrument.priceScale());
            event.bidPriceDecimals[i] = (byte)parser.decimals();
            event.bidSizes[i] = parse(parser, parts[1], instrument.sizeScale());
            event.bidSizeDecimals[i] = (byte)parser.decimals();
        }
        event.askCount = asks.length;
        for (int i = 0; i < asks.length; i++)
        {
            final String[] parts = asks[i].split(":");
            event.askPrices[i] = parse(parser, parts[0], instrument.priceScale());
            event.askPriceDecimals[i] = (byte)parser.decimals();
            event.askSizes[i] = parse(parser, parts[1], instrument.sizeScale());
            event.askSizeDecimals[i] = (byte)parser.decimals();
        }
    }

    public static long parse(final DecimalParser parser, final String text, final int scale)
    {
        final int code = parser.parse(text, scale);
        if (code != DecimalParser.OK)
        {
            throw new IllegalArgumentException(text + ": " + DecimalParser.describe(code));
        }
        return parser.value();
    }

    public static String oid(final OutboundCommand command)
    {
        return new String(command.clientOid, 0, command.clientOidLength, StandardCharsets.US_ASCII);
    }

    public static String newOid(final OutboundCommand command)
    {
        return new String(command.newClientOid, 0, command.newClientOidLength, StandardCharsets.US_ASCII);
    }

    public static void setOid(final InboundEvent event, final String oid)
    {
        final byte[] bytes = oid.getBytes(StandardCharsets.US_ASCII);
        event.clientOid(bytes, 0, bytes.length);
    }

    public static void setNewOid(final InboundEvent event, final String oid)
    {
        final byte[] bytes = oid.getBytes(StandardCharsets.US_ASCII);
        event.newClientOid(bytes, 0, bytes.length);
    }

    public static InboundEvent ack(final long nanos, final CommandType commandType, final String oid, final long orderId)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.COMMAND_ACK;
        event.timestampNanos = nanos;
        event.commandType = commandType;
        event.orderId = orderId;
        setOid(event, oid);
        return event;
    }

    public static InboundEvent reject(final long nanos, final CommandType commandType, final String oid, final int code)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.COMMAND_REJECT;
        event.timestampNanos = nanos;
        event.commandType = commandType;
        event.rejectCode = code;
        setOid(event, oid);
        return event;
    }

    public static InboundEvent unknown(final long nanos, final CommandType commandType, final String oid)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.COMMAND_UNKNOWN;
        event.timestampNanos = nanos;
        event.commandType = commandType;
        setOid(event, oid);
        return event;
    }

    public static InboundEvent orderUpdate(
        final long nanos, final int instrumentId, final String oid, final VenueOrderStatus status, final long cumFilled)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.ORDER_UPDATE;
        event.timestampNanos = nanos;
        event.instrumentId = instrumentId;
        event.venueStatus = status;
        event.cumulativeFilledSize = cumFilled;
        setOid(event, oid);
        return event;
    }

    public static InboundEvent fill(
        final long nanos, final int instrumentId, final String oid, final Side side, final long price, final long size,
        final long tradeId)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.FILL;
        event.timestampNanos = nanos;
        event.instrumentId = instrumentId;
        event.side = side;
        event.price = price;
        event.size = size;
        event.tradeId = tradeId;
        event.maker = true;
        setOid(event, oid);
        return event;
    }

    public static InboundEvent timer(final long nanos)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.TIMER;
        event.timestampNanos = nanos;
        return event;
    }
}
