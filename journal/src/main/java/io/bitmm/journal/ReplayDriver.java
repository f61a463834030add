package io.bitmm.journal;

import io.bitmm.core.event.CommandSink;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Re-drives a fresh core with a journal's inbound events, in journal order, and checks every command it emits
 * against the recorded commands, in order ({@link OutboundCommand#sameAs}). It is the core's {@link CommandSink}:
 * build the core with {@code new TradingCore(context, driver.header().instruments(), driver)}, then
 * {@link #run(Consumer)} with the core's {@code onEvent}.
 * <p>
 * Two readers walk the journal side by side, one over the events and one over the commands, into reused
 * entries: nothing is allocated per event until a divergence is found.
 */
public final class ReplayDriver implements CommandSink, AutoCloseable
{
    /** How many events before a divergence are kept to show. */
    public static final int CONTEXT_EVENTS = 5;

    private final JournalReader events;
    private final JournalReader commands;
    private final Path dir;
    private final long[] recentIndex = new long[CONTEXT_EVENTS];
    private final EntryFormat format;
    private long eventCount;
    private long commandCount;
    private long divergentCount;
    private boolean recordedEnded;
    private Divergence first;

    /**
     * @param dir the journal's directory.
     */
    public ReplayDriver(final Path dir)
    {
        this.dir = dir;
        this.events = new JournalReader(dir, JournalLayout.KIND_EVENT);
        this.commands = new JournalReader(dir, JournalLayout.KIND_COMMAND);
        this.format = new EntryFormat(events.header());
    }

    /**
     * @return the journal's header: configure the core from it.
     */
    public JournalHeader header()
    {
        return events.header();
    }

    /**
     * Feed every recorded event to {@code core}, then account for recorded commands the replay did not produce.
     *
     * @param core the fresh core's {@code onEvent}.
     * @return what happened.
     */
    public ReplayResult run(final Consumer<InboundEvent> core)
    {
        final long start = System.nanoTime();
        while (events.next() != JournalReader.END)
        {
            if (events.ringSequence() != eventCount)
            {
                throw new IllegalStateException("the journal misses events " + eventCount + " to " +
                    (events.ringSequence() - 1) + " (cycles deleted by journal.retention-cycles?): a replay needs " +
                    "the whole run");
            }
            recentIndex[(int)(eventCount % CONTEXT_EVENTS)] = events.index();
            eventCount++;
            core.accept(events.event());
        }
        final long elapsed = System.nanoTime() - start;
        long missing = 0;
        while (!recordedEnded && commands.next() != JournalReader.END)
        {
            missing++;
            if (first == null)
            {
                first = new Divergence(null, describe(commands.ringSequence(), commands.journalNanos(),
                    commands.command()), contextLines());
            }
        }
        return new ReplayResult(eventCount, commandCount, divergentCount + missing, missing, first, elapsed);
    }

    @Override
    public void send(final OutboundCommand command)
    {
        commandCount++;
        if (recordedEnded || commands.next() == JournalReader.END)
        {
            recordedEnded = true;
            divergentCount++;
            if (first == null)
            {
                first = new Divergence(format.command(-1, command.triggerTimestampNanos, command), null, contextLines());
            }
            return;
        }
        if (!command.sameAs(commands.command()))
        {
            divergentCount++;
            if (first == null)
            {
                first = new Divergence(format.command(-1, command.triggerTimestampNanos, command),
                    describe(commands.ringSequence(), commands.journalNanos(), commands.command()), contextLines());
            }
        }
    }

    @Override
    public void close()
    {
        events.close();
        commands.close();
    }

    private String describe(final long ringSequence, final long journalNanos, final OutboundCommand command)
    {
        return format.command(ringSequence, journalNanos, command);
    }

    private List<String> contextLines()
    {
        final List<String> lines = new ArrayList<>();
        final long from = Math.max(0, eventCount - CONTEXT_EVENTS);
        try (JournalReader again = new JournalReader(dir, JournalLayout.KIND_EVENT))
        {
            for (long i = from; i < eventCount; i++)
            {
                if (again.moveTo(recentIndex[(int)(i % CONTEXT_EVENTS)]) && again.next() == JournalLayout.KIND_EVENT)
                {
                    lines.add(format.event(again.ringSequence(), again.journalNanos(), again.event()));
                }
            }
        }
        return lines;
    }

    /**
     * The first command where replay and record differ.
     *
     * @param replayed the command the replay produced, null when it produced none where one was recorded.
     * @param recorded the recorded command, null when the replay produced one more than was recorded.
     * @param before   the last events fed before it, oldest first.
     */
    public record Divergence(String replayed, String recorded, List<String> before)
    {
    }

    /**
     * @param events        events replayed.
     * @param commands      commands the replay produced.
     * @param divergent     commands that differ (including missing and extra ones).
     * @param missing       recorded commands the replay never produced.
     * @param first         the first divergence, or null.
     * @param elapsedNanos  time spent feeding events.
     */
    public record ReplayResult(
        long events, long commands, long divergent, long missing, Divergence first, long elapsedNanos)
    {
        /**
         * @return true when every command matched.
         */
        public boolean identical()
        {
            return divergent == 0;
        }

        /**
         * @return events replayed per second.
         */
        public double eventsPerSecond()
        {
            return elapsedNanos == 0 ? 0 : events * 1e9 / elapsedNanos;
        }
    }
}
