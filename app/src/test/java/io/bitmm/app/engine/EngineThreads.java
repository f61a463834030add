package io.bitmm.app.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finds an engine's threads by name in a test JVM, where earlier tests may have left threads of the same names.
 */
public final class EngineThreads
{
    private EngineThreads()
    {
    }

    /**
     * @return the ids of the threads alive now (take it before the engine starts).
     */
    public static Set<Long> alive()
    {
        final Set<Long> ids = new HashSet<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            ids.add(t.getId());
        }
        return ids;
    }

    /**
     * @param prefix a thread name prefix, e.g. {@code mm-core}.
     * @param before {@link #alive()} before the engine started.
     * @return the id of the one thread named prefix* that was not alive before (the test fails if not exactly one).
     */
    public static long startedSince(final String prefix, final Set<Long> before)
    {
        final List<Thread> found = new ArrayList<>();
        for (final Thread t : Thread.getAllStackTraces().keySet())
        {
            if (t.getName().startsWith(prefix) && !before.contains(t.getId()))
            {
                found.add(t);
            }
        }
        assertEquals(1, found.size(), "threads named " + prefix + "* started by this engine: " + found);
        return found.get(0).getId();
    }
}
