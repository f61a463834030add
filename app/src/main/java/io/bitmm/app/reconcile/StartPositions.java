package io.bitmm.app.reconcile;

import io.bitmm.app.config.Config;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Takes the venue's balances as the engine's position at start: for each symbol with an
 * {@code symbol.<S>.inventory-target}, position = base balance (available + frozen, after orphans were cancelled)
 * minus the target, rounded toward zero to the size step. The result is written into the configuration as
 * {@code symbol.<S>.start-position}, so the journal header records it and a replay starts from the same position.
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
}
