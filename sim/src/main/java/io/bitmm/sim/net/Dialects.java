package io.bitmm.sim.net;

import io.bitmm.sim.net.v2.V2Rest;
import io.bitmm.sim.net.v2.V2Ws;
import io.bitmm.sim.net.v2.mix.MixAccountRest;
import io.bitmm.sim.net.v2.mix.MixMarketRest;
import io.bitmm.sim.net.v2.mix.MixStreams;
import io.bitmm.sim.net.v2.mix.MixTradeRest;
import io.bitmm.sim.net.v2.spot.SpotAccountRest;
import io.bitmm.sim.net.v2.spot.SpotMarketRest;
import io.bitmm.sim.net.v2.spot.SpotStreams;
import io.bitmm.sim.net.v2.spot.SpotTradeRest;
import io.bitmm.sim.net.v3.V3RestApi;
import io.bitmm.sim.net.v3.V3Streams;

/**
 * The one place where the wire dialects are assembled on a venue: REST prefixes on the {@link RestApi} front door
 * and WebSocket upgrade paths on the {@link Venue}. Classic v2 (spot; futures "mix" beside it) is here; UTA v3
 * plugs in the same way ({@code /api/v3/}, {@code /v3/ws/public}, {@code /v3/ws/private}).
 */
public final class Dialects
{
    private Dialects()
    {
    }

    /**
     * Builds the REST front door with every dialect and registers the WebSocket dialects (call on the venue loop).
     *
     * @param venue the venue
     * @return the REST front door
     */
    public static RestApi install(final Venue venue)
    {
        final RestApi rest = new RestApi(venue);
        final V2Rest v2 = new V2Rest(venue);
        new SpotMarketRest(venue, v2);
        new SpotTradeRest(venue, v2);
        new SpotAccountRest(venue, v2);
        new MixMarketRest(venue, v2);
        new MixTradeRest(venue, v2);
        new MixAccountRest(venue, v2);
        rest.dialect("/api/v2/", v2);
        venue.wsDialect(new V2Ws(venue).streams(new SpotStreams(venue)).streams(new MixStreams(venue)), "/v2/ws/public", "/v2/ws/private");
        final V3Streams v3 = new V3Streams(venue);
        rest.dialect("/api/v3/", new V3RestApi(venue, v3, new RestAuth(venue)));
        venue.wsDialect(v3, "/v3/ws/public", "/v3/ws/private");
        return rest;
    }
}
