package io.bitmm.app.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code blocking} wait: a consumer with nothing to do spins a few hundred times (a hand-over already in flight
 * arrives without a sleep), then parks its thread; a producer pays one fence and four volatile reads per publish while
 * the consumer is awake, and an unpark only when it sleeps. Disruptor's {@code BlockingWaitStrategy} takes a lock and
 * signals a condition on every publish, awake or not.
 * <p>
 * The consumer registers itself before it re-checks the cursor and parks; the producer publishes, fences, then reads
 * the registrations: one of them always sees the other, so no wake-up is lost. Parks are bounded
 * ({@value #MAX_PARK_MS} ms) for consumers that wait on another consumer's sequence, which nobody signals.
 * Allocation-free; up to {@value #WAITERS} threads may wait on one strategy at once (more poll every
 * {@value #MAX_PARK_MS} ms).
 */
public final class ParkingWaitStrategy implements WaitStrategy
{
    private static final int SPINS = 200;
    private static final int WAITERS = 4;
    private static final long MAX_PARK_MS = 1;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(MAX_PARK_MS);

    private final AtomicReferenceArray<Thread> waiters = new AtomicReferenceArray<>(WAITERS);

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException
    {
        long available;
        int spins = SPINS;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (spins > 0)
            {
                spins--;
                Thread.onSpinWait();
            }
            else
            {
                park(sequence, dependentSequence, barrier);
            }
        }
        return available;
    }

    private void park(final long sequence, final Sequence dependentSequence, final SequenceBarrier barrier)
    {
        final Thread self = Thread.currentThread();
        final int slot = register(self);
        try
        {
            if (dependentSequence.get() < sequence && !barrier.isAlerted())
            {
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
            }
        }
        finally
        {
            if (slot >= 0)
            {
                waiters.set(slot, null);
            }
        }
    }

    private int register(final Thread self)
    {
        for (int i = 0; i < WAITERS; i++)
        {
            if (waiters.compareAndSet(i, null, self))
            {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        VarHandle.fullFence();
        for (int i = 0; i < WAITERS; i++)
        {
            final Thread t = waiters.get(i);
            if (t != null)
            {
                LockSupport.unpark(t);
            }
        }
    }
}
