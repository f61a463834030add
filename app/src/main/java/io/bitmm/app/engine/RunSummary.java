package io.bitmm.app.engine;

import io.bitmm.app.stat.CountersSnapshot;
import io.bitmm.core.calibration.IntensityEstimator;
import io.bitmm.core.calibration.VolatilityEstimator;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.position.Position;
import io.bitmm.core.position.PnlAttribution;
import io.bitmm.core.instrument.ProductSymbol;
import io.bitmm.core.risk.RiskState;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The human summary {@code mm run} prints at the end (slow path): book, orders, fills, positions and PnL, read from
 * the run's counters file (the numbers {@code mm stat} shows). The latency lines (tick-to-trade and the stages)
 * follow it, from the run's latency log.
 */
public final class RunSummary
{
    private RunSummary()
    {
    }

    /**
     * @param header          first line (run name, venue, mode, duration).
     * @param counters        the run's counters, read after the engine stopped: the same numbers {@code mm stat}
     *                        shows.
     * @param allOrdersClosed whether shutdown saw every order confirmed closed.
     * @return the summary text.
     */
    public static String render(final String header, final CountersSnapshot counters, final boolean allOrdersClosed)
    {
        return render(header, counters, allOrdersClosed, false);
    }

    /**
     * @param header          first line (run name, venue, mode, duration).
     * @param counters        the run's counters, read after the engine stopped: the same numbers {@code mm stat}
     *                        shows.
     * @param allOrdersClosed whether shutdown saw every order confirmed closed.
     * @param paper           paper mode: there is no venue, so no venue position, mark price or funding, and the
     *                        orders closed are paper orders.
     * @return the summary text.
     */
    public static String render(final String header, final CountersSnapshot counters, final boolean allOrdersClosed,
        final boolean paper)
    {
        final StringBuilder out = new StringBuilder(1024);
        out.append(header).append('\n');
        line(out, "book", String.format(Locale.ROOT,
            "snapshots %d  updates %d  resyncs %d (checksum %d, seq backwards %d, crossed %d, update before snapshot %d)",
            core(counters, "book_snapshots"), core(counters, "book_updates"), core(counters, "resyncs_sent"),
            core(counters, "resync_checksum"), core(counters, "resync_seq_backwards"), core(counters, "resync_crossed"),
            core(counters, "resync_update_before_snapshot")));
        line(out, "orders", String.format(Locale.ROOT,
            "quotes placed %d  replaced %d  cancels %d  queries %d  acks %d  post-only cancels %d  rejects %d%s",
            core(counters, "places_sent"), core(counters, "replaces_sent"), core(counters, "cancels_sent"),
            core(counters, "queries_sent"), core(counters, "acks"), core(counters, "post_only_cancels"),
            core(counters, "rejects"), rejectCodes(counters)));
        line(out, "risk", "state " + riskState(counters) + riskReasons(counters));
        line(out, "fills", String.format(Locale.ROOT, "buy %d  sell %d  (size units: bought %d, sold %d)  " +
                "duplicates %d  stop sweep: already booked %d",
            core(counters, "fills_buy"), core(counters, "fills_sell"), core(counters, "filled_size_buy"),
            core(counters, "filled_size_sell"), core(counters, "duplicate_fills"), core(counters, "fills_swept_known")));
        line(out, "recovery", String.format(Locale.ROOT,
            "reconnect reconciles %d (queries %d)  gap fills fetched %d  not-found queries %d  fill fetches %d  " +
                "fills recovered %d  foreign fills %d  found filled %d cancelled %d  subscribe retries %d",
            core(counters, "reconnect_reconciles"), core(counters, "reconcile_queries"),
            counters.value(CounterTypes.GATEWAY, "gap_fills_fetched", "gateway", "private"),
            core(counters, "not_found_queries"), core(counters, "fill_fetches_sent"), core(counters, "recovered_fills"),
            core(counters, "foreign_fills"), core(counters, "found_filled"), core(counters, "found_cancelled"),
            counters.value(CounterTypes.GATEWAY, "subscribe_retries", "gateway", "private") +
                counters.value(CounterTypes.GATEWAY, "subscribe_retries", "gateway", "md")));
        for (final String symbol : counters.symbols())
        {
            final boolean perpetual = symbol.startsWith(ProductSymbol.USDT_FUTURES_CATEGORY + ":");
            final CountersSnapshot.Sample mark = counters.find(CounterTypes.INSTRUMENT, "mark_price", "symbol", symbol);
            // Position.unrealizedPnl: at the venue's mark price once one arrived, else at the mid
            final String basis = perpetual && mark != null && mark.value() > 0 ? "at the mark price" : "at the mid";
            line(out, symbol, String.format(Locale.ROOT,
                "position %s (limit %s)  buy fills %s sell fills %s  realized PnL %s %s  unrealized %s %s (%s)  fees %s %s",
                gauge(counters, symbol, "position"), gauge(counters, symbol, "max_position"),
                gauge(counters, symbol, "buy_fills"), gauge(counters, symbol, "sell_fills"),
                gauge(counters, symbol, "realized_pnl"), currency(counters, symbol),
                gauge(counters, symbol, "unrealized_pnl"), currency(counters, symbol), basis,
                gauge(counters, symbol, "fees"), currency(counters, symbol)) + netRebate(counters, symbol));
            if (perpetual)
            {
                line(out, "", paper ? perpetualPaper(counters, symbol) : perpetualVenue(counters, symbol));
            }
        }
        final long open = counters.value(CounterTypes.ENGINE, "open_orders");
        final long handlerErrors = counters.value(CounterTypes.ENGINE, "handler_errors");
        final String closed = paper ?
            (allOrdersClosed ? "every paper order closed (paper mode: no venue)" :
                "NOT every paper order was closed before the timeout: " + open + " still open") :
            (allOrdersClosed ? "every order confirmed closed at the venue" :
                "NOT every order was confirmed closed before the timeout: " + open + " still open");
        line(out, "shutdown", closed + (handlerErrors == 0 ? "" : "  handler errors " + handlerErrors));
        return out.toString();
    }

