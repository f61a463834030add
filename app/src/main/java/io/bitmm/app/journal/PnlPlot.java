package io.bitmm.app.journal;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.order.ManagedOrder;
import io.bitmm.core.order.OrderManager;
import io.bitmm.core.order.OrderState;
import io.bitmm.core.position.Position;
import io.bitmm.journal.JournalHeader;
import io.bitmm.journal.JournalLayout;
import io.bitmm.journal.JournalReader;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's trading plot, beside the latency plot: per instrument, the mid with our best bid and ask quotes and our
 * fills (buys and sells) over time, and under it the position and the cumulative PnL (realized + unrealized at the
 * mid, net of fees). Rebuilt from the journal alone: its events are replayed into a fresh core configured from the
 * journal's header (what {@code mm replay} does), so {@code mm report <run>} regenerates it. Slow path (XChart, PNG).
 */
public final class PnlPlot
{
    private static final long SAMPLE_NANOS = 100_000_000L;
    private static final int WIDTH = 1200;

    private PnlPlot()
    {
    }

    /**
     * Write {@code pnl-<SYMBOL>.png} into the run directory for each instrument of the run's journal.
     *
     * @param runDir a run directory with a {@code journal/}.
     * @return the PNGs written; empty when the run has no journal.
     * @throws IOException when the journal cannot be read or a file cannot be written.
     */
    public static List<Path> write(final Path runDir) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        final Plot plot = read(runDir);
        if (plot == null)
        {
            return written;
        }
        final Series[] series = plot.series();
        final InstrumentTable instruments = plot.instruments();
        for (int id = 0; id < series.length; id++)
        {
            if (series[id].t.isEmpty())
            {
                continue;
            }
            final Instrument instrument = instruments.instrument(id);
            final String name = io.bitmm.core.instrument.ProductSymbol.displayName(instrument);
            // pnl-BTCUSDT.png for spot, pnl-USDT-FUTURES-BTCUSDT.png for the perpetual (no ':' in a file name)
            final Path png = runDir.resolve("pnl-" + name.replace(':', '-') + ".png");
            render(png, runDir.getFileName() + " " + name,
                instruments.assetName(instrument.quoteAssetId()), instruments.assetName(instrument.baseAssetId()),
                series[id]);
            written.add(png);
        }
        return written;
    }

    /**
     * @param runDir a run directory with a {@code journal/}.
     * @return the fills the plots draw, every instrument together: the fills the core booked, each once.
     * @throws IOException when the journal cannot be read.
     */
    static int fillsDrawn(final Path runDir) throws IOException
    {
        final Plot plot = read(runDir);
        int fills = 0;
        for (final Series s : plot == null ? new Series[0] : plot.series())
        {
            fills += s.buyT.size() + s.sellT.size();
        }
        return fills;
    }

    private record Plot(InstrumentTable instruments, Series[] series)
    {
    }

    private static Plot read(final Path runDir) throws IOException
    {
        final Path journalDir = RunJournal.journalDir(runDir);
        if (!Files.isDirectory(journalDir))
        {
            return null;
        }
        final Series[] series;
        final InstrumentTable instruments;
        try (JournalReader reader = new JournalReader(journalDir, JournalLayout.KIND_EVENT))
        {
            final JournalHeader header = reader.header();
            instruments = header.instruments();
            final Config config = RunJournal.config(header, List.of());
            final CoreContext context = Bindings.core(config, instruments, header.runEpochMs());
            final TradingCore core = new TradingCore(context, instruments, command ->
            {
            });
            series = new Series[instruments.instrumentCount()];
            for (int id = 0; id < series.length; id++)
            {
                series[id] = new Series();
            }
            long first = Long.MIN_VALUE;
            while (reader.next() != JournalReader.END)
            {
                final InboundEvent event = reader.event();
                if (first == Long.MIN_VALUE)
                {
                    first = event.timestampNanos;
                }
                final long booked = core.counters().fills(Side.BUY) + core.counters().fills(Side.SELL);
                core.onEvent(event);
                final double t = (event.timestampNanos - first) / 1e9;
                final int id = event.instrumentId;
                // only fills the core booked: the stop's sweep re-reads every fill of the run (duplicates, by trade id)
                final boolean bookedNow = core.counters().fills(Side.BUY) + core.counters().fills(Side.SELL) > booked;
                if (event.type == EventType.FILL && bookedNow && id >= 0 && id < series.length && event.price > 0)
                {
                    final double price = units(event.price, instruments.instrument(id).priceScale());
                    (event.side == Side.BUY ? series[id].buyT : series[id].sellT).add(t);
                    (event.side == Side.BUY ? series[id].buyPx : series[id].sellPx).add(price);
                    sample(core, id, t, series[id]);
                }
                for (int i = 0; i < series.length; i++)
                {
                    if (event.timestampNanos - series[i].sampledNanos >= SAMPLE_NANOS)
                    {
                        series[i].sampledNanos = event.timestampNanos;
                        sample(core, i, t, series[i]);
                    }
                }
            }
        }
        return new Plot(instruments, series);
    }

    private static void sample(final TradingCore core, final int id, final double t, final Series s)
    {
        final OrderBook book = core.book(id);
        if (book.bidCount() == 0 || book.askCount() == 0)
        {
            return;
        }
        final Instrument instrument = book.instrument();
        final int priceScale = instrument.priceScale();
        s.t.add(t);
        s.mid.add(units(book.bidPrice(0) + book.askPrice(0), priceScale) / 2.0);
        long bid = 0;
        long ask = 0;
        final OrderManager orders = core.orders();
        for (int slot = 0; slot < orders.capacity(); slot++)
        {
            final ManagedOrder order = orders.order(slot);
            final OrderState state = order.state();
            if (state == null || !state.isWorking() || order.instrumentId() != id)
            {
                continue;
            }
            if (order.side() == Side.BUY && order.price() > bid)
            {
                bid = order.price();
            }
            else if (order.side() == Side.SELL && (ask == 0 || order.price() < ask))
            {
                ask = order.price();
            }
        }
        s.bid.add(bid == 0 ? null : units(bid, priceScale));
        s.ask.add(ask == 0 ? null : units(ask, priceScale));
        final Position position = core.position(id);
        s.position.add(units(position.size(), instrument.sizeScale()));
        s.pnl.add(units(position.totalPnl(), Amounts.DECIMALS));
    }

    private static void render(final Path png, final String title, final String quote, final String base,
        final Series s) throws IOException
    {
        System.setProperty("java.awt.headless", "true");
        final XYChart prices = new XYChartBuilder().width(WIDTH).height(500)
            .title("bitmm " + title + ": mid, our best bid and ask, our fills")
            .xAxisTitle("seconds since the run's first event").yAxisTitle("price (" + quote + ")").build();
        style(prices);
        line(prices, "mid", s.t, s.mid);
        line(prices, "our bid", s.t, s.bid);
        line(prices, "our ask", s.t, s.ask);
        scatter(prices, "buy fills (" + s.buyT.size() + ")", s.buyT, s.buyPx, SeriesMarkers.TRIANGLE_UP);
        scatter(prices, "sell fills (" + s.sellT.size() + ")", s.sellT, s.sellPx, SeriesMarkers.TRIANGLE_DOWN);

        final XYChart pnl = new XYChartBuilder().width(WIDTH).height(350)
            .title("position and cumulative PnL (realized + unrealized at the mid, net of fees)")
            .xAxisTitle("seconds since the run's first event").yAxisTitle("position (" + base + ")").build();
        style(pnl);
        line(pnl, "position (" + base + ", left)", s.t, s.position);
        final XYSeries cumulative = line(pnl, "PnL (" + quote + ", right)", s.t, s.pnl);
        cumulative.setYAxisGroup(1);
        pnl.setYAxisGroupTitle(1, "PnL (" + quote + ")");
        pnl.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);

        final BufferedImage top = BitmapEncoder.getBufferedImage(prices);
        final BufferedImage bottom = BitmapEncoder.getBufferedImage(pnl);
        final BufferedImage both = new BufferedImage(WIDTH, top.getHeight() + bottom.getHeight(), BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = both.createGraphics();
        try
        {
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, top.getHeight(), null);
        }
        finally
        {
            g.dispose();
        }
        ImageIO.write(both, "png", png.toFile());
    }

    private static void style(final XYChart chart)
    {
        final Styler styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setAntiAlias(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.####");
    }

    private static XYSeries line(final XYChart chart, final String name, final List<Double> xs, final List<Double> ys)
    {
        final XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    private static void scatter(final XYChart chart, final String name, final List<Double> xs, final List<Double> ys,
        final org.knowm.xchart.style.markers.Marker marker)
    {
        if (xs.isEmpty())
        {
            return;
        }
        final XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
    }

    private static double units(final long value, final int scale)
    {
        return value / Math.pow(10, scale);
    }

    /** One instrument's samples. */
    private static final class Series
    {
        private final List<Double> t = new ArrayList<>();
        private final List<Double> mid = new ArrayList<>();
        private final List<Double> bid = new ArrayList<>();
        private final List<Double> ask = new ArrayList<>();
        private final List<Double> position = new ArrayList<>();
        private final List<Double> pnl = new ArrayList<>();
        private final List<Double> buyT = new ArrayList<>();
        private final List<Double> buyPx = new ArrayList<>();
        private final List<Double> sellT = new ArrayList<>();
        private final List<Double> sellPx = new ArrayList<>();
        private long sampledNanos = Long.MIN_VALUE / 2;
    }
}
