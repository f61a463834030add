package io.bitmm.app.engine;

import io.bitmm.core.engine.CoreCounters;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
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
        final io.bitmm.gateway.GatewayCounters ps = engine.privateStreamCounters();
        line(out, "recovery", String.format(Locale.ROOT,
            "reconnect reconciles %d (queries %d)  gap fills fetched %d  not-found queries %d  fill fetches %d  " +
                "fills recovered %d  found filled %d cancelled %d  subscribe retries %d",
            c.get(CoreCounters.RECONNECT_RECONCILES), c.get(CoreCounters.RECONCILE_QUERIES),
            ps.get(io.bitmm.gateway.GatewayCounters.GAP_FILLS_FETCHED), c.get(CoreCounters.NOT_FOUND_QUERIES),
            c.get(CoreCounters.FILL_FETCHES_SENT), c.get(CoreCounters.RECOVERED_FILLS), c.get(CoreCounters.FOUND_FILLED),
            c.get(CoreCounters.FOUND_CANCELLED), ps.get(io.bitmm.gateway.GatewayCounters.SUBSCRIBE_RETRIES) +
                engine.marketData().counters().get(io.bitmm.gateway.GatewayCounters.SUBSCRIBE_RETRIES)));
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
                units(position.unrealizedPnl(), Amounts.DECIMALS), quote, units(position.fees(), Amounts.DECIMALS), quote) +
                (position.fees() < 0 ? " (net rebate)" : ""));
        }
        line(out, "shutdown", (allOrdersClosed ? "every order confirmed closed at the venue" :
            "NOT every order was confirmed closed before the timeout: " + core.openOrderCount() + " still open") +
            (engine.handlerErrors() == 0 ? "" : "  handler errors " + engine.handlerErrors()));
        return out.toString();
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
