package io.bitmm.sim.net;

import io.bitmm.sim.json.Json;

import java.util.List;
import java.util.Map;

/**
 * The client-message handling that the v2 and v3 sockets share (v2 §9, v3 §8.1-8.2): JSON check, the
 * {@code login}/{@code subscribe}/{@code unsubscribe} ops, the hourly subscribe budget and the {@code refuseSubscribe}
 * fault. Each dialect supplies what differs: its login, its other ops ({@code trade} on v3), and each subscribe arg.
 * Venue thread only.
 */
public final class WsOps
{
    /** Subscribe requests per connection per hour (v2 §9, v3 §8.2); beyond: 30006. */
    public static final int SUBSCRIBES_PER_HOUR = 240;

    /** What a dialect does with the ops. */
    public interface Handler
    {
        /**
         * @param s   the session.
         * @param arg the first login arg, or null when absent or not an object.
         */
        void login(WsSession s, Map<String, Object> arg);

        /**
         * @param s   the session.
         * @param op  an op other than login, subscribe and unsubscribe.
         * @param msg the whole message.
         * @return true when the dialect handled it; false answers 30003 "Invalid op".
         */
        boolean otherOp(WsSession s, String op, Map<String, Object> msg);

        /**
         * @param s   the session.
         * @param op  {@code subscribe} or {@code unsubscribe}.
         * @param arg one arg object.
         */
        void subscription(WsSession s, String op, Map<String, Object> arg);
    }

    private WsOps()
    {
    }

    /**
     * Handles one client message.
     *
     * @param venue   the venue (faults).
     * @param s       the session it came on.
     * @param text    the message.
     * @param handler the dialect's part.
     */
    @SuppressWarnings("unchecked")
    public static void onMessage(final Venue venue, final WsSession s, final String text, final Handler handler)
    {
        final Map<String, Object> msg = Json.parseObject(text);
        if (msg == null)
        {
            s.sendNow("{\"event\":\"error\",\"code\":30002,\"msg\":\"Illegal request\"}");
            return;
        }
        final String op = Json.str(msg, "op");
        final Object args = msg.get("args");
        if ("login".equals(op))
        {
            handler.login(s, args instanceof List && !((List<Object>)args).isEmpty() &&
                ((List<Object>)args).get(0) instanceof Map ? (Map<String, Object>)((List<Object>)args).get(0) : null);
            return;
        }
        if (!"subscribe".equals(op) && !"unsubscribe".equals(op))
        {
            if (!handler.otherOp(s, op, msg))
            {
                s.sendNow("{\"event\":\"error\",\"code\":30003,\"msg\":\"Invalid op\"}");
            }
            return;
        }
        if ("subscribe".equals(op) && venue.faults().takeRefuseSubscribe())
        {
            s.sendNow("{\"event\":\"error\",\"code\":30006,\"msg\":\"request too many\"}");
            return;
        }
        if ("subscribe".equals(op) && !s.countSubscribe(SUBSCRIBES_PER_HOUR))
        {
            s.sendNow("{\"event\":\"error\",\"code\":30006,\"msg\":\"Too many requests\",\"op\":\"subscribe\"}");
            return;
        }
        if (!(args instanceof List))
        {
            s.sendNow("{\"event\":\"error\",\"code\":30016,\"msg\":\"Param error\",\"op\":\"" + op + "\"}");
            return;
        }
        for (final Object a : (List<Object>)args)
        {
            if (a instanceof Map)
            {
                handler.subscription(s, op, (Map<String, Object>)a);
            }
            else
            {
                s.sendNow("{\"event\":\"error\",\"code\":30016,\"msg\":\"Param error\",\"op\":\"" + op + "\"}");
            }
        }
        s.flush();
    }
}
