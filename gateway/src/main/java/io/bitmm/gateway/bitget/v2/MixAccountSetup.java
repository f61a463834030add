package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.bitget.SignedRest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Slow path, at start-up: the classic USDT-M futures account settings the engine trades with, per symbol
 * (bitget-v2-protocol.md §6.2): one-way position mode ({@code set-position-mode}), the configured margin mode
 * ({@code set-margin-mode}) and leverage ({@code set-leverage}). Each is read first ({@code mix/account/account}) and
 * set only when it differs; a refusal (open orders or a position in the other mode: 40920, 45117; leverage above the
 * contract's maximum: 40797) stops the start with a message naming the code and what to do. The venue's positions
 * (the engine's start positions) and open orders are read by reconciliation before this ({@link MixAccountQueries}).
 */
public final class MixAccountSetup
{
    private final GatewayContext context;
    private final HttpClient client;

    /**
     * @param context REST base and credentials (required).
     */
    public MixAccountSetup(final GatewayContext context)
    {
        if (context.credentials() == null)
        {
            throw new IllegalStateException("USDT-FUTURES needs API credentials to read and set the account's modes");
        }
        this.context = context;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(context.connectTimeoutMs())).build();
    }

    /**
     * Set one-way mode, margin mode and leverage where they differ.
     *
     * @param instruments the perpetuals traded.
     * @param marginMode  {@code crossed} or {@code isolated}.
     * @param leverage    leverage, 1 to the contract's maximum.
     * @return one line per change made, for the start-up output ("" when nothing changed).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when the venue refuses a change: the message says why and what to do.
     */
    public String apply(final InstrumentTable instruments, final String marginMode, final int leverage) throws IOException
    {
        return apply(instruments, marginMode, symbol -> leverage);
    }

    /**
     * The same with a leverage per symbol.
     *
     * @param instruments the perpetuals traded.
     * @param marginMode  {@code crossed} or {@code isolated}.
     * @param leverageOf  a symbol's leverage, 1 to the contract's maximum.
     * @return one line per change made, for the start-up output ("" when nothing changed).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when the venue refuses a change: the message says why and what to do.
     */
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

    private void post(final String path, final String body, final String what, final String remedy) throws IOException
    {
        final SignedRest.Reply reply = SignedRest.post(client, context, path, body);
        if (!reply.ok())
        {
            throw new IllegalStateException("cannot " + what + ": the venue answered HTTP " + reply.status() +
                " code " + reply.code() + meaning(reply.code()) + "; " + remedy);
        }
    }

    private static String meaning(final String code)
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
