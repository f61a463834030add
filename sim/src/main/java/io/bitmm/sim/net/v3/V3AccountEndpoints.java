package io.bitmm.sim.net.v3;

import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Rest;
import io.bitmm.sim.net.RestApi;

import java.util.Map;

/**
 * v3 account and position endpoints (§5.9, §6): {@code account/assets} (the unified wallet), {@code settings},
 * {@code fee-rate}, {@code set-leverage}, {@code set-hold-mode} and {@code position/current-position}.
 * Venue-thread only.
 */
final class V3AccountEndpoints
{
    private final V3Options options;
    private final V3Products products;
    private final V3Wallet wallet;
    private final Exchange exchange;

    V3AccountEndpoints(final V3Streams streams)
    {
        this.options = streams.options();
        this.products = streams.products();
        this.wallet = streams.wallet();
        this.exchange = streams.venue().exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(final Object body)
    {
        return body instanceof Map ? (Map<String, Object>)body : null;
    }

    /** {@code GET /api/v3/account/assets}: one wallet for every category. */
    void assets(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        Rest.ok(out, now, wallet::writeAssets, null);
    }

    /** {@code GET /api/v3/account/settings}: {@code accountMode} {@code unified} (the probe ccxt uses). */
    void settings(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        Rest.ok(out, now, g ->
        {
            g.writeStartObject();
            g.writeStringField("uid", V3RestApi.UID);
            g.writeStringField("accountMode", "unified");
            g.writeStringField("assetMode", "multi_assets");
            g.writeStringField("holdMode", products.holdMode());
            g.writeStringField("stpMode", "none");
            g.writeArrayFieldStart("symbolConfigList");
            products.writeSymbolConfigs(g);
            g.writeEndArray();
            g.writeArrayFieldStart("coinConfigList");
            g.writeEndArray();
            g.writeEndObject();
        }, null);
    }

    /** {@code GET /api/v3/account/fee-rate?symbol=&category=} (both required). */
    void feeRate(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = V3Category.parse(q.get("category"), options.categoryCaseInsensitive());
        if (c == null || q.get("symbol") == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final Instrument inst = products.instrument(c, q.get("symbol"));
        if (inst == null)
        {
            V3RestApi.fail(out, "25100", "Trading pair " + q.get("symbol") + " does not exist", now);
            return;
        }
        final java.math.BigDecimal maker = inst.isFutures() ? exchange.futures().makerFee() : exchange.makerFee();
        final java.math.BigDecimal taker = inst.isFutures() ? exchange.futures().takerFee() : exchange.takerFee();
        Rest.ok(out, now, null, "{\"makerFeeRate\":\"" + maker.toPlainString() + "\",\"takerFeeRate\":\"" + taker.toPlainString() + "\"}");
    }

    /** {@code POST /api/v3/account/set-leverage} {@code {category, symbol, leverage[, posSide, marginMode]}}. */
    void setLeverage(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        final V3Category c = m == null ? null : V3Category.parse(Json.str(m, "category"), options.categoryCaseInsensitive());
        if (c == null || Json.str(m, "leverage") == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        final String err = products.setLeverage(c, Json.str(m, "symbol"), Json.str(m, "leverage"), Json.str(m, "posSide"),
            Json.str(m, "marginMode"));
        if (err != null)
        {
            V3RestApi.fail(out, err.substring(0, err.indexOf(' ')), err.substring(err.indexOf(' ') + 1), now);
            return;
        }
        Rest.ok(out, now, null, "\"success\"");
    }

    /** {@code POST /api/v3/account/set-hold-mode} {@code {holdMode: one_way_mode|hedge_mode}} (account-wide). */
    void setHoldMode(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final Map<String, Object> m = object(body);
        final String mode = m == null ? null : Json.str(m, "holdMode");
        if (!"one_way_mode".equals(mode) && !"hedge_mode".equals(mode))
        {
            V3RestApi.fail(out, "25200", "holdMode validation error", now);
            return;
        }
        final String err = products.setHoldMode(mode);
        if (err != null)
        {
            V3RestApi.fail(out, err.substring(0, err.indexOf(' ')), err.substring(err.indexOf(' ') + 1), now);
            return;
        }
        Rest.ok(out, now, null, "\"success\"");
    }

    /** {@code GET /api/v3/position/current-position?category=[&symbol=&posSide=]} → {@code {list}} ({@code null} if none). */
    void currentPosition(final Map<String, String> q, final Object body, final RestApi.Reply out, final long now)
    {
        final V3Category c = V3Category.parse(q.get("category"), options.categoryCaseInsensitive());
        if (c == null)
        {
            V3RestApi.fail(out, "400172", "Parameter verification failed", now);
            return;
        }
        Rest.ok(out, now, g ->
        {
            g.writeStartObject();
            if (!products.writePositions(g, c, q.get("symbol"), q.get("posSide")))
            {
                g.writeNullField("list");
            }
            g.writeEndObject();
        }, null);
    }
}
