package io.bitmm.journal;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A journal being written: the Chronicle Queue of one run. Each writing thread takes its own
 * {@link #appender()}. Roll cycle {@code hourly} or {@code daily}; with a retention of N cycles, the files of cycles
 * older than the newest N are deleted when a cycle is released, except the first (it holds the header, so
 * {@code dump} still works); 0 keeps everything. A replay needs every cycle: it rebuilds the core from the start.
 */
public final class Journal implements AutoCloseable
{
    private final SingleChronicleQueue queue;

    private Journal(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    /**
     * @param dir             the queue's directory.
     * @param rollCycle       {@code hourly} or {@code daily}.
     * @param retentionCycles cycles kept, 0 for all.
     * @return the open journal.
     */
    public static Journal open(final Path dir, final String rollCycle, final int retentionCycles)
    {
        final File directory = dir.toFile();
        return new Journal(SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(rollCycle(rollCycle))
            .storeFileListener((cycle, file) -> deleteOld(directory, retentionCycles))
            .build());
    }

    /**
     * Write the header. Call once, before any event or command.
     *
     * @param header the run's header.
     */
    public void writeHeader(final JournalHeader header)
    {
        try (DocumentContext dc = queue.createAppender().writingDocument())
        {
            dc.wire().bytes().writeByte(JournalLayout.KIND_HEADER);
            dc.wire().bytes().writeStopBit(-1);
            dc.wire().bytes().writeLong(System.nanoTime());
            header.write(dc.wire().bytes());
        }
    }

    /**
     * @return a new appender; use it from one thread only.
     */
    public JournalAppender appender()
    {
        return new JournalAppender(queue);
    }

    @Override
    public void close()
    {
        queue.close();
    }

    static RollCycles rollCycle(final String name)
    {
        switch (name.toLowerCase(Locale.ROOT))
        {
            case "hourly":
                return RollCycles.FAST_HOURLY;
            case "daily":
                return RollCycles.FAST_DAILY;
            default:
                throw new IllegalArgumentException("journal.roll-cycle = " + name + ": expected hourly or daily");
        }
    }

    private static void deleteOld(final File dir, final int retentionCycles)
    {
        if (retentionCycles <= 0)
        {
            return;
        }
        final File[] files = dir.listFiles((d, name) -> name.endsWith(".cq4"));
        if (files == null || files.length <= retentionCycles)
        {
            return;
        }
        Arrays.sort(files);
        for (int i = 1; i < files.length - retentionCycles; i++)
        {
            if (!files[i].delete())
            {
                System.err.println("mm: journal retention could not delete " + files[i]);
            }
        }
    }
}
