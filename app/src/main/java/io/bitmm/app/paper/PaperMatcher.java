package io.bitmm.app.paper;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentRules;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.order.RejectCodes;

/**
 * A local venue for paper mode: keeps our orders in preallocated slots, watches the public market data, and answers
 * every command with the inbound events Bitget and the gateways would produce, in the gateways' order.
 * <ul>
 *   <li>PLACE: {@code COMMAND_ACK} (local orderId), then {@code ORDER_UPDATE LIVE}; a post-only order at or
 *   through the best opposite price gets {@code ORDER_UPDATE CANCELLED} with
 *   {@link CancelReason#POST_ONLY_WOULD_TAKE} instead of LIVE (Bitget accepts it, then cancels it).</li>
 *   <li>CANCEL: {@code COMMAND_ACK}, then {@code ORDER_UPDATE CANCELLED}; {@code COMMAND_REJECT 43001} when the
 *   order is unknown or already closed.</li>
 *   <li>REPLACE (Bitget's cancel-replace): {@code COMMAND_ACK} carrying {@code newClientOid} and the new orderId,
 *   {@code ORDER_UPDATE CANCELLED} of the old order, then the new order's update as for PLACE.</li>
 *   <li>CANCEL_ALL: {@code COMMAND_ACK}, then {@code ORDER_UPDATE CANCELLED} for each open order of the
 *   instrument.</li>
 *   <li>QUERY_ORDER: {@code ORDER_UPDATE} with the order's current state, {@link VenueOrderStatus#UNKNOWN} when it
 *   was never seen (or its slot was reused long ago).</li>
 * </ul>
 * Fills (maker, at the order's price, fee at the instrument's maker rate in the quote asset): a resting buy at P
 * fills its whole remainder when the best ask moves to P or below, and up to a public trade's size when a trade
 * prints at P or below (best-priced order first); symmetric for sells. Each fill is an {@code ORDER_UPDATE}
 * (PARTIALLY_FILLED or FILLED, cumulative size) followed by a {@code FILL}, as the private-stream gateway publishes
 * an {@code orders} push that carries a trade. This is optimistic: it assumes our order is first in its queue and
 * that the liquidity it takes was not also taken by the venue's real order at that price. Non-post-only orders
 * rest without taking (the core only sends post-only orders).
 * <p>
 * Not thread-safe: {@link PaperVenue} serialises the order thread and the market-data thread around it.
 * Allocation-free once constructed.
 */
public final class PaperMatcher
{
    /** Bitget's "order does not exist". */
    public static final int ORDER_NOT_FOUND = 43001;

    private static final long PPM = 1_000_000L;
    private static final long ORDER_ID_BASE = 1L << 52;
    private static final long TRADE_ID_BASE = 1L << 53;

    private final InstrumentTable instruments;
    private final InboundPublisher out;
    private final OrderBook[] books;
    private final PaperOrder[] orders;
    private final int[] pendingSlots;
    private final long[] pendingSizes;
    private int pendingCount;
    private int cursor;
    private int openCount;
    private long nextOrderId = ORDER_ID_BASE;
    private long nextTradeId = TRADE_ID_BASE;

    /**
     * @param instruments what is traded.
     * @param out         where the answers go (the inbound ring).
     * @param capacity    order slots: open orders plus recently closed ones that can still be queried.
     */
    public PaperMatcher(final InstrumentTable instruments, final InboundPublisher out, final int capacity)
    {
        this.instruments = instruments;
        this.out = out;
        this.books = new OrderBook[instruments.instrumentCount()];
        for (int i = 0; i < books.length; i++)
        {
            books[i] = new OrderBook(instruments.instrument(i), OrderBook.DEFAULT_CAPACITY);
        }
        this.orders = new PaperOrder[capacity];
        for (int i = 0; i < capacity; i++)
        {
            orders[i] = new PaperOrder();
        }
        this.pendingSlots = new int[capacity];
        this.pendingSizes = new long[capacity];
    }

    /**
     * @return orders resting in the paper book.
     */
    public int openOrderCount()
    {
        return openCount;
    }

    /**
     * @param instrumentId an instrument.
     * @return the matcher's own copy of its book.
     */
    public OrderBook book(final int instrumentId)
    {
        return books[instrumentId];
    }

    // -- commands

