package io.bitmm.gateway.json;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.gateway.AllocationMeter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reused byte parser: frames one after another on one parser, a truncated frame an error, the raw string and
 * raw level-pair fast paths taken only for plain strings and leaving the parser untouched otherwise, and nothing
 * allocated per frame.
 */
class ByteFrameParserTest
{
    private final ByteFrameParser json = new ByteFrameParser();

    private void feed(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        json.feed(bytes, 0, bytes.length);
    }

    private String raw()
    {
        return new String(json.rawBytes(), json.rawOffset(), json.rawLength(), StandardCharsets.US_ASCII);
    }

    private String raw2()
    {
        return new String(json.rawBytes(), json.rawOffset2(), json.rawLength2(), StandardCharsets.US_ASCII);
    }

    private String text() throws IOException
    {
        return new String(json.chars(), json.offset(), json.length());
    }

    @Test
    void framesParseOneAfterAnotherOnOneParserAndTrailingContentIsRefused() throws IOException
    {
        for (int i = 0; i < 3; i++)
        {
            feed("{\"a\":[1,{\"b\":2}],\"c\":\"x\"} \n");
            assertEquals(JsonToken.START_OBJECT, json.next());
            assertEquals(JsonToken.FIELD_NAME, json.next());
            assertEquals("a", json.name());
            assertTrue(json.skip(json.next()));
            assertEquals(JsonToken.FIELD_NAME, json.next());
            assertEquals("c", json.name());
            assertEquals(JsonToken.VALUE_STRING, json.next());
            assertEquals("x", text());
            assertEquals(JsonToken.END_OBJECT, json.next());
            assertTrue(json.endOfFrame());
        }
        feed("{\"a\":1}0");
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertTrue(json.skip(JsonToken.START_OBJECT));
        assertFalse(json.endOfFrame());
        // a frame abandoned half way leaves nothing behind
        feed("{\"a\":[[\"1\",");
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertEquals(JsonToken.FIELD_NAME, json.next());
        feed("{\"z\":5}");
        assertEquals(JsonToken.START_OBJECT, json.next());
        assertEquals(JsonToken.FIELD_NAME, json.next());
        assertEquals("z", json.name());
        assertEquals(JsonToken.VALUE_NUMBER_INT, json.next());
        assertEquals(5, json.longValue());
        assertEquals(JsonToken.END_OBJECT, json.next());
        assertTrue(json.endOfFrame());
    }

    @Test
    void aTruncatedFrameIsAnErrorNotAWait()
    {
        feed("{\"a\":{\"b\":1}");
        assertThrows(IOException.class, () ->
        {
            assertEquals(JsonToken.START_OBJECT, json.next());
            json.skip(JsonToken.START_OBJECT);
        });
        json.recreate();
        assertEquals(2, json.parsersCreated());
        feed("{\"a\":\"unterminated");
        assertThrows(IOException.class, () ->
        {
            json.next();
            json.next();
            json.next();
            json.chars();
        });
    }

    @Test
    void aPlainStringIsTakenRawAndAnEscapedOneIsDecoded() throws IOException
    {
        feed("{\"a\":\"update\",\"b\":\"\",\"c\":\"up\\u0064ate\",\"d\":\"caf\u00e9\",\"e\":\"tail\"}");
        assertEquals(JsonToken.START_OBJECT, json.next());
        json.next();
        assertEquals(JsonToken.VALUE_STRING, json.next());
        assertTrue(json.rawString());
        assertEquals("update", raw());
        json.next();
        json.next();
        assertTrue(json.rawString());
        assertEquals(0, json.rawLength());
        json.next();
        json.next();
        assertFalse(json.rawString());
        assertEquals("update", text());
        json.next();
        json.next();
        assertFalse(json.rawString());
        assertEquals("caf\u00e9", text());
        json.next();
        assertEquals(JsonToken.VALUE_STRING, json.next());
        assertEquals("tail", text());
        assertFalse(json.rawString(), "a string already read is not taken again");
        assertEquals(JsonToken.END_OBJECT, json.next());
        assertTrue(json.endOfFrame());
    }

