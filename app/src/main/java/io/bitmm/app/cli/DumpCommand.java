package io.bitmm.app.cli;

import io.bitmm.app.journal.RunJournal;
import io.bitmm.journal.JournalDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code mm dump <run-dir>}: the journal as a timeline, one line per event or command.
 */
@Command(
    name = "dump",
    mixinStandardHelpOptions = true,
    description = "Print a run's journal: one line per event or command, with sequence, wall time and latency stamps.")
public final class DumpCommand implements Callable<Integer>
{
    @Parameters(index = "0", description = "the run's directory (holds journal/)")
    private Path runDir;

    @Option(names = "--from", description = "earliest wall time, ISO-8601 UTC, e.g. 2026-11-24T13:00:00Z")
    private String from;

    @Option(names = "--to", description = "latest wall time (exclusive), ISO-8601 UTC")
    private String to;

    @Option(names = "--symbol", description = "only this symbol")
    private String symbol;

    @Option(names = "--type", description = "only this event or command type, e.g. BOOK_UPDATE, FILL, PLACE, CANCEL")
    private String type;

    @Option(names = "--client-oid", description = "only entries about this clientOid")
    private String clientOid;

    @Option(names = "--jsonl", description = "one JSON object per line")
    private boolean jsonl;

    @Override
    public Integer call()
    {
        final JournalDump.Filter filter = new JournalDump.Filter(epochNanos(from, Long.MIN_VALUE),
            epochNanos(to, Long.MAX_VALUE), symbol, type, clientOid, jsonl);
        final PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false,
            StandardCharsets.UTF_8);
        JournalDump.dump(RunJournal.journalDir(runDir), filter, out);
        out.flush();
        return 0;
    }

    private static long epochNanos(final String iso, final long absent)
    {
        if (iso == null)
        {
            return absent;
        }
        final Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
