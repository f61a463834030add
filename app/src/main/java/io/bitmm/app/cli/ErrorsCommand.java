package io.bitmm.app.cli;

import io.bitmm.app.stat.CountersFile;
import io.bitmm.app.stat.RunDirectories;
import org.agrona.concurrent.errors.ErrorLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * {@code mm errors [run-dir]}: the run's distinct error log (Agrona's, in the counters file): each kind of error once,
 * with how often it happened, first and last time, and the stack of its first occurrence.
 */
@Command(
    name = "errors",
    mixinStandardHelpOptions = true,
    description = "Print a run's distinct errors: count, first and last time, and the first occurrence's stack.")
public final class ErrorsCommand implements Callable<Integer>
{
    @Parameters(arity = "0..1", paramLabel = "run-dir", description = "run directory (default: newest live run in runs/)")
    private Path runDir;

    @Override
    public Integer call()
    {
        final Path dir = runDir != null ? runDir : RunDirectories.newest(Path.of("runs"));
        try (CountersFile file = CountersFile.open(dir))
        {
            final StringBuilder out = new StringBuilder();
            final int distinct = ErrorLogReader.read(file.errorLogBuffer(), (count, firstMs, lastMs, text) ->
                out.append(count).append(" observations from ").append(Instant.ofEpochMilli(firstMs)).append(" to ")
                    .append(Instant.ofEpochMilli(lastMs)).append(":\n").append(text).append('\n'));
            System.out.print(out);
            System.out.println(distinct + " distinct errors in " + file.path());
            return 0;
        }
    }
}
