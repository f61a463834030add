package io.bitmm.core.engine;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;
import io.bitmm.core.order.ClientOidCodec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small, seeded, test-only venue for one instrument: a random-walk book (with real checksums, computed by a
 * shadow {@link OrderBook}), and order handling that answers the core's commands with acks, rejects, unknown
 * outcomes, order pushes and fills, delayed and reordered. Allocates freely: it is used to build event tapes.
 */
final class MiniVenue
{
    private static final long MS = 1_000_000L;
    private static final int DEPTH = 10;

    private final Instrument instrument;
    private final ClientOidCodec codec;
    private final Random random;
    private final OrderBook shadow;
    private final ArrayDeque<InboundEvent> responses = new ArrayDeque<>();
    private final TreeMap<Long, long[]> orders = new TreeMap<>();
    private long center = 3_000_000;
    private long seq = 1;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private boolean snapshotDue = true;
    private long now;
    private long step;
    /** A perpetual's signed position at the venue, size units. */
    private long venuePosition;

    /** Venue order: side (0 buy), price, size, filled, orderId. */
    private static final int SIDE = 0;
    private static final int PRICE = 1;
    private static final int SIZE = 2;
    private static final int FILLED = 3;
    private static final int ORDER_ID = 4;

    MiniVenue(final Instrument instrument, final ClientOidCodec codec, final long seed)
    {
        this.instrument = instrument;
        this.codec = codec;
        this.random = new Random(seed);
        this.shadow = new OrderBook(instrument, 64);
    }

    /**
     * @param event filled with the next event for the core (time advances 1 ms per event).
     */
    void next(final InboundEvent event)
    {
        now += MS;
        step++;
        if (!responses.isEmpty() && random.nextInt(10) < 6)
        {
            event.copyFrom(responses.poll());
        }
        else if (step % 5 == 0)
        {
            event.reset();
            event.type = EventType.TIMER;
        }
        else if (instrument.isPerpetual() && step % 97 == 0)
        {
            perpetualEvent(event);
        }
        else
        {
            marketStep(event);
        }
        event.timestampNanos = now;
    }

    /**
     * React to one command of the core.
     */
    void onCommand(final OutboundCommand command)
    {
        final long counter = codec.decode(command.clientOid, command.clientOidLength);
        switch (command.type)
        {
            case PLACE:
                place(counter, command);
                break;
            case CANCEL:
                cancel(counter);
                break;
            case REPLACE:
                replace(counter, command);
                break;
            case CANCEL_ALL:
                for (final Long key : new ArrayList<>(orders.keySet()))
                {
                    orders.remove(key);
                    respond(orderUpdate(key, VenueOrderStatus.CANCELLED, 0, CancelReason.NORMAL));
                }
                break;
            case QUERY_ORDER:
                final long[] order = orders.get(counter);
                respond(orderUpdate(counter, order == null ? VenueOrderStatus.UNKNOWN : VenueOrderStatus.LIVE,
                    order == null ? 0 : order[FILLED], CancelReason.NONE));
                break;
            case RESYNC_BOOK:
                snapshotDue = true;
                break;
            default:
                break;
        }
    }

    private void place(final long counter, final OutboundCommand command)
    {
        final int roll = random.nextInt(100);
        if (roll == 0)
        {
            respond(commandEvent(EventType.COMMAND_REJECT, CommandType.PLACE, counter, 43008));
            return;
        }
        orders.put(counter, new long[] {command.side.ordinal(), command.price, command.size, 0, nextOrderId++});
        if (roll == 1)
        {
            respond(commandEvent(EventType.COMMAND_UNKNOWN, CommandType.PLACE, counter, 0));
            return;
        }
        final InboundEvent ack = commandEvent(EventType.COMMAND_ACK, CommandType.PLACE, counter, 0);
        ack.orderId = orders.get(counter)[ORDER_ID];
        final InboundEvent push = orderUpdate(counter, VenueOrderStatus.LIVE, 0, CancelReason.NONE);
        if (roll < 30)
        {
            respond(push);
            respond(ack);
        }
        else
        {
            respond(ack);
            respond(push);
        }
    }

