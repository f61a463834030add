package io.bitmm.tuning.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The usual HdrHistogram percentile plot: x = 1/(1-percentile) on a log scale labelled 90%, 99%, 99.9%..., latency in
 * microseconds on a log axis, one line per stage; a second run is drawn dashed. PNG and SVG, headless (XChart).
 */
public final class PercentilePlot
{
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double MAX_X = 1e6;

    private PercentilePlot()
    {
    }

    /**
     * @param base where to write, without extension ({@code .png} and {@code .svg} are added).
     * @param run  the run.
     * @param vs   a run to compare with, or null.
     * @return the PNG's path.
     * @throws IOException when a file cannot be written.
     */
    public static Path write(final Path base, final RunLatency run, final RunLatency vs) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final String title = vs == null ? "bitmm latency by stage, run " + run.name() :
            "bitmm latency by stage, " + run.name() + " (solid) vs " + vs.name() + " (dashed)";
        final XYChart chart = new XYChartBuilder().width(1200).height(700).title(title)
            .xAxisTitle("percentile").yAxisTitle("latency (us, log scale)").build();
        final Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setAntiAlias(true);
        // x is log10(1/(1-percentile)) on a linear axis, labelled as percentiles: XChart's custom tick labels do not
        // terminate on a logarithmic axis.
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(PercentilePlot::percentileLabel);
        chart.getStyler().setXAxisMin(0.0);
        addRun(chart, run, vs == null ? "" : run.name() + ": ", false);
        if (vs != null)
        {
            addRun(chart, vs, vs.name() + ": ", true);
        }
        final String png = base + ".png";
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return Path.of(png);
    }

    private static void addRun(final XYChart chart, final RunLatency run, final String prefix, final boolean dashed)
    {
        for (final LatencyStage stage : LatencyStage.values())
        {
            final Histogram h = run.stage(stage);
            if (h == null || h.getTotalCount() == 0)
            {
                continue;
            }
            final List<Double> xs = new ArrayList<>();
            final List<Double> ys = new ArrayList<>();
            curve(h, xs, ys);
            final XYSeries series = chart.addSeries(prefix + stage.tag() + " (" + stage.span() + ")", xs, ys);
            series.setMarker(SeriesMarkers.NONE);
            if (dashed)
            {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
    }

    static void curve(final Histogram h, final List<Double> xs, final List<Double> ys)
    {
        for (final HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            final double fraction = v.getPercentileLevelIteratedTo() / 100.0;
            final double x = fraction >= 1.0 ? MAX_X : Math.min(MAX_X, 1.0 / (1.0 - fraction));
            xs.add(Math.log10(x));
            ys.add(Math.max(0.01, h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0));
            if (fraction >= 1.0)
            {
                break;
            }
        }
    }

    static String percentileLabel(final Double log10x)
    {
        if (log10x == null || log10x < -1e-9 || Math.abs(log10x - Math.rint(log10x)) > 1e-6)
        {
            return "";
        }
        final int decade = (int)Math.rint(log10x);
        final double p = 100.0 * (1.0 - Math.pow(10, -decade));
        return String.format(Locale.ROOT, "%." + Math.max(0, decade - 2) + "f%%", p);
    }
}
