package io.bitmm.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import com.fasterxml.jackson.core.util.BufferRecycler;

import java.io.IOException;

/**
 * One long-lived Jackson UTF-8 byte parser (the blocking {@code UTF8StreamJsonParser}, Jackson's fastest) pointed at
 * one complete frame at a time: the hot public stream's reader. A frame is one root JSON object held in the caller's
 * buffer for the whole parse; {@link #feed} re-points the parser at it (no parser, context or buffer is created per
 * frame), and the end of the fed bytes is the end of input, so a truncated frame is a parse error
 * ({@link IOException}), never a wait for more. After an error call {@link #recreate()} (slow path).
 * <p>
 * Field names come from Jackson's interning canonicalizer (no String per name once seen). Values are read through
 * {@link #chars()}; a string value can also be taken raw, as its bytes in the frame, without Jackson decoding it into
 * characters ({@link #rawString()}): the book's decimals are parsed straight from there.
 * <p>
 * Unlike {@link JsonFrameParser} (the non-blocking parser the other decoders use), this one needs the whole frame
 * up front, which the public stream's decoder always has.
 */
public final class ByteFrameParser extends FrameTokens
{
    private static final byte[] EMPTY = new byte[0];

    private Reusable parser;
    private int rawOffset;
    private int rawLength;
    private int rawOffset2;
    private int rawLength2;

    public ByteFrameParser()
    {
        recreate();
    }

    /**
     * Point the parser at a frame's bytes; whatever was left of the previous frame is dropped.
     *
     * @param buffer the bytes; must not change until the frame is parsed.
     * @param offset where the frame starts.
     * @param length its length.
     */
    public void feed(final byte[] buffer, final int offset, final int length)
    {
        parser.reset(buffer, offset, length);
    }

    /**
     * @return the next token; {@code null} at the end of the frame outside any value.
     * @throws IOException on malformed or truncated JSON.
     */
    public JsonToken next() throws IOException
    {
        return parser.nextToken();
    }

    /**
     * Call after the root value's closing token.
     *
     * @return true when nothing but whitespace is left of the frame.
     */
    public boolean endOfFrame()
    {
        return parser.onlyWhitespaceLeft();
    }

    /**
     * Skip the value whose first token was just returned.
     *
     * @param token the value's first token.
     * @return false when the token is no value (the frame ended).
     * @throws IOException on malformed or truncated JSON inside the value.
     */
    public boolean skip(final JsonToken token) throws IOException
    {
        if (token == null || token == JsonToken.NOT_AVAILABLE)
        {
            return false;
        }
        parser.skipChildren();
        return true;
    }

    /**
     * Take the current {@link JsonToken#VALUE_STRING} as its raw bytes in the frame ({@link #rawBytes()},
     * {@link #rawOffset()}, {@link #rawLength()}) when it is plain printable ASCII without escapes, and consume it;
     * after a true return {@link #chars()} must not be read for this token.
     *
     * @return false when the token is no unread string or holds an escape, a control or a non-ASCII byte (then read
     *         it with {@link #chars()}).
     */
    public boolean rawString()
    {
        final int start = parser.rawStringStart();
        if (start < 0)
        {
            return false;
        }
        rawOffset = start;
        rawLength = parser.rawStringEnd() - start;
        return true;
    }

    /**
     * Take the array whose {@link JsonToken#START_ARRAY} was just returned, when it is exactly two plain strings
     * ({@code ["30000.10","0.5"]}, a book level; JSON whitespace allowed), as the raw bytes of both
     * ({@link #rawOffset()}/{@link #rawLength()} for the first, {@link #rawOffset2()}/{@link #rawLength2()} for the
     * second), and consume it through its closing bracket (the current token becomes {@link JsonToken#END_ARRAY}).
     * Any other shape (numbers, escapes, a third element, malformed JSON) leaves the parser untouched and returns
     * false: read the array token by token then, which reports the errors.
     *
     * @return true when the pair was taken.
     */
    public boolean rawPair()
    {
        return parser.rawPair(this);
    }

    /**
     * @return where the second string of the last {@link #rawPair()} starts.
     */
    public int rawOffset2()
    {
        return rawOffset2;
    }

    /**
     * @return its length in bytes.
     */
    public int rawLength2()
    {
        return rawLength2;
    }

    /**
     * @return the frame's bytes, which {@link #rawOffset()} indexes.
     */
    public byte[] rawBytes()
    {
        return parser.buffer();
    }

