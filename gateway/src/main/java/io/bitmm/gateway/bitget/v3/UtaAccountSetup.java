package io.bitmm.gateway.bitget.v3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.bitget.PerpetualAccountSetup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Slow path, at start-up: the UTA account's USDT-M futures settings the engine trades with
 * (bitget-v3-uta-protocol.md §5.9, §6). Reads {@code GET /api/v3/account/settings} ({@code holdMode},
 * {@code symbolConfigList[{category, symbol, marginMode, leverage}]}) and changes only what differs: one-way hold mode
 * ({@code POST /api/v3/account/set-hold-mode}, account-wide) and the symbol's leverage ({@code POST
 * /api/v3/account/set-leverage} with {@code category}, {@code symbol}, {@code leverage}; {@code marginMode} is added
 * when the symbol's margin mode differs, which is in Bitget's SDKs but unconfirmed in its docs). v3 has no
 * set-margin-mode; orders are sent without {@code marginMode} (crossed, Bitget's default), so only {@code crossed}
 * is accepted. A refusal (25010/40920: hold mode with open futures orders or positions; 25223: leverage above the
 * maximum; 25228: not enough margin for the leverage) stops the start with a message naming the code and what to do.
 * The start position comes from the reconciliation ({@link UtaAccountQueries#positionsPath()}).
 */
public final class UtaAccountSetup extends PerpetualAccountSetup
{
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param context REST base and credentials (required).
     */
    public UtaAccountSetup(final GatewayContext context)
    {
        super(context);
    }

    @Override
    public String apply(final InstrumentTable instruments, final String marginMode,
        final java.util.function.ToIntFunction<String> leverageOf) throws IOException
    {
        if (!"crossed".equals(marginMode))
        {
            throw new IllegalStateException("venue.margin-mode=" + marginMode + ": on a UTA account Bitget chooses the " +
                "margin mode per order and this build sends every order crossed; use venue.margin-mode=crossed");
        }
        final long offsetMs = context.venueClock().offsetMs();
        final byte[] settings = UtaInstrumentLoader.get(client, context, "/api/v3/account/settings", "", offsetMs);
        final String holdMode = UtaInstrumentLoader.dataObject(settings).get("holdMode");
        final List<Map<String, String>> configs = dataList(settings, "symbolConfigList");
        final StringBuilder changes = new StringBuilder();
        if (!"one_way_mode".equals(holdMode))
        {
            post("/api/v3/account/set-hold-mode", "{\"holdMode\":\"one_way_mode\"}",
                "switch the account to one-way hold mode (was " + holdMode + ")",
                "close every USDT-FUTURES position and cancel its orders, or switch to one-way mode on Bitget");
            changes.append("mm: USDT-FUTURES hold mode set to one_way_mode (was ").append(holdMode).append(")\n");
        }
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final String symbol = instruments.instrument(id).symbol();
            final int leverage = leverageOf.applyAsInt(symbol);
            Map<String, String> config = Map.of();
            for (final Map<String, String> row : configs)
            {
                if (symbol.equals(row.get("symbol")) && "USDT-FUTURES".equalsIgnoreCase(row.get("category")))
                {
                    config = row;
                }
            }
            final String currentLeverage = config.get("leverage");
            final String currentMargin = config.get("marginMode");
            final boolean marginDiffers = currentMargin != null && !marginMode.equalsIgnoreCase(currentMargin);
            if (marginDiffers || !Integer.toString(leverage).equals(currentLeverage))
            {
                post("/api/v3/account/set-leverage", "{\"category\":\"USDT-FUTURES\",\"symbol\":\"" + symbol +
                        "\",\"leverage\":\"" + leverage + "\"" + (marginDiffers ? ",\"marginMode\":\"" + marginMode + "\"" : "") + "}",
                    "set " + symbol + "'s leverage to " + leverage + (marginDiffers ? " " + marginMode : "") + " (was " +
                        currentLeverage + " " + currentMargin + ")",
                    "choose a leverage from 1 to the contract's maximum, or close the " + symbol + " position first");
                changes.append("mm: USDT-FUTURES:").append(symbol).append(" leverage set to ").append(leverage)
                    .append(" (was ").append(currentLeverage).append(')');
                if (marginDiffers)
                {
                    changes.append(", margin mode ").append(marginMode).append(" (was ").append(currentMargin).append(')');
                }
                changes.append('\n');
            }
        }
        return changes.toString();
    }

    /** The flat objects of the array {@code data.key} ({@code null} or absent: none). */
    static List<Map<String, String>> dataList(final byte[] body, final String key) throws IOException
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            if (UtaInstrumentLoader.seekData(parser) != JsonToken.START_OBJECT)
            {
                return rows;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if (key.equals(name) && value == JsonToken.START_ARRAY)
                {
                    while (parser.nextToken() == JsonToken.START_OBJECT)
                    {
                        rows.add(UtaInstrumentLoader.flatObject(parser));
                    }
                    return rows;
                }
                parser.skipChildren();
            }
        }
        return rows;
    }

    @Override
    protected String meaning(final String code)
    {
        switch (code)
        {
            case "25010":
            case "40920":
                return " (hold mode cannot change with open futures orders or positions)";
            case "25223":
                return " (leverage above the contract's maximum)";
            case "25228":
                return " (not enough margin for this leverage)";
            default:
                return "";
        }
    }
}
