package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slow path, at start-up: the classic USDT-M perpetuals from
 * {@code GET /api/v2/mix/market/contracts?productType=USDT-FUTURES} (bitget-v2-protocol.md §4.3): tick =
 * {@code priceEndStep} x 10^-{@code pricePlace}, step = {@code sizeMultiplier}, minimum {@code minTradeNum} and
 * {@code minTradeUSDT}, price ratios, the contract's maker/taker rates, {@code maxSymbolOrderNum}; sizes in base coin
 * (contract size 1). Only {@code symbolType perpetual} in {@code symbolStatus normal} is traded.
 */
public final class MixInstrumentLoader
{
    private MixInstrumentLoader()
    {
    }

    /**
     * @param context settings: {@code restUri}, optional credentials (then the venue clock is synchronised).
     * @param symbols bare symbols, in instrument-id order.
     * @return the table; assets in order of first appearance (base, then quote).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException naming the symbol when it is unknown, not a perpetual or not trading.
     */
    public static InstrumentTable load(final GatewayContext context, final List<String> symbols) throws IOException
    {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(context.connectTimeoutMs())).build();
        if (context.credentials() != null)
        {
            // the run's first request: on a loaded host a fresh JVM and a fresh venue connection can miss one timeout
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    SpotInstrumentLoader.clockOffsetMs(client, context);
                    break;
                }
                catch (final java.net.http.HttpTimeoutException ex)
                {
                    if (attempt == 3)
                    {
                        throw ex;
                    }
                }
            }
        }
        final Map<String, Map<String, String>> bySymbol = new HashMap<>();
        for (final Map<String, String> row : SpotInstrumentLoader.dataRows(SpotInstrumentLoader.get(client, context,
            "/api/v2/mix/market/contracts", "productType=USDT-FUTURES", context.venueClock().offsetMs())))
        {
            bySymbol.put(row.get("symbol"), row);
        }
        final Map<String, Integer> assets = new LinkedHashMap<>();
        final List<Instrument> instruments = new ArrayList<>();
        for (int id = 0; id < symbols.size(); id++)
        {
            final String symbol = symbols.get(id);
            final Map<String, String> row = bySymbol.get(symbol);
            if (row == null)
            {
                throw new IllegalStateException("MixInstrumentLoader: USDT-FUTURES:" + symbol + " is not a USDT-M contract at " +
                    context.restUri());
            }
            if (!"perpetual".equals(row.getOrDefault("symbolType", "perpetual")) ||
                !"normal".equals(row.getOrDefault("symbolStatus", "normal")))
            {
                throw new IllegalStateException("MixInstrumentLoader: USDT-FUTURES:" + symbol + " is " +
                    row.get("symbolType") + " in status " + row.get("symbolStatus") + ": only a normal perpetual is traded");
            }
            final int base = assets.computeIfAbsent(row.get("baseCoin"), k -> assets.size());
            final int quote = assets.computeIfAbsent(row.get("quoteCoin"), k -> assets.size());
            instruments.add(InstrumentFactory.futures(id, symbol, base, quote, row.get("pricePlace"), row.get("priceEndStep"),
                row.get("volumePlace"), row.get("sizeMultiplier"), row.get("minTradeNum"), row.get("minTradeUSDT"),
                row.get("buyLimitPriceRatio"), row.get("sellLimitPriceRatio"), row.get("makerFeeRate"),
                row.get("takerFeeRate"), row.getOrDefault("maxSymbolOrderNum", "200")));
        }
        return new InstrumentTable(instruments, new ArrayList<>(assets.keySet()));
    }
}
