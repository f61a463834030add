package io.bitmm.journal;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Writes events and commands into the journal, one document each, straight into the queue's mapped bytes: no
 * allocation per entry. Not thread-safe: one per writing thread, created lazily on that thread.
 */
public final class JournalAppender
{
    private final SingleChronicleQueue queue;
    private final byte[] bookScratch = new byte[EntryCodec.BOOK_SCRATCH_BYTES];
    private ExcerptAppender appender;
    private long entries;
    private long stampNanos;

    JournalAppender(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    /**
     * Stamp the entries that follow with this time (one clock read per duty cycle rather than per entry); without a
     * call, each entry reads the clock.
     *
     * @param nanos System.nanoTime() now; 0 to read the clock per entry again.
     */
    public void stamp(final long nanos)
    {
        stampNanos = nanos;
    }

    /**
     * @param ringSequence the event's inbound ring sequence.
     * @param event        the event.
     */
    public void append(final long ringSequence, final InboundEvent event)
    {
        try (DocumentContext dc = acquire().writingDocument())
        {
            final Bytes<?> bytes = prefix(dc, JournalLayout.KIND_EVENT, ringSequence);
            EntryCodec.writeEvent(bytes, event, bookScratch);
        }
        entries++;
    }

    /**
     * @param ringSequence the command's outbound ring sequence.
     * @param command      the command.
     */
    public void append(final long ringSequence, final OutboundCommand command)
    {
        try (DocumentContext dc = acquire().writingDocument())
        {
            final Bytes<?> bytes = prefix(dc, JournalLayout.KIND_COMMAND, ringSequence);
            EntryCodec.writeCommand(bytes, command);
        }
        entries++;
    }

    /**
     * @return entries written by this appender.
     */
    public long entries()
    {
        return entries;
    }

    private Bytes<?> prefix(final DocumentContext dc, final byte kind, final long ringSequence)
    {
        final Bytes<?> bytes = dc.wire().bytes();
        bytes.writeByte(kind);
        bytes.writeStopBit(ringSequence);
        bytes.writeLong(stampNanos != 0 ? stampNanos : System.nanoTime());
        return bytes;
    }

    private ExcerptAppender acquire()
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        return appender;
    }
}
