package io.bitmm.app.journal;

import com.lmax.disruptor.RingBuffer;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalLagGuardTest
{
    @Test
    void shouldStopQuotingOnceWhenTheJournalFallsBehind()
    {
        final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
        final JournalLagGuard guard = new JournalLagGuard(ring, 10);

        guard.check("inbound", 10);
        assertFalse(guard.tripped());
        assertEquals(-1, ring.getCursor(), "nothing published within the threshold");

        guard.check("inbound", 11);
        assertTrue(guard.tripped());
        assertEquals(0, ring.getCursor());
        assertEquals(EventType.STOP_QUOTING, ring.get(0).type);

        guard.check("outbound", 50);
        assertEquals(0, ring.getCursor(), "published once");
    }

    @Test
    void shouldRetryWhenTheRingIsFullInsteadOfBlocking()
    {
        final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 64);
        ring.addGatingSequences(new com.lmax.disruptor.Sequence(-1));
        for (int i = 0; i < 64; i++)
        {
            ring.publish(ring.next());
        }
        final JournalLagGuard guard = new JournalLagGuard(ring, 10);
        guard.check("inbound", 64);
        assertTrue(guard.tripped());
        assertEquals(63, ring.getCursor(), "full ring: not published yet, and the journal thread did not block");
    }
}
