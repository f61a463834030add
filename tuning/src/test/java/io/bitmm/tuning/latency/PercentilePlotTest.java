package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PercentilePlotTest
{
    private static final Pattern DASH = Pattern.compile("stroke-dasharray:([0-9.]+),([0-9.]+)");
    private static final byte[] PNG_MAGIC = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    private static void assertPng(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " has " + bytes.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, PNG_MAGIC.length));
    }

    /**
     * XChart's SVG encoder (VectorGraphics2D) draws text as glyph outlines, so the title and legend are not searchable
     * as text: check the document is a 1200x700 SVG and return it.
     */
    private static String svg(final Path file) throws IOException, ParserConfigurationException, SAXException
    {
        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        final Element root = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("1200px", root.getAttribute("width"));
        assertEquals("700px", root.getAttribute("height"));
        assertTrue(root.getElementsByTagName("path").getLength() >= 10, "text (title, axes, legend) as glyph outlines");
        assertTrue(root.getElementsByTagName("line").getLength() >= 50, "the curves, segment by segment");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * @return strokes with a dash pattern that has a gap (solid lines are written as {@code 3,0}).
     */
    private static int dashedStrokes(final String svg)
    {
        final Matcher m = DASH.matcher(svg);
        int dashed = 0;
        while (m.find())
        {
            if (Double.parseDouble(m.group(2)) > 0)
            {
                dashed++;
            }
        }
        return dashed;
    }

    @Test
    void shouldWritePngAndSvgOfOneRun() throws IOException, ParserConfigurationException, SAXException
    {
        final Path runDir = dir.resolve("run-one");
        KnownLatencyLog.write(runDir, 1, 2, 3, 0, 0, 6, 0);

        final Path png = PercentilePlot.write(dir.resolve("plot"), RunLatency.load(runDir), null);
        assertEquals(dir.resolve("plot.png"), png);
        assertPng(png);
        assertEquals(0, dashedStrokes(svg(dir.resolve("plot.svg"))), "one run: solid lines only");
    }

    @Test
    void shouldWritePngAndSvgComparingTwoRuns() throws IOException, ParserConfigurationException, SAXException
    {
        final Path runDir = dir.resolve("alpha");
        final Path vsDir = dir.resolve("beta");
        KnownLatencyLog.write(runDir, 1, 2);
        KnownLatencyLog.write(vsDir, 2, 0, 0, 0, 0, 0, 7);

        final Path png = PercentilePlot.write(dir.resolve("cmp"), RunLatency.load(runDir), RunLatency.load(vsDir));
        assertPng(png);
        assertTrue(dashedStrokes(svg(dir.resolve("cmp.svg"))) > 0, "the second run is drawn dashed");
    }

    @Test
    void shouldDrawTheCurveFromZeroToTheMaximum()
    {
        final Histogram h = new Histogram(1, LatencyRecorders.HIGHEST_TRACKABLE_NANOS, LatencyRecorders.SIGNIFICANT_DIGITS);
        for (long micros = 1; micros <= 1000; micros++)
        {
            h.recordValue(micros * 1000);
        }
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        PercentilePlot.curve(h, xs, ys);

        assertEquals(xs.size(), ys.size());
        assertTrue(xs.size() > 10, "points: " + xs.size());
        assertEquals(0.0, xs.get(0), 1e-9, "starts at the 0th percentile");
        assertEquals(1.0, ys.get(0), 0.001, "the lowest value, in us");
        assertEquals(6.0, xs.get(xs.size() - 1), 1e-9, "ends at 100%, drawn at 99.9999%");
        assertEquals(1000.0, ys.get(ys.size() - 1), 1.0, "the max, in us");
        for (int i = 1; i < xs.size(); i++)
        {
            assertTrue(xs.get(i) >= xs.get(i - 1), "x never goes back at " + i);
            assertTrue(ys.get(i) >= ys.get(i - 1), "y never goes back at " + i);
        }
        final int median = xs.indexOf(Math.log10(2.0));
        assertTrue(median > 0, "a point at the median: " + xs);
        assertEquals(500.0, ys.get(median), 0.5);
    }

    @Test
    void shouldKeepZeroLatencyOnTheLogAxis()
    {
        final Histogram h = new Histogram(1, LatencyRecorders.HIGHEST_TRACKABLE_NANOS, LatencyRecorders.SIGNIFICANT_DIGITS);
        h.recordValueWithCount(0, 10);
        final List<Double> xs = new ArrayList<>();
        final List<Double> ys = new ArrayList<>();
        PercentilePlot.curve(h, xs, ys);

        assertFalse(ys.isEmpty());
        for (final double y : ys)
        {
            assertEquals(0.01, y, 1e-12);
        }
    }

    @Test
    void shouldLabelDecadesAsPercentiles()
    {
        assertEquals("0%", PercentilePlot.percentileLabel(0.0));
        assertEquals("90%", PercentilePlot.percentileLabel(1.0));
        assertEquals("99%", PercentilePlot.percentileLabel(2.0));
        assertEquals("99.9%", PercentilePlot.percentileLabel(3.0));
        assertEquals("99.99%", PercentilePlot.percentileLabel(4.0));
        assertEquals("99.9999%", PercentilePlot.percentileLabel(6.0));
        assertEquals("", PercentilePlot.percentileLabel(1.5));
        assertEquals("", PercentilePlot.percentileLabel(-1.0));
        assertEquals("", PercentilePlot.percentileLabel(null));
    }
}