    @Test
    void aLevelOfTwoPlainStringsIsTakenRawWithWhitespaceAndTheArrayGoesOn() throws IOException
    {
        feed("{\"asks\":[[\"30000.10\",\"0.5\"], [ \"1e5\" ,\n\"12345678901234567890.000\" ] ,[\"\",\"-1\"]],\"n\":1}");
        assertEquals(JsonToken.START_OBJECT, json.next());
        json.next();
        assertEquals(JsonToken.START_ARRAY, json.next());
        assertEquals(JsonToken.START_ARRAY, json.next());
        assertTrue(json.rawPair());
        assertEquals("30000.10", raw());
        assertEquals("0.5", raw2());
        assertEquals(JsonToken.START_ARRAY, json.next());
        assertTrue(json.rawPair());
        assertEquals("1e5", raw());
        assertEquals("12345678901234567890.000", raw2());
        assertEquals(JsonToken.START_ARRAY, json.next());
        assertTrue(json.rawPair());
        assertEquals("", raw());
        assertEquals("-1", raw2());
        assertEquals(JsonToken.END_ARRAY, json.next());
        assertEquals(JsonToken.FIELD_NAME, json.next());
        assertEquals("n", json.name());
        assertEquals(JsonToken.VALUE_NUMBER_INT, json.next());
        assertEquals(JsonToken.END_OBJECT, json.next());
        assertTrue(json.endOfFrame());
    }

    @Test
    void anyOtherArrayShapeIsLeftToTheTokensUntouched() throws IOException
    {
        feed("{\"l\":[[30000.1,\"0.5\"],[\"1\",2],[\"1\",\"2\",\"3\"],[\"1\\u0030\",\"2\"],[],[\"1\"],[\"1\",\"2\"}");
        assertEquals(JsonToken.START_OBJECT, json.next());
        json.next();
        assertEquals(JsonToken.START_ARRAY, json.next());

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair());
        assertEquals(JsonToken.VALUE_NUMBER_FLOAT, json.next());
        assertEquals(JsonToken.VALUE_STRING, json.next());
        assertEquals("0.5", text());
        assertEquals(JsonToken.END_ARRAY, json.next());

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair());
        assertEquals(JsonToken.VALUE_STRING, json.next());
        assertEquals(JsonToken.VALUE_NUMBER_INT, json.next());
        assertEquals(JsonToken.END_ARRAY, json.next());

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair(), "three elements");
        assertTrue(json.skip(JsonToken.START_ARRAY));

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair(), "an escape");
        assertEquals(JsonToken.VALUE_STRING, json.next());
        assertEquals("10", text());
        assertTrue(json.skip(JsonToken.START_ARRAY) && json.next() == JsonToken.VALUE_STRING);
        assertEquals(JsonToken.END_ARRAY, json.next());

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair(), "empty");
        assertEquals(JsonToken.END_ARRAY, json.next());

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair(), "one element");
        assertTrue(json.skip(JsonToken.START_ARRAY));

        assertEquals(JsonToken.START_ARRAY, json.next());
        assertFalse(json.rawPair(), "not closed by a bracket");
        assertThrows(IOException.class, () -> json.skip(JsonToken.START_ARRAY));
    }

    @Test
    void aFrameAllocatesNothingOnceWarm() throws IOException
    {
        final byte[] frame = ("{\"action\":\"update\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\"," +
            "\"instId\":\"BTCUSDT\"},\"data\":[{\"asks\":[[\"60021.20\",\"0.000000\"]],\"bids\":[],\"checksum\":-663525910," +
            "\"seq\":1508,\"ts\":\"1796082397443\"}],\"ts\":1796082397443}").getBytes(StandardCharsets.UTF_8);
        final AllocationMeter meter = new AllocationMeter();
        long sink = parse(frame, 200_000);
        // the JIT may still allocate while it compiles: a few rounds, as the decoders' allocation tests do
        long allocated = -1;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            sink += parse(frame, 20_000);
            allocated = meter.stop();
        }
        assertEquals(0, allocated, "bytes allocated over 20,000 frames (sink " + sink + ")");
    }

    private long parse(final byte[] frame, final int frames) throws IOException
    {
        long sink = 0;
        for (int i = 0; i < frames; i++)
        {
            json.feed(frame, 0, frame.length);
            JsonToken t;
            int depth = 0;
            do
            {
                t = json.next();
                depth += t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? 1 :
                    t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY ? -1 : 0;
                if (t == JsonToken.START_ARRAY && json.rawPair())
                {
                    depth--;
                    sink += json.rawLength2();
                }
                else if (t == JsonToken.VALUE_STRING)
                {
                    sink += json.rawString() ? json.rawLength() : json.length();
                }
                else if (t == JsonToken.FIELD_NAME)
                {
                    sink += json.name().length();
                }
                else if (t == JsonToken.VALUE_NUMBER_INT)
                {
                    sink += json.longValue();
                }
            }
            while (depth > 0);
            assertTrue(json.endOfFrame());
        }
        return sink;
    }
}
