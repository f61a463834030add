package io.bitmm.app.journal;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.journal.JournalAppender;
import org.agrona.concurrent.Agent;

/**
 * The journal's duty cycle, on its own thread with its own idle strategy (so it never spins on a CPU the core or
 * the order thread needs): it consumes the inbound ring behind the core (the journal holds exactly the events the
 * core processed, in its order) and the outbound ring beside the order thread, writing each entry with one
 * appender. Its two {@link Sequence}s gate the rings, so nothing is ever dropped; when it trails a ring's cursor by
 * more than the threshold, the {@link JournalLagGuard} stops quoting.
 */
public final class JournalAgent implements Agent
{
    /** Most entries taken from one ring per duty cycle, so the rings' gating moves on in steps. */
    private static final int BATCH = 256;

    private final JournalAppender appender;
    private final RingBuffer<InboundEvent> inbound;
    private final SequenceBarrier afterCore;
    private final RingBuffer<OutboundCommand> outbound;
    private final JournalLagGuard guard;
    private final Sequence inboundSequence = new Sequence(-1);
    private final Sequence outboundSequence = new Sequence(-1);

    /**
     * @param appender  where to write (used from the agent's thread only).
     * @param inbound   the inbound ring.
     * @param afterCore a barrier whose cursor is the core's sequence.
     * @param outbound  the outbound ring.
     * @param guard     the lag guard.
     */
    public JournalAgent(
        final JournalAppender appender,
        final RingBuffer<InboundEvent> inbound,
        final SequenceBarrier afterCore,
        final RingBuffer<OutboundCommand> outbound,
        final JournalLagGuard guard)
    {
        this.appender = appender;
        this.inbound = inbound;
        this.afterCore = afterCore;
        this.outbound = outbound;
        this.guard = guard;
        inbound.addGatingSequences(inboundSequence);
        outbound.addGatingSequences(outboundSequence);
    }

    @Override
    public int doWork()
    {
        appender.stamp(System.nanoTime());
        return journalInbound() + journalOutbound();
    }

    @Override
    public String roleName()
    {
        return "mm-journal";
    }

    /**
     * @return the last inbound ring sequence written.
     */
    public long inboundSequence()
    {
        return inboundSequence.get();
    }

    /**
     * @return the last outbound ring sequence written.
     */
    public long outboundSequence()
    {
        return outboundSequence.get();
    }

    /**
     * @return true once the journal fell behind and stopped quoting.
     */
    public boolean lagged()
    {
        return guard.tripped();
    }

    /**
     * @return entries written.
     */
    public long entries()
    {
        return appender.entries();
    }

    private int journalInbound()
    {
        final long from = inboundSequence.get() + 1;
        final long to = Math.min(afterCore.getCursor(), from + BATCH - 1);
        for (long sequence = from; sequence <= to; sequence++)
        {
            appender.append(sequence, inbound.get(sequence));
        }
        if (to >= from)
        {
            inboundSequence.set(to);
            guard.check("inbound", inbound.getCursor() - to);
        }
        return (int)Math.max(0, to - from + 1);
    }

    private int journalOutbound()
    {
        final long from = outboundSequence.get() + 1;
        final long to = Math.min(outbound.getCursor(), from + BATCH - 1);
        for (long sequence = from; sequence <= to; sequence++)
        {
            appender.append(sequence, outbound.get(sequence));
        }
        if (to >= from)
        {
            outboundSequence.set(to);
            guard.check("outbound", outbound.getCursor() - to);
        }
        return (int)Math.max(0, to - from + 1);
    }
}
