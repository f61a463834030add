package io.bitmm.gateway.bitget.v2;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.ElementStash;
import io.bitmm.gateway.bitget.PrivateFrames;
import io.bitmm.gateway.bitget.PrivateStreamCodec;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.JsonFrameParser;

import java.io.IOException;

/**
 * Decodes v2 private-stream frames ({@code orders}, {@code fill}, {@code account}, login/subscribe acks, errors,
 * {@code pong}) into ORDER_UPDATE, FILL and BALANCE events, allocation-free.
 * <p>
 * Inside a {@code data} element the key order is free and a price cannot be scaled before the element's symbol is
 * known, so each element's scalar fields are first copied into preallocated character stashes; the slot is
 * claimed and filled when the element closes. {@link #decodeOrderObject} is also used for REST {@code orderInfo}
 * replies (there {@code baseVolume} is the cumulative filled size, and the event's {@code commandType} is
 * QUERY_ORDER).
 */
public final class SpotPrivateStreamDecoder implements PrivateStreamCodec
{
        private static final int CHANNEL_ORDERS = 1;
    private static final int CHANNEL_FILL = 2;
    private static final int CHANNEL_ACCOUNT = 3;
    private static final int CHANNEL_OTHER = 4;
    private static final int CHANNEL_POSITIONS = 5;

    // stash slots
    private static final int INST_ID = 0;
    private static final int ORDER_ID = 1;
    private static final int CLIENT_OID = 2;
    private static final int PRICE = 3;
    private static final int NEW_SIZE = 4;
    private static final int SIZE = 5;
    private static final int SIDE = 6;
    private static final int STATUS = 7;
    private static final int ACC_BASE_VOLUME = 8;
    private static final int PRICE_AVG = 9;
    private static final int CANCEL_REASON = 10;
    private static final int FORCE = 11;
    private static final int FILL_PRICE = 12;
    private static final int TRADE_ID = 13;
    private static final int BASE_VOLUME = 14;
    private static final int FILL_FEE = 15;
    private static final int FILL_FEE_COIN = 16;
    private static final int TRADE_SCOPE = 17;
    private static final int TIME = 18;
    private static final int COIN = 19;
    private static final int AVAILABLE = 20;
    private static final int FROZEN = 21;
    private static final int FEE_COIN = 22;
    private static final int TOTAL_FEE = 23;
    private static final int DEDUCTION = 24;
    private static final int HOLD_SIDE = 25;
    private static final int TOTAL = 26;
    private static final int OPEN_PRICE_AVG = 27;
    private static final int MARK_PRICE = 28;
    private static final int UNREALIZED_PL = 29;
    private static final int FUNDING_TOTAL = 30;
    private static final int SLOTS = 31;
    private static final int SLOT_CHARS = 96;

    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final GatewayCounters counters;
    private final DistinctErrorLog errorLog;
    private final boolean fillsFromOrders;
    private final JsonFrameParser json = new JsonFrameParser();
    private final ElementStash fields;
    private final PrivateFrames frames;

    private long rxNanos;
    private boolean queryReply;
    private boolean lastObjectPublished;

    /** {@code SPOT} or {@code USDT-FUTURES}: the instType subscribed. */
    private final String instType;
    /** Futures, per instrument: in the venue's last positions push. */
    private final boolean[] positionListed;
    /** Futures, per instrument: open at the venue as far as the last push said. */
    private final boolean[] positionOpen;
    /** Futures, per instrument: the position's cumulative funding ({@code totalFee}) last seen, amount units. */
    private final long[] fundingSeen;
    private boolean positionsSeenOnce;

