package io.bitmm.gateway.json;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

/**
 * What the frame parsers ({@link JsonFrameParser}, {@link ByteFrameParser}) read from the current token of their
 * Jackson parser: the field name, the token's characters, a long. Nothing here allocates: names come from Jackson's
 * canonicalizer, characters from the parser's own buffer.
 */
public abstract class FrameTokens
{
    private long recreated;

    /**
     * @return the Jackson parser in use now (replaced after an error).
     */
    abstract JsonParser parser();

    /** Count a parser created (the first, or one replacing a parser after an error). */
    final void countCreated()
    {
        recreated++;
    }

    /**
     * @return the current field name (canonicalized by Jackson: no allocation for names seen before).
     * @throws IOException never in practice.
     */
    public final String name() throws IOException
    {
        return parser().currentName();
    }

    /**
     * @return the current token's characters; valid until the next token.
     * @throws IOException on a malformed string.
     */
    public final char[] chars() throws IOException
    {
        return parser().getTextCharacters();
    }

    /**
     * @return where the current token's characters start in {@link #chars()}.
     * @throws IOException on a malformed string.
     */
    public final int offset() throws IOException
    {
        return parser().getTextOffset();
    }

    /**
     * @return how many characters the current token has.
     * @throws IOException on a malformed string.
     */
    public final int length() throws IOException
    {
        return parser().getTextLength();
    }

    /**
     * @return the current number token as a long.
     * @throws IOException when it is not an integer that fits.
     */
    public final long longValue() throws IOException
    {
        return parser().getLongValue();
    }

    /**
     * @return how many parsers were created (1 + errors recovered from).
     */
    public final long parsersCreated()
    {
        return recreated;
    }
}
