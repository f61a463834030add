package io.bitmm.sim.net.v2;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.json.Json;

import java.io.IOException;
import java.util.Map;

/** JSON pieces of v2 WebSocket messages: the {@code arg} object, error events, string maps. */
public final class WsJson
{
    private WsJson()
    {
    }

    /** The {@code arg} object as JSON text. */
    public static String argJson(final String instType, final String channel, final String idKey, final String id)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("instType", instType);
            g.writeStringField("channel", channel);
            g.writeStringField(idKey, id);
            g.writeEndObject();
        });
    }

    /** An error event for one arg. */
    public static String error(final String argJson, final int code, final String msg, final String op)
    {
        return "{\"event\":\"error\",\"arg\":" + argJson + ",\"code\":" + code + ",\"msg\":" + Json.write(g -> g.writeString(msg))
            + ",\"op\":\"" + op + "\"}";
    }

    /** Writes the {@code arg} field. */
    public static void writeArg(final JsonGenerator g, final String instType, final String channel, final String idKey,
        final String id) throws IOException
    {
        g.writeObjectFieldStart("arg");
        g.writeStringField("instType", instType);
        g.writeStringField("channel", channel);
        g.writeStringField(idKey, id);
        g.writeEndObject();
    }

    /** Writes an object of string fields. */
    public static void writeStrings(final JsonGenerator g, final Map<String, String> m) throws IOException
    {
        g.writeStartObject();
        for (final Map.Entry<String, String> e : m.entrySet())
        {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