    private void cancel(final long counter)
    {
        if (orders.remove(counter) == null)
        {
            respond(commandEvent(EventType.COMMAND_REJECT, CommandType.CANCEL, counter, 43001));
            return;
        }
        respond(commandEvent(EventType.COMMAND_ACK, CommandType.CANCEL, counter, 0));
        respond(orderUpdate(counter, VenueOrderStatus.CANCELLED, 0, CancelReason.NORMAL));
    }

    private void replace(final long counter, final OutboundCommand command)
    {
        final long newCounter = codec.decode(command.newClientOid, command.newClientOidLength);
        final InboundEvent answer;
        if (orders.remove(counter) == null)
        {
            answer = commandEvent(EventType.COMMAND_REJECT, CommandType.REPLACE, counter, 43001);
        }
        else
        {
            orders.put(newCounter, new long[] {command.side.ordinal(), command.price, command.size, 0, nextOrderId++});
            answer = commandEvent(EventType.COMMAND_ACK, CommandType.REPLACE, counter, 0);
            answer.orderId = orders.get(newCounter)[ORDER_ID];
        }
        answer.newClientOidLength = codec.encode(newCounter, answer.newClientOid);
        respond(answer);
    }

    private void marketStep(final InboundEvent event)
    {
        if (snapshotDue || random.nextInt(20_000) == 0)
        {
            snapshotDue = false;
            snapshot(event);
            return;
        }
        event.reset();
        event.type = EventType.BOOK_UPDATE;
        event.instrumentId = instrument.id();
        event.seq = seq++;
        final int move = random.nextInt(3) - 1;
        if (move > 0)
        {
            addLevel(event, false, center + 1, 0);
            addLevel(event, false, center + 1 + DEPTH, randomSize());
            addLevel(event, true, center, randomSize());
            addLevel(event, true, center - DEPTH, 0);
            center++;
        }
        else if (move < 0)
        {
            addLevel(event, true, center - 1, 0);
            addLevel(event, true, center - 1 - DEPTH, randomSize());
            addLevel(event, false, center, randomSize());
            addLevel(event, false, center + DEPTH, 0);
            center--;
        }
        else
        {
            addLevel(event, random.nextBoolean(), 0, randomSize());
        }
        shadow.applyUpdate(event);
        event.checksumPresent = true;
        event.checksum = shadow.computeChecksum();
        if (random.nextInt(50_000) == 0)
        {
            event.checksum ^= 1;
        }
        maybeTrade();
    }

    /** A perpetual's mark price, and now and then a funding settlement on the venue's position. */
    private void perpetualEvent(final InboundEvent event)
    {
        event.reset();
        event.instrumentId = instrument.id();
        if (step % (97 * 7) == 0)
        {
            event.type = EventType.FUNDING;
            event.size = venuePosition;
            event.price = center;
            event.amount = -InstrumentRules.notionalAmount(instrument, center, venuePosition) / 10_000;
            event.tradeId = step;
        }
        else
        {
            event.type = EventType.MARK_PRICE;
            event.price = center + random.nextInt(3) - 1;
        }
    }

    private void snapshot(final InboundEvent event)
    {
        event.reset();
        event.type = EventType.BOOK_SNAPSHOT;
        event.instrumentId = instrument.id();
        event.seq = seq++;
        for (int i = 1; i <= DEPTH; i++)
        {
            addLevel(event, true, center - i, randomSize());
            addLevel(event, false, center + i, randomSize());
        }
        shadow.applySnapshot(event);
        event.checksumPresent = true;
        event.checksum = shadow.computeChecksum();
    }

