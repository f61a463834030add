package io.bitmm.gateway.bitget.v3;

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
 * Decodes UTA v3 private-stream frames (bitget-v3-uta-protocol.md §8.5: topics {@code order}, {@code fill},
 * {@code account}; login/subscribe acks, errors, {@code pong}) into ORDER_UPDATE, FILL and BALANCE events,
 * allocation-free. The {@code position} topic is not subscribed yet (spot only).
 * <p>
 * Differences from v2: {@code order} pushes carry no fill, so FILLs always come from {@code fill} pushes (which carry
 * the clientOid; {@code execId} is the trade id, unique per side); field names are {@code qty}, {@code cumExecQty},
 * {@code avgPrice}, {@code orderStatus}, {@code timeInForce}, {@code execPrice}, {@code execQty}, {@code execTime} /
 * {@code updatedTime}; {@code feeDetail} is {@code [{feeCoin, fee}]} with the fee <b>positive when paid</b> (docs;
 * §12.12 unconfirmed); the {@code account} element holds a {@code coin} array of {@code {coin, available, locked}}.
 * As on v2, each element's scalars are stashed and the slot claimed when the element closes.
 * {@link #decodeOrderObject} also reads REST order objects ({@code GET /api/v3/trade/order-info}).
 */
public final class UtaPrivateStreamDecoder implements PrivateStreamCodec
{
        private static final int CHANNEL_ORDERS = 1;
    private static final int CHANNEL_FILL = 2;
    private static final int CHANNEL_ACCOUNT = 3;
    private static final int CHANNEL_OTHER = 4;
    private static final int CHANNEL_POSITION = 5;

    // stash slots
    private static final int INST_ID = 0;
    private static final int ORDER_ID = 1;
    private static final int CLIENT_OID = 2;
    private static final int PRICE = 3;
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
    private static final int TRADE_SCOPE = 17;
    private static final int TIME = 18;
    private static final int COIN = 19;
    private static final int AVAILABLE = 20;
    private static final int FROZEN = 21;
    private static final int FEE_COIN = 22;
    private static final int TOTAL_FEE = 23;
    private static final int DEDUCTION = 24;
    private static final int POS_SIDE = 25;
    private static final int POS_SIZE = 26;
    private static final int POS_STATUS = 27;
    private static final int MARK_PRICE = 28;
    private static final int UNREALISED_PNL = 29;
    private static final int FUNDING_TOTAL = 30;
    private static final int SLOTS = 31;
    private static final int SLOT_CHARS = 96;

    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final GatewayCounters counters;
    private final DistinctErrorLog errorLog;
    private final JsonFrameParser json = new JsonFrameParser();
    private final ElementStash fields;
    private final PrivateFrames frames;

    private long rxNanos;
    private boolean queryReply;
    private boolean lastObjectPublished;
    /** USDT-FUTURES: the {@code position} topic is subscribed. */
    private final boolean positions;
    /** Per instrument: open at the venue as far as the last {@code position} element said. */
    private final boolean[] positionOpen;
    /** Per instrument: the position's cumulative funding ({@code totalFundingFee}) last seen, amount units. */
    private final long[] fundingSeen;
    private boolean positionsSeenOnce;

    /**
     * A spot decoder ({@code order}, {@code fill}, {@code account}).
     *
     * @param instruments     the traded instruments and assets.
     * @param publisher       the inbound ring.
     * @param counters        counters.
     * @param errorLog        distinct error log.
     */
    public UtaPrivateStreamDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog)
    {
        this(instruments, publisher, counters, errorLog, false);
    }

    /**
     * @param instruments the traded instruments and assets.
     * @param publisher   the inbound ring.
     * @param counters    counters.
     * @param errorLog    distinct error log.
     * @param positions   true for USDT-FUTURES: also the {@code position} topic (§8.5), each element a
     *                    POSITION_SNAPSHOT (signed {@code size} by {@code posSide}, {@code avgPrice}, {@code markPrice}
     *                    when given, {@code unrealisedPnl}; {@code positionStatus:"ended"} is flat), and a rise or
     *                    fall of its cumulative {@code totalFundingFee} (positive received) since the last element a
     *                    FUNDING event. The first push after start only sets the baseline (funding before this run is
     *                    in the balance already); a position opened later starts from 0.
     */
    public UtaPrivateStreamDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog,
        final boolean positions)
    {
        this.instruments = instruments;
        this.fields = new ElementStash(SLOTS, SLOT_CHARS, instruments, counters)
            .keys(UtaPrivateStreamDecoder::slotOf, TOTAL_FEE, "fee", TOTAL_FEE, FEE_COIN, DEDUCTION);
        this.frames = new PrivateFrames(json, counters, errorLog, "private v3: ", "topic", new Topics());
        this.publisher = publisher;
        this.counters = counters;
        this.errorLog = errorLog;
        this.positions = positions;
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
            return Chars.equalsAscii(c, o, l, "order") ? CHANNEL_ORDERS : Chars.equalsAscii(c, o, l, "fill") ?
                CHANNEL_FILL : Chars.equalsAscii(c, o, l, "account") ? CHANNEL_ACCOUNT :
                Chars.equalsAscii(c, o, l, "position") ? CHANNEL_POSITION : CHANNEL_OTHER;
        }

        @Override
        public boolean dataArray() throws IOException
        {
            return UtaPrivateStreamDecoder.this.dataArray();
        }
    }

    private boolean dataArray() throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.START_OBJECT)
        {
            if (frames.channel() == CHANNEL_ACCOUNT)
            {
                if (!accountElement())
                {
                    return false;
                }
                continue;
            }
            if (!stashObject())
            {
                return false;
            }
            switch (frames.channel())
            {
                case CHANNEL_ORDERS:
                    publishOrder(EventType.ORDER_UPDATE);
                    break;
                case CHANNEL_FILL:
                    publishFill();
                    break;
                case CHANNEL_POSITION:
                    publishPosition();
                    break;
                default:
                    break;
            }
        }
        if (frames.channel() == CHANNEL_POSITION && token == JsonToken.END_ARRAY)
        {
            positionsSeenOnce = true;
        }
        return token == JsonToken.END_ARRAY;
    }

    /**
     * One {@code position} element (one-way mode: one per symbol) as a POSITION_SNAPSHOT, and its funding since the
     * last element as a FUNDING event.
     */
    private void publishPosition()
    {
        final int id = fields.instrumentOf(INST_ID);
        if (id < 0)
        {
            if (id == -1)
            {
                frames.drop("position without a symbol");
            }
            return;
        }
        final Instrument instrument = instruments.instrument(id);
        if (!instrument.isPerpetual())
        {
            return;
        }
        fields.clearInvalid();
        final boolean ended = fields.is(POS_STATUS, "ended");
        final long magnitude = ended ? 0 : fields.signedDecimalOf(POS_SIZE, instrument.sizeScale());
        final long size = fields.is(POS_SIDE, "short") ? -Math.abs(magnitude) : magnitude;
        final long funding = fields.signedDecimalOf(FUNDING_TOTAL, Amounts.DECIMALS);
        final long mark = fields.decimalOf(MARK_PRICE, instrument.priceScale());
        final long entry = fields.decimalOf(PRICE_AVG, instrument.priceScale());
        final long unrealized = fields.signedDecimalOf(UNREALISED_PNL, Amounts.DECIMALS);
        if (fields.invalid() || (!ended && !fields.has(POS_SIZE)))
        {
            frames.drop("position with a missing or unreadable size, price or funding");
            return;
        }
        final boolean wasOpen = positionOpen[id];
        positionOpen[id] = size != 0;
        final InboundEvent e = claim(EventType.POSITION_SNAPSHOT, id);
        e.size = size;
        e.averagePrice = size == 0 ? 0 : entry;
        e.price = mark;
        e.amount = unrealized;
        e.venueTimeMs = fields.longOf(TIME);
        publish(e);
        final long delta = funding - (wasOpen ? fundingSeen[id] : 0);
        fundingSeen[id] = size == 0 ? 0 : funding;
        if (positionsSeenOnce && delta != 0 && (wasOpen || size != 0))
        {
            final InboundEvent f = claim(EventType.FUNDING, id);
            f.amount = delta;
            f.assetId = instrument.quoteAssetId();
            f.price = mark;
            f.size = size != 0 ? size : 0;
            f.venueTimeMs = fields.longOf(TIME);
            publish(f);
        }
    }

    /** One {@code account} element: its {@code coin} array, one BALANCE per traded coin. */
    private boolean accountElement() throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final boolean coins = "coin".equals(json.name());
            final JsonToken value = json.next();
            if (coins && value == JsonToken.START_ARRAY)
            {
                JsonToken item;
                while ((item = json.next()) == JsonToken.START_OBJECT)
                {
                    if (!stashObject())
                    {
                        return false;
                    }
                    publishBalance();
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
            case "symbol":
                return INST_ID;
            case "orderId":
                return ORDER_ID;
            case "clientOid":
                return CLIENT_OID;
            case "price":
                return PRICE;
            case "qty":
                return SIZE;
            case "side":
                return SIDE;
            case "orderStatus":
                return STATUS;
            case "cumExecQty":
                return ACC_BASE_VOLUME;
            case "avgPrice":
                return PRICE_AVG;
            case "cancelReason":
                return CANCEL_REASON;
            case "timeInForce":
                return FORCE;
            case "execPrice":
                return FILL_PRICE;
            case "execId":
                return TRADE_ID;
            case "execQty":
                return BASE_VOLUME;
            case "tradeScope":
                return TRADE_SCOPE;
            case "updatedTime":
            case "execTime":
                return TIME;
            case "coin":
                return COIN;
            case "available":
                return AVAILABLE;
            case "posSide":
                return POS_SIDE;
            case "size":
                return POS_SIZE;
            case "positionStatus":
                return POS_STATUS;
            case "markPrice":
                return MARK_PRICE;
            case "unrealisedPnl":
                return UNREALISED_PNL;
            case "totalFundingFee":
                return FUNDING_TOTAL;
            case "locked":
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
        errorLog.record("private v3: order queried: " + why, null);
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
        e.side = fields.is(SIDE, "sell") ? Side.SELL : Side.BUY;
        final String why;
        e.price = fields.defaultZero(PRICE, instrument.priceScale());
        e.size = fields.defaultZero(SIZE, instrument.sizeScale());
        e.cumulativeFilledSize = fields.defaultZero(ACC_BASE_VOLUME, instrument.sizeScale());
        e.commandType = queryReply ? io.bitmm.core.event.CommandType.QUERY_ORDER : io.bitmm.core.event.CommandType.NONE;
        e.averagePrice = fields.defaultZero(PRICE_AVG, instrument.priceScale());
        e.venueStatus = fields.status(STATUS);
        e.timeInForce = fields.force(FORCE);
        e.cancelReason = fields.cancelReason(CANCEL_REASON, e.venueStatus, e.timeInForce);
        why = e.venueStatus == VenueOrderStatus.UNKNOWN ? "status missing, null, empty or unknown" :
            "an unreadable price, qty, cumExecQty or avgPrice";
        // a push never says "not found": an unreadable status must not close the order
        fields.invalidIf(e.venueStatus == VenueOrderStatus.UNKNOWN);
        if (fields.invalid())
        {
            e.type = EventType.COMMAND_UNKNOWN;
            e.commandType = io.bitmm.core.event.CommandType.NONE;
            counters.increment(GatewayCounters.FIELD_QUERIES);
            errorLog.record("private v3: order queried: " + why, null);
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
        // v3 writes the fee positive when paid, negative for a rebate (docs §8.5; §12.12 unconfirmed): our sign
        e.fee = venueFee;
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
        e.price = fields.requiredPositive(FILL_PRICE, instrument.priceScale());
        e.size = fields.requiredPositive(BASE_VOLUME, instrument.sizeScale());
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
                errorLog.record("private v3: order queried: fill with an unreadable side, tradeId, price or size", null);
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
        // v3's account push gives a coin no time (§8.5): 0 is "unknown", not a default taken, so not counted
        e.venueTimeMs = fields.longOf(TIME);
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
        return "{\"op\":\"subscribe\",\"args\":[" +
            "{\"instType\":\"UTA\",\"topic\":\"order\"}," +
            "{\"instType\":\"UTA\",\"topic\":\"fill\"}," +
            (positions ? "{\"instType\":\"UTA\",\"topic\":\"position\"}," : "") +
            "{\"instType\":\"UTA\",\"topic\":\"account\"}]}";
    }

    @Override
    public int channels()
    {
        return positions ? 4 : 3;
    }
}
