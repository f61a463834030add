package io.bitmm.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;

/**
 * One long-lived Jackson non-blocking parser fed one complete frame at a time. Each frame is one root JSON value;
 * once it is fed, every token of it is available, so {@link JsonToken#NOT_AVAILABLE} inside a value means the
 * frame was truncated. After a parse error the parser is replaced (slow path); otherwise nothing is allocated per
 * frame: field names come from Jackson's canonicalizer, values are read through {@code getTextCharacters}.
 */
public final class JsonFrameParser extends FrameTokens
{
    private static final byte[] SPACE = {' '};
    private static final java.io.OutputStream DISCARD = java.io.OutputStream.nullOutputStream();

    private final JsonFactory factory;
    private JsonParser parser;
    private ByteArrayFeeder feeder;
    private byte[] frame = new byte[0];
    private int frameStart;
    private int frameEnd;

    public JsonFrameParser()
    {
        this(new JsonFactory());
    }

    /**
     * @param factory the factory to create parsers from.
     */
    public JsonFrameParser(final JsonFactory factory)
    {
        this.factory = factory;
        recreate();
    }

    /**
     * Make a frame's bytes available; the previous frame must have been fully consumed ({@link #endOfFrame()}).
     *
     * @param buffer the bytes; must not change until the frame is parsed.
     * @param offset where the frame starts.
     * @param length its length.
     * @throws IOException when the parser still holds input (then call {@link #recreate()}).
     */
    public void feed(final byte[] buffer, final int offset, final int length) throws IOException
    {
        feeder.feedInput(buffer, offset, offset + length);
        frame = buffer;
        frameEnd = offset + length;
        frameStart = offset;
    }

    /**
     * @return the next token; {@link JsonToken#NOT_AVAILABLE} at the end of the fed input.
     * @throws IOException on malformed JSON.
     */
    public JsonToken next() throws IOException
    {
        return parser.nextToken();
    }

    /**
     * @return true when nothing but whitespace is left of the fed frame.
     * @throws IOException on malformed trailing content.
     */
    public boolean endOfFrame() throws IOException
    {
        // Only whitespace may follow the root value's closing bracket. Checking the frame's last byte is not enough:
        // in {@code }"]} the bracket is inside a string the parser has started (fuzzer finding), and the next frame
        // would be read as its continuation. The parser's unread count says exactly where the root value ended.
        // And the value read must be the root one: a truncated frame can end on a nested value's bracket
        // ({@code {"code":{"a":1}}) with the parser still inside the root (fuzzer finding).
        if (!parser.getParsingContext().inRoot())
        {
            return false;
        }
        final int unread = parser.releaseBuffered(DISCARD);
        if (unread < 0 || !whitespace(frameEnd - unread, frameEnd))
        {
            return false;
        }
        if (parser.nextToken() != JsonToken.NOT_AVAILABLE || !endsWithClose())
        {
            return false;
        }
        // A frame ending in an unfinished number or literal ("}0") leaves the parser waiting for more of it, and the
        // next frame would be read as its continuation (fuzzer finding): one space ends such a token, so it shows.
        feeder.feedInput(SPACE, 0, 1);
        return parser.nextToken() == JsonToken.NOT_AVAILABLE;
    }

    private boolean whitespace(final int from, final int to)
    {
        if (from < frameStart)
        {
            return false;
        }
        for (int i = from; i < to; i++)
        {
            final byte b = frame[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A frame that is one JSON object or array ends with its closing bracket; anything else after it is trailing
     * content the parser may still be holding as an unfinished string (fuzzer finding: {@code }"subsc}).
     */
    private boolean endsWithClose()
    {
        int i = frameEnd - 1;
        while (i >= frameStart && (frame[i] == ' ' || frame[i] == '\n' || frame[i] == '\r' || frame[i] == '\t'))
        {
            i--;
        }
        return i >= frameStart && (frame[i] == '}' || frame[i] == ']');
    }

    /**
     * Skip the value whose first token was just returned.
     *
     * @param token the value's first token.
     * @return false when the frame ended inside it.
     * @throws IOException on malformed JSON.
     */
    public boolean skip(final JsonToken token) throws IOException
    {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY)
        {
            return token != JsonToken.NOT_AVAILABLE && token != null;
        }
        int depth = 1;
        while (depth > 0)
        {
            final JsonToken t = parser.nextToken();
            if (t == JsonToken.NOT_AVAILABLE || t == null)
            {
                return false;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
            {
                depth++;
            }
            else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY)
            {
                depth--;
            }
        }
        return true;
    }

    @Override
    JsonParser parser()
    {
        return parser;
    }

    /**
     * Replace the parser after an error (slow path).
     */
    public void recreate()
    {
        try
        {
            if (parser != null)
            {
                parser.close();
            }
            parser = factory.createNonBlockingByteArrayParser();
            feeder = (ByteArrayFeeder)parser.getNonBlockingInputFeeder();
            countCreated();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot create a non-blocking JSON parser", ex);
        }
    }
}