    /**
     * Answer one command of the core. RESYNC_BOOK and NONE are not for the venue and are ignored.
     *
     * @param command the command (not kept).
     */
    public void onCommand(final OutboundCommand command)
    {
        switch (command.type)
        {
            case PLACE:
                onPlace(command);
                break;
            case CANCEL:
                onCancel(command);
                break;
            case REPLACE:
                onReplace(command);
                break;
            case CANCEL_ALL:
                onCancelAll(command);
                break;
            case QUERY_ORDER:
                onQuery(command);
                break;
            default:
                break;
        }
    }

    private void onPlace(final OutboundCommand c)
    {
        if (!validInstrument(c.instrumentId))
        {
            reject(c, RejectCodes.LOCAL_INVALID_COMMAND);
            return;
        }
        final PaperOrder order = allocate();
        if (order == null)
        {
            reject(c, RejectCodes.LOCAL_OVERLOAD);
            return;
        }
        order.open(c.instrumentId, c.clientOid, c.clientOidLength, nextOrderId++, c.side, c.price, c.size, c.timeInForce);
        openCount++;
        ack(c, order.orderId);
        announceNew(order);
    }

    private void onCancel(final OutboundCommand c)
    {
        final PaperOrder order = findOpen(c.clientOid, c.clientOidLength);
        if (order == null)
        {
            reject(c, ORDER_NOT_FOUND);
            return;
        }
        ack(c, order.orderId);
        close(order, VenueOrderStatus.CANCELLED, CancelReason.NORMAL);
        update(order);
    }

    private void onReplace(final OutboundCommand c)
    {
        final PaperOrder old = findOpen(c.clientOid, c.clientOidLength);
        if (old == null)
        {
            reject(c, ORDER_NOT_FOUND);
            return;
        }
        final PaperOrder replacement = allocate();
        if (replacement == null)
        {
            reject(c, RejectCodes.LOCAL_OVERLOAD);
            return;
        }
        close(old, VenueOrderStatus.CANCELLED, CancelReason.NORMAL);
        replacement.open(old.instrumentId, c.newClientOid, c.newClientOidLength, nextOrderId++, old.side, c.price, c.size,
            old.timeInForce);
        openCount++;
        ack(c, replacement.orderId);
        update(old);
        announceNew(replacement);
    }

    private void onCancelAll(final OutboundCommand c)
    {
        ack(c, 0);
        for (final PaperOrder order : orders)
        {
            if (order.isOpen() && order.instrumentId == c.instrumentId)
            {
                close(order, VenueOrderStatus.CANCELLED, CancelReason.NORMAL);
                update(order);
            }
        }
    }

    private void onQuery(final OutboundCommand c)
    {
        final PaperOrder order = find(c.clientOid, c.clientOidLength);
        if (order != null)
        {
            update(order);
            return;
        }
        final long sequence = out.claim();
        final InboundEvent e = out.event(sequence);
        e.reset();
        e.type = EventType.ORDER_UPDATE;
        e.timestampNanos = System.nanoTime();
        e.instrumentId = c.instrumentId;
        e.commandType = CommandType.QUERY_ORDER;
        e.venueStatus = VenueOrderStatus.UNKNOWN;
        e.clientOid(c.clientOid, 0, c.clientOidLength);
        publish(sequence, e);
    }

    private void announceNew(final PaperOrder order)
    {
        if (order.timeInForce == TimeInForce.POST_ONLY && wouldTake(order))
        {
            close(order, VenueOrderStatus.CANCELLED, CancelReason.POST_ONLY_WOULD_TAKE);
        }
        update(order);
    }

    private boolean wouldTake(final PaperOrder order)
    {
        final OrderBook book = books[order.instrumentId];
        if (!book.isValid())
        {
            return false;
        }
        return order.side == Side.BUY ?
            book.askCount() > 0 && book.askPrice(0) <= order.price :
            book.bidCount() > 0 && book.bidPrice(0) >= order.price;
    }

    // -- market data

