package io.bitmm.gateway.bitget;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.ByteFrameParser;

import java.io.IOException;

/**
 * The public stream's frame decoder for every dialect: {@code books} (incremental, with a checksum or a
 * {@code seq}/{@code pseq} chain), fixed-depth books, public trades, subscribe acks, errors and {@code pong}, decoded
 * straight into claimed inbound ring slots, allocation-free on the fast path. What differs between dialects (key and
 * channel names, sequencing) is a {@link PublicStreamKeys}; the dialect's codec (v2 {@code SpotMarketDataDecoder}, v3
 * {@code UtaMarketDataDecoder}) holds one of these and writes its own subscribe frames.
 * <p>
 * Sequencing {@link PublicStreamKeys#CHECKSUM}: a {@code checksum} on each books push (absent: counted), checked by
 * the core. {@link PublicStreamKeys#SEQ_CHAIN}: a snapshot ({@code pseq} 0) starts an instrument's chain at its
 * {@code seq}; each update must carry {@code pseq} equal to the last {@code seq}; a broken chain is an
 * {@link MarketDataCodec#ERROR} for that instrument, exactly like an undecodable book (the gateway resyncs it); a
 * {@code checksum} of 0 or absent is none.
 * <p>
 * A USDT-M perpetual's {@code ticker} (v2 §11, v3 §8.4; subscribed beside its books) becomes a
 * {@link EventType#MARK_PRICE} event with its {@code markPrice}, so that a perpetual is marked at the venue's mark
 * price from the start, not only from its first position push. A ticker without a readable {@code markPrice} (a spot
 * ticker, an empty value) publishes nothing and is counted as a field default; it never resyncs a book.
 * <p>
 * Key order in JSON is free: when {@code data} arrives before {@code arg}/{@code action} the first pass skips it
 * and a second pass over the same bytes (the frame is held in the caller's buffer) decodes it. A frame that cannot
 * be decoded is counted, reported once per kind, and its claimed slot is published as {@link EventType#NONE}; the
 * result tells the caller to resync.
 */
public final class PublicStreamDecoder
{
    private static final int CHANNEL_UNKNOWN = 0;
    private static final int CHANNEL_BOOKS = 1;
    private static final int CHANNEL_BOOKS_SNAPSHOT_ONLY = 2;
    private static final int CHANNEL_TRADE = 3;
    private static final int CHANNEL_OTHER = 4;
    private static final int CHANNEL_TICKER = 5;

    /** The ticker channel: the same name in v2 and v3; subscribed for USDT-M perpetuals, for its mark price. */
    static final String TICKER_CHANNEL = "ticker";
    /** The ticker element's mark price key (v2 mix and v3 futures). */
    private static final String MARK_PRICE = "markPrice";

    private static final int ACTION_NONE = 0;
    private static final int ACTION_SNAPSHOT = 1;
    private static final int ACTION_UPDATE = 2;

    private static final int SEEN_SEQ = 1;
    private static final int SEEN_TS = 2;
    private static final int SEEN_PRICE = 4;
    private static final int SEEN_SIZE = 8;
    private static final int SEEN_SIDE = 16;
    private static final int SEEN_TRADE_ID = 32;
    private static final int SEEN_PSEQ = 64;

    private final PublicStreamKeys keys;
    private final InstrumentTable instruments;
    private final InboundPublisher publisher;
    private final GatewayCounters counters;
    private final DistinctErrorLog errorLog;
    private final ByteFrameParser json = new ByteFrameParser();
    private final DecimalParser decimal = new DecimalParser();

    private int channel;
    private int action;
    private int instrumentId;
    private int event;
    private int code;
    private boolean dataDeferred;
    private boolean dataDone;
    private long rxNanos;
    private long claimed = -1;
    private String failure;
    private int seen;
    private int errorInstrumentId = -1;
    private final boolean[] awaitingSnapshot;
    private long updatesBeforeSnapshot;
    private final long[] lastSeq;
    private long pseq;
    private long chainBreaks;
    private long tickerMark;
    private long tickerTimeMs;
    private long frameTimeMs;

