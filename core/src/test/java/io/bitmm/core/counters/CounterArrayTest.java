package io.bitmm.core.counters;

import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.risk.RiskReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterArrayTest
{
    private final CountersManager manager = new CountersManager(
        new UnsafeBuffer(ByteBuffer.allocateDirect(512 * CountersReader.METADATA_LENGTH)),
        new UnsafeBuffer(ByteBuffer.allocateDirect(512 * CountersReader.COUNTER_LENGTH)), StandardCharsets.US_ASCII);

    @Test
    void shouldKeepValuesWhenMovedIntoTheCountersFileAndWriteThereAfter()
    {
        final CounterArray counters = new CounterArray(3);
        counters.increment(0);
        counters.add(1, 41);
        counters.register(manager, i -> CounterTypes.CORE, i -> CounterTypes.KIND_COUNTER, i -> 0, i -> "c" + i);
        counters.increment(1);
        counters.set(2, -7);

        final Map<String, Long> values = read();
        assertEquals(1L, values.get("c0"));
        assertEquals(42L, values.get("c1"));
        assertEquals(-7L, values.get("c2"));
        assertEquals(42L, counters.get(1));
    }

    @Test
    void shouldRegisterCoreCountersWithTypeIdsAndLabels()
    {
        final CoreCounters core = new CoreCounters();
        core.register(manager);
        final Map<String, Integer> types = new HashMap<>();
        manager.forEach((id, typeId, key, label) ->
        {
            types.put(label, typeId);
            assertEquals(label.startsWith("reject_code slot=") ? CounterTypes.KIND_GAUGE : CounterTypes.KIND_COUNTER,
                key.getInt(CounterTypes.KEY_KIND_OFFSET), label);
        });
        assertEquals(CounterTypes.CORE, types.get("book_snapshots"));
        assertEquals(CounterTypes.CORE, types.get("book_levels_dropped"));
        assertEquals(CounterTypes.RISK, types.get("hold_backs reason=" + RiskReason.values()[0].name().toLowerCase()));
        assertEquals(CounterTypes.REJECT_CODE, types.get("rejects_by_code slot=15"));
        assertTrue(types.size() > 60, types.toString());
    }

    @Test
    void shouldTurnCamelCaseIntoSnakeCase()
    {
        assertEquals("resync_update_before_snapshot", CounterTypes.snakeCase("resyncUpdateBeforeSnapshot"));
        assertEquals("tick_to_trade", CounterTypes.snakeCase("tick-to-trade"));
    }

    private Map<String, Long> read()
    {
        final Map<String, Long> values = new HashMap<>();
        manager.forEach((id, label) -> values.put(label, manager.getCounterValue(id)));
        return values;
    }
}
