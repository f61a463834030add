package io.bitmm.app.chaos;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short chaos campaign CI runs ({@code mm chaos} is the full one): three trials of 12 s, one of them a kill -9
 * and restart, each the engine in a child JVM against the sim in another, under a seeded fault schedule; every
 * check of every trial must pass (docs/chaos.md).
 */
@Tag("slow")
class ChaosCampaignTest
{
    private static final int TRIALS = 3;
    private static final long DURATION_MS = 12_000;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldPassEveryCheckInAShortCampaignWithAKill(@TempDir final Path dir) throws Exception
    {
        final long seed = firstSeedWithOneKill();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final int failed = new ChaosCampaign(seed, TRIALS, DURATION_MS, true, List.of("BTCUSDT"), List.of(), dir, out)
            .run();
        final String table = bytes.toString(StandardCharsets.UTF_8);
        System.out.print(table);
        assertEquals(0, failed, table);
        assertTrue(table.contains("violations: run=0 no-open=0 position=0 no-429=0 book=0 journal=0"), table);
        boolean restarted = false;
        for (int i = 0; i < TRIALS; i++)
        {
            restarted |= Files.isDirectory(dir.resolve("trial-" + (seed + i)).resolve("run-restarted").resolve("journal"));
        }
        assertTrue(restarted, "one trial killed the engine and restarted it: " + table);
        assertTrue(Files.readString(dir.resolve("chaos.txt")).contains("faults injected:"), "the table is kept");
        final List<String> venues = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
            .map(ChaosCampaignTest::commandLine).filter(c -> c.contains(" sim --exit-with=")).toList();
        assertTrue(venues.isEmpty(), "every trial's venue JVM is closed by the end of the campaign, not by its exit: " + venues);
    }

    /** The process's command line from /proc (ProcessHandle.Info leaves out long ones), or "" when it is gone. */
    private static String commandLine(final ProcessHandle process)
    {
        try
        {
            return process.pid() + " " + new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
                StandardCharsets.UTF_8).replace('\0', ' ');
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    /** The first seed from 1 whose three trials hold exactly one kill (the schedules come from the seeds alone). */
    private static long firstSeedWithOneKill()
    {
        for (long seed = 1; ; seed++)
        {
            int kills = 0;
            for (int i = 0; i < TRIALS; i++)
            {
                kills += FaultSchedule.draw(seed + i, DURATION_MS, true).killAtMs() >= 0 ? 1 : 0;
            }
            if (kills == 1)
            {
                return seed;
            }
        }
    }
}
