package io.bitmm.sim.net.v2.spot;

import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsSession;
import io.bitmm.sim.net.v2.V2MarketStreams;
import io.bitmm.sim.net.v2.WsJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * v2 WebSocket channels of {@code instType: SPOT} (§10–§12): the public channels of {@link V2MarketStreams}, and
 * private {@code orders}, {@code fill}, {@code account}. Subscription keys are {@code channel:instId}.
 */
public final class SpotStreams extends V2MarketStreams
{
    private static final String INST_TYPE = "SPOT";

    /**
     * @param venue the venue
     */
    public SpotStreams(final Venue venue)
    {
        super(venue, INST_TYPE, Instrument.SPOT, "");
    }

    @Override
    public boolean isPrivateChannel(final String channel)
    {
        return "account".equals(channel) || "orders".equals(channel) || "fill".equals(channel);
    }

    @Override
    protected Map<String, String> tickerFields(final Instrument inst, final long now)
    {
        return SpotViews.tickerFields(venue, inst, now);
    }

    @Override
    protected void privatePush(final WsSession s, final String channel, final String instId, final long now)
    {
        if ("account".equals(channel))
        {
            s.sendNow(accountMessage(new ArrayList<>(exchange.balances().keySet()), now));
        }
    }

    // ---------------------------------------------------------------- private

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        if (order.instrument.isFutures())
        {
            return;
        }
        final long now = exchange.now();
        final String symbol = order.instrument.symbol();
        for (final WsSession target : privateTargets("orders", symbol))
        {
            final String instId = target.subscriptions().contains("orders:" + symbol) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "orders", "instId", instId);
                g.writeArrayFieldStart("data");
                g.writeStartObject();
                for (final Map.Entry<String, String> e : SpotViews.wsOrder(order, fill).entrySet())
                {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeArrayFieldStart("feeDetail");
                if (order.feeTotal.signum() != 0)
                {
                    g.writeStartObject();
                    g.writeStringField("feeCoin", order.feeCoin);
                    g.writeStringField("fee", order.feeTotal.negate().toPlainString());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeNumberField("ts", now);
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        if (fill.order().instrument.isFutures())
        {
            return;
        }
        final String symbol = fill.order().instrument.symbol();
        for (final WsSession target : privateTargets("fill", symbol))
        {
            final String instId = target.subscriptions().contains("fill:" + symbol) ? symbol : "default";
            venue.push(target, Json.write(g ->
            {
                g.writeStartObject();
                g.writeStringField("action", "snapshot");
                WsJson.writeArg(g, INST_TYPE, "fill", "instId", instId);
                g.writeArrayFieldStart("data");
                SpotViews.wsFill(g, fill);
                g.writeEndArray();
                g.writeNumberField("ts", fill.timeMs());
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        final List<WsSession> targets = privateTargets("account", "default");
        if (!targets.isEmpty())
        {
            final String msg = accountMessage(List.of(coin), exchange.now());
            targets.forEach(t -> venue.push(t, msg));
        }
    }

    private String accountMessage(final List<String> coins, final long now)
    {
        return Json.write(g ->
        {
            g.writeStartObject();
            g.writeStringField("action", "snapshot");
            WsJson.writeArg(g, INST_TYPE, "account", "coin", "default");
            g.writeArrayFieldStart("data");
            for (final String coin : coins)
            {
                final Balance b = exchange.balance(coin);
                g.writeStartObject();
                g.writeStringField("coin", coin);
                g.writeStringField("available", b.available.toPlainString());
                g.writeStringField("frozen", b.frozen.toPlainString());
                g.writeStringField("locked", "0");
                g.writeStringField("limitAvailable", "0");
                g.writeStringField("uTime", Long.toString(b.updatedMs == 0 ? now : b.updatedMs));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("ts", now);
            g.writeEndObject();
        });
    }
}
