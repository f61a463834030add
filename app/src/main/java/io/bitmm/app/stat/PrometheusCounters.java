package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterTypes;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The counters file as Prometheus metrics, collected on each scrape (reader process; the engine does nothing). Names
 * follow Prometheus' conventions: {@code bitmm_<concern>_<name>}, snake case, base units (seconds), counters end in
 * {@code _total} (the client library appends it), and what varies (symbol, gateway, stage, reason, code, endpoint)
 * is a label. Reject codes become a {@code code} label on {@code bitmm_orders_rejects_by_code_total}.
 */
public final class PrometheusCounters implements MultiCollector
{
    private final Supplier<CountersSnapshot> source;

    /**
     * @param source reads a fresh snapshot (called once per scrape).
     */
    public PrometheusCounters(final Supplier<CountersSnapshot> source)
    {
        this.source = source;
    }

    @Override
    public MetricSnapshots collect()
    {
        final CountersSnapshot snapshot = source.get();
        final Map<String, List<CountersSnapshot.Sample>> families = new LinkedHashMap<>();
        final Map<String, List<Labels>> labels = new LinkedHashMap<>();
        for (final CountersSnapshot.Sample sample : snapshot.samples())
        {
            if (sample.typeId() == CounterTypes.REJECT_CODE && "reject_code".equals(sample.name()))
            {
                continue;
            }
            final Labels l = labelsOf(snapshot, sample);
            if (l == null)
            {
                continue;
            }
            final String name = metricName(sample);
            families.computeIfAbsent(name, k -> new ArrayList<>()).add(sample);
            labels.computeIfAbsent(name, k -> new ArrayList<>()).add(l);
        }
        final List<MetricSnapshot> out = new ArrayList<>();
        for (final Map.Entry<String, List<CountersSnapshot.Sample>> family : families.entrySet())
        {
            out.add(family(family.getKey(), family.getValue(), labels.get(family.getKey())));
        }
        return new MetricSnapshots(out);
    }

    /**
     * @param sample a counter.
     * @return its Prometheus name, without the {@code _total} the exposition adds to counters.
     */
    public static String metricName(final CountersSnapshot.Sample sample)
    {
        return "bitmm_" + concern(sample.typeId()) + "_" + sample.name();
    }

    private static MetricSnapshot family(
        final String name, final List<CountersSnapshot.Sample> samples, final List<Labels> labels)
    {
        final String help = help(samples.get(0));
        if (samples.get(0).isCounter())
        {
            final CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
            for (int i = 0; i < samples.size(); i++)
            {
                builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .value(samples.get(i).decimal().doubleValue()).labels(labels.get(i)).build());
            }
            return builder.build();
        }
        final GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        for (int i = 0; i < samples.size(); i++)
        {
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .value(samples.get(i).decimal().doubleValue()).labels(labels.get(i)).build());
        }
        return builder.build();
    }

    private static Labels labelsOf(final CountersSnapshot snapshot, final CountersSnapshot.Sample sample)
    {
        final Labels.Builder builder = Labels.builder();
        for (final Map.Entry<String, String> label : sample.labels().entrySet())
        {
            if (sample.typeId() == CounterTypes.REJECT_CODE && "slot".equals(label.getKey()))
            {
                if (sample.value() == 0)
                {
                    return null;
                }
                builder.label("code", Long.toString(
                    snapshot.value(CounterTypes.REJECT_CODE, "reject_code", "slot", label.getValue())));
            }
            else
            {
                builder.label(label.getKey(), label.getValue());
            }
        }
        return builder.build();
    }

    private static String concern(final int typeId)
    {
        switch (typeId)
        {
            case CounterTypes.CORE:
                return "core";
            case CounterTypes.RISK:
                return "risk";
            case CounterTypes.REJECT_CODE:
                return "orders";
            case CounterTypes.GATEWAY:
                return "gateway";
            case CounterTypes.INSTRUMENT:
                return "instrument";
            case CounterTypes.LATENCY:
                return "latency";
            case CounterTypes.ENGINE:
                return "engine";
            case CounterTypes.JOURNAL:
                return "journal";
            default:
                return "type" + typeId;
        }
    }

    private static String help(final CountersSnapshot.Sample sample)
    {
        return "bitmm " + concern(sample.typeId()) + " " + sample.name().replace('_', ' ') +
            (sample.isCounter() ? " (counter)" : " (gauge)") + "; see docs/observability.md";
    }
}