    /**
     * @return where the last {@link #rawString()} starts (after its opening quote).
     */
    public int rawOffset()
    {
        return rawOffset;
    }

    /**
     * @return its length in bytes.
     */
    public int rawLength()
    {
        return rawLength;
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
        parser = new Reusable();
        countCreated();
    }

    /**
     * Jackson's UTF-8 byte parser with its input re-pointed per frame. Only the state a frame leaves behind is reset:
     * the input window, the current token and the parsing context (back to the root context it was built with).
     */
    private static final class Reusable extends UTF8StreamJsonParser
    {
        private final JsonReadContext root;
        private int rawEnd;

        Reusable()
        {
            super(new IOContext(StreamReadConstraints.defaults(), StreamWriteConstraints.defaults(),
                ErrorReportConfiguration.defaults(), new BufferRecycler(), ContentReference.redacted(), false),
                JsonParser.Feature.collectDefaults(), null, null,
                ByteQuadsCanonicalizer.createRoot().makeChild(JsonFactory.Feature.collectDefaults()), EMPTY, 0, 0, 0,
                false);
            root = _parsingContext;
        }

        void reset(final byte[] buffer, final int offset, final int length)
        {
            _inputBuffer = buffer;
            _inputPtr = offset;
            _inputEnd = offset + length;
            _currInputProcessed = -offset;
            _currInputRow = 1;
            _currInputRowStart = offset;
            _parsingContext = root;
            _currToken = null;
            _nextToken = null;
            _tokenIncomplete = false;
            _nameCopied = false;
            _binaryValue = null;
            _numTypesValid = NR_UNKNOWN;
            _closed = false;
        }

        byte[] buffer()
        {
            return _inputBuffer;
        }

        boolean onlyWhitespaceLeft()
        {
            if (_tokenIncomplete || !_parsingContext.inRoot())
            {
                return false;
            }
            final byte[] b = _inputBuffer;
            for (int i = _inputPtr; i < _inputEnd; i++)
            {
                final byte c = b[i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                {
                    return false;
                }
            }
            return true;
        }

        /** The unread string's first byte, consuming it up to its closing quote; -1 when it must be decoded. */
        int rawStringStart()
        {
            if (!_tokenIncomplete || _currToken != JsonToken.VALUE_STRING)
            {
                return -1;
            }
            final int start = _inputPtr;
            final int quote = closingQuote(_inputBuffer, start, _inputEnd);
            if (quote < 0)
            {
                return -1;
            }
            rawEnd = quote;
            _inputPtr = quote + 1;
            _tokenIncomplete = false;
            return start;
        }

        int rawStringEnd()
        {
            return rawEnd;
        }

        boolean rawPair(final ByteFrameParser out)
        {
            if (_currToken != JsonToken.START_ARRAY || _tokenIncomplete)
            {
                return false;
            }
            final byte[] b = _inputBuffer;
            final int end = _inputEnd;
            int i = whitespace(b, _inputPtr, end);
            if (i >= end || b[i] != '"')
            {
                return false;
            }
            final int first = i + 1;
            final int firstEnd = closingQuote(b, first, end);
            if (firstEnd < 0)
            {
                return false;
            }
            i = whitespace(b, firstEnd + 1, end);
            if (i >= end || b[i] != ',')
            {
                return false;
            }
            i = whitespace(b, i + 1, end);
            if (i >= end || b[i] != '"')
            {
                return false;
            }
            final int second = i + 1;
            final int secondEnd = closingQuote(b, second, end);
            if (secondEnd < 0)
            {
                return false;
            }
            i = whitespace(b, secondEnd + 1, end);
            if (i >= end || b[i] != ']')
            {
                return false;
            }
            _inputPtr = i + 1;
            _parsingContext = _parsingContext.clearAndGetParent();
            _currToken = JsonToken.END_ARRAY;
            out.rawOffset = first;
            out.rawLength = firstEnd - first;
            out.rawOffset2 = second;
            out.rawLength2 = secondEnd - second;
            return true;
        }

        private static int whitespace(final byte[] b, final int from, final int end)
        {
            int i = from;
            while (i < end && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t'))
            {
                i++;
            }
            return i;
        }

        /** The closing quote of a plain printable ASCII string starting at {@code from}, or -1. */
        private static int closingQuote(final byte[] b, final int from, final int end)
        {
            for (int i = from; i < end; i++)
            {
                final byte c = b[i];
                if (c == '"')
                {
                    return i;
                }
                if (c < 0x20 || c == '\\')
                {
                    return -1;
                }
            }
            return -1;
        }
    }
}