    /**
     * @param instruments     the traded instruments and assets.
     * @param publisher       the inbound ring.
     * @param counters        counters.
     * @param errorLog        distinct error log.
     * @param fillsFromOrders true: FILLs come from {@code orders} pushes (they carry the clientOid) and {@code fill}
     *                        pushes are not published; false: the reverse.
     */
    public SpotPrivateStreamDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog,
        final boolean fillsFromOrders)
    {
        this.instruments = instruments;
        this.fields = new ElementStash(SLOTS, SLOT_CHARS, instruments, counters)
            .keys(SpotPrivateStreamDecoder::slotOf, TOTAL_FEE, "totalFee", TOTAL_FEE, FEE_COIN, DEDUCTION);
        this.frames = new PrivateFrames(json, counters, errorLog, "private: ", "channel", new Topics());
        this.publisher = publisher;
        this.counters = counters;
        this.errorLog = errorLog;
        this.fillsFromOrders = fillsFromOrders;
        this.instType = "SPOT";
        this.positionListed = new boolean[0];
        this.positionOpen = new boolean[0];
        this.fundingSeen = new long[0];
    }

    /**
     * A decoder for one instType: {@code SPOT}, or {@code USDT-FUTURES} (classic v2 mix: the same {@code orders},
     * {@code fill} and {@code account} shapes with futures fields, {@code account} keyed by {@code marginCoin}, and
     * {@code positions}: each push lists every open position, one absent is flat). A position becomes a
     * POSITION_SNAPSHOT (signed {@code total} by {@code holdSide}, {@code openPriceAvg}, {@code markPrice},
     * {@code unrealizedPL}); a rise or fall of its cumulative funding ({@code totalFee}, positive received) since the
     * last push becomes a FUNDING event. The first push after start only sets the baseline (funding before this run
     * is in the balance already); a position opened later starts from 0.
     *
     * @param instruments     the traded instruments and assets.
     * @param publisher       the inbound ring.
     * @param counters        counters.
     * @param errorLog        distinct error log.
     * @param fillsFromOrders as in the spot constructor.
     * @param instType        {@code SPOT} or {@code USDT-FUTURES}.
     */
    public SpotPrivateStreamDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog,
        final boolean fillsFromOrders,
        final String instType)
    {
        this.instruments = instruments;
        this.fields = new ElementStash(SLOTS, SLOT_CHARS, instruments, counters)
            .keys(SpotPrivateStreamDecoder::slotOf, TOTAL_FEE, "totalFee", TOTAL_FEE, FEE_COIN, DEDUCTION);
        this.frames = new PrivateFrames(json, counters, errorLog, "private: ", "channel", new Topics());
        this.publisher = publisher;
        this.counters = counters;
        this.errorLog = errorLog;
        this.fillsFromOrders = fillsFromOrders;
        this.instType = instType;
        this.positionListed = new boolean[instruments.instrumentCount()];
        this.positionOpen = new boolean[instruments.instrumentCount()];
        this.fundingSeen = new long[instruments.instrumentCount()];
    }

    /**
     * Decode one complete text frame.
     *
     * @param buffer  bytes.
     * @param offset  start.
     * @param length  length.
     * @param rxNanos receive stamp.
     * @return {@link #OK}, {@link #PONG}, {@link #CONTROL} or {@link #ERROR}.
     */
    @Override
    public int onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
    {
        this.rxNanos = rxNanos;
        return frames.onFrame(buffer, offset, length);
    }

    /** This dialect's channels for the shared frame loop. */
    private final class Topics implements PrivateFrames.Topics
    {
        @Override
        public int channelOf(final char[] c, final int o, final int l)
        {
            return Chars.equalsAscii(c, o, l, "orders") ? CHANNEL_ORDERS : Chars.equalsAscii(c, o, l, "fill") ?
                CHANNEL_FILL : Chars.equalsAscii(c, o, l, "account") ? CHANNEL_ACCOUNT :
                Chars.equalsAscii(c, o, l, "positions") ? CHANNEL_POSITIONS : CHANNEL_OTHER;
        }

        @Override
        public boolean dataArray() throws IOException
        {
            return SpotPrivateStreamDecoder.this.dataArray();
        }
    }

    private boolean dataArray() throws IOException
    {
        if (frames.channel() == CHANNEL_POSITIONS)
        {
            return positionsArray();
        }
        JsonToken token;
        while ((token = json.next()) == JsonToken.START_OBJECT)
        {
            if (!stashObject())
            {
                return false;
            }
            switch (frames.channel())
            {
                case CHANNEL_ORDERS:
                    if (publishOrder(EventType.ORDER_UPDATE) && fillsFromOrders && fields.has(TRADE_ID))
                    {
                        publishOrder(EventType.FILL);
                    }
                    break;
                case CHANNEL_FILL:
                    if (!fillsFromOrders)
                    {
                        publishFill();
                    }
                    break;
                case CHANNEL_ACCOUNT:
                    publishBalance();
                    break;
                default:
                    break;
            }
        }
        return token == JsonToken.END_ARRAY;
    }

    private boolean positionsArray() throws IOException
    {
        for (int id = 0; id < positionListed.length; id++)
        {
            positionListed[id] = false;
        }
        JsonToken token;
        while ((token = json.next()) == JsonToken.START_OBJECT)
        {
            if (!stashObject())
            {
                return false;
            }
            publishPosition();
        }
        if (token != JsonToken.END_ARRAY)
        {
            return false;
        }
        for (int id = 0; id < positionListed.length; id++)
        {
            if (!positionListed[id] && (positionOpen[id] || !positionsSeenOnce) && instruments.instrument(id).isPerpetual())
            {
                // absent from the list: flat at the venue (a closed position drops out)
                final InboundEvent e = claim(EventType.POSITION_SNAPSHOT, id);
                publish(e);
                positionOpen[id] = false;
                fundingSeen[id] = 0;
            }
        }
        positionsSeenOnce = true;
        return true;
    }

    private void publishPosition()
    {
        final int id = fields.instrumentOf(INST_ID);
        if (id < 0)
        {
            if (id == -1)
            {
                frames.drop("position without an instId");
            }
            return;
        }
        final Instrument instrument = instruments.instrument(id);
        fields.clearInvalid();
        final long total = fields.decimalOf(TOTAL, instrument.sizeScale());
        final long size = fields.is(HOLD_SIDE, "short") ? -total : total;
        final long funding = fields.signedDecimalOf(FUNDING_TOTAL, Amounts.DECIMALS);
        final long mark = fields.decimalOf(MARK_PRICE, instrument.priceScale());
        final long entry = fields.decimalOf(OPEN_PRICE_AVG, instrument.priceScale());
        final long unrealized = fields.signedDecimalOf(UNREALIZED_PL, Amounts.DECIMALS);
        if (fields.invalid() || !fields.has(TOTAL))
        {
            frames.drop("position with a missing or unreadable total, price or funding");
            return;
        }
        final boolean wasOpen = positionOpen[id];
        positionListed[id] = true;
        positionOpen[id] = total != 0;
        final InboundEvent e = claim(EventType.POSITION_SNAPSHOT, id);
        e.size = size;
        e.averagePrice = entry;
        e.price = mark;
        e.amount = unrealized;
        e.venueTimeMs = fields.longOf(TIME);
        publish(e);
        final long delta = funding - (wasOpen ? fundingSeen[id] : 0);
        fundingSeen[id] = funding;
        if (positionsSeenOnce && delta != 0)
        {
            final InboundEvent f = claim(EventType.FUNDING, id);
            f.amount = delta;
            f.assetId = instrument.quoteAssetId();
            f.price = mark;
            f.size = size;
            f.venueTimeMs = fields.longOf(TIME);
            publish(f);
        }
    }

    /**
     * Decode one order object (the parser is positioned after its START_OBJECT) and publish it as an ORDER_UPDATE:
     * for REST {@code orderInfo} replies.
     *
     * @param parser  the parser positioned inside the object.
     * @param rxNanos receive stamp.
     * @return false when the object was truncated.
     * @throws IOException on malformed JSON.
     */
    public boolean decodeOrderObject(final JsonFrameParser parser, final long rxNanos) throws IOException
    {
        this.rxNanos = rxNanos;
        lastObjectPublished = false;
        if (!fields.readObject(parser))
        {
            return false;
        }
        queryReply = true;
        lastObjectPublished = publishOrder(EventType.ORDER_UPDATE) || (fields.hasId(CLIENT_OID) && fields.instrumentOf(INST_ID) == -1);
        queryReply = false;
        return true;
    }

    /**
     * @return true when the last {@link #decodeOrderObject} published an event naming the order (an ORDER_UPDATE, or
     *         a COMMAND_UNKNOWN to query it again); false when it dropped the object (no clientOid, another symbol).
     */
    public boolean lastObjectPublished()
    {
        return lastObjectPublished;
    }

    /**
     * @param clientOid the clientOid a query asked for (ASCII).
     * @param length    its length.
     * @return true when the last {@link #decodeOrderObject} published an event for exactly that order.
     */
    public boolean lastObjectNames(final byte[] clientOid, final int length)
    {
        return lastObjectPublished && fields.is(CLIENT_OID, clientOid, length);
    }

    private boolean stashObject() throws IOException
    {
        return fields.readObject(json);
    }

    private static int slotOf(final String name)
    {
        switch (name)
        {
            case "instId":
            case "symbol":
                return INST_ID;
            case "orderId":
                return ORDER_ID;
            case "clientOid":
                return CLIENT_OID;
            case "price":
                return PRICE;
            case "newSize":
                return NEW_SIZE;
            case "size":
                return SIZE;
            case "side":
                return SIDE;
            case "status":
                return STATUS;
            case "accBaseVolume":
            case "baseVolume_acc":
                return ACC_BASE_VOLUME;
            case "priceAvg":
                return PRICE_AVG;
            case "cancelReason":
                return CANCEL_REASON;
            case "force":
                return FORCE;
            case "fillPrice":
                return FILL_PRICE;
            case "tradeId":
                return TRADE_ID;
            case "baseVolume":
                return BASE_VOLUME;
            case "fillFee":
                return FILL_FEE;
            case "fillFeeCoin":
                return FILL_FEE_COIN;
            case "tradeScope":
                return TRADE_SCOPE;
            case "uTime":
                return TIME;
            case "coin":
            case "marginCoin":
                return COIN;
            case "holdSide":
                return HOLD_SIDE;
            case "total":
                return TOTAL;
            case "openPriceAvg":
                return OPEN_PRICE_AVG;
            case "markPrice":
                return MARK_PRICE;
            case "unrealizedPL":
                return UNREALIZED_PL;
            case "totalFee":
                return FUNDING_TOTAL;
            case "available":
                return AVAILABLE;
            case "frozen":
                return FROZEN;
            case "feeDetail":
                return TOTAL_FEE;
            default:
                return -1;
        }
    }

    private InboundEvent claim(final EventType type, final int instrumentId)
    {
        final long sequence = publisher.claim();
        final InboundEvent e = publisher.event(sequence);
        e.reset();
        e.type = type;
        e.timestampNanos = rxNanos;
        e.instrumentId = instrumentId;
        e.publishNanos = sequence;
        return e;
    }

    private void publish(final InboundEvent e)
    {
        final long sequence = e.publishNanos;
        e.publishNanos = System.nanoTime();
        publisher.publish(sequence);
        counters.increment(GatewayCounters.EVENTS_PUBLISHED);
    }

    /**
     * An order element that names one of our orders (a clientOid) but cannot be applied as it stands: published as
     * COMMAND_UNKNOWN for that clientOid, so the core marks the order UNKNOWN and queries it (never drops it).
     */
    private void publishQuery(final int instrumentId, final String why)
    {
        final InboundEvent e = claim(EventType.COMMAND_UNKNOWN, Math.max(instrumentId, -1));
        fields.copyId(CLIENT_OID, e.clientOid, e);
        e.orderId = fields.longOf(ORDER_ID);
        publish(e);
        counters.increment(GatewayCounters.FIELD_QUERIES);
        errorLog.record("private: order queried: " + why, null);
    }

    /** @return true when the element was published as it stands (its fill may follow), false when dropped or queried. */
    private boolean publishOrder(final EventType type)
    {
        if (!fields.hasId(CLIENT_OID))
        {
            frames.drop("order without a usable clientOid (not ours)");
            return false;
        }
        final int instrumentId = fields.instrumentOf(INST_ID);
        if (instrumentId == -2)
        {
            frames.drop("order of an instrument not traded here");
            return false;
        }
        if (instrumentId < 0)
        {
            publishQuery(-1, "instId missing, null or empty");
            return false;
        }
        final Instrument instrument = instruments.instrument(instrumentId);
        fields.clearInvalid();
        final InboundEvent e = claim(type, instrumentId);
        fields.copyId(CLIENT_OID, e.clientOid, e);
        e.orderId = fields.countedLongOf(ORDER_ID);
        e.venueTimeMs = fields.countedLongOf(TIME);
        final boolean sideKnown = fields.is(SIDE, "buy") || fields.is(SIDE, "sell");
        e.side = fields.is(SIDE, "sell") ? Side.SELL : Side.BUY;
        final String why;
        if (type == EventType.FILL)
        {
            e.price = fields.requiredPositive(FILL_PRICE, instrument.priceScale());
            e.size = fields.requiredPositive(BASE_VOLUME, instrument.sizeScale());
            e.tradeId = fields.longOf(TRADE_ID);
            e.maker = !fields.isTaker(TRADE_SCOPE);
            fillFee(e, FILL_FEE, FILL_FEE_COIN, instrument);
            why = !sideKnown ? "fill with a missing or unknown side" : "fill with an unreadable fillPrice or baseVolume";
            fields.invalidIf(!sideKnown || e.tradeId == 0);
        }
        else
        {
            e.price = fields.defaultZero(PRICE, instrument.priceScale());
            e.size = fields.withFallback(NEW_SIZE, SIZE, instrument.sizeScale());
            e.cumulativeFilledSize = fields.withFallback(ACC_BASE_VOLUME, BASE_VOLUME, instrument.sizeScale());
            e.commandType = queryReply ? io.bitmm.core.event.CommandType.QUERY_ORDER : io.bitmm.core.event.CommandType.NONE;
            e.averagePrice = fields.defaultZero(PRICE_AVG, instrument.priceScale());
            e.venueStatus = fields.status(STATUS);
            e.timeInForce = fields.force(FORCE);
            e.cancelReason = fields.cancelReason(CANCEL_REASON, e.venueStatus, e.timeInForce);
            why = e.venueStatus == VenueOrderStatus.UNKNOWN ? "status missing, null, empty or unknown" :
                "an unreadable price, size, accBaseVolume or priceAvg";
            // a push never says "not found": an unreadable status must not close the order
            fields.invalidIf(e.venueStatus == VenueOrderStatus.UNKNOWN);
        }
        if (fields.invalid())
        {
            e.type = EventType.COMMAND_UNKNOWN;
            e.commandType = io.bitmm.core.event.CommandType.NONE;
            counters.increment(GatewayCounters.FIELD_QUERIES);
            errorLog.record("private: order queried: " + why, null);
        }
        publish(e);
        return true;
    }

    /**
     * The fee of a fill in our sign (positive paid, negative received). Missing, null or empty: no fee given, the
     * instrument's rate applies ({@code feeAssetId} -1); unreadable: the same, counted.
     */
    private void fillFee(final InboundEvent e, final int feeSlot, final int coinSlot, final Instrument instrument)
    {
        final boolean before = fields.invalid();
        fields.clearInvalid();
        final long venueFee = fields.signedDecimalOf(feeSlot, Amounts.DECIMALS);
        final boolean unreadable = fields.invalid();
        fields.invalid(before);
        if (!fields.has(feeSlot) || unreadable)
        {
            fields.defaulted();
            e.fee = 0;
            e.feeAssetId = -1;
            return;
        }
        if (!fields.is(DEDUCTION, "no") && !fields.is(DEDUCTION, "yes") && fields.present(DEDUCTION))
        {
            fields.defaulted();
        }
        if (fields.is(DEDUCTION, "yes"))
        {
            // paid in BGB (written positive): it touches neither traded coin
            e.fee = venueFee;
            e.feeAssetId = InboundEvent.FEE_ASSET_OTHER;
            return;
        }
        // Bitget signs the fee as a balance change: negative is a fee paid, positive a rebate received (section 7)
        e.fee = -venueFee;
        e.feeAssetId = fields.feeAsset(coinSlot, instrument, e.side);
    }

    private void publishFill()
    {
        final int instrumentId = fields.instrumentOf(INST_ID);
        if (instrumentId < 0)
        {
            if (fields.hasId(CLIENT_OID) && instrumentId == -1)
            {
                publishQuery(-1, "fill without a symbol");
            }
            else
            {
                frames.drop(instrumentId == -1 ? "fill without a symbol" : "fill of an instrument not traded here");
            }
            return;
        }
        final Instrument instrument = instruments.instrument(instrumentId);
        fields.clearInvalid();
        final InboundEvent e = claim(EventType.FILL, instrumentId);
        fields.copyId(CLIENT_OID, e.clientOid, e);
        e.orderId = fields.countedLongOf(ORDER_ID);
        e.tradeId = fields.longOf(TRADE_ID);
        e.side = fields.is(SIDE, "sell") ? Side.SELL : Side.BUY;
        e.price = fields.requiredPositive(fields.has(PRICE_AVG) ? PRICE_AVG : PRICE, instrument.priceScale());
        e.size = fields.requiredPositive(fields.has(SIZE) ? SIZE : BASE_VOLUME, instrument.sizeScale());
        e.maker = !fields.isTaker(TRADE_SCOPE);
        fillFee(e, TOTAL_FEE, FEE_COIN, instrument);
        e.venueTimeMs = fields.countedLongOf(TIME);
        fields.invalidIf(!(fields.is(SIDE, "buy") || fields.is(SIDE, "sell")) || e.tradeId == 0);
        if (fields.invalid())
        {
            if (fields.hasId(CLIENT_OID))
            {
                e.type = EventType.COMMAND_UNKNOWN;
                counters.increment(GatewayCounters.FIELD_QUERIES);
                errorLog.record("private: order queried: fill with an unreadable side, tradeId, price or size", null);
            }
            else
            {
                e.type = EventType.NONE;
                frames.drop("fill with an unreadable side, tradeId, price or size and no clientOid");
            }
        }
        publish(e);
    }

    private void publishBalance()
    {
        if (!fields.has(COIN))
        {
            frames.drop("balance without a coin");
            return;
        }
        final int assetId = fields.assetOf(COIN);
        if (assetId < 0)
        {
            return;
        }
        fields.clearInvalid();
        final long available = fields.decimalOf(AVAILABLE, Amounts.DECIMALS);
        final long frozen = fields.decimalOf(FROZEN, Amounts.DECIMALS);
        if (fields.invalid() || !fields.has(AVAILABLE))
        {
            frames.drop("balance with a missing, null, empty or unreadable available/frozen");
            return;
        }
        if (!fields.has(FROZEN))
        {
            fields.defaulted();
        }
        final InboundEvent e = claim(EventType.BALANCE, -1);
        e.assetId = assetId;
        e.available = available;
        e.frozen = frozen;
        e.venueTimeMs = fields.countedLongOf(TIME);
        publish(e);
    }

    @Override
    public int event()
    {
        return frames.event();
    }

    @Override
    public int code()
    {
        return frames.code();
    }

    @Override
    public String subscription()
    {
        final String positions = "SPOT".equals(instType) ? "" :
            ",{\"instType\":\"" + instType + "\",\"channel\":\"positions\",\"instId\":\"default\"}";
        return "{\"op\":\"subscribe\",\"args\":[" +
            "{\"instType\":\"" + instType + "\",\"channel\":\"orders\",\"instId\":\"default\"}," +
            "{\"instType\":\"" + instType + "\",\"channel\":\"fill\",\"instId\":\"default\"}," +
            "{\"instType\":\"" + instType + "\",\"channel\":\"account\",\"coin\":\"default\"}" + positions + "]}";
    }

    @Override
    public int channels()
    {
        return "SPOT".equals(instType) ? 3 : 4;
    }
}
