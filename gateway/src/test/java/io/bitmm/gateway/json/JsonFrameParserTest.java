package io.bitmm.gateway.json;

import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame boundaries of the long-lived non-blocking parser: trailing content after the root value is refused, and after
 * {@link JsonFrameParser#recreate()} the next frame parses on its own.
 */
class JsonFrameParserTest
{
    private final JsonFrameParser json = new JsonFrameParser();

    private boolean object(final String frame) throws IOException
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        json.feed(bytes, 0, bytes.length);
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertTrue(json.skip(JsonToken.START_OBJECT));
        return json.endOfFrame();
    }

    @Test
    void aFrameWithTrailingWhitespaceEnds() throws IOException
    {
        assertTrue(object("{\"a\":[1,2]} \n"));
        assertTrue(object("{\"b\":2}"));
    }

    @Test
    void anUnfinishedStringAfterTheRootIsTrailingContentEvenWhenTheFrameEndsWithABracket() throws IOException
    {
        // SpotReplyDecoderFuzzTest finding: the last byte is a bracket, but inside a string the parser has started
        assertFalse(object("{\"a\":1}\"]"));
        json.recreate();
        assertTrue(object("{\"code\":\"00000\"}"));
    }

    @Test
    void anUnfinishedNumberAfterTheRootIsTrailingContent() throws IOException
    {
        assertFalse(object("{\"a\":1}0"));
        json.recreate();
        assertTrue(object("{\"a\":1}"));
    }

    @Test
    void aTruncatedFrameEndingOnANestedValuesBracketDoesNotEnd() throws IOException
    {
        // SpotReplyDecoderFuzzTest finding: the frame's last byte closes a nested object, the root is still open
        final byte[] bytes = "{\"code\":{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        json.feed(bytes, 0, bytes.length);
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertEquals(JsonToken.FIELD_NAME, json.next());
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertTrue(json.skip(JsonToken.START_OBJECT));
        assertFalse(json.endOfFrame());
        json.recreate();
        assertTrue(object("{\"a\":1}"));
    }
}
