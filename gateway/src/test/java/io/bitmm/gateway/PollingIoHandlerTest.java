package io.bitmm.gateway;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollingIoHandlerTest
{
    /** Records how Netty's handler was asked to run, and whether it was woken while "blocked". */
    private static final class FakeNio implements IoHandler
    {
        final List<Boolean> runsThatMayBlock = new ArrayList<>();
        int wakeups;
        Runnable duringRun = FakeNio::nothing;

        private static void nothing()
        {
        }

        @Override
        public int run(final IoHandlerContext context)
        {
            runsThatMayBlock.add(context.canBlock());
            duringRun.run();
            return 0;
        }

        @Override
        public IoRegistration register(final IoHandle handle)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public void wakeup()
        {
            wakeups++;
        }

        @Override
        public boolean isCompatible(final Class<? extends IoHandle> handleType)
        {
            return true;
        }
    }

    private static IoHandlerContext context(final boolean canBlock)
    {
        return new IoHandlerContext()
        {
            @Override
            public boolean canBlock()
            {
                return canBlock;
            }

            @Override
            public long delayNanos(final long currentTimeNanos)
            {
                return 1_000_000;
            }

            @Override
            public long deadlineNanos()
            {
                return 1_000_000;
            }
        };
    }

    @Test
    void shouldNeverLetTheSelectorBlockWhileThereIsWork()
    {
        final FakeNio nio = new FakeNio();
        final int[] work = {3};
        final PollingIoHandler handler = new PollingIoHandler(nio, () -> work[0], false);
        assertEquals(3, handler.run(context(true)));
        assertEquals(List.of(false), nio.runsThatMayBlock);
    }

    @Test
    void shouldBlockWhenIdleAndBeWokenOnlyWhileParked()
    {
        final FakeNio nio = new FakeNio();
        final PollingIoHandler handler = new PollingIoHandler(nio, () -> 0, false);
        handler.wakeIfParked();
        assertEquals(0, nio.wakeups, "awake: no wake-up syscall");
        nio.duringRun = handler::wakeIfParked;
        handler.run(context(true));
        assertEquals(List.of(true), nio.runsThatMayBlock, "idle: Netty may block in select");
        assertEquals(1, nio.wakeups, "a producer publishing while it sleeps wakes it");
        handler.wakeIfParked();
        assertEquals(1, nio.wakeups, "awake again after the run");
    }

    @Test
    void shouldPollAgainAfterParkingSoThatWorkPublishedJustBeforeIsNotMissed()
    {
        final FakeNio nio = new FakeNio();
        final int[] polls = {0};
        // First poll finds nothing; the work arrives before the handler parks; the second poll must find it.
        final PollingIoHandler handler = new PollingIoHandler(nio, () -> polls[0]++ == 1 ? 1 : 0, false);
        assertEquals(1, handler.run(context(true)));
        assertEquals(List.of(false), nio.runsThatMayBlock, "found on the re-check: no blocking select");
        handler.wakeIfParked();
        assertEquals(0, nio.wakeups);
    }

    @Test
    void shouldNotBlockWhenNettyHasTasks()
    {
        final FakeNio nio = new FakeNio();
        final PollingIoHandler handler = new PollingIoHandler(nio, () -> 0, false);
        handler.run(context(false));
        assertFalse(nio.runsThatMayBlock.get(0));
    }

    @Test
    void shouldNeverBlockWhenSpinning()
    {
        final FakeNio nio = new FakeNio();
        final PollingIoHandler handler = new PollingIoHandler(nio, () -> 0, true);
        for (int i = 0; i < 3; i++)
        {
            handler.run(context(true));
        }
        assertEquals(List.of(false, false, false), nio.runsThatMayBlock);
        nio.duringRun = handler::wakeIfParked;
        handler.run(context(true));
        assertEquals(0, nio.wakeups, "a spinning loop is never parked");
        assertTrue(nio.runsThatMayBlock.stream().noneMatch(b -> b));
    }
}
