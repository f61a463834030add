package io.bitmm.sim.net.v2.mix;

import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Futures;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.Position;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsSession;
import io.bitmm.sim.net.v2.V2MarketStreams;
import io.bitmm.sim.net.v2.WsJson;

import java.util.List;
import java.util.Map;

/**
 * v2 WebSocket channels of {@code instType: USDT-FUTURES} (§10–§12): the public channels of
 * {@link V2MarketStreams} on the perpetuals' books (ticker with mark, index and funding), and private
 * {@code orders}, {@code fill}, {@code positions} (every open position on each change; a closed one drops out),
 * {@code account} (the futures margin account). Subscription keys are {@code USDT-FUTURES|channel:instId}.
 */
public final class MixStreams extends V2MarketStreams
{
    private static final String INST_TYPE = MixViews.PRODUCT_TYPE;

    /**
     * @param venue the venue
     */
    public MixStreams(final Venue venue)
    {
        super(venue, INST_TYPE, Instrument.USDT_FUTURES, INST_TYPE + "|");
    }

    @Override
    public boolean isPrivateChannel(final String channel)
    {
        return "account".equals(channel) || "orders".equals(channel) || "fill".equals(channel) || "positions".equals(channel);
    }

    @Override
    protected Map<String, String> tickerFields(final Instrument inst, final long now)
    {
        return MixViews.tickerFields(venue, inst, now);
    }

    @Override
    protected void privatePush(final WsSession s, final String channel, final String instId, final long now)
    {
        if ("account".equals(channel))
        {
            s.sendNow(accountMessage(now));
        }
        else if ("positions".equals(channel))
        {
            s.sendNow(positionsMessage(instId, now));
        }
    }

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        if (!mine(order.instrument))
        {
            return;
        }
        final long now = exchange.now();
        final String symbol = order.instrument.symbol();
        for (final WsSession target : privateTargets("orders", symbol))
        {
            final String instId = target.subscriptions().contains(key("orders", symbol)) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "orders", "instId", instId);
                g.writeArrayFieldStart("data");
                MixViews.wsOrder(g, order, fill);
                g.writeEndArray();
                g.writeNumberField("ts", now);
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        if (!mine(fill.order().instrument))
        {
            return;
        }
        final String symbol = fill.order().instrument.symbol();
        for (final WsSession target : privateTargets("fill", symbol))
        {
            final String instId = target.subscriptions().contains(key("fill", symbol)) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "fill", "instId", instId);
                g.writeArrayFieldStart("data");
                MixViews.wsFill(g, fill);
                g.writeEndArray();
                g.writeNumberField("ts", fill.timeMs());
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        // the spot wallet: pushed by the SPOT channels
    }

    @Override
    public void onPosition(final Position position)
    {
        final String symbol = position.instrument.symbol();
        for (final WsSession target : privateTargets("positions", symbol))
        {
            final String instId = target.subscriptions().contains(key("positions", symbol)) ? symbol : "default";
            venue.push(target, positionsMessage(instId, exchange.now()));
        }
    }

    @Override
    public void onFuturesAccount(final String coin)
    {
        final List<WsSession> targets = privateTargets("account", "default");
        if (!targets.isEmpty())
        {
            final String msg = accountMessage(exchange.now());
            targets.forEach(t -> venue.push(t, msg));
        }
    }

    private String accountMessage(final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, INST_TYPE, "account", "coin", "default");
            g.writeArrayFieldStart("data");
            MixViews.account(g, exchange.futures(), true);
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }

    /** Every open position ({@code default}) or those of one symbol, as one snapshot. */
    private String positionsMessage(final String instId, final long now)
    {
        final Futures f = exchange.futures();
        final Instrument inst = "default".equals(instId) ? null : instrument(instId);
        final List<Position> open = f.openPositions(inst == null ? null : inst.key());
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, INST_TYPE, "positions", "instId", instId);
            g.writeArrayFieldStart("data");
            for (final Position p : open)
            {
                MixViews.position(g, p, f, f.positionMode(), true);
            }
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }
}