    /**
     * See one market-data event before it is published: update the book, decide the fills it causes. Call
     * {@link #publishFills()} after the event itself is published.
     *
     * @param event a market-data event (others are ignored).
     */
    public void observe(final InboundEvent event)
    {
        pendingCount = 0;
        final int id = event.instrumentId;
        if (!validInstrument(id))
        {
            return;
        }
        switch (event.type)
        {
            case BOOK_SNAPSHOT:
                books[id].applySnapshot(event);
                matchBook(id);
                break;
            case BOOK_UPDATE:
                books[id].applyUpdate(event);
                matchBook(id);
                break;
            case BOOK_RESET:
                books[id].reset();
                break;
            case TRADE:
                matchTrade(id, Side.BUY, event.price, event.size);
                matchTrade(id, Side.SELL, event.price, event.size);
                break;
            default:
                break;
        }
    }

    /**
     * Publish the fills {@link #observe} decided: per fill an ORDER_UPDATE then a FILL.
     *
     * @return fills published.
     */
    public int publishFills()
    {
        final int count = pendingCount;
        for (int i = 0; i < count; i++)
        {
            final PaperOrder order = orders[pendingSlots[i]];
            update(order);
            fill(order, pendingSizes[i]);
        }
        pendingCount = 0;
        return count;
    }

    private void matchBook(final int id)
    {
        final OrderBook book = books[id];
        if (!book.isValid() || openCount == 0)
        {
            return;
        }
        final long bestBid = book.bidCount() > 0 ? book.bidPrice(0) : Long.MIN_VALUE;
        final long bestAsk = book.askCount() > 0 ? book.askPrice(0) : Long.MAX_VALUE;
        for (int slot = 0; slot < orders.length; slot++)
        {
            final PaperOrder order = orders[slot];
            if (order.isOpen() && order.instrumentId == id &&
                (order.side == Side.BUY ? bestAsk <= order.price : bestBid >= order.price))
            {
                execute(slot, order.remaining());
            }
        }
    }

    private void matchTrade(final int id, final Side side, final long tradePrice, final long tradeSize)
    {
        long left = tradeSize;
        while (left > 0 && openCount > 0)
        {
            final int slot = bestEligible(id, side, tradePrice);
            if (slot < 0)
            {
                return;
            }
            final long size = Math.min(left, orders[slot].remaining());
            execute(slot, size);
            left -= size;
        }
    }

    private int bestEligible(final int id, final Side side, final long tradePrice)
    {
        int best = -1;
        for (int slot = 0; slot < orders.length; slot++)
        {
            final PaperOrder order = orders[slot];
            if (!order.isOpen() || order.instrumentId != id || order.side != side ||
                (side == Side.BUY ? tradePrice > order.price : tradePrice < order.price))
            {
                continue;
            }
            if (best < 0 || (side == Side.BUY ? order.price > orders[best].price : order.price < orders[best].price))
            {
                best = slot;
            }
        }
        return best;
    }

    private void execute(final int slot, final long size)
    {
        final PaperOrder order = orders[slot];
        order.filled += size;
        if (order.filled >= order.size)
        {
            close(order, VenueOrderStatus.FILLED, CancelReason.NONE);
        }
        else
        {
            order.status = VenueOrderStatus.PARTIALLY_FILLED;
        }
        pendingSlots[pendingCount] = slot;
        pendingSizes[pendingCount] = size;
        pendingCount++;
    }

    // -- events

    private void ack(final OutboundCommand c, final long orderId)
    {
        final long sequence = out.claim();
        final InboundEvent e = out.event(sequence);
        e.reset();
        e.type = EventType.COMMAND_ACK;
        fillCommandFields(e, c);
        e.orderId = orderId;
        publish(sequence, e);
    }

    private void reject(final OutboundCommand c, final int code)
    {
        final long sequence = out.claim();
        final InboundEvent e = out.event(sequence);
        e.reset();
        e.type = EventType.COMMAND_REJECT;
        fillCommandFields(e, c);
        e.rejectCode = code;
        publish(sequence, e);
    }

    private static void fillCommandFields(final InboundEvent e, final OutboundCommand c)
    {
        e.timestampNanos = System.nanoTime();
        e.instrumentId = c.instrumentId;
        e.commandType = c.type;
        e.clientOid(c.clientOid, 0, c.clientOidLength);
        if (c.type == CommandType.REPLACE)
        {
            e.newClientOid(c.newClientOid, 0, c.newClientOidLength);
        }
    }