    private static String perpetualVenue(final CountersSnapshot counters, final String symbol)
    {
        return String.format(Locale.ROOT,
            "perpetual: entry %s  mark %s  funding %s %s (%d settlements)  venue position %s " +
                "(%d reports, %d differed)  reduce-only quotes %d",
            gauge(counters, symbol, "entry_price"), venueMark(counters, symbol),
            gauge(counters, symbol, "funding"), currency(counters, symbol),
            core(counters, "funding_settlements"), gauge(counters, symbol, "venue_position"),
            core(counters, "position_snapshots"), core(counters, "position_mismatches"),
            core(counters, "reduce_only_places"));
    }

    private static String venueMark(final CountersSnapshot counters, final String symbol)
    {
        final CountersSnapshot.Sample mark = counters.find(CounterTypes.INSTRUMENT, "mark_price", "symbol", symbol);
        return mark == null || mark.value() <= 0 ? "- (none from the venue)" :
            mark.decimal().toPlainString() + " (the venue's: public ticker and position pushes)";
    }

    private static String perpetualPaper(final CountersSnapshot counters, final String symbol)
    {
        return String.format(Locale.ROOT,
            "perpetual: entry %s  mark %s  reduce-only quotes %d  (paper mode: no venue, so no venue position or " +
                "funding)", gauge(counters, symbol, "entry_price"), venueMark(counters, symbol),
            core(counters, "reduce_only_places"));
    }

    /**
     * @param counters a snapshot.
     * @return the core's risk state in it.
     */
    public static RiskState riskState(final CountersSnapshot counters)
    {
        final long ordinal = counters.value(CounterTypes.ENGINE, "risk_state");
        return ordinal >= 0 && ordinal < RiskState.values().length ? RiskState.values()[(int)ordinal] : RiskState.ACTIVE;
    }

    private static long core(final CountersSnapshot counters, final String name)
    {
        return counters.value(CounterTypes.CORE, name);
    }

    private static String gauge(final CountersSnapshot counters, final String symbol, final String name)
    {
        final CountersSnapshot.Sample sample = counters.find(CounterTypes.INSTRUMENT, name, "symbol", symbol);
        return sample == null ? "?" : sample.decimal().toPlainString();
    }

    private static String netRebate(final CountersSnapshot counters, final String symbol)
    {
        final CountersSnapshot.Sample fees = counters.find(CounterTypes.INSTRUMENT, "fees", "symbol", symbol);
        return fees != null && fees.value() < 0 ? " (net rebate)" : "";
    }

    private static String currency(final CountersSnapshot counters, final String symbol)
    {
        final CountersSnapshot.Sample sample = counters.find(CounterTypes.INSTRUMENT, "fees", "symbol", symbol);
        return sample == null ? "" : sample.labels().getOrDefault("currency", "");
    }

