package io.bitmm.sim.net.v3;

import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Order;
import io.netty.channel.EventLoop;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The dead-man switch of {@code POST /api/v3/trade/countdown-cancel-all} (§5.7): arming with N seconds (5..60)
 * starts or restarts a countdown; if it lapses without a refresh every open order of the account is cancelled
 * (pushed as usual) and the switch disarms itself; 0 disarms. Venue-thread only.
 */
final class V3DeadManSwitch
{
    /** Shortest and longest countdown in seconds (§5.7). */
    static final int MIN_SECONDS = 5;
    static final int MAX_SECONDS = 60;

    private final Exchange exchange;
    private final EventLoop loop;
    private ScheduledFuture<?> lapse;
    private long lapses;
    private long ordersCancelled;

    V3DeadManSwitch(final Exchange exchange, final EventLoop loop)
    {
        this.exchange = exchange;
        this.loop = loop;
    }

    /**
     * Arms (or re-arms) the countdown, or disarms it with 0.
     *
     * @param seconds 0, or {@value #MIN_SECONDS}..{@value #MAX_SECONDS}
     */
    void arm(final int seconds)
    {
        if (lapse != null)
        {
            lapse.cancel(false);
            lapse = null;
        }
        if (seconds > 0)
        {
            lapse = loop.schedule(this::lapse, seconds, TimeUnit.SECONDS);
        }
    }

    /** True while a countdown runs. */
    boolean armed()
    {
        return lapse != null;
    }

    private void lapse()
    {
        lapse = null;
        lapses++;
        exchange.now(System.currentTimeMillis());
        final List<Order> open = exchange.openOrders(null);
        for (final Order o : open)
        {
            if (exchange.cancel(o))
            {
                ordersCancelled++;
            }
        }
    }

    /** Countdowns that lapsed. */
    long lapses()
    {
        return lapses;
    }

    /** Orders cancelled by lapses. */
    long ordersCancelled()
    {
        return ordersCancelled;
    }
}
