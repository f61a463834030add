package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterTypes;
import org.agrona.concurrent.status.CountersReader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of every counter in a counters file (reader side, slow path): each with its type id, name, labels, kind,
 * scale and value. {@code mm stat}, the Prometheus endpoint and the run summary all read through this.
 */
public final class CountersSnapshot
{
    private final List<Sample> samples;
    private final long pid;
    private final long startMs;

    private CountersSnapshot(final List<Sample> samples, final long pid, final long startMs)
    {
        this.samples = samples;
        this.pid = pid;
        this.startMs = startMs;
    }

    /**
     * Read every allocated counter now.
     *
     * @param file a mapped counters file.
     * @return the snapshot.
     */
    public static CountersSnapshot read(final CountersFile file)
    {
        final CountersReader reader = file.reader();
        final List<Sample> samples = new ArrayList<>();
        reader.forEach((counterId, typeId, key, label) ->
            samples.add(Sample.of(counterId, typeId, key.getInt(CounterTypes.KEY_KIND_OFFSET),
                key.getInt(CounterTypes.KEY_SCALE_OFFSET), label, reader.getCounterValue(counterId))));
        return new CountersSnapshot(Collections.unmodifiableList(samples), file.pid(), file.startMs());
    }

    /**
     * @return every counter, in registration order.
     */
    public List<Sample> samples()
    {
        return samples;
    }

    /**
     * @return the engine's process id.
     */
    public long pid()
    {
        return pid;
    }

    /**
     * @return the run's start, ms since the epoch.
     */
    public long startMs()
    {
        return startMs;
    }

    /**
     * @param typeId a type id.
     * @param name   a counter name.
     * @return the raw value of the first counter with them (labels ignored), 0 when there is none.
     */
    public long value(final int typeId, final String name)
    {
        final Sample sample = find(typeId, name, null, null);
        return sample == null ? 0 : sample.value();
    }

    /**
     * @param typeId     a type id.
     * @param name       a counter name.
     * @param labelName  a label that must match.
     * @param labelValue its value.
     * @return the raw value, 0 when there is no such counter.
     */
    public long value(final int typeId, final String name, final String labelName, final String labelValue)
    {
        final Sample sample = find(typeId, name, labelName, labelValue);
        return sample == null ? 0 : sample.value();
    }

    /**
     * @param typeId     a type id.
     * @param name       a counter name.
     * @param labelName  a label that must match, or null.
     * @param labelValue its value.
     * @return the first such counter, or null.
     */
    public Sample find(final int typeId, final String name, final String labelName, final String labelValue)
    {
        for (final Sample sample : samples)
        {
            if (sample.typeId() == typeId && sample.name().equals(name) &&
                (labelName == null || labelValue.equals(sample.labels().get(labelName))))
            {
                return sample;
            }
        }
        return null;
    }

    /**
     * @return the symbols with instrument gauges, in order.
     */
    public List<String> symbols()
    {
        final Set<String> symbols = new LinkedHashSet<>();
        for (final Sample sample : samples)
        {
            if (sample.typeId() == CounterTypes.INSTRUMENT)
            {
                symbols.add(sample.labels().get("symbol"));
            }
        }
        return new ArrayList<>(symbols);
    }

    /**
     * One counter.
     *
     * @param id     the counter id in the file.
     * @param typeId the type id ({@link CounterTypes}).
     * @param kind   {@link CounterTypes#KIND_COUNTER} or {@link CounterTypes#KIND_GAUGE}.
     * @param scale  decimal places of the value.
     * @param name   the name (first word of the label).
     * @param labels the labels (the label's {@code k=v} words), in order.
     * @param value  the raw value.
     */
    public record Sample(int id, int typeId, int kind, int scale, String name, Map<String, String> labels, long value)
    {
        static Sample of(final int id, final int typeId, final int kind, final int scale, final String label,
            final long value)
        {
            final String[] words = label.trim().split(" +");
            final Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 1; i < words.length; i++)
            {
                final int eq = words[i].indexOf('=');
                if (eq > 0)
                {
                    labels.put(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
            }
            return new Sample(id, typeId, kind, scale, words[0], Collections.unmodifiableMap(labels), value);
        }

        /**
         * @return the value with its scale applied.
         */
        public BigDecimal decimal()
        {
            return BigDecimal.valueOf(value, scale);
        }

        /**
         * @return true for a counter that only grows.
         */
        public boolean isCounter()
        {
            return kind == CounterTypes.KIND_COUNTER;
        }
    }
}
