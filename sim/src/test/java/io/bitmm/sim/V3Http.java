package io.bitmm.sim;

import io.bitmm.sim.json.Json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** v3 REST calls for tests: signed like Bitget's docs (via {@link TestHttp}), replies parsed. */
final class V3Http
{
    final TestHttp http;

    V3Http(final SimVenue venue)
    {
        this.http = new TestHttp(venue.restUri(), venue.credentials());
    }

    /** A reply: HTTP status and the parsed envelope. */
    record Reply(int status, Map<String, Object> body, String text)
    {
        String code()
        {
            return Json.str(body, "code");
        }

        Object data()
        {
            return body.get("data");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> dataObject()
        {
            return (Map<String, Object>)body.get("data");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dataList()
        {
            return (List<Map<String, Object>>)body.get("data");
        }

        /** {@code data.list} (null stays null). */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list()
        {
            return (List<Map<String, Object>>)dataObject().get("list");
        }

        Reply ok()
        {
            assertEquals(200, status, text);
            assertEquals("00000", code(), text);
            return this;
        }
    }

    private static Reply reply(final HttpResponse<String> r)
    {
        return new Reply(r.statusCode(), Json.parseObject(r.body()), r.body());
    }

    Reply get(final String pathAndQuery) throws Exception
    {
        return reply(http.get(pathAndQuery));
    }

    Reply signedGet(final String pathAndQuery) throws Exception
    {
        return reply(http.signedGet(pathAndQuery, System.currentTimeMillis()));
    }

    Reply post(final String path, final String body) throws Exception
    {
        return reply(http.signedPost(path, body));
    }

    /** Places a spot limit order; returns the reply. */
    Reply place(final String symbol, final String side, final String price, final String qty, final String tif, final String clientOid)
        throws Exception
    {
        return post("/api/v3/trade/place-order", "{\"category\":\"SPOT\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side
            + "\",\"orderType\":\"limit\",\"timeInForce\":\"" + tif + "\",\"price\":\"" + price + "\",\"qty\":\"" + qty + "\""
            + (clientOid == null ? "" : ",\"clientOid\":\"" + clientOid + "\"") + "}");
    }

    /** The order object of order-info. */
    Map<String, Object> order(final String orderId) throws Exception
    {
        return signedGet("/api/v3/trade/order-info?orderId=" + orderId).ok().dataObject();
    }
}
