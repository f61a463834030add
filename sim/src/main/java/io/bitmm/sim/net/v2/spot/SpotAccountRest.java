package io.bitmm.sim.net.v2.spot;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.io.IOException;
import java.util.Map;

/** v2 spot account (§6): account/assets and common/trade-rate. */
public final class SpotAccountRest
{
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public SpotAccountRest(final Venue venue, final V2Rest rest)
    {
        this.exchange = venue.exchange();
        rest.signed("/api/v2/spot/account/assets", 10, c -> c.ok(g -> assets(g, c.query().get("coin"))));
        rest.signed("/api/v2/common/trade-rate", 10, c -> c.okRaw("{\"makerFeeRate\":\"" + exchange.makerFee().toPlainString()
            + "\",\"takerFeeRate\":\"" + exchange.takerFee().toPlainString() + "\"}"));
    }

    private void assets(final JsonGenerator g, final String coin) throws IOException
    {
        g.writeStartArray();
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            if (coin != null && !coin.equalsIgnoreCase(e.getKey()))
            {
                continue;
            }
            final Balance b = e.getValue();
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("available", b.available.toPlainString());
            g.writeStringField("frozen", b.frozen.toPlainString());
            g.writeStringField("locked", "0");
            g.writeStringField("limitAvailable", "0");
            g.writeStringField("uTime", Long.toString(b.updatedMs == 0 ? exchange.now() : b.updatedMs));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
