package io.bitmm.app.stat;

import io.bitmm.app.cli.MmMain;
import io.bitmm.app.cli.RunCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run against the simulated venue, watched from another process: a child JVM runs {@code mm stat --once} on the
 * run directory while the engine trades (the counters move between two reads, the run is LIVE) and again after it
 * ended (ENDED), and what it prints matches the summary the run printed.
 */
@Tag("slow")
class StatSystemTest
{
    private static final long DEADLINE_MS = 150_000;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldShowMovingCountersToAnotherProcessAndMatchTheSummary(@TempDir final Path dir) throws Exception
    {
        final CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new CommandLine(new RunCommand())
            .execute("--duration", "25s", "--run-dir", dir.toString(), "--set", "gateway.order-warmup=0",
                "--set", "engine.core-wait=sleeping"));

        final long deadline = System.currentTimeMillis() + DEADLINE_MS;
        String first = statOnce(dir);
        while (!(first.contains("LIVE") && value(first, "events") > 0) && System.currentTimeMillis() < deadline &&
            !run.isDone())
        {
            Thread.sleep(500);
            first = statOnce(dir);
        }
        assertTrue(first.contains("LIVE") && value(first, "events") > 0, "first read while trading:\n" + first);
        String second = statOnce(dir);
        while (!(value(second, "events") > value(first, "events") && value(second, "places_sent") > 0) &&
            System.currentTimeMillis() < deadline && !run.isDone())
        {
            Thread.sleep(500);
            second = statOnce(dir);
        }
        assertTrue(second.contains("LIVE"), second);
        assertTrue(value(second, "events") > value(first, "events"), "events moved:\n" + first + "\n" + second);
        assertTrue(value(second, "book_updates") >= value(first, "book_updates"), second);
        assertTrue(value(second, "frames") > 0, "gateway frames:\n" + second);
        assertTrue(second.contains("BTCUSDT"), second);

        assertEquals(0, run.get(DEADLINE_MS, TimeUnit.MILLISECONDS));
        final String summary = Files.readString(dir.resolve("summary.txt"), StandardCharsets.UTF_8);
        final String last = statOnce(dir);
        assertTrue(last.contains("ENDED"), last);
        assertTrue(last.contains("run ended  state at the end "), "a finished run's risk line says so:\n" + last);
        assertTrue(Pattern.compile("(?m)^BTCUSDT +- +- ").matcher(last).find(),
            "the book reset at shutdown shows no price, not 0.00:\n" + last);
        assertEquals(number(summary, "quotes placed (\\d+)"), value(last, "places_sent"), summary + last);
        assertEquals(number(summary, "replaced (\\d+)"), value(last, "replaces_sent"), summary + last);
        assertEquals(number(summary, "acks (\\d+)"), value(last, "acks"), summary + last);
        assertEquals(number(summary, "updates (\\d+)"), value(last, "book_updates"), summary + last);
        assertEquals(number(summary, "fills +buy (\\d+)"), value(last, "fills_buy"), summary + last);
        assertEquals(number(summary, "fills +buy \\d+ +sell (\\d+)"), value(last, "fills_sell"), summary + last);
        assertTrue(value(last, "places_sent") > 0, last);
        final Matcher position = Pattern.compile("BTCUSDT +position (\\S+) \\(limit (\\S+)\\)").matcher(summary);
        assertTrue(position.find(), summary);
        assertTrue(last.contains(position.group(1) + " (" + position.group(2) + ")"), "position:\n" + summary + last);
        assertTrue(last.contains("open orders 0"), last);
    }

    private static String statOnce(final Path dir) throws IOException, InterruptedException
    {
        final Path root = Path.of(System.getProperty("user.dir")).getParent();
        final Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "@" + root.resolve("config/jvm/base.options"), "-cp", System.getProperty("java.class.path"),
            MmMain.class.getName(), "stat", "--once", dir.toString())).redirectErrorStream(true).start();
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "mm stat --once finished");
        return child.exitValue() == 0 ? out : "(exit " + child.exitValue() + ") " + out;
    }

    private static long value(final String screen, final String name)
    {
        final Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + " (-?\\d+)").matcher(screen);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static long number(final String text, final String regex)
    {
        final Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Long.parseLong(m.group(1));
    }
}
