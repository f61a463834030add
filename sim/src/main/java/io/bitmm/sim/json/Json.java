package io.bitmm.sim.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small JSON helpers over jackson-core streaming: request bodies are tiny, so a Map/List tree built from the
 * token stream is enough on the venue side (no databind).
 */
public final class Json
{
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json()
    {
    }

    /** The shared factory. */
    public static JsonFactory factory()
    {
        return FACTORY;
    }

    /**
     * Parses text into Map (object), List (array), String, Long, Double, Boolean or null.
     *
     * @param text JSON text
     * @return the value, or {@code null} on malformed input
     */
    public static Object parse(final String text)
    {
        try (JsonParser parser = FACTORY.createParser(text))
        {
            final JsonToken token = parser.nextToken();
            if (token == null)
            {
                return null;
            }
            final Object value = read(parser, token);
            if (parser.nextToken() != null)
            {
                return null;
            }
            return value;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /** Parses an object; null on anything else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(final String text)
    {
        final Object value = parse(text);
        return value instanceof Map ? (Map<String, Object>)value : null;
    }

    private static Object read(final JsonParser parser, final JsonToken token) throws IOException
    {
        switch (token)
        {
            case START_OBJECT:
                final Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    map.put(name, read(parser, parser.nextToken()));
                }
                return map;
            case START_ARRAY:
                final List<Object> list = new ArrayList<>();
                JsonToken next = parser.nextToken();
                while (next != JsonToken.END_ARRAY)
                {
                    list.add(read(parser, next));
                    next = parser.nextToken();
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    /** A value as a string: strings as-is, numbers rendered, null stays null. */
    public static String str(final Map<String, Object> map, final String key)
    {
        if (map == null)
        {
            return null;
        }
        final Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    /** Writes with a generator into a String. */
    public static String write(final JsonWriterBody body)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator gen = FACTORY.createGenerator(out))
        {
            body.write(gen);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** Body of a {@link #write} call. */
    @FunctionalInterface
    public interface JsonWriterBody
    {
        /**
         * Writes the document.
         *
         * @param gen generator
         * @throws IOException never in practice (StringWriter)
         */
        void write(JsonGenerator gen) throws IOException;
    }
}
