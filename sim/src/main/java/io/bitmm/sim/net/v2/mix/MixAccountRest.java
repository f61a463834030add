package io.bitmm.sim.net.v2.mix;

import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Futures;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Position;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.v2.V2Rest;

import java.util.List;

/**
 * v2 futures account and positions (§6.2): set-leverage, set-margin-mode, set-position-mode, accounts, account,
 * all-position, single-position. The account is the classic futures account, or the unified wallet on a UTA
 * account (which never reaches these paths: 40085).
 */
public final class MixAccountRest
{
    private final Venue venue;
    private final Exchange exchange;

    /**
     * Registers the endpoints.
     *
     * @param venue the venue
     * @param rest  the v2 endpoint table
     */
    public MixAccountRest(final Venue venue, final V2Rest rest)
    {
        this.venue = venue;
        this.exchange = venue.exchange();
        rest.signed("/api/v2/mix/account/set-leverage", 5, this::setLeverage);
        rest.signed("/api/v2/mix/account/set-margin-mode", 5, this::setMarginMode);
        rest.signed("/api/v2/mix/account/set-position-mode", 5, this::setPositionMode);
        rest.signed("/api/v2/mix/account/accounts", 10, this::accounts);
        rest.signed("/api/v2/mix/account/account", 10, this::account);
        rest.signed("/api/v2/mix/position/all-position", 5, c -> positions(c, null));
        rest.signed("/api/v2/mix/position/single-position", 10, this::singlePosition);
    }

    private Futures futures()
    {
        return exchange.futures();
    }

    private boolean failed(final V2Rest.Call c, final String err)
    {
        if (err != null)
        {
            c.fail(err.substring(0, err.indexOf(' ')), err.substring(err.indexOf(' ') + 1));
            return true;
        }
        return false;
    }

    private String leverageReply(final Instrument inst)
    {
        final String lev = Integer.toString(futures().leverage(inst.key()));
        return "{\"symbol\":\"" + inst.symbol() + "\",\"marginCoin\":\"USDT\",\"longLeverage\":\"" + lev + "\",\"shortLeverage\":\""
            + lev + "\",\"crossMarginLeverage\":\"" + lev + "\",\"marginMode\":\"" + futures().marginMode(inst.key()) + "\"}";
    }

    private void setLeverage(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, Json.str(c.body(), "symbol"));
        if (inst == null)
        {
            return;
        }
        String text = Json.str(c.body(), "leverage");
        if (text == null)
        {
            text = Json.str(c.body(), "longLeverage") != null ? Json.str(c.body(), "longLeverage") : Json.str(c.body(), "shortLeverage");
        }
        final long x = Rest.parseLong(text);
        if (x <= 0 || x > Integer.MAX_VALUE)
        {
            c.fail("40017", "Parameter verification failed: leverage");
            return;
        }
        if (failed(c, futures().setLeverage(inst.key(), (int)x)))
        {
            return;
        }
        c.okRaw(leverageReply(inst));
    }

    private void setMarginMode(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, Json.str(c.body(), "symbol"));
        if (inst == null || failed(c, futures().setMarginMode(inst.key(), Json.str(c.body(), "marginMode"))))
        {
            return;
        }
        c.okRaw(leverageReply(inst));
    }

    private void setPositionMode(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c) || failed(c, futures().setPositionMode(Json.str(c.body(), "posMode"))))
        {
            return;
        }
        c.okRaw("{\"posMode\":\"" + futures().positionMode() + "\"}");
    }

    private void accounts(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        c.ok(g ->
        {
            g.writeStartArray();
            MixViews.account(g, futures(), false);
            g.writeEndArray();
        });
    }

    private void account(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst == null)
        {
            return;
        }
        final String lev = Integer.toString(futures().leverage(inst.key()));
        final String acc = Json.write(g -> MixViews.account(g, futures(), false));
        c.okRaw(acc.substring(0, acc.length() - 1) + ",\"crossedMarginLeverage\":" + lev + ",\"isolatedLongLever\":" + lev
            + ",\"isolatedShortLever\":" + lev + ",\"marginMode\":\"" + futures().marginMode(inst.key()) + "\",\"posMode\":\""
            + futures().positionMode() + "\"}");
    }

    private void singlePosition(final V2Rest.Call c)
    {
        if (!MixSupport.productType(c))
        {
            return;
        }
        final Instrument inst = MixSupport.perpetual(c, exchange, c.query().get("symbol"));
        if (inst != null)
        {
            positions(c, inst.key());
        }
    }

    private void positions(final V2Rest.Call c, final String key)
    {
        if (key == null && !MixSupport.productType(c))
        {
            return;
        }
        final List<Position> open = futures().openPositions(key);
        c.ok(g ->
        {
            g.writeStartArray();
            for (final Position p : open)
            {
                MixViews.position(g, p, futures(), futures().positionMode(), false);
            }
            g.writeEndArray();
        });
    }
}
