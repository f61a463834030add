package io.bitmm.tuning.latency;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyStageTest
{
    @Test
    void shouldFindEachStageByItsTag()
    {
        final Set<String> tags = new HashSet<>();
        for (final LatencyStage stage : LatencyStage.values())
        {
            assertEquals(stage, LatencyStage.ofTag(stage.tag()));
            assertTrue(tags.add(stage.tag()), "tags are unique: " + stage.tag());
            assertTrue(stage.tag().matches("[a-z-]+"), "an .hlog tag has no spaces or commas: " + stage.tag());
        }
        assertEquals(LatencyStage.TICK_TO_TRADE, LatencyStage.ofTag("tick-to-trade"));
    }

    @Test
    void shouldNotFindUnknownTags()
    {
        assertNull(LatencyStage.ofTag("Decode"));
        assertNull(LatencyStage.ofTag(""));
        assertNull(LatencyStage.ofTag("TICK_TO_TRADE"));
    }
}
