package io.bitmm.sim.net.v2;

import io.bitmm.sim.Signer;
import io.bitmm.sim.engine.Fill;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.engine.Position;
import io.bitmm.sim.engine.Side;
import io.bitmm.sim.json.Json;
import io.bitmm.sim.net.Venue;
import io.bitmm.sim.net.WsDialect;
import io.bitmm.sim.net.WsOps;
import io.bitmm.sim.net.WsSession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classic v2 WebSocket dialect on {@code /v2/ws/public} and {@code /v2/ws/private} (§9–§12): ops
 * (login, subscribe, unsubscribe), their acks and errors, and the per-{@code instType} streams
 * ({@link V2Streams}) it dispatches to.
 */
public final class V2Ws implements WsDialect
{
    private final WsOps.Handler ops = new WsOps.Handler()
        {
            @Override
            public void login(final WsSession session, final Map<String, Object> arg)
            {
                V2Ws.this.login(session, arg);
            }

            @Override
            public boolean otherOp(final WsSession session, final String op, final Map<String, Object> msg)
            {
                return false;
            }

            @Override
            public void subscription(final WsSession session, final String op, final Map<String, Object> arg)
            {
                subscribe(session, op, arg);
            }
        };
    private static final int MAX_CHANNELS_PER_CONNECTION = 1000;

    private final Venue venue;
    private final Signer wsSigner;
    private final Map<String, V2Streams> streams = new LinkedHashMap<>();
    private final List<V2Streams> streamList = new ArrayList<>();
    private V2Streams first;

    /**
     * @param venue the venue
     */
    public V2Ws(final Venue venue)
    {
        this.venue = venue;
        this.wsSigner = new Signer(venue.credentials().secret());
    }

    /**
     * Adds the channels of one instType.
     *
     * @param s the streams
     * @return this
     */
    public V2Ws streams(final V2Streams s)
    {
        streams.put(s.instType(), s);
        streamList.add(s);
        if (first == null)
        {
            first = s;
        }
        return this;
    }

    @Override
    public void onMessage(final WsSession s, final String text)
    {
        WsOps.onMessage(venue, s, text, ops);
    }

    private void login(final WsSession s, final Map<String, Object> arg)
    {
        final String code = s.isPrivate() && venue.faults().takeRefuseLogin() ? "30005,\"msg\":\"Login failed\""
            : loginError(s, arg);
        if (code != null)
        {
            s.sendNow("{\"event\":\"error\",\"code\":" + code + "}");
            s.close();
            return;
        }
        s.loggedIn(true);
        s.sendNow("{\"event\":\"login\",\"code\":0,\"msg\":\"\"}");
    }

    /** Returns "code,\"msg\":\"...\"" on failure, null on success. */
    private String loginError(final WsSession s, final Map<String, Object> arg)
    {
        if (!s.isPrivate() || arg == null)
        {
            return "30002,\"msg\":\"Illegal request\"";
        }
        final String key = Json.str(arg, "apiKey");
        final String pass = Json.str(arg, "passphrase");
        final String ts = Json.str(arg, "timestamp");
        final String sign = Json.str(arg, "sign");
        if (key == null || !key.equals(venue.credentials().apiKey()))
        {
            return "30011,\"msg\":\"Invalid ACCESS_KEY\"";
        }
        if (pass == null || !pass.equals(venue.credentials().passphrase()))
        {
            return "30012,\"msg\":\"Invalid ACCESS_PASSPHRASE\"";
        }
        final long seconds;
        try
        {
            seconds = Long.parseLong(ts);
        }
        catch (final NumberFormatException ex)
        {
            return "30013,\"msg\":\"Invalid ACCESS_TIMESTAMP\"";
        }
        if (Math.abs(venue.faults().clockMs() - seconds * 1000) > venue.context().timestampWindowMs())
        {
            return "30014,\"msg\":\"Request timestamp expired\"";
        }
        if (sign == null || !sign.equals(wsSigner.sign(ts + "GET/user/verify")))
        {
            return "30015,\"msg\":\"Invalid ACCESS_SIGN\"";
        }
        return null;
    }

    private void subscribe(final WsSession s, final String op, final Map<String, Object> arg)
    {
        final String instType = Json.str(arg, "instType");
        final String channel = Json.str(arg, "channel");
        final boolean account = "account".equals(channel);
        final String instId = account ? Json.str(arg, "coin") : Json.str(arg, "instId");
        final String argJson = WsJson.argJson(instType, channel, account ? "coin" : "instId", instId);
        if (instType == null || channel == null || instId == null)
        {
            s.sendNow(WsJson.error(argJson, 30016, "Param error", op));
            return;
        }
        final V2Streams st = streams.get(instType);
        final V2Streams rules = st != null ? st : first;
        final boolean privateChannel = rules.isPrivateChannel(channel);
        if (privateChannel && !s.loggedIn())
        {
            s.sendNow(WsJson.error(argJson, 30004, "User not logged in", op));
            return;
        }
        final boolean publicChannel = rules.isPublicChannel(channel);
        if (channel.startsWith("candle") && !channel.equals("candle1m"))
        {
            s.sendNow(WsJson.error(argJson, 30016, "Param error", op));
            return;
        }
        if (st == null || !st.knownInstId(instId, privateChannel) || !(privateChannel || publicChannel) || privateChannel != s.isPrivate())
        {
            s.sendNow(WsJson.error(argJson, 30001, "instType:" + instType + ",channel:" + channel + ",instId:" + instId
                + " doesn't exist", op));
            return;
        }
        final String key = st.key(channel, instId);
        if ("unsubscribe".equals(op))
        {
            venue.unsubscribe(s, key);
            s.sendNow("{\"event\":\"unsubscribe\",\"arg\":" + argJson + "}");
            return;
        }
        if (!s.subscriptions().contains(key) && s.subscriptions().size() >= MAX_CHANNELS_PER_CONNECTION)
        {
            s.sendNow(WsJson.error(argJson, 30006, "Too many channels", op));
            return;
        }
        s.sendNow("{\"event\":\"subscribe\",\"arg\":" + argJson + "}");
        venue.subscribe(s, key);
        st.initialPush(s, channel, instId);
    }

    @Override
    public void publishBooks(final String symbol, final long now)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).publishBooks(symbol, now);
        }
    }

    @Override
    public void tickerTick(final long now)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).tickerTick(now);
        }
    }

    @Override
    public boolean hasBooksSubscriber()
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            if (streamList.get(i).hasBooksSubscriber())
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasBooksSubscriber(final String key)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            if (streamList.get(i).hasBooksSubscriber(key))
            {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onOrder(final Order order, final Fill fill)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onOrder(order, fill);
        }
    }

    @Override
    public void onFill(final Fill fill)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onFill(fill);
        }
    }

    @Override
    public void onBalance(final String coin)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onBalance(coin);
        }
    }

    @Override
    public void onPosition(final Position position)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onPosition(position);
        }
    }

    @Override
    public void onFuturesAccount(final String coin)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onFuturesAccount(coin);
        }
    }

    @Override
    public void onFunding(final Position position, final BigDecimal amount, final BigDecimal rate)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onFunding(position, amount, rate);
        }
    }

    @Override
    public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
        final Side takerSide, final long timeMs)
    {
        for (int i = 0; i < streamList.size(); i++)
        {
            streamList.get(i).onTrade(instrument, tradeId, priceTicks, lots, takerSide, timeMs);
        }
    }
}
