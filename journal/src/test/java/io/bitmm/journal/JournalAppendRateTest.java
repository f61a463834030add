package io.bitmm.journal;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Append rate of book updates (10 levels a side) and commands, and proof that appending allocates nothing per
 * entry once warm (thread-allocated bytes over a measured run).
 */
@Tag("slow")
class JournalAppendRateTest
{
    private static final int ENTRIES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void shouldAppendWithoutAllocatingPerEntry()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final InboundEvent event = JournalRoundTripTest.book(1);
        event.bidCount = 10;
        event.askCount = 10;
        final OutboundCommand command = new OutboundCommand();
        try (Journal journal = Journal.open(dir, "daily", 0))
        {
            journal.writeHeader(new JournalHeader(1, 1, 1, "test", java.util.Map.of(),
                JournalRoundTripTest.instruments()));
            final JournalAppender appender = journal.appender();
            write(appender, event, command, 200_000);
            final long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            final long start = System.nanoTime();
            final long cpuStart = threads.getCurrentThreadCpuTime();
            write(appender, event, command, ENTRIES);
            final long elapsed = System.nanoTime() - start;
            final long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            final long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            System.out.printf(Locale.ROOT, "journal append: %d entries (9 book updates of 10+10 levels : 1 command) " +
                "in %.3f s = %.2f M entries/s; thread CPU %.0f ns/entry; allocated %d bytes (%.4f bytes/entry)%n",
                ENTRIES, elapsed / 1e9, ENTRIES * 1e3 / elapsed, (double)cpu / ENTRIES, allocated,
                (double)allocated / ENTRIES);
            assertTrue(allocated / (double)ENTRIES < 1.0, "allocated " + allocated + " bytes");
        }
    }

    private static void write(final JournalAppender appender, final InboundEvent event, final OutboundCommand command,
        final int count)
    {
        for (int i = 0; i < count; i++)
        {
            event.timestampNanos = i;
            if (i % 10 == 9)
            {
                command.commandSequence = i;
                appender.append(i, command);
            }
            else
            {
                appender.append(i, event);
            }
        }
    }
}
