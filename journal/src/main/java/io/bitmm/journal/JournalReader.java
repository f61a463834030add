package io.bitmm.journal;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a journal in order, entry by entry, into one reused event and one reused command (no allocation per
 * entry). A reader may be restricted to one kind, which is how replay walks the events and the commands with
 * two readers side by side. A torn last entry (a writer killed mid-write) is never seen: Chronicle Queue only
 * exposes complete documents.
 */
public final class JournalReader implements AutoCloseable
{
    /** Next entry is the end of the journal. */
    public static final int END = 0;

    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final byte onlyKind;
    private final JournalHeader header;
    private final InboundEvent event = new InboundEvent();
    private final OutboundCommand command = new OutboundCommand();
    private long ringSequence;
    private long journalNanos;
    private long index;

    /**
     * @param dir      the journal's directory.
     * @param onlyKind {@link JournalLayout#KIND_EVENT}, {@link JournalLayout#KIND_COMMAND}, or 0 for both.
     */
    public JournalReader(final Path dir, final byte onlyKind)
    {
        if (!Files.isDirectory(dir))
        {
            throw new IllegalArgumentException("no journal at " + dir);
        }
        this.queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
        this.tailer = queue.createTailer();
        this.onlyKind = onlyKind;
        this.header = readHeader();
    }

    /**
     * @return the journal's header.
     */
    public JournalHeader header()
    {
        return header;
    }

    /**
     * Advance to the next entry of this reader's kind.
     *
     * @return the entry's kind ({@link JournalLayout#KIND_EVENT} or {@link JournalLayout#KIND_COMMAND}), or
     * {@link #END}.
     */
    public int next()
    {
        while (true)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return END;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final byte kind = bytes.readByte();
                if (kind == JournalLayout.KIND_HEADER || (onlyKind != 0 && kind != onlyKind))
                {
                    continue;
                }
                index = dc.index();
                ringSequence = bytes.readStopBit();
                journalNanos = bytes.readLong();
                if (kind == JournalLayout.KIND_EVENT)
                {
                    EntryCodec.readEvent(bytes, event);
                }
                else if (kind == JournalLayout.KIND_COMMAND)
                {
                    EntryCodec.readCommand(bytes, command);
                }
                else
                {
                    throw new IllegalStateException("unknown journal entry kind " + kind + " at index " +
                        Long.toHexString(dc.index()));
                }
                return kind;
            }
        }
    }

    /**
     * @return the queue index of the last entry read: {@link #moveTo(long)} reads it again.
     */
    public long index()
    {
        return index;
    }

    /**
     * @param queueIndex an index from {@link #index()}; the next {@link #next()} reads that entry.
     * @return false when there is no such entry.
     */
    public boolean moveTo(final long queueIndex)
    {
        return tailer.moveToIndex(queueIndex);
    }

    /**
     * @return the last event read (reused).
     */
    public InboundEvent event()
    {
        return event;
    }

    /**
     * @return the last command read (reused).
     */
    public OutboundCommand command()
    {
        return command;
    }

    /**
     * @return ring sequence of the last entry read.
     */
    public long ringSequence()
    {
        return ringSequence;
    }

    /**
     * @return {@code System.nanoTime()} when the journal wrote the last entry read.
     */
    public long journalNanos()
    {
        return journalNanos;
    }

    @Override
    public void close()
    {
        queue.close();
    }

    private JournalHeader readHeader()
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                throw new IllegalStateException("the journal is empty: no header");
            }
            final Bytes<?> bytes = dc.wire().bytes();
            if (bytes.readByte() != JournalLayout.KIND_HEADER)
            {
                throw new IllegalStateException("the journal does not start with a header (its first cycle was " +
                    "deleted by retention?)");
            }
            bytes.readStopBit();
            bytes.readLong();
            return JournalHeader.read(bytes);
        }
    }
}
