package io.bitmm.app.journal;

import io.bitmm.journal.JournalLayout;
import io.bitmm.journal.JournalReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGKILL an engine mid-run: its journal must read back to the last entry written, nothing torn: the header,
 * then events and commands whose ring sequences run without a gap, each decoding to a valid entry.
 */
@Tag("slow")
class JournalKillTest
{
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldReadTheJournalToItsLastEntryAfterSigkill(@TempDir final Path runDir) throws Exception
    {
        final ChildEngine child = new ChildEngine(List.of("run", "--duration", "10m", "--run-dir", runDir.toString(),
            "--set", "sim.books-interval=20ms"));
        assertTrue(child.awaitRunning(60), child.output());
        Thread.sleep(6_000);
        child.sigkill();

        long events = 0;
        long commands = 0;
        try (JournalReader reader = new JournalReader(RunJournal.journalDir(runDir), (byte)0))
        {
            assertEquals(1, reader.header().instruments().instrumentCount());
            int kind;
            while ((kind = reader.next()) != JournalReader.END)
            {
                if (kind == JournalLayout.KIND_EVENT)
                {
                    assertEquals(events, reader.ringSequence(), "inbound ring sequence without a gap");
                    assertTrue(reader.event().type != null);
                    events++;
                }
                else
                {
                    assertEquals(commands, reader.ringSequence(), "outbound ring sequence without a gap");
                    assertEquals(commands + 1, reader.command().commandSequence, "command sequence without a gap");
                    commands++;
                }
            }
        }
        assertTrue(events > 100, "events " + events);
        assertTrue(commands > 0, "commands " + commands);
    }
}
