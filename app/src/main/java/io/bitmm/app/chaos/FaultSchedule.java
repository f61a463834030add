package io.bitmm.app.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One trial's faults, drawn from its seed alone: the same seed and duration give the same schedule, so a failing
 * trial is reproduced with {@code --seed S --trials 1 --duration D}. A fault starts every 0.4-2.5 s from 1 s into
 * the trading time until 1.5 s before its end, its kind drawn uniformly from {@link FaultKind} (a window fault is
 * not drawn again while it is on; it lasts 1-4 s). Also drawn per trial: the synthetic takers per second (10-25,
 * against the sim's default 2, so that fills happen), the sim's forced WebSocket disconnect (in half the trials,
 * every 4-12 s), maker rebates (in a third of the trials the maker fee is -0.0001 instead of 0.0002), and, when
 * kills are on, whether the engine is killed with SIGKILL (one trial in four) and when.
 *
 * @param seed            the trial's seed.
 * @param durationMs      trading time.
 * @param takersPerSecond synthetic takers per second per symbol.
 * @param wsMaxAgeMs      the sim's forced WebSocket disconnect, 0 for none.
 * @param killAtMs        when the engine is killed, ms into its trading time; -1 for never.
 * @param makerFee        the sim's maker fee rate: in a third of the trials negative, a maker rebate.
 * @param events          what happens when, in time order.
 */
public record FaultSchedule(long seed, long durationMs, double takersPerSecond, long wsMaxAgeMs, long killAtMs,
    String makerFee, List<Event> events)
{
    /** The sim's default maker fee rate. */
    public static final String MAKER_FEE = "0.0002";
    /** A maker rebate: Bitget pays some accounts for resting liquidity. */
    public static final String REBATE = "-0.0001";

    /**
     * One control command.
     *
     * @param atMs when, ms into the trading time.
     * @param kind which fault.
     * @param json the command for {@code POST /sim/fault}.
     * @param on   true when it injects the fault, false when it switches a window fault off.
     */
    public record Event(long atMs, FaultKind kind, String json, boolean on)
    {
    }

    /**
     * @param seed       the trial's seed.
     * @param durationMs trading time, at least 5 s.
     * @param kills      true when the trial may kill the engine.
     * @return the trial's schedule.
     */
    public static FaultSchedule draw(final long seed, final long durationMs, final boolean kills)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double takers = random.nextInt(10, 26);
        final long maxAge = random.nextBoolean() ? random.nextLong(4_000, 12_001) : 0;
        final boolean kill = random.nextInt(4) == 0;
        final long killAt = random.nextLong(3_000, Math.max(3_001, durationMs - 6_000));
        final String makerFee = random.nextInt(3) == 0 ? REBATE : MAKER_FEE;
        final FaultKind[] kinds = FaultKind.values();
        final long[] activeUntil = new long[kinds.length];
        final List<Event> events = new ArrayList<>();
        for (long t = 1_000; t < durationMs - 1_500; t += random.nextLong(400, 2_501))
        {
            final FaultKind kind = kinds[random.nextInt(kinds.length)];
            final String on = kind.on(random);
            if (kind.window())
            {
                final long length = random.nextLong(1_000, 4_001);
                if (activeUntil[kind.ordinal()] > t)
                {
                    continue;
                }
                final long end = Math.min(t + length, durationMs - 1_000);
                activeUntil[kind.ordinal()] = end;
                events.add(new Event(end, kind, kind.off(on), false));
            }
            events.add(new Event(t, kind, on, true));
        }
        events.sort((a, b) -> Long.compare(a.atMs(), b.atMs()));
        return new FaultSchedule(seed, durationMs, takers, maxAge, kills && kill ? killAt : -1, makerFee,
            Collections.unmodifiableList(events));
    }

    /**
     * @return faults injected by kind (switching a window fault off is not counted).
     */
    public Map<FaultKind, Integer> counts()
    {
        final Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        for (final Event event : events)
        {
            if (event.on())
            {
                counts.merge(event.kind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * @return true when the sim pays a maker rebate.
     */
    public boolean rebate()
    {
        return makerFee.startsWith("-");
    }

    /**
     * @return forced disconnects the sim's WebSocket age limit causes during the trading time (about).
     */
    public long forcedDisconnects()
    {
        return wsMaxAgeMs == 0 ? 0 : durationMs / wsMaxAgeMs;
    }
}
