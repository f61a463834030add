package io.bitmm.gateway;

import io.netty.util.concurrent.DefaultThreadFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedDutyCycleTest
{
    private static void nothing()
    {
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldRunEveryDutyInOrderOnItsOneThreadAndWakeFromEpollForWorkPublishedElsewhere() throws Exception
    {
        try (SharedDutyCycle cycle = new SharedDutyCycle(new DefaultThreadFactory("duty-test", true), false))
        {
            final AtomicInteger published = new AtomicInteger();
            final AtomicInteger consumed = new AtomicInteger();
            final List<String> order = new CopyOnWriteArrayList<>();
            final List<String> threads = new CopyOnWriteArrayList<>();
            cycle.add(() ->
            {
                final int n = published.get() - consumed.get();
                if (n > 0)
                {
                    consumed.addAndGet(n);
                    order.add("first");
                    threads.add(Thread.currentThread().getName());
                }
                return n;
            });
            cycle.add(() ->
            {
                if (!order.isEmpty() && order.get(order.size() - 1).equals("first"))
                {
                    order.add("second");
                    threads.add(Thread.currentThread().getName());
                }
                return 0;
            });
            cycle.group().next().execute(() -> threads.add("started"));
            for (int i = 1; i <= 20; i++)
            {
                Thread.sleep(20); // long enough for the loop to find nothing and sleep in epoll
                published.incrementAndGet();
                cycle.wakeup();
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (consumed.get() < i && System.nanoTime() - deadline < 0)
                {
                    Thread.onSpinWait();
                }
                assertEquals(i, consumed.get(), "work published from another thread was taken after a wakeup");
            }
            for (final String name : threads)
            {
                assertTrue(name.equals("started") || name.startsWith("duty-test"), name);
            }
            assertEquals("first", order.get(0));
            assertTrue(order.contains("second"), "the second duty ran after the first in the same turn: " + order);
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldStopRunningARemovedDuty() throws Exception
    {
        try (SharedDutyCycle cycle = new SharedDutyCycle(new DefaultThreadFactory("duty-test", true), true))
        {
            final AtomicInteger runs = new AtomicInteger();
            final IntSupplier duty = () ->
            {
                runs.incrementAndGet();
                return 0;
            };
            cycle.add(duty);
            cycle.wakeup();
            cycle.group().next().execute(SharedDutyCycleTest::nothing);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (runs.get() < 1000 && System.nanoTime() - deadline < 0)
            {
                Thread.onSpinWait();
            }
            assertTrue(runs.get() >= 1000, "a spinning cycle runs its duty on every turn: " + runs.get());
            cycle.remove(duty);
            Thread.sleep(50);
            final int after = runs.get();
            Thread.sleep(100);
            assertEquals(after, runs.get(), "a removed duty no longer runs");
            assertTrue(cycle.group().next().submit(cycle::inLoop).get());
        }
    }
}
