package io.bitmm.sim.net.v2.mix;

import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.v2.V2Rest;

import java.util.Locale;
import java.util.Map;

/** Parameter checks shared by the v2 futures endpoint groups: {@code productType} and {@code symbol}. */
final class MixSupport
{
    private MixSupport()
    {
    }

    /** A parameter from the JSON body (POST) or the query (GET). */
    static String param(final V2Rest.Call c, final String name)
    {
        return c.body() != null ? Json.str(c.body(), name) : c.query().get(name);
    }

    /**
     * Checks {@code productType}; answers 40019/40017 and returns false when missing or not USDT-FUTURES.
     *
     * @param c the call
     * @return true if it is USDT-FUTURES (any case)
     */
    static boolean productType(final V2Rest.Call c)
    {
        final String pt = param(c, "productType");
        if (pt == null || pt.isEmpty())
        {
            c.fail("40019", "Parameter productType cannot be empty");
            return false;
        }
        if (!MixViews.PRODUCT_TYPE.equals(pt.toUpperCase(Locale.ROOT)))
        {
            c.fail("40017", "Parameter verification failed: productType " + pt + " is not supported");
            return false;
        }
        return true;
    }

    /**
     * The perpetual named by {@code symbol}; answers 40034 and returns null when unknown.
     *
     * @param c        the call
     * @param exchange the exchange
     * @param symbol   the symbol as sent (may be null)
     * @return the instrument or null
     */
    static Instrument perpetual(final V2Rest.Call c, final Exchange exchange, final String symbol)
    {
        final Instrument inst = symbol == null ? null
            : exchange.instruments().get(Instrument.key(Instrument.USDT_FUTURES, symbol.toUpperCase(Locale.ROOT)));
        if (inst == null)
        {
            c.fail("40034", "Parameter " + symbol + " does not exist");
        }
        return inst;
    }

    /** The optional {@code symbol} filter as an upper-case bare symbol, or null. */
    static String symbolFilter(final Map<String, String> q)
    {
        final String s = q.get("symbol");
        return s == null || s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
    }
}
