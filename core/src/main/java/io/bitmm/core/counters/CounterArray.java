package io.bitmm.core.counters;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * A fixed set of single-writer counters. Until {@link #register} they live in a private heap buffer; after it, in the
 * values buffer of a {@link CountersManager} (the run's memory-mapped counters file), where another process reads
 * them. Writes are plain reads plus release (ordered) stores: no atomic read-modify-write, no allocation. Register
 * before the writing thread starts (the thread start publishes the new location).
 */
public final class CounterArray
{
    private final int[] offsets;
    private AtomicBuffer buffer;

    /**
     * @param length how many counters.
     */
    public CounterArray(final int length)
    {
        this.offsets = new int[length];
        this.buffer = new UnsafeBuffer(new byte[Math.max(1, length) * Long.BYTES]);
        for (int i = 0; i < length; i++)
        {
            offsets[i] = i * Long.BYTES;
        }
    }

    /**
     * @return how many counters.
     */
    public int length()
    {
        return offsets.length;
    }

    /**
     * @param index a counter index.
     * @return its value (volatile read: any thread).
     */
    public long get(final int index)
    {
        return buffer.getLongVolatile(offsets[index]);
    }

    /**
     * Add one (single writer).
     *
     * @param index a counter index.
     */
    public void increment(final int index)
    {
        final int offset = offsets[index];
        buffer.putLongRelease(offset, buffer.getLong(offset) + 1);
    }

    /**
     * Add (single writer).
     *
     * @param index a counter index.
     * @param delta what to add.
     */
    public void add(final int index, final long delta)
    {
        final int offset = offsets[index];
        buffer.putLongRelease(offset, buffer.getLong(offset) + delta);
    }

    /**
     * Set (single writer): for gauges.
     *
     * @param index a counter index.
     * @param value the new value.
     */
    public void set(final int index, final long value)
    {
        buffer.putLongRelease(offsets[index], value);
    }

    /**
     * Move every counter into {@code manager}'s values (slow path, before the writer starts), keeping the values so
     * far.
     *
     * @param manager the counters file's manager.
     * @param typeIds per index, the type id ({@link CounterTypes}).
     * @param kinds   per index, {@link CounterTypes#KIND_COUNTER} or {@link CounterTypes#KIND_GAUGE}.
     * @param scales  per index, the decimal scale.
     * @param labels  per index, the label ("name k=v ...").
     * @throws IllegalStateException when the file has no room left.
     */
    public void register(
        final CountersManager manager,
        final IntUnaryOperator typeIds,
        final IntUnaryOperator kinds,
        final IntUnaryOperator scales,
        final IntFunction<String> labels)
    {
        final AtomicBuffer values = manager.valuesBuffer();
        final AtomicBuffer old = buffer;
        final int[] oldOffsets = offsets.clone();
        for (int i = 0; i < offsets.length; i++)
        {
            final int id = CounterTypes.allocate(
                manager, typeIds.applyAsInt(i), kinds.applyAsInt(i), scales.applyAsInt(i), labels.apply(i));
            offsets[i] = CountersReader.counterOffset(id);
            values.putLongRelease(offsets[i], old.getLongVolatile(oldOffsets[i]));
        }
        buffer = values;
    }
}
