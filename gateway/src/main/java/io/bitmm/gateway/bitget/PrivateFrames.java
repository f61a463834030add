package io.bitmm.gateway.bitget;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.JsonFrameParser;

import java.io.IOException;

/**
 * The private stream's frame loop for both dialects: {@code pong}, the root object, {@code arg} (its channel key),
 * {@code event}, {@code code}, and {@code data} handed to the dialect once the channel is known, whatever the key
 * order (a {@code data} before its {@code arg} is read on a second pass over the held frame). Bad frames are counted
 * and reported once per kind. What a channel's elements mean is the dialect's ({@link Topics}). Allocation-free.
 */
public final class PrivateFrames
{
    /** The channel of a frame whose {@code arg} named none (yet). */
    public static final int CHANNEL_UNKNOWN = 0;

    /** The dialect's part: its channel names and its {@code data} arrays. */
    public interface Topics
    {
        /**
         * @param chars  the channel name's characters.
         * @param offset where it starts.
         * @param length its length.
         * @return the dialect's channel number (not {@link #CHANNEL_UNKNOWN}).
         */
        int channelOf(char[] chars, int offset, int length);

        /**
         * Read a {@code data} array of {@link PrivateFrames#channel()} (the parser is after its START_ARRAY).
         *
         * @return false when it is truncated.
         * @throws IOException on malformed JSON.
         */
        boolean dataArray() throws IOException;
    }

    private final JsonFrameParser json;
    private final GatewayCounters counters;
    private final DistinctErrorLog errorLog;
    private final String logPrefix;
    private final String channelKey;
    private final Topics topics;
    private int channel;
    private int event;
    private int code;
    private boolean dataDeferred;
    private boolean dataDone;
    private String failure;

    /**
     * @param json       the dialect codec's parser.
     * @param counters   counters.
     * @param errorLog   distinct error log.
     * @param logPrefix  the error log's prefix ({@code "private: "}).
     * @param channelKey the {@code arg} key naming the channel ({@code channel}, v3 {@code topic}).
     * @param topics     the dialect's channels.
     */
    public PrivateFrames(final JsonFrameParser json, final GatewayCounters counters, final DistinctErrorLog errorLog,
        final String logPrefix, final String channelKey, final Topics topics)
    {
        this.json = json;
        this.counters = counters;
        this.errorLog = errorLog;
        this.logPrefix = logPrefix;
        this.channelKey = channelKey;
        this.topics = topics;
    }

    /**
     * Decode one complete text frame.
     *
     * @param buffer bytes (held unchanged for the call).
     * @param offset start.
     * @param length length.
     * @return {@link PrivateStreamCodec#OK}, {@code PONG}, {@code CONTROL} or {@code ERROR}.
     */
    public int onFrame(final byte[] buffer, final int offset, final int length)
    {
        counters.increment(GatewayCounters.FRAMES);
        if (length == 4 && buffer[offset] == 'p' && buffer[offset + 1] == 'o' && buffer[offset + 2] == 'n' &&
            buffer[offset + 3] == 'g')
        {
            return PrivateStreamCodec.PONG;
        }
        channel = CHANNEL_UNKNOWN;
        event = PrivateStreamCodec.EVENT_NONE;
        code = 0;
        dataDeferred = false;
        dataDone = false;
        failure = null;
        try
        {
            json.feed(buffer, offset, length);
            parseRoot();
            if (failure == null && dataDeferred && channel != CHANNEL_UNKNOWN)
            {
                json.feed(buffer, offset, length);
                parseRoot();
            }
            else if (failure == null && dataDeferred && event == PrivateStreamCodec.EVENT_NONE)
            {
                drop("data without a channel (arg missing, null, empty or without channel)");
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            json.recreate();
            if (failure == null)
            {
                failure = "malformed JSON";
            }
        }
        if (failure != null)
        {
            // the frame may have been left part-read (a value of the wrong shape): start the next one afresh
            json.recreate();
            counters.increment(GatewayCounters.DECODE_ERRORS);
            errorLog.record(logPrefix + failure, null);
            return PrivateStreamCodec.ERROR;
        }
        if (event == PrivateStreamCodec.EVENT_ERROR)
        {
            counters.increment(GatewayCounters.VENUE_ERRORS);
            errorLog.record(logPrefix + "venue error event", "code " + code);
        }
        return event == PrivateStreamCodec.EVENT_NONE ? PrivateStreamCodec.OK : PrivateStreamCodec.CONTROL;
    }

    /**
     * An element that cannot be used and names none of our orders: counted and reported once per kind.
     *
     * @param why what was wrong with it.
     */
    public void drop(final String why)
    {
        counters.increment(GatewayCounters.FIELD_DROPS);
        errorLog.record(logPrefix + "element dropped: " + why, null);
    }

    /**
     * @return the current frame's channel (the dialect's number), {@link #CHANNEL_UNKNOWN} before its {@code arg}.
     */
    public int channel()
    {
        return channel;
    }

    /**
     * @return the last frame's control event.
     */
    public int event()
    {
        return event;
    }

    /**
     * @return the last frame's {@code code}, 0 when absent.
     */
    public int code()
    {
        return code;
    }

    /**
     * @param token a token.
     * @return true for a string or a number.
     */
    public static boolean isScalar(final JsonToken token)
    {
        return token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT ||
            token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    private void parseRoot() throws IOException
    {
        if (json.next() != JsonToken.START_OBJECT)
        {
            failure = "frame is not a JSON object";
            return;
        }
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (!field(name, value))
            {
                failure = failure == null ? "truncated frame" : failure;
                return;
            }
        }
        if (token != JsonToken.END_OBJECT)
        {
            failure = "truncated frame";
        }
        else if (!json.endOfFrame())
        {
            failure = "trailing content after the frame";
            json.recreate();
        }
    }

    private boolean field(final String name, final JsonToken value) throws IOException
    {
        switch (name)
        {
            case "arg":
                return value == JsonToken.START_OBJECT ? parseArg() : json.skip(value);
            case "event":
                if (!isScalar(value))
                {
                    return json.skip(value);
                }
                event = Chars.equalsAscii(json.chars(), json.offset(), json.length(), "login") ?
                    PrivateStreamCodec.EVENT_LOGIN :
                    Chars.equalsAscii(json.chars(), json.offset(), json.length(), "subscribe") ?
                    PrivateStreamCodec.EVENT_SUBSCRIBE :
                    Chars.equalsAscii(json.chars(), json.offset(), json.length(), "error") ?
                    PrivateStreamCodec.EVENT_ERROR : PrivateStreamCodec.EVENT_OTHER;
                return true;
            case "code":
                if (!isScalar(value))
                {
                    return json.skip(value);
                }
                code = (int)Chars.parseLong(json.chars(), json.offset(), json.length());
                return true;
            case "data":
                if (dataDone || channel == CHANNEL_UNKNOWN || value != JsonToken.START_ARRAY)
                {
                    dataDeferred = !dataDone;
                    return json.skip(value);
                }
                dataDone = true;
                return topics.dataArray();
            default:
                return json.skip(value);
        }
    }

    private boolean parseArg() throws IOException
    {
        JsonToken token;
        while ((token = json.next()) == JsonToken.FIELD_NAME)
        {
            final String name = json.name();
            final JsonToken value = json.next();
            if (channelKey.equals(name) && isScalar(value))
            {
                channel = topics.channelOf(json.chars(), json.offset(), json.length());
            }
            else if (!json.skip(value))
            {
                return false;
            }
        }
        return token == JsonToken.END_OBJECT;
    }
}
