package io.bitmm.tuning.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyReportTest
{
    private static final long[] BASE = {1, 2, 3, 4, 5, 6, 0};
    private static final long[] SLOWER = {2, 4, 9, 0, 10, 12, 7};
    private static final String[] TABLE_HEADER = {"stage", "p50", "p90", "p99", "p99.9", "p99.99", "max", "count", "span"};
    private static final String[] RATIO_HEADER = {"stage", "p50", "p90", "p99", "p99.9", "p99.99", "max"};

    @TempDir
    Path dir;

    /**
     * @return the whitespace-separated cells of the first line after {@code after} that starts with {@code label}.
     */
    private static String[] row(final String text, final String after, final String label)
    {
        final String[] lines = text.substring(text.indexOf(after)).split("\n");
        for (final String line : lines)
        {
            if (line.startsWith(label + " "))
            {
                return line.trim().split(" +");
            }
        }
        throw new AssertionError("no row " + label + " after " + after + " in\n" + text);
    }

    private static void assertMicros(final double expected, final String cell, final String what)
    {
        final double actual = Double.parseDouble(cell);
        assertTrue(Math.abs(actual - expected) <= expected * 0.001 + 0.05, what + ": expected ~" + expected + " us, got " + cell);
    }

    private static void assertTableRows(final String text, final String runName, final long[] multipliers)
    {
        final String heading = "latency of run " + runName + " (us)\n";
        assertTrue(text.contains(heading), text);
        final String afterHeading = text.substring(text.indexOf(heading) + heading.length());
        assertArrayEquals(TABLE_HEADER, afterHeading.substring(0, afterHeading.indexOf('\n')).trim().split(" +"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            final String[] cells = row(text, heading, stage.tag());
            final long multiplier = multipliers[stage.ordinal()];
            if (multiplier == 0)
            {
                assertEquals(Arrays.asList("-", "-", "-", "-", "-", "-", "0"), Arrays.asList(cells).subList(1, 8), stage.tag());
            }
            else
            {
                // p50, p90, p99, p99.9, p99.99 and max are the six values of the known log, in order
                for (int i = 0; i < KnownLatencyLog.MICROS.length; i++)
                {
                    assertMicros(KnownLatencyLog.MICROS[i] * multiplier, cells[1 + i], stage.tag() + " " + TABLE_HEADER[1 + i]);
                }
                assertEquals(Long.toString(KnownLatencyLog.TOTAL), cells[7], stage.tag() + " count");
            }
            assertTrue(String.join(" ", cells).endsWith(stage.span()), stage.tag() + " span");
        }
    }

    private static boolean isPng(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] magic = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        return bytes.length > magic.length && Arrays.equals(magic, Arrays.copyOf(bytes, magic.length));
    }

    @Test
    void shouldListTheTablePercentilesInOrder()
    {
        assertArrayEquals(new double[] {50, 90, 99, 99.9, 99.99}, LatencyReport.PERCENTILES);
    }

    @Test
    void shouldTabulatePercentilesOfAKnownLog() throws IOException
    {
        final Path runDir = dir.resolve("base");
        KnownLatencyLog.write(runDir, BASE);

        final StringBuilder out = new StringBuilder();
        LatencyReport.table(out, RunLatency.load(runDir));
        assertTableRows(out.toString(), "base", BASE);
        // heading, column header, one row per stage, then the threading mode and CPU line
        assertEquals(1 + 1 + LatencyStage.values().length + 1, out.toString().split("\n").length);
        assertTrue(out.toString().endsWith("engine.threading = ?; cpu: not measured (a run shorter than its warm-up)\n"),
            out.toString());
    }

    @Test
    void shouldWriteTheReportAndThePlotOfOneRun() throws IOException
    {
        final Path runDir = dir.resolve("base");
        KnownLatencyLog.write(runDir, BASE);

        final String text = LatencyReport.write(runDir, null);
        assertTableRows(text, "base", BASE);
        assertFalse(text.contains("ratio"), text);
        assertTrue(text.endsWith("plot: " + runDir.resolve("latency.png") + " (and .svg)\n"), text);
        assertEquals(text, Files.readString(runDir.resolve(LatencyReport.TABLE_FILE), StandardCharsets.UTF_8));
        assertTrue(isPng(runDir.resolve("latency.png")));
        assertTrue(Files.size(runDir.resolve("latency.svg")) > 0);
    }

    @Test
    void shouldCompareTwoRunsWithARatioTable() throws IOException
    {
        final Path runDir = dir.resolve("base");
        final Path vsDir = dir.resolve("slower");
        KnownLatencyLog.write(runDir, BASE);
        KnownLatencyLog.write(vsDir, SLOWER);

        final String text = LatencyReport.write(runDir, vsDir);
        assertTableRows(text, "base", BASE);
        assertTableRows(text, "slower", SLOWER);
        final String heading = "ratio slower / base (>1: slower is slower)\n";
        assertTrue(text.contains(heading), text);
        final String afterHeading = text.substring(text.indexOf(heading) + heading.length());
        assertArrayEquals(RATIO_HEADER, afterHeading.substring(0, afterHeading.indexOf('\n')).trim().split(" +"));
        for (final LatencyStage stage : LatencyStage.values())
        {
            final String[] cells = row(text, heading, stage.tag());
            assertEquals(RATIO_HEADER.length, cells.length, String.join(" ", cells));
            final long a = BASE[stage.ordinal()];
            final long b = SLOWER[stage.ordinal()];
            for (int i = 1; i < cells.length; i++)
            {
                if (a == 0 || b == 0)
                {
                    assertEquals("-", cells[i], stage.tag() + " " + RATIO_HEADER[i] + ": a stage missing in either run");
                }
                else
                {
                    assertEquals((double)b / a, Double.parseDouble(cells[i]), 0.0100001, stage.tag() + " " + RATIO_HEADER[i]);
                }
            }
        }
        assertEquals("3.00", row(text, heading, LatencyStage.CORE.tag())[1]);

        assertEquals(text, Files.readString(runDir.resolve("latency-vs-slower.txt"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(runDir.resolve(LatencyReport.TABLE_FILE)), "a comparison does not overwrite the run's own report");
        assertTrue(isPng(runDir.resolve("latency-vs-slower.png")));
        assertTrue(Files.size(runDir.resolve("latency-vs-slower.svg")) > 0);
        assertFalse(Files.exists(vsDir.resolve("latency-vs-slower.png")));
    }

    @Test
    void shouldTellRunsWithTheSameDirectoryNameApart() throws IOException
    {
        final Path runDir = dir.resolve("monday").resolve("run");
        final Path vsDir = dir.resolve("tuesday").resolve("run");
        KnownLatencyLog.write(runDir, BASE);
        KnownLatencyLog.write(vsDir, SLOWER);

        final String text = LatencyReport.write(runDir, vsDir);
        assertTableRows(text, "monday/run", BASE);
        assertTableRows(text, "tuesday/run", SLOWER);
        assertTrue(text.contains("ratio tuesday/run / monday/run"), text);
        assertTrue(isPng(runDir.resolve("latency-vs-tuesday-run.png")));
        assertTrue(Files.isRegularFile(runDir.resolve("latency-vs-tuesday-run.svg")));
        assertTrue(Files.isRegularFile(runDir.resolve("latency-vs-tuesday-run.txt")));
    }

    @Test
    void shouldTellARunComparedWithItselfApart() throws IOException
    {
        final Path runDir = dir.resolve("same");
        KnownLatencyLog.write(runDir, BASE);

        final String text = LatencyReport.write(runDir, runDir);
        final String name = dir.getFileName() + "/same";
        assertTrue(text.contains("latency of run " + name + " (us)\n"), text);
        assertTrue(text.contains("latency of run " + name + " (2) (us)\n"), text);
        final String heading = "ratio " + name + " (2) / " + name;
        assertEquals("1.00", row(text, heading, LatencyStage.DECODE.tag())[1]);
        assertEquals("-", row(text, heading, LatencyStage.RATE_LIMITED.tag())[1]);
    }

    @Test
    void shouldSummariseTickToTradeOnOneLine() throws IOException
    {
        KnownLatencyLog.write(dir.resolve("orders"), BASE);
        KnownLatencyLog.write(dir.resolve("no-orders"), 1, 1, 1);

        final String line = LatencyReport.tickToTradeLine(RunLatency.load(dir.resolve("orders")));
        assertTrue(line.startsWith("tick-to-trade (receive -> flushed, us): p50 "), line);
        final String[] cells = line.trim().split(" +");
        final long multiplier = BASE[LatencyStage.TICK_TO_TRADE.ordinal()];
        final String[] labels = {"p50", "p90", "p99", "p99.9", "p99.99", "max"};
        for (int i = 0; i < labels.length; i++)
        {
            final int at = Arrays.asList(cells).indexOf(labels[i]);
            assertTrue(at > 0, labels[i] + " in " + line);
            assertMicros(KnownLatencyLog.MICROS[i] * multiplier, cells[at + 1], labels[i]);
        }
        assertEquals(Long.toString(KnownLatencyLog.TOTAL), cells[Arrays.asList(cells).indexOf("count") + 1]);

        final String none = LatencyReport.tickToTradeLine(RunLatency.load(dir.resolve("no-orders")));
        assertNotNull(none);
        assertEquals("tick-to-trade: no orders were sent\n", none);
    }
}