    private void addLevel(final InboundEvent event, final boolean bid, final long priceOrZero, final long size)
    {
        final long price = priceOrZero != 0 ? priceOrZero : (bid ? center - 1 : center + 1);
        if (bid)
        {
            final int i = event.bidCount++;
            event.bidPrices[i] = price;
            event.bidSizes[i] = size;
            event.bidPriceDecimals[i] = 2;
            event.bidSizeDecimals[i] = (byte)(size == 0 ? 0 : 4);
        }
        else
        {
            final int i = event.askCount++;
            event.askPrices[i] = price;
            event.askSizes[i] = size;
            event.askPriceDecimals[i] = 2;
            event.askSizeDecimals[i] = (byte)(size == 0 ? 0 : 4);
        }
    }

    private long randomSize()
    {
        return (1 + random.nextInt(20_000)) * 100L;
    }

    private void maybeTrade()
    {
        if (orders.isEmpty() || random.nextInt(8) != 0)
        {
            return;
        }
        final List<Long> keys = new ArrayList<>(orders.keySet());
        final long counter = keys.get(random.nextInt(keys.size()));
        final long[] order = orders.get(counter);
        if (random.nextInt(20) == 0)
        {
            orders.remove(counter);
            respond(orderUpdate(counter, VenueOrderStatus.CANCELLED, order[FILLED], CancelReason.POST_ONLY_WOULD_TAKE));
            return;
        }
        final long remaining = order[SIZE] - order[FILLED];
        final long size = random.nextBoolean() ? remaining : Math.max(1, remaining / 2);
        order[FILLED] += size;
        final boolean done = order[FILLED] >= order[SIZE];
        // Bitget's order push and fill push are separate: either may come first (the order push first leaves the
        // core a window where the venue reports a fill that is not booked yet)
        final boolean updateFirst = random.nextBoolean();
        if (updateFirst)
        {
            if (done)
            {
                orders.remove(counter);
            }
            respond(orderUpdate(counter, done ? VenueOrderStatus.FILLED : VenueOrderStatus.PARTIALLY_FILLED, order[FILLED],
                CancelReason.NONE));
        }
        final InboundEvent fill = new InboundEvent();
        fill.type = EventType.FILL;
        fill.instrumentId = instrument.id();
        fill.clientOidLength = codec.encode(counter, fill.clientOid);
        fill.orderId = order[ORDER_ID];
        fill.side = order[SIDE] == 0 ? Side.BUY : Side.SELL;
        fill.price = order[PRICE];
        fill.size = size;
        fill.tradeId = nextTradeId++;
        fill.maker = true;
        respond(fill);
        if (instrument.isPerpetual())
        {
            venuePosition += fill.side == Side.BUY ? size : -size;
            final InboundEvent position = new InboundEvent();
            position.type = EventType.POSITION_SNAPSHOT;
            position.instrumentId = instrument.id();
            position.size = venuePosition;
            position.averagePrice = order[PRICE];
            position.price = center;
            respond(position);
        }
        if (random.nextInt(10) == 0)
        {
            final InboundEvent duplicate = new InboundEvent();
            duplicate.copyFrom(fill);
            respond(duplicate);
        }
        if (!updateFirst)
        {
            if (done)
            {
                orders.remove(counter);
            }
            respond(orderUpdate(counter, done ? VenueOrderStatus.FILLED : VenueOrderStatus.PARTIALLY_FILLED, order[FILLED],
                CancelReason.NONE));
        }
    }

    private InboundEvent orderUpdate(final long counter, final VenueOrderStatus status, final long filled, final CancelReason reason)
    {
        final InboundEvent event = new InboundEvent();
        event.type = EventType.ORDER_UPDATE;
        event.instrumentId = instrument.id();
        event.clientOidLength = codec.encode(counter, event.clientOid);
        event.venueStatus = status;
        event.cumulativeFilledSize = filled;
        event.cancelReason = reason;
        return event;
    }

    private InboundEvent commandEvent(final EventType type, final CommandType commandType, final long counter, final int code)
    {
        final InboundEvent event = new InboundEvent();
        event.type = type;
        event.instrumentId = instrument.id();
        event.commandType = commandType;
        event.clientOidLength = codec.encode(counter, event.clientOid);
        event.rejectCode = code;
        return event;
    }

    private void respond(final InboundEvent event)
    {
        responses.add(event);
    }
}