    /**
     * @param keys        the dialect's names and books sequencing.
     * @param instruments the traded instruments.
     * @param publisher   the inbound ring.
     * @param counters    where to count frames and errors.
     * @param errorLog    where to report the first error of each kind.
     */
    public PublicStreamDecoder(
        final PublicStreamKeys keys,
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog)
    {
        this.keys = keys;
        this.instruments = instruments;
        this.publisher = publisher;
        this.counters = counters;
        this.errorLog = errorLog;
        this.awaitingSnapshot = new boolean[instruments.instrumentCount()];
        this.lastSeq = new long[instruments.instrumentCount()];
    }

    /**
     * Drop {@code books} updates of an instrument until its next snapshot (after a (re)subscribe: updates still in
     * flight from the old subscription must not reach the core after its BOOK_RESET).
     *
     * @param instrumentId the instrument, or -1 for all.
     */
    public void awaitSnapshot(final int instrumentId)
    {
        for (int i = 0; i < awaitingSnapshot.length; i++)
        {
            if (instrumentId < 0 || i == instrumentId)
            {
                awaitingSnapshot[i] = true;
            }
        }
    }

    /**
     * @return book updates dropped because they arrived between a resync and its snapshot.
     */
    public long updatesBeforeSnapshot()
    {
        return updatesBeforeSnapshot;
    }

    /**
     * Decode one complete text frame.
     *
     * @param buffer  the frame's bytes (held unchanged for the call).
     * @param offset  where it starts.
     * @param length  its length.
     * @param rxNanos when its first bytes were read.
     * @return {@link MarketDataCodec#OK}, {@link MarketDataCodec#PONG}, {@link MarketDataCodec#CONTROL} or
     *         {@link MarketDataCodec#ERROR}.
     */
    public int onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
    {
        counters.increment(GatewayCounters.FRAMES);
        if (isPong(buffer, offset, length))
        {
            return MarketDataCodec.PONG;
        }
        this.rxNanos = rxNanos;
        channel = CHANNEL_UNKNOWN;
        action = ACTION_NONE;
        instrumentId = -1;
        event = MarketDataCodec.EVENT_NONE;
        code = 0;
        dataDeferred = false;
        dataDone = false;
        failure = null;
        errorInstrumentId = -1;
        tickerMark = 0;
        tickerTimeMs = 0;
        frameTimeMs = 0;
        try
        {
            json.feed(buffer, offset, length);
            parseRoot();
            if (failure == null && dataDeferred && headerKnown())
            {
                json.feed(buffer, offset, length);
                parseRoot();
            }
            if (failure == null && dataDeferred && !dataDone && channel != CHANNEL_OTHER && instrumentId >= 0)
            {
                failure = "data without a decodable header";
            }
            if (failure == null && tickerMark > 0)
            {
                publishMarkPrice();
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            json.recreate();
            failure = failure == null ? "malformed JSON" : failure;
            errorLog.record(keys.logPrefix + "malformed JSON", ex.getClass().getSimpleName());
        }
        return finish();
    }

    private int finish()
    {
        abandonClaim();
        if (failure != null)
        {
            // the frame may have been left part-read (a value of the wrong shape): start the next one afresh
            json.recreate();
            counters.increment(GatewayCounters.DECODE_ERRORS);
            errorLog.record(keys.logPrefix + failure, null);
            errorInstrumentId = instrumentId;
            return MarketDataCodec.ERROR;
        }
        if (event != MarketDataCodec.EVENT_NONE)
        {
            if (event == MarketDataCodec.EVENT_ERROR)
            {
                counters.increment(GatewayCounters.VENUE_ERRORS);
                errorLog.record(keys.logPrefix + "venue error event", "code " + code);
            }
            return MarketDataCodec.CONTROL;
        }
        return MarketDataCodec.OK;
    }

    private static boolean isPong(final byte[] buffer, final int offset, final int length)
    {
        return length == 4 && buffer[offset] == 'p' && buffer[offset + 1] == 'o' && buffer[offset + 2] == 'n' &&
            buffer[offset + 3] == 'g';
    }

    private boolean headerKnown()
    {
        if (instrumentId < 0)
        {
            return false;
        }
        return channel == CHANNEL_TRADE || channel == CHANNEL_BOOKS_SNAPSHOT_ONLY || channel == CHANNEL_TICKER ||
            (channel == CHANNEL_BOOKS && action != ACTION_NONE);
    }

    private void parseRoot() throws IOException
    {
        if (json.next() != JsonToken.START_OBJECT)
        {
            fail("frame is not a JSON object");
            return;
        }
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (!field(name, value))
            {
                fail("truncated frame");
                return;
            }
        }
        if (token != JsonToken.END_OBJECT)
        {
            fail("truncated frame");
            return;
        }
        if (!json.endOfFrame())
        {
            fail("trailing content after the frame");
            json.recreate();
        }
    }

