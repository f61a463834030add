package io.bitmm.app.stat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the run a reader looks at when none is named: the newest live run under {@code runs/}, else the newest run.
 */
public final class RunDirectories
{
    private RunDirectories()
    {
    }

    /**
     * @param runsDir the folder of runs (normally {@code runs}).
     * @return the newest run directory whose engine is live, else the newest with a counters file.
     * @throws IllegalStateException when there is none.
     */
    public static Path newest(final Path runsDir)
    {
        final List<Path> runs = new ArrayList<>();
        if (Files.isDirectory(runsDir))
        {
            try (Stream<Path> list = Files.list(runsDir))
            {
                list.filter(dir -> Files.isRegularFile(dir.resolve(CountersFile.FILE_NAME))).forEach(runs::add);
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("cannot list " + runsDir + ": " + ex.getMessage(), ex);
            }
        }
        if (runs.isEmpty())
        {
            throw new IllegalStateException("no run with a counters file under " + runsDir.toAbsolutePath() +
                ": start one with scripts/mm run, or name a run directory");
        }
        runs.sort(Comparator.comparing(RunDirectories::modified).reversed());
        final long now = System.currentTimeMillis();
        for (final Path run : runs)
        {
            try (CountersFile file = CountersFile.open(run))
            {
                if (StatScreen.isLive(CountersSnapshot.read(file), now))
                {
                    return run;
                }
            }
            catch (final IllegalStateException ex)
            {
                // not yet initialised or another version: skip it
            }
        }
        return runs.get(0);
    }

    private static FileTime modified(final Path dir)
    {
        try
        {
            return Files.getLastModifiedTime(dir.resolve(CountersFile.FILE_NAME));
        }
        catch (final IOException ex)
        {
            return FileTime.fromMillis(0);
        }
    }
}
