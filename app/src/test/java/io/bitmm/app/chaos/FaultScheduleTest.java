package io.bitmm.app.chaos;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A trial's schedule comes from its seed alone (that is what makes {@code --seed S --trials 1} reproduce a trial),
 * draws every fault kind, and keeps its faults inside the trading time.
 */
class FaultScheduleTest
{
    @Test
    void shouldDrawTheSameScheduleFromTheSameSeed()
    {
        assertEquals(FaultSchedule.draw(77, 20_000, true), FaultSchedule.draw(77, 20_000, true));
        assertNotEquals(FaultSchedule.draw(77, 20_000, true).events(), FaultSchedule.draw(78, 20_000, true).events());
    }

    @Test
    void shouldDrawEveryKindKillsRebatesAndForcedDisconnectsAcrossTrials()
    {
        final Set<FaultKind> seen = EnumSet.noneOf(FaultKind.class);
        int kills = 0;
        int rebates = 0;
        int maxAge = 0;
        for (long seed = 0; seed < 50; seed++)
        {
            final FaultSchedule schedule = FaultSchedule.draw(seed, 20_000, true);
            seen.addAll(schedule.counts().keySet());
            kills += schedule.killAtMs() >= 0 ? 1 : 0;
            rebates += schedule.rebate() ? 1 : 0;
            maxAge += schedule.wsMaxAgeMs() > 0 ? 1 : 0;
            assertEquals(-1, FaultSchedule.draw(seed, 20_000, false).killAtMs(), "--no-kill never kills");
        }
        assertEquals(EnumSet.allOf(FaultKind.class), seen);
        assertTrue(kills > 5 && kills < 25, "about one trial in four is a kill trial: " + kills);
        assertTrue(rebates > 8 && rebates < 28, "about one trial in three pays rebates: " + rebates);
        assertTrue(maxAge > 12 && maxAge < 38, "about half force disconnects: " + maxAge);
    }

    @Test
    void shouldKeepFaultsInsideTheTradingTimeAndSwitchEveryWindowOff()
    {
        for (long seed = 0; seed < 50; seed++)
        {
            final FaultSchedule schedule = FaultSchedule.draw(seed, 20_000, true);
            int open = 0;
            long last = 0;
            for (final FaultSchedule.Event event : schedule.events())
            {
                assertTrue(event.atMs() >= last, "in time order");
                assertTrue(event.atMs() >= 1_000 && event.atMs() <= 19_000, event.toString());
                last = event.atMs();
                if (event.kind().window())
                {
                    open += event.on() ? 1 : -1;
                }
                else
                {
                    assertTrue(event.on(), event.toString());
                }
            }
            assertEquals(0, open, "every window fault switched off: " + schedule);
            if (schedule.killAtMs() >= 0)
            {
                assertTrue(schedule.killAtMs() >= 3_000 && schedule.killAtMs() < 14_000, "kill at " + schedule.killAtMs());
            }
        }
    }
}