    private boolean field(final String name, final JsonToken value) throws IOException
    {
        if (value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY && value != JsonToken.VALUE_STRING &&
            value != JsonToken.VALUE_NUMBER_INT && !"data".equals(name))
        {
            // null, true, false, a float: no header field has such a value; unknown fields are skipped the same way
            return json.skip(value);
        }
        switch (name)
        {
            case "action":
                if (value != JsonToken.VALUE_STRING)
                {
                    return json.skip(value);
                }
                if (json.rawString())
                {
                    final byte[] b = json.rawBytes();
                    action = Chars.equalsAscii(b, json.rawOffset(), json.rawLength(), "update") ? ACTION_UPDATE :
                        Chars.equalsAscii(b, json.rawOffset(), json.rawLength(), "snapshot") ? ACTION_SNAPSHOT :
                        ACTION_NONE;
                    return true;
                }
                action = Chars.equalsAscii(json.chars(), json.offset(), json.length(), "snapshot") ? ACTION_SNAPSHOT :
                    Chars.equalsAscii(json.chars(), json.offset(), json.length(), "update") ? ACTION_UPDATE : ACTION_NONE;
                return true;
            case "arg":
                return value == JsonToken.START_OBJECT ? parseArg() : json.skip(value);
            case "event":
                if (value != JsonToken.VALUE_STRING)
                {
                    return json.skip(value);
                }
                event = eventOf(json.chars(), json.offset(), json.length());
                return true;
            case "code":
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)
                {
                    return json.skip(value);
                }
                code = (int)Chars.parseLong(json.chars(), json.offset(), json.length());
                return true;
            case "data":
                return data(value);
            case "ts":
                frameTimeMs = timeOf(value);
                return skipComposite(value);
            default:
                return json.skip(value);
        }
    }

    private boolean data(final JsonToken value) throws IOException
    {
        if (dataDone || !headerKnown() || value != JsonToken.START_ARRAY)
        {
            dataDeferred = !dataDone;
            return json.skip(value);
        }
        dataDone = true;
        if (channel == CHANNEL_BOOKS && awaitingSnapshot[instrumentId])
        {
            if (action == ACTION_UPDATE)
            {
                updatesBeforeSnapshot++;
                return json.skip(value);
            }
            awaitingSnapshot[instrumentId] = false;
        }
        JsonToken token;
        while ((token = json.next()) == JsonToken.START_OBJECT)
        {
            final boolean complete = channel == CHANNEL_TRADE ? trade() : channel == CHANNEL_TICKER ? ticker() : book();
            if (!complete)
            {
                return false;
            }
        }
        return token == JsonToken.END_ARRAY;
    }

    private static int eventOf(final char[] chars, final int offset, final int length)
    {
        if (Chars.equalsAscii(chars, offset, length, "subscribe"))
        {
            return MarketDataCodec.EVENT_SUBSCRIBE;
        }
        if (Chars.equalsAscii(chars, offset, length, "unsubscribe"))
        {
            return MarketDataCodec.EVENT_UNSUBSCRIBE;
        }
        if (Chars.equalsAscii(chars, offset, length, "error"))
        {
            return MarketDataCodec.EVENT_ERROR;
        }
        return Chars.equalsAscii(chars, offset, length, "login") ? MarketDataCodec.EVENT_LOGIN :
            MarketDataCodec.EVENT_OTHER;
    }

    private boolean parseArg() throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (keys.channelKey.equals(name) && value == JsonToken.VALUE_STRING)
            {
                channel = json.rawString() ? channelOf(json.rawBytes(), json.rawOffset(), json.rawLength()) :
                    channelOf(json.chars(), json.offset(), json.length());
            }
            else if (keys.instrumentKey.equals(name) && value == JsonToken.VALUE_STRING)
            {
                instrumentId = json.rawString() ?
                    instruments.instrumentId(json.rawBytes(), json.rawOffset(), json.rawLength()) :
                    instruments.instrumentId(json.chars(), json.offset(), json.length());
            }
            else if (!json.skip(value))
            {
                return false;
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    private int channelOf(final byte[] bytes, final int offset, final int length)
    {
        if (Chars.equalsAscii(bytes, offset, length, keys.booksChannel))
        {
            return CHANNEL_BOOKS;
        }
        for (final String snapshotOnly : keys.snapshotOnlyChannels)
        {
            if (Chars.equalsAscii(bytes, offset, length, snapshotOnly))
            {
                return CHANNEL_BOOKS_SNAPSHOT_ONLY;
            }
        }
        if (Chars.equalsAscii(bytes, offset, length, TICKER_CHANNEL))
        {
            return CHANNEL_TICKER;
        }
        return Chars.equalsAscii(bytes, offset, length, keys.tradeChannel) ? CHANNEL_TRADE : CHANNEL_OTHER;
    }

    private int channelOf(final char[] chars, final int offset, final int length)
    {
        if (Chars.equalsAscii(chars, offset, length, keys.booksChannel))
        {
            return CHANNEL_BOOKS;
        }
        for (final String snapshotOnly : keys.snapshotOnlyChannels)
        {
            if (Chars.equalsAscii(chars, offset, length, snapshotOnly))
            {
                return CHANNEL_BOOKS_SNAPSHOT_ONLY;
            }
        }
        if (Chars.equalsAscii(chars, offset, length, TICKER_CHANNEL))
        {
            return CHANNEL_TICKER;
        }
        return Chars.equalsAscii(chars, offset, length, keys.tradeChannel) ? CHANNEL_TRADE : CHANNEL_OTHER;
    }

    private InboundEvent claim(final EventType type)
    {
        claimed = publisher.claim();
        final InboundEvent e = publisher.event(claimed);
        e.reset();
        e.type = type;
        e.timestampNanos = rxNanos;
        e.instrumentId = instrumentId;
        return e;
    }

    private void publish(final InboundEvent e, final boolean valid)
    {
        if (!valid)
        {
            e.type = EventType.NONE;
        }
        e.publishNanos = System.nanoTime();
        publisher.publish(claimed);
        claimed = -1;
        counters.increment(GatewayCounters.EVENTS_PUBLISHED);
    }

    private void abandonClaim()
    {
        if (claimed >= 0)
        {
            final InboundEvent e = publisher.event(claimed);
            e.type = EventType.NONE;
            publisher.publish(claimed);
            claimed = -1;
        }
    }

    private boolean book() throws IOException
    {
        final Instrument instrument = instruments.instrument(instrumentId);
        final InboundEvent e = claim(channel == CHANNEL_BOOKS && action == ACTION_UPDATE ?
            EventType.BOOK_UPDATE : EventType.BOOK_SNAPSHOT);
        final String before = failure;
        seen = 0;
        pseq = 0;
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            final boolean complete;
            if (keys.asks.equals(name))
            {
                complete = levels(value, e, false, instrument);
            }
            else if (keys.bids.equals(name))
            {
                complete = levels(value, e, true, instrument);
            }
            else if ("seq".equals(name))
            {
                e.seq = optionalNumber(value);
                seen |= SEEN_SEQ;
                complete = skipComposite(value);
            }
            else if (keys.bookTime.equals(name))
            {
                e.venueTimeMs = optionalNumber(value);
                seen |= SEEN_TS;
                complete = skipComposite(value);
            }
            else if ("checksum".equals(name))
            {
                complete = checksum(value, e);
            }
            else if ("pseq".equals(name) && keys.sequencing == PublicStreamKeys.SEQ_CHAIN)
            {
                pseq = optionalNumber(value);
                seen |= SEEN_PSEQ;
                complete = skipComposite(value);
            }
            else
            {
                complete = json.skip(value);
            }
            if (!complete)
            {
                return false;
            }
        }
        if (token != JsonToken.END_OBJECT)
        {
            return false;
        }
        if (keys.sequencing == PublicStreamKeys.CHECKSUM && !e.checksumPresent)
        {
            counters.increment(GatewayCounters.FIELD_DEFAULTS);
        }
        if ((seen & SEEN_SEQ) == 0 || (seen & SEEN_TS) == 0)
        {
            counters.increment(GatewayCounters.FIELD_DEFAULTS);
        }
        if (keys.sequencing == PublicStreamKeys.SEQ_CHAIN && channel == CHANNEL_BOOKS && failure == before)
        {
            chain(e);
        }
        publish(e, failure == before);
        return true;
    }

    /**
     * The {@code seq}/{@code pseq} chain of {@code books}: a snapshot starts it, an update must continue it.
     */
    private void chain(final InboundEvent e)
    {
        if (action == ACTION_UPDATE)
        {
            if ((seen & SEEN_PSEQ) == 0 || (seen & SEEN_SEQ) == 0 || pseq != lastSeq[instrumentId])
            {
                chainBreaks++;
                counters.increment(GatewayCounters.SEQUENCE_BREAKS);
                fail("broken seq/pseq chain");
                return;
            }
        }
        lastSeq[instrumentId] = e.seq;
    }

    /**
     * @return book updates whose {@code pseq} was not the last {@code seq} (each resynced the book).
     */
    public long chainBreaks()
    {
        return chainBreaks;
    }

    /**
     * {@code checksum}: a signed 32-bit number (also accepted as a string of one). Missing, {@code null} or empty:
     * no checksum (the book is not checked on this update), counted; anything else: a decode error (resync).
     */
    private boolean checksum(final JsonToken value, final InboundEvent e) throws IOException
    {
        if (value == JsonToken.VALUE_NULL || (value == JsonToken.VALUE_STRING && json.length() == 0))
        {
            return true;
        }
        final long checksum;
        if (value == JsonToken.VALUE_NUMBER_INT)
        {
            checksum = json.longValue();
        }
        else if (value == JsonToken.VALUE_STRING)
        {
            final boolean negative = json.chars()[json.offset()] == '-';
            final long magnitude = Chars.parseLong(json.chars(), json.offset() + (negative ? 1 : 0),
                json.length() - (negative ? 1 : 0));
            checksum = magnitude == Chars.NOT_A_NUMBER ? Long.MIN_VALUE : (negative ? -magnitude : magnitude);
        }
        else
        {
            fail("bad checksum");
            return json.skip(value);
        }
        if (checksum < Integer.MIN_VALUE || checksum > 0xFFFF_FFFFL)
        {
            fail("bad checksum");
            return true;
        }
        if (checksum != 0 || keys.sequencing == PublicStreamKeys.CHECKSUM)
        {
            e.checksum = (int)checksum;
            e.checksumPresent = true;
        }
        return true;
    }

    /** {@code seq}, {@code ts}: missing, {@code null} or empty read as 0, counted; text that is no integer fails. */
    private long optionalNumber(final JsonToken value) throws IOException
    {
        if (value == JsonToken.VALUE_STRING && json.rawString())
        {
            // the usual string-quoted ts: straight from the frame's bytes
            if (json.rawLength() == 0)
            {
                counters.increment(GatewayCounters.FIELD_DEFAULTS);
                return 0;
            }
            final long parsed = Chars.parseLong(json.rawBytes(), json.rawOffset(), json.rawLength());
            if (parsed == Chars.NOT_A_NUMBER)
            {
                fail("bad integer");
                return 0;
            }
            return parsed;
        }
        if (value == JsonToken.VALUE_NULL || (value == JsonToken.VALUE_STRING && json.length() == 0))
        {
            counters.increment(GatewayCounters.FIELD_DEFAULTS);
            return 0;
        }
        return number(value);
    }

    private boolean skipComposite(final JsonToken value) throws IOException
    {
        return value != JsonToken.START_OBJECT && value != JsonToken.START_ARRAY || json.skip(value);
    }

    private long number(final JsonToken value) throws IOException
    {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY || value == JsonToken.VALUE_NULL ||
            value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE)
        {
            fail("bad integer");
            return 0;
        }
        if (value == JsonToken.VALUE_NUMBER_INT)
        {
            return json.longValue();
        }
        final long parsed = Chars.parseLong(json.chars(), json.offset(), json.length());
        if (parsed == Chars.NOT_A_NUMBER)
        {
            fail("bad integer");
            return 0;
        }
        return parsed;
    }

    private boolean levels(final JsonToken value, final InboundEvent e, final boolean bids, final Instrument instrument)
        throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            fail("levels are not an array");
            return json.skip(value);
        }
        JsonToken token;
        int count = 0;
        while ((token = json.next()) == JsonToken.START_ARRAY)
        {
            if (count < InboundEvent.MAX_LEVELS)
            {
                if (!level(e, bids, count, instrument))
                {
                    return false;
                }
                count++;
            }
            else
            {
                e.truncatedLevels++;
                if (!json.skip(token))
                {
                    return false;
                }
            }
        }
        if (bids)
        {
            e.bidCount = count;
        }
        else
        {
            e.askCount = count;
        }
        return token == JsonToken.END_ARRAY;
    }

    private boolean level(final InboundEvent e, final boolean bids, final int index, final Instrument instrument)
        throws IOException
    {
        if (json.rawPair())
        {
            // the usual level, two plain strings: parsed straight from the frame's bytes, already consumed
            final byte[] bytes = json.rawBytes();
            if (decimal.parse(bytes, json.rawOffset(), json.rawLength(), instrument.priceScale()) != DecimalParser.OK)
            {
                fail("bad level price");
                return true;
            }
            final long price = decimal.value();
            final int priceDecimals = decimal.decimals();
            if (decimal.parse(bytes, json.rawOffset2(), json.rawLength2(), instrument.sizeScale()) != DecimalParser.OK)
            {
                fail("bad level size");
                return true;
            }
            store(e, bids, index, price, priceDecimals);
            return true;
        }
        JsonToken token = json.next();
        if (!isScalar(token) || levelDecimal(instrument.priceScale()) != DecimalParser.OK)
        {
            fail("bad level price");
            return json.skip(token) && skipRest(JsonToken.END_ARRAY);
        }
        final long price = decimal.value();
        final int priceDecimals = decimal.decimals();
        token = json.next();
        if (!isScalar(token) || levelDecimal(instrument.sizeScale()) != DecimalParser.OK)
        {
            fail("bad level size");
            return json.skip(token) && skipRest(JsonToken.END_ARRAY);
        }
        store(e, bids, index, price, priceDecimals);
        return skipRest(JsonToken.END_ARRAY);
    }

    /** Store a level whose size is the last decimal parsed. */
    private void store(final InboundEvent e, final boolean bids, final int index, final long price, final int priceDecimals)
    {
        if (bids)
        {
            e.bidPrices[index] = price;
            e.bidPriceDecimals[index] = (byte)priceDecimals;
            e.bidSizes[index] = decimal.value();
            e.bidSizeDecimals[index] = (byte)decimal.decimals();
        }
        else
        {
            e.askPrices[index] = price;
            e.askPriceDecimals[index] = (byte)priceDecimals;
            e.askSizes[index] = decimal.value();
            e.askSizeDecimals[index] = (byte)decimal.decimals();
        }
    }

    /** A level's price or size: straight from the frame's bytes when it is a plain string, else its characters. */
    private int levelDecimal(final int scale) throws IOException
    {
        if (json.rawString())
        {
            return decimal.parse(json.rawBytes(), json.rawOffset(), json.rawLength(), scale);
        }
        return decimal.parse(json.chars(), json.offset(), json.length(), scale);
    }

    private boolean skipRest(final JsonToken end) throws IOException
    {
        JsonToken token;
        while ((token = json.next()) != end)
        {
            if (token == JsonToken.NOT_AVAILABLE || token == null || token == JsonToken.END_OBJECT ||
                token == JsonToken.END_ARRAY || !json.skip(token))
            {
                return false;
            }
        }
        return true;
    }

    private static boolean isScalar(final JsonToken token)
    {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT ||
            token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    private boolean trade() throws IOException
    {
        final Instrument instrument = instruments.instrument(instrumentId);
        final InboundEvent e = claim(EventType.TRADE);
        final String before = failure;
        seen = 0;
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (keys.tradePrice.equals(name))
            {
                e.price = scaled(value, instrument.priceScale());
                seen |= SEEN_PRICE;
            }
            else if (keys.tradeSize.equals(name))
            {
                e.size = scaled(value, instrument.sizeScale());
                seen |= SEEN_SIZE;
            }
            else if (keys.tradeSide.equals(name))
            {
                seen |= SEEN_SIDE;
                if (value != JsonToken.VALUE_STRING || !(Chars.equalsAscii(json.chars(), json.offset(), json.length(),
                    "sell") || Chars.equalsAscii(json.chars(), json.offset(), json.length(), "buy")))
                {
                    counters.increment(GatewayCounters.FIELD_DEFAULTS);
                }
                e.side = value == JsonToken.VALUE_STRING &&
                    Chars.equalsAscii(json.chars(), json.offset(), json.length(), "sell") ? Side.SELL : Side.BUY;
            }
            else if (keys.tradeId.equals(name))
            {
                e.tradeId = number(value);
                seen |= SEEN_TRADE_ID;
            }
            else if (keys.tradeTime.equals(name))
            {
                e.venueTimeMs = optionalNumber(value);
                seen |= SEEN_TS;
            }
            if (!skipComposite(value))
            {
                return false;
            }
        }
        if (token != JsonToken.END_OBJECT)
        {
            return false;
        }
        if ((seen & (SEEN_PRICE | SEEN_SIZE)) != (SEEN_PRICE | SEEN_SIZE))
        {
            fail("trade without a price or size");
        }
        if ((seen & (SEEN_SIDE | SEEN_TS | SEEN_TRADE_ID)) != (SEEN_SIDE | SEEN_TS | SEEN_TRADE_ID))
        {
            counters.increment(GatewayCounters.FIELD_DEFAULTS);
        }
        publish(e, failure == before);
        return true;
    }

    /**
     * One ticker element: its {@code markPrice} as a MARK_PRICE event (time: the element's {@code ts}, v2, else the
     * frame's, v3 §8.4), claimed only once a mark price was read. Every other field is skipped.
     */
    private boolean ticker() throws IOException
    {
        final Instrument instrument = instruments.instrument(instrumentId);
        long mark = 0;
        long timeMs = 0;
        boolean markSeen = false;
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (MARK_PRICE.equals(name))
            {
                markSeen = true;
                if (isScalar(value) && decimal.parse(json.chars(), json.offset(), json.length(),
                    instrument.priceScale()) == DecimalParser.OK)
                {
                    mark = decimal.value();
                }
            }
            else if ("ts".equals(name))
            {
                timeMs = timeOf(value);
            }
            if (!skipComposite(value))
            {
                return false;
            }
        }
        if (token != JsonToken.END_OBJECT)
        {
            return false;
        }
        if (mark <= 0)
        {
            if (markSeen)
            {
                counters.increment(GatewayCounters.FIELD_DEFAULTS);
            }
            return true;
        }
        tickerMark = mark;
        tickerTimeMs = timeMs;
        return true;
    }

    /** A time in ms, number or string; 0 for anything else (a ticker's time is informative only). */
    private long timeOf(final JsonToken value) throws IOException
    {
        if (value == JsonToken.VALUE_NUMBER_INT)
        {
            return json.longValue();
        }
        if (value != JsonToken.VALUE_STRING)
        {
            return 0;
        }
        final long parsed = Chars.parseLong(json.chars(), json.offset(), json.length());
        return parsed == Chars.NOT_A_NUMBER ? 0 : parsed;
    }

    /** After the whole frame was read (v3's time is the frame's {@code ts}, which follows {@code data}). */
    private void publishMarkPrice()
    {
        final InboundEvent e = claim(EventType.MARK_PRICE);
        e.price = tickerMark;
        e.venueTimeMs = tickerTimeMs != 0 ? tickerTimeMs : frameTimeMs;
        publish(e, true);
    }

    private long scaled(final JsonToken value, final int scale) throws IOException
    {
        if (!isScalar(value) || decimal.parse(json.chars(), json.offset(), json.length(), scale) != DecimalParser.OK)
        {
            fail("bad decimal");
            return 0;
        }
        return decimal.value();
    }

    private void fail(final String reason)
    {
        if (failure == null)
        {
            failure = reason;
        }
    }

    /**
     * @param instrumentId an instrument.
     * @return true while its book waits for a {@code books} snapshot (subscribed or resynced, nothing received yet).
     */
    public boolean isAwaitingSnapshot(final int instrumentId)
    {
        return awaitingSnapshot[instrumentId];
    }

    /**
     * @return the instrument of the last {@link MarketDataCodec#ERROR}, -1 when unknown (resync everything).
     */
    public int errorInstrumentId()
    {
        return errorInstrumentId;
    }

    /**
     * @return the control event of the last {@link MarketDataCodec#CONTROL} frame.
     */
    public int event()
    {
        return event;
    }

    /**
     * @return the {@code code} of the last control frame, 0 when absent.
     */
    public int code()
    {
        return code;
    }

    /**
     * @return the instrument named by the last frame's {@code arg}, -1 when none.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * @return the parser's error recovery count, for tests.
     */
    public long parsersCreated()
    {
        return json.parsersCreated();
    }

    /**
     * The subscribe (or unsubscribe) frame for the books, and optionally trades, of one or all instruments, and the
     * ticker of each USDT-M perpetual among them (its mark price).
     *
     * @param op           {@code subscribe} or {@code unsubscribe}.
     * @param instrumentId one instrument, or -1 for all.
     * @param withTrades   true to include the trades channel.
     * @param instType     the {@code instType} written in each {@code arg} (v2 {@code SPOT}, v3 {@code spot}).
     * @return the frame (slow path).
     */
    public String subscription(final String op, final int instrumentId, final boolean withTrades, final String instType)
    {
        final StringBuilder sb = new StringBuilder(128).append("{\"op\":\"").append(op).append("\",\"args\":[");
        boolean first = true;
        for (int i = 0; i < instruments.instrumentCount(); i++)
        {
            if (instrumentId >= 0 && i != instrumentId)
            {
                continue;
            }
            first = appendArg(sb, first, instType, keys.booksChannel, instruments.instrument(i).symbol());
            if (withTrades)
            {
                first = appendArg(sb, first, instType, keys.tradeChannel, instruments.instrument(i).symbol());
            }
            if (instruments.instrument(i).kind() == InstrumentKind.USDT_PERPETUAL)
            {
                first = appendArg(sb, first, instType, TICKER_CHANNEL, instruments.instrument(i).symbol());
            }
        }
        return sb.append("]}").toString();
    }

    private boolean appendArg(
        final StringBuilder sb,
        final boolean first,
        final String instType,
        final String channel,
        final String symbol)
    {
        if (!first)
        {
            sb.append(',');
        }
        sb.append("{\"instType\":\"").append(instType).append("\",\"").append(keys.channelKey).append("\":\"")
            .append(channel).append("\",\"").append(keys.instrumentKey).append("\":\"").append(symbol).append("\"}");
        return false;
    }
}
