package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.bitget.PerpetualAccountSetup;

import java.io.IOException;
import java.util.Map;

/**
 * Slow path, at start-up: the classic USDT-M futures account settings the engine trades with, per symbol
 * (bitget-v2-protocol.md §6.2): one-way position mode ({@code set-position-mode}), the configured margin mode
 * ({@code set-margin-mode}) and leverage ({@code set-leverage}). Each is read first ({@code mix/account/account}) and
 * set only when it differs; a refusal (open orders or a position in the other mode: 40920, 45117; leverage above the
 * contract's maximum: 40797) stops the start with a message naming the code and what to do. The venue's positions
 * (the engine's start positions) and open orders are read by reconciliation before this ({@link MixAccountQueries}).
 */
public final class MixAccountSetup extends PerpetualAccountSetup
{
    /**
     * @param context REST base and credentials (required).
     */
    public MixAccountSetup(final GatewayContext context)
    {
        super(context);
    }

    @Override
    public String apply(final InstrumentTable instruments, final String marginMode,
        final java.util.function.ToIntFunction<String> leverageOf) throws IOException
    {
        final StringBuilder changes = new StringBuilder();
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final String symbol = instrument.symbol();
            final int leverage = leverageOf.applyAsInt(symbol);
            final Map<String, String> account = SpotInstrumentLoader.dataObject(SpotInstrumentLoader.get(client, context,
                "/api/v2/mix/account/account", "marginCoin=USDT&productType=USDT-FUTURES&symbol=" + symbol,
                context.venueClock().offsetMs()));
            if (!"one_way_mode".equals(account.get("posMode")))
            {
                post("/api/v2/mix/account/set-position-mode", "{\"productType\":\"USDT-FUTURES\",\"posMode\":\"one_way_mode\"}",
                    "switch USDT-FUTURES to one-way position mode (was " + account.get("posMode") + ")",
                    "close every USDT-FUTURES position and cancel its orders, or switch to one-way mode on Bitget");
                changes.append("mm: USDT-FUTURES position mode set to one_way_mode (was ").append(account.get("posMode")).append(")\n");
            }
            if (!marginMode.equals(account.get("marginMode")))
            {
                post("/api/v2/mix/account/set-margin-mode", "{\"symbol\":\"" + symbol +
                    "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"" + marginMode + "\"}",
                    "set " + symbol + "'s margin mode to " + marginMode + " (was " + account.get("marginMode") + ")",
                    "close the " + symbol + " position and cancel its orders, or set symbol margin mode to " +
                        account.get("marginMode"));
                changes.append("mm: USDT-FUTURES:").append(symbol).append(" margin mode set to ").append(marginMode)
                    .append(" (was ").append(account.get("marginMode")).append(")\n");
            }
            final String current = "isolated".equals(marginMode) ? account.get("isolatedLongLever") :
                account.get("crossedMarginLeverage");
            if (!Integer.toString(leverage).equals(current))
            {
                post("/api/v2/mix/account/set-leverage", "{\"symbol\":\"" + symbol +
                    "\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"leverage\":\"" + leverage + "\"}",
                    "set " + symbol + "'s leverage to " + leverage + " (was " + current + ")",
                    "choose a leverage from 1 to the contract's maximum");
                changes.append("mm: USDT-FUTURES:").append(symbol).append(" leverage set to ").append(leverage)
                    .append(" (was ").append(current).append(")\n");
            }
        }
        return changes.toString();
    }

    @Override
    protected String meaning(final String code)
    {
        switch (code)
        {
            case "40920":
                return " (position mode cannot change with open orders or positions)";
            case "45117":
                return " (margin mode cannot change with open orders or a position)";
            case "40797":
                return " (leverage above the contract's maximum)";
            default:
                return "";
        }
    }
}
