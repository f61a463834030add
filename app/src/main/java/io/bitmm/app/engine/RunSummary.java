package io.bitmm.app.engine;

import io.bitmm.core.calibration.IntensityEstimator;
import io.bitmm.core.calibration.VolatilityEstimator;
import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.PnlAttribution;
import io.bitmm.core.position.Position;
import io.bitmm.core.risk.RiskReason;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The human summary {@code mm run} prints at the end (slow path): book, orders, fills, positions and PnL. The
 * latency lines (tick-to-trade and the stages) follow it, from the run's latency log.
 */
public final class RunSummary
{
    private RunSummary()
    {
    }

    /**
     * @param header           first line (run name, venue, mode, duration).
     * @param engine           the stopped engine.
     * @param allOrdersClosed  whether shutdown saw every order confirmed closed.
     * @param maxPositionUnits the position limit per instrument id, size units.
     * @return the summary text.
     */
    public static String render(
        final String header, final Engine engine, final boolean allOrdersClosed, final long[] maxPositionUnits)
    {
        final TradingCore core = engine.core();
        final CoreCounters c = core.counters();
        final StringBuilder out = new StringBuilder(1024);
        out.append(header).append('\n');
        line(out, "book", String.format(Locale.ROOT,
            "snapshots %d  updates %d  resyncs %d (checksum %d, seq backwards %d, crossed %d, update before snapshot %d)",
            c.get(CoreCounters.BOOK_SNAPSHOTS), c.get(CoreCounters.BOOK_UPDATES), c.resyncs(),
            c.get(CoreCounters.RESYNC_CHECKSUM), c.get(CoreCounters.RESYNC_SEQ_BACKWARDS),
            c.get(CoreCounters.RESYNC_CROSSED), c.get(CoreCounters.RESYNC_UPDATE_BEFORE_SNAPSHOT)));
        line(out, "orders", String.format(Locale.ROOT,
            "quotes placed %d  replaced %d  cancels %d  queries %d  acks %d  post-only cancels %d  rejects %d%s",
            c.get(CoreCounters.PLACES_SENT), c.get(CoreCounters.REPLACES_SENT), c.get(CoreCounters.CANCELS_SENT),
            c.get(CoreCounters.QUERIES_SENT), c.get(CoreCounters.ACKS), c.get(CoreCounters.POST_ONLY_CANCELS),
            c.get(CoreCounters.REJECTS), rejectCodes(c)));
        line(out, "risk", "state " + core.riskState() + riskReasons(c));
        line(out, "fills", String.format(Locale.ROOT, "buy %d  sell %d  (size units: bought %d, sold %d)",
            c.fills(Side.BUY), c.fills(Side.SELL), c.filledSize(Side.BUY), c.filledSize(Side.SELL)));
        final InstrumentTable instruments = engine.instruments();
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final Position position = core.position(id);
            final String quote = instruments.assetName(instrument.quoteAssetId());
            line(out, instrument.symbol(), String.format(Locale.ROOT,
                "position %s (limit %s)  buy fills %d sell fills %d  realized PnL %s %s  unrealized %s %s  fees %s %s",
                units(position.size(), instrument.sizeScale()), units(maxPositionUnits[id], instrument.sizeScale()),
                position.buyFills(), position.sellFills(),
                units(position.realizedPnl(), Amounts.DECIMALS), quote,
                units(position.unrealizedPnl(), Amounts.DECIMALS), quote, units(position.fees(), Amounts.DECIMALS), quote));
            attribution(out, core.attribution(id), quote);
            line(out, "model", model(core.volatility(id), core.intensity(id)));
        }
        line(out, "shutdown", (allOrdersClosed ? "every order confirmed closed at the venue" :
            "NOT every order was confirmed closed before the timeout: " + core.openOrderCount() + " still open") +
            (engine.handlerErrors() == 0 ? "" : "  handler errors " + engine.handlerErrors()));
        return out.toString();
    }

    /**
     * The PnL attribution and markout lines of one instrument.
     *
     * @param out         where to append.
     * @param attribution the instrument's attribution.
     * @param quote       the quote coin's name.
     */
    static void attribution(final StringBuilder out, final PnlAttribution attribution, final String quote)
    {
        final long fills = attribution.fills();
        line(out, "pnl", String.format(Locale.ROOT,
            "total %s %s = spread captured %s + inventory %s - fees %s + funding %s%s",
            units(attribution.total(), Amounts.DECIMALS), quote, units(attribution.spreadCaptured(), Amounts.DECIMALS),
            units(attribution.inventoryPnl(), Amounts.DECIMALS), units(attribution.fees(), Amounts.DECIMALS),
            units(attribution.funding(), Amounts.DECIMALS),
            fills == 0 ? "" : String.format(Locale.ROOT, "  (per fill: spread %s, fee %s)",
                units(attribution.spreadCaptured() / fills, Amounts.DECIMALS),
                units(attribution.fees() / fills, Amounts.DECIMALS))));
        final StringBuilder markouts = new StringBuilder();
        for (final Side side : Side.values())
        {
            markouts.append(markouts.length() == 0 ? "" : "  ").append(side == Side.BUY ? "buy" : "sell");
            for (int h = 0; h < PnlAttribution.MARKOUT_SECONDS.length; h++)
            {
                final double bps = attribution.markoutBps(h, side);
                markouts.append(' ').append(PnlAttribution.MARKOUT_SECONDS[h]).append("s ")
                    .append(Double.isNaN(bps) ? "-" : String.format(Locale.ROOT, "%+.2f", bps));
            }
            markouts.append(" (n ").append(attribution.markoutCount(0, side)).append(')');
        }
        line(out, "markouts", markouts + " bp, mid move after our fills, + in our favour");
    }

    static String model(final VolatilityEstimator volatility, final IntensityEstimator intensity)
    {
        return String.format(Locale.ROOT, "fitted volatility %.3f bp/sqrt(s) (%d returns%s)  intensity A %.3f /s k %.3f /bp " +
            "(%d trades in the window%s)", volatility.volatilityBps(), volatility.samples(),
            volatility.ready() ? ", in use" : ", configured sigma in use", intensity.arrivalRateA(), intensity.kappa(),
            intensity.trades(), intensity.ready() ? ", in use" : ", configured A and kappa in use");
    }

    private static void line(final StringBuilder out, final String name, final String text)
    {
        out.append(String.format(Locale.ROOT, "  %-9s %s%n", name, text));
    }

    private static String rejectCodes(final CoreCounters counters)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < CoreCounters.REJECT_CODE_SLOTS; i++)
        {
            final long count = counters.rejectCountAt(i);
            if (count > 0)
            {
                out.append(out.length() == 0 ? " (" : ", ").append(counters.rejectCodeAt(i)).append(": ").append(count);
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    private static String riskReasons(final CoreCounters counters)
    {
        final StringBuilder out = new StringBuilder();
        for (final RiskReason reason : RiskReason.values())
        {
            final long count = counters.riskRejections(reason);
            if (count > 0)
            {
                out.append(out.length() == 0 ? "  held back: " : ", ")
                    .append(reason.name().toLowerCase(Locale.ROOT)).append(' ').append(count);
            }
        }
        return out.toString();
    }

    private static String units(final long value, final int scale)
    {
        return BigDecimal.valueOf(value, scale).toPlainString();
    }
}