    private void update(final PaperOrder order)
    {
        final long sequence = out.claim();
        final InboundEvent e = out.event(sequence);
        e.reset();
        e.type = EventType.ORDER_UPDATE;
        e.timestampNanos = System.nanoTime();
        e.instrumentId = order.instrumentId;
        e.clientOid(order.clientOid, 0, order.clientOidLength);
        e.orderId = order.orderId;
        e.side = order.side;
        e.price = order.price;
        e.size = order.size;
        e.cumulativeFilledSize = order.filled;
        e.averagePrice = order.filled > 0 ? order.price : 0;
        e.venueStatus = order.status;
        e.timeInForce = order.timeInForce;
        e.cancelReason = order.cancelReason;
        publish(sequence, e);
    }

    private void fill(final PaperOrder order, final long size)
    {
        final Instrument instrument = instruments.instrument(order.instrumentId);
        final long notional = InstrumentRules.notionalAmount(instrument, order.price, size);
        final long sequence = out.claim();
        final InboundEvent e = out.event(sequence);
        e.reset();
        e.type = EventType.FILL;
        e.timestampNanos = System.nanoTime();
        e.instrumentId = order.instrumentId;
        e.clientOid(order.clientOid, 0, order.clientOidLength);
        e.orderId = order.orderId;
        e.tradeId = nextTradeId++;
        e.side = order.side;
        e.price = order.price;
        e.size = size;
        e.maker = true;
        e.fee = Math.round((double)notional * (double)instrument.makerFeePpm() / (double)PPM);
        e.feeAssetId = instrument.quoteAssetId();
        publish(sequence, e);
    }

    private void publish(final long sequence, final InboundEvent e)
    {
        e.publishNanos = System.nanoTime();
        out.publish(sequence);
    }

    // -- slots

    private PaperOrder allocate()
    {
        for (int i = 0; i < orders.length; i++)
        {
            final PaperOrder order = orders[cursor];
            cursor = cursor + 1 == orders.length ? 0 : cursor + 1;
            if (!order.isOpen())
            {
                return order;
            }
        }
        return null;
    }

    private void close(final PaperOrder order, final VenueOrderStatus status, final CancelReason reason)
    {
        if (order.isOpen())
        {
            openCount--;
        }
        order.status = status;
        order.cancelReason = reason;
    }

    private PaperOrder findOpen(final byte[] clientOid, final int length)
    {
        final PaperOrder order = find(clientOid, length);
        return order != null && order.isOpen() ? order : null;
    }

    private PaperOrder find(final byte[] clientOid, final int length)
    {
        PaperOrder found = null;
        for (final PaperOrder order : orders)
        {
            if (order.used && order.hasClientOid(clientOid, length))
            {
                if (order.isOpen())
                {
                    return order;
                }
                found = order;
            }
        }
        return found;
    }

    private boolean validInstrument(final int id)
    {
        return id >= 0 && id < books.length;
    }

    /**
     * One order slot of the paper book.
     */
    private static final class PaperOrder
    {
        final byte[] clientOid = new byte[OutboundCommand.MAX_CLIENT_OID_LENGTH];
        int clientOidLength;
        boolean used;
        int instrumentId = -1;
        long orderId;
        Side side = Side.BUY;
        long price;
        long size;
        long filled;
        TimeInForce timeInForce = TimeInForce.POST_ONLY;
        VenueOrderStatus status = VenueOrderStatus.UNKNOWN;
        CancelReason cancelReason = CancelReason.NONE;

        void open(
            final int instrumentId, final byte[] oid, final int oidLength, final long orderId, final Side side,
            final long price, final long size, final TimeInForce timeInForce)
        {
            this.used = true;
            this.instrumentId = instrumentId;
            System.arraycopy(oid, 0, clientOid, 0, oidLength);
            this.clientOidLength = oidLength;
            this.orderId = orderId;
            this.side = side;
            this.price = price;
            this.size = size;
            this.filled = 0;
            this.timeInForce = timeInForce;
            this.status = VenueOrderStatus.LIVE;
            this.cancelReason = CancelReason.NONE;
        }

        boolean isOpen()
        {
            return used && (status == VenueOrderStatus.LIVE || status == VenueOrderStatus.PARTIALLY_FILLED);
        }

        long remaining()
        {
            return size - filled;
        }

        boolean hasClientOid(final byte[] oid, final int length)
        {
            if (length != clientOidLength)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (oid[i] != clientOid[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
