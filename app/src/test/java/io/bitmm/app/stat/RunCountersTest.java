package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterTypes;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import org.agrona.concurrent.errors.ErrorLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCountersTest
{
    @Test
    void shouldRecordDistinctGatewayErrorsInTheFileWithCounts(@TempDir final Path dir)
    {
        final RunCounters counters = RunCounters.create(dir, 1_000L);
        final DistinctErrorLog log = new DistinctErrorLog(counters.errorLog());
        assertTrue(log.record("md.decode", "bad frame"));
        assertFalse(log.record("md.decode", "another bad frame"));
        assertFalse(log.record("md.decode", null));
        assertTrue(log.record("orders.timeout", null));

        try (CountersFile file = CountersFile.open(dir))
        {
            final List<String> seen = new ArrayList<>();
            final int distinct = ErrorLogReader.read(file.errorLogBuffer(),
                (count, first, last, text) -> seen.add(count + " " + text.lines().findFirst().orElse("")));
            assertEquals(2, distinct, seen.toString());
            assertTrue(seen.get(0).startsWith("3 ") && seen.get(0).contains("md.decode: bad frame"), seen.toString());
            assertTrue(seen.get(1).startsWith("1 ") && seen.get(1).contains("orders.timeout"), seen.toString());
            final String screen = StatScreen.render("t", CountersSnapshot.read(file), distinct, 2_000L);
            assertTrue(screen.contains("2 distinct"), screen);
        }
    }

    @Test
    void shouldReadCountersFromAnotherMappingAndTellLiveFromEnded(@TempDir final Path dir)
    {
        final RunCounters counters = RunCounters.create(dir, 1_000L);
        final GatewayCounters gateway = new GatewayCounters();
        gateway.increment(GatewayCounters.RECONNECTS);
        gateway.register(counters.manager(), "md");
        gateway.increment(GatewayCounters.RECONNECTS);
        counters.runState(StatusAgent.RUNNING);

        try (CountersFile file = CountersFile.open(dir.resolve(CountersFile.FILE_NAME)))
        {
            final CountersSnapshot snapshot = CountersSnapshot.read(file);
            assertEquals(2, snapshot.value(CounterTypes.GATEWAY, "reconnects", "gateway", "md"));
            assertEquals(1_000L, snapshot.startMs());
            assertEquals(ProcessHandle.current().pid(), snapshot.pid());
            assertFalse(StatScreen.isLive(snapshot, System.currentTimeMillis()), "no heartbeat yet");
            counters.runState(StatusAgent.STOPPED);
            assertFalse(StatScreen.isLive(CountersSnapshot.read(file), 0));
        }
    }

    @Test
    void shouldRefuseAMissingCountersFileClearly(@TempDir final Path dir)
    {
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> CountersFile.open(dir));
        assertTrue(ex.getMessage().contains("no counters file"), ex.getMessage());
    }
}
