package io.bitmm.sim.net;

import io.bitmm.sim.Faults;
import io.netty.channel.EventLoop;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Delivery of private pushes through the private-push faults: dropped ({@code dropPrivatePushes}), sent twice
 * ({@code duplicatePushes}) or swapped with the next push to the same socket ({@code reorderPushes}). A held push
 * whose successor does not come within {@value #HOLD_MS} ms is sent alone. Seeded; venue thread only.
 */
final class PushFaults
{
    private static final long HOLD_MS = 500;

    private final Faults faults;
    private final EventLoop loop;
    private final Random random;
    private final Map<WsSession, String> held = new IdentityHashMap<>();

    /**
     * @param faults the settings and counters.
     * @param loop   the venue thread.
     * @param seed   the venue's seed.
     */
    PushFaults(final Faults faults, final EventLoop loop, final long seed)
    {
        this.faults = faults;
        this.loop = loop;
        this.random = new Random(seed ^ 0x5DEECE66DL);
    }

    /**
     * @return false when the push is to be dropped (counted).
     */
    boolean admit()
    {
        return !faults.takeDropPrivatePush();
    }

    /**
     * Sends a push now, applying the reorder and duplicate faults.
     *
     * @param target the private socket.
     * @param msg    the push.
     */
    void deliver(final WsSession target, final String msg)
    {
        final String before = held.remove(target);
        if (before == null && faults.takeReorderPush(random.nextDouble()))
        {
            held.put(target, msg);
            loop.schedule(() -> flushHeld(target, msg), HOLD_MS, TimeUnit.MILLISECONDS);
            return;
        }
        send(target, msg);
        if (before != null)
        {
            send(target, before);
        }
    }

    private void flushHeld(final WsSession target, final String msg)
    {
        if (held.get(target) == msg)
        {
            held.remove(target);
            send(target, msg);
        }
    }

    private void send(final WsSession target, final String msg)
    {
        target.sendNow(msg);
        if (faults.takeDuplicatePush(random.nextDouble()))
        {
            target.sendNow(msg);
        }
    }
}
