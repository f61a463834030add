package io.bitmm.app.reconcile;

import io.bitmm.app.config.Config;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.ProductSymbol;
import io.bitmm.gateway.bitget.AccountQueries.VenuePosition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes the venue's balances as the engine's position at start: for each symbol with an
 * {@code symbol.<S>.inventory-target}, position = base balance (available + frozen, after orphans were cancelled)
 * minus the target, rounded toward zero to the size step. The result is written into the configuration as
 * {@code symbol.<S>.start-position}, so the journal header records it and a replay starts from the same position.
 * A perpetual's start position is the venue's open position itself ({@link #perpetuals}), which the engine publishes
 * as the ring's first event.
 */
public final class StartPositions
{
    private StartPositions()
    {
    }

    /**
     * @param config      the run's configuration; gains {@code start-position} values.
     * @param instruments what is traded.
     * @param reconciled  what reconciliation found, or null when it was skipped.
     * @return a line per symbol for people (empty when nothing applied).
     */
    public static String apply(final Config config, final InstrumentTable instruments, final VenueReconciler.Result reconciled)
    {
        final StringBuilder out = new StringBuilder();
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final String targetKey = "symbol." + instrument.symbol() + ".inventory-target";
            if (!config.isSet(targetKey) || reconciled == null)
            {
                continue;
            }
            final String coin = instruments.assetName(instrument.baseAssetId());
            final BigDecimal holding = total(reconciled.balances().get(coin));
            final BigDecimal position = holding.subtract(new BigDecimal(config.text(targetKey)))
                .setScale(instrument.sizeScale(), RoundingMode.DOWN);
            final BigDecimal step = BigDecimal.valueOf(instrument.stepUnits(), instrument.sizeScale());
            final BigDecimal onStep = position.divide(step, 0, RoundingMode.DOWN).multiply(step);
            config.set("reconcile", "symbol." + instrument.symbol() + ".start-position", onStep.toPlainString());
            out.append("reconcile: ").append(instrument.symbol()).append(" start position ").append(onStep.toPlainString())
                .append(' ').append(coin).append(" (holding ").append(holding.toPlainString()).append(" - target ")
                .append(config.text(targetKey)).append(")\n");
        }
        return out.toString();
    }

    private static BigDecimal total(final String availableSlashFrozen)
    {
        if (availableSlashFrozen == null)
        {
            return BigDecimal.ZERO;
        }
        final String[] parts = availableSlashFrozen.split("/");
        BigDecimal sum = BigDecimal.ZERO;
        for (final String part : parts)
        {
            if (!part.isEmpty())
            {
                sum = sum.add(new BigDecimal(part));
            }
        }
        return sum;
    }

    /**
     * A perpetual's start position, in the instrument's units.
     *
     * @param instrumentId    the instrument.
     * @param sizeUnits       signed size, size units.
     * @param entryPriceUnits the venue's entry price, price units, rounded to the nearest unit (0 unknown).
     * @param line            what to print.
     */
    public record Start(int instrumentId, long sizeUnits, long entryPriceUnits, String line)
    {
    }

    /**
     * The venue's open positions of the traded perpetuals as start positions.
     *
     * @param instruments what is traded.
     * @param reconciled  what reconciliation found (with positions), or null when it was skipped.
     * @return one start per perpetual (size 0 when flat).
     * @throws IllegalStateException when a size is not on the instrument's size grid (the venue's and our contract
     *                               rules disagree: the start would not be sound).
     */
    public static List<Start> perpetuals(final InstrumentTable instruments, final VenueReconciler.Result reconciled)
    {
        final List<Start> starts = new ArrayList<>();
        if (reconciled == null || reconciled.positions() == null)
        {
            return starts;
        }
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            if (!instrument.isPerpetual())
            {
                continue;
            }
            final VenuePosition found = reconciled.positions().get(instrument.symbol());
            // flat is a start position too: it overrides a configured start-position, the venue is the truth
            final VenuePosition p = found != null ? found : new VenuePosition(instrument.symbol(), "0", "0");
            final BigDecimal size = new BigDecimal(p.size()).movePointRight(instrument.sizeScale());
            if (size.stripTrailingZeros().scale() > 0)
            {
                throw new IllegalStateException("reconcile: the venue's " + ProductSymbol.displayName(instrument) +
                    " position " + p.size() + " has more decimals than the contract's size precision " +
                    instrument.sizeScale());
            }
            final long entry = new BigDecimal(p.entryPrice()).movePointRight(instrument.priceScale())
                .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
            starts.add(new Start(id, size.longValueExact(), entry, "reconcile: " + ProductSymbol.displayName(instrument) +
                " starts from the venue's position " + (found == null ? "0 (flat)" : p.size() + " (entry " +
                p.entryPrice() + ")") + "\n"));
        }
        return starts;
    }
}