    /**
     * The quoting lines of every instrument: PnL attribution, markouts and the fitted model, read from the core once
     * its thread has stopped (these are not in the counters file).
     *
     * @param core        the stopped core.
     * @param instruments what was traded.
     * @return one block of lines per instrument.
     */
    public static String quoting(final TradingCore core, final InstrumentTable instruments)
    {
        final StringBuilder out = new StringBuilder(512);
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            // the product's name (USDT-FUTURES:BTCUSDT) for a perpetual; a spot symbol stays bare, which means SPOT
            out.append("  ").append(ProductSymbol.displayName(instrument)).append('\n');
            attribution(out, core.attribution(id), instruments.assetName(instrument.quoteAssetId()));
            if (instrument.kind() == InstrumentKind.USDT_PERPETUAL)
            {
                line(out, "marks", marks(core.position(id), instrument));
            }
            line(out, "model", model(core.volatility(id), core.intensity(id)));
        }
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

    /**
     * Which price each PnL line of a perpetual is marked at. A market maker's convention, and the venue's: the
     * position's unrealized PnL (the position line) at the venue's mark price, which is what the venue margins and
     * liquidates on; trading PnL (the pnl line) at the book's mid, where the quotes trade. The two differ by the
     * position times (mark - mid).
     *
     * @param position   the instrument's position.
     * @param instrument the perpetual.
     * @return the text of the marks line.
     */
    static String marks(final Position position, final Instrument instrument)
    {
        final String mid = position.markPrice() > 0 ? units(position.markPrice(), instrument.priceScale()) : "-";
        if (position.venueMarkPrice() > 0)
        {
            return "pnl above at the mid " + mid + "; the position line's unrealized PnL at the venue's mark price " +
                units(position.venueMarkPrice(), instrument.priceScale()) + " (margin is marked at the mark price, " +
                "trading PnL at the mid: they differ by position x (mark - mid))";
        }
        return "pnl above and the position line's unrealized PnL both at the mid " + mid + " (no mark price from the " +
            "venue yet: it comes with the public ticker and the position pushes)";
    }

    static String model(final VolatilityEstimator volatility, final IntensityEstimator intensity)
    {
        return String.format(Locale.ROOT, "fitted volatility %.3f bp/sqrt(s) (%d returns%s)  intensity A %.3f /s k %.3f /bp " +
            "(%d trades in the window%s)", volatility.volatilityBps(), volatility.samples(),
            volatility.ready() ? ", in use" : ", configured sigma in use", intensity.arrivalRateA(), intensity.kappa(),
            intensity.trades(), intensity.ready() ? ", in use" : ", configured A and kappa in use");
    }

    private static String units(final long value, final int scale)
    {
        return BigDecimal.valueOf(value, scale).toPlainString();
    }

    private static void line(final StringBuilder out, final String name, final String text)
    {
        out.append(String.format(Locale.ROOT, "  %-9s %s%n", name, text));
    }

    /**
     * @param counters a snapshot.
     * @return " (code: count, ...)" for the Bitget reject codes seen, or "".
     */
    public static String rejectCodes(final CountersSnapshot counters)
    {
        final StringBuilder out = new StringBuilder();
        for (final CountersSnapshot.Sample sample : counters.samples())
        {
            if (sample.typeId() == CounterTypes.REJECT_CODE && "rejects_by_code".equals(sample.name()) &&
                sample.value() > 0)
            {
                final String slot = sample.labels().get("slot");
                out.append(out.length() == 0 ? " (" : ", ")
                    .append(counters.value(CounterTypes.REJECT_CODE, "reject_code", "slot", slot))
                    .append(": ").append(sample.value());
            }
        }
        return out.length() == 0 ? "" : out.append(')').toString();
    }

    /**
     * @param counters a snapshot.
     * @return "  held back: reason count, ..." for the risk hold-backs seen, or "".
     */
    public static String riskReasons(final CountersSnapshot counters)
    {
        final StringBuilder out = new StringBuilder();
        for (final CountersSnapshot.Sample sample : counters.samples())
        {
            if (sample.typeId() == CounterTypes.RISK && sample.value() > 0)
            {
                out.append(out.length() == 0 ? "  held back: " : ", ")
                    .append(sample.labels().get("reason")).append(' ').append(sample.value());
            }
        }
        return out.toString();
    }
}
