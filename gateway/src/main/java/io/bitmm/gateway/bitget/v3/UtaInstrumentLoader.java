package io.bitmm.gateway.bitget.v3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.bitget.InstrumentRows;
import io.bitmm.gateway.auth.HmacSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slow path, at start-up: builds the {@link InstrumentTable} for the configured spot symbols from
 * {@code GET /api/v3/market/instruments?category=SPOT} (bitget-v3-uta-protocol.md §4: tick 10^-pricePrecision, step
 * 10^-quantityPrecision, {@code minOrderAmount}, price ratios, {@code maxSymbolOrderNum}) and, when credentials are
 * given, the account's fees from {@code GET /api/v3/account/fee-rate?category=SPOT&symbol=} (else the instrument's).
 * Server time from {@code GET /api/v2/public/time} (v3 documents none). jackson-core streaming; no databind.
 */
public final class UtaInstrumentLoader
{
    private static final String WHO = "UtaInstrumentLoader";

    private static final JsonFactory JSON = new JsonFactory();
    /** Open orders allowed when the instrument has no {@code maxSymbolOrderNum} (Bitget's v3 default, 200). */
    static final int DEFAULT_MAX_OPEN_ORDERS = 200;
    private static final int PPM_SCALE = 6;

    private UtaInstrumentLoader()
    {
    }

    /**
     * @param context settings: {@code restUri}, optional credentials, {@code requestTimeoutMs}.
     * @param symbols the symbols to trade, in instrument-id order.
     * @return the table; assets are numbered in order of first appearance (base, then quote).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when a symbol is unknown or not online, or a reply is an error.
     */
    public static InstrumentTable load(final GatewayContext context, final List<String> symbols) throws IOException
    {
        return load(context, symbols, InstrumentKind.SPOT);
    }

    /**
     * @param context settings: {@code restUri}, optional credentials, {@code requestTimeoutMs}.
     * @param symbols the symbols to trade, in instrument-id order, all of one kind.
     * @param kind    SPOT ({@code category=SPOT}) or USDT_PERPETUAL ({@code category=USDT-FUTURES}: tick
     *                {@code priceMultiplier}, step {@code quantityMultiplier}, {@code minOrderQty}, §4).
     * @return the table; assets are numbered in order of first appearance (base, then quote).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when a symbol is unknown or not online, or a reply is an error.
     */
    public static InstrumentTable load(final GatewayContext context, final List<String> symbols, final InstrumentKind kind)
        throws IOException
    {
        final String category = kind == InstrumentKind.USDT_PERPETUAL ? "USDT-FUTURES" : "SPOT";
        if (symbols.isEmpty())
        {
            throw new IllegalArgumentException("UtaInstrumentLoader: no symbols configured");
        }
        final HttpClient client = HttpClient.newBuilder()
            .version("https".equals(context.restUri().getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(context.connectTimeoutMs()))
            .build();
        final Map<String, Map<String, String>> bySymbol = new HashMap<>();
        for (final Map<String, String> row : dataRows(get(client, context, "/api/v3/market/instruments", "category=" + category, 0)))
        {
            bySymbol.put(row.get("symbol"), row);
        }
        final List<String> missing = new ArrayList<>();
        for (final String symbol : symbols)
        {
            if (!bySymbol.containsKey(symbol))
            {
                missing.add(symbol);
            }
        }
        if (!missing.isEmpty())
        {
            throw new IllegalStateException("UtaInstrumentLoader: unknown " + category + " symbols " + missing + " at " +
                context.restUri());
        }
        final long offsetMs = context.credentials() == null ? 0 : clockOffsetMs(client, context);
        final Map<String, Integer> assets = new LinkedHashMap<>();
        final List<Instrument> instruments = new ArrayList<>();
        for (int id = 0; id < symbols.size(); id++)
        {
            final Map<String, String> row = bySymbol.get(symbols.get(id));
            final String status = row.get("status");
            if (status != null && !"online".equals(status))
            {
                throw new IllegalStateException("UtaInstrumentLoader: " + symbols.get(id) + " is " + status + " (status=" + status +
                    "), not online");
            }
            final Map<String, String> fees = context.credentials() == null ? row :
                feeRates(client, context, category, symbols.get(id), offsetMs);
            instruments.add(kind == InstrumentKind.USDT_PERPETUAL ? perpetual(id, row, fees, assets) :
                instrument(id, row, fees, assets));
        }
        return new InstrumentTable(instruments, new ArrayList<>(assets.keySet()));
    }

    private static Instrument instrument(
        final int id, final Map<String, String> row, final Map<String, String> fees, final Map<String, Integer> assets)
    {
        final String symbol = row.get("symbol");
        final int base = assets.computeIfAbsent(required(row, "baseCoin"), k -> assets.size());
        final int quote = assets.computeIfAbsent(required(row, "quoteCoin"), k -> assets.size());
        final String quantity = row.get("maxSymbolOrderNum");
        final int orderQuantity = quantity == null || quantity.isEmpty() ? DEFAULT_MAX_OPEN_ORDERS :
            integer(row, "maxSymbolOrderNum", quantity, 0, 100_000);
        return new Instrument(id, symbol, InstrumentKind.SPOT, base, quote,
            integer(row, "pricePrecision", required(row, "pricePrecision"), 0, 12), 1,
            integer(row, "quantityPrecision", required(row, "quantityPrecision"), 0, 12), 1,
            0,
            decimal(row, "minOrderAmount", Amounts.DECIMALS),
            decimal(row, "buyLimitPriceRatio", PPM_SCALE),
            decimal(row, "sellLimitPriceRatio", PPM_SCALE),
            feeRate(fees, row, "makerFeeRate"),
            feeRate(fees, row, "takerFeeRate"),
            orderQuantity > 0 ? orderQuantity : DEFAULT_MAX_OPEN_ORDERS);
    }

    private static Instrument perpetual(
        final int id, final Map<String, String> row, final Map<String, String> fees, final Map<String, Integer> assets)
    {
        final String symbol = row.get("symbol");
        final int base = assets.computeIfAbsent(required(row, "baseCoin"), k -> assets.size());
        final int quote = assets.computeIfAbsent(required(row, "quoteCoin"), k -> assets.size());
        final String maker = fees.get("makerFeeRate") == null || fees.get("makerFeeRate").isEmpty() ?
            required(row, "makerFeeRate") : fees.get("makerFeeRate");
        final String taker = fees.get("takerFeeRate") == null || fees.get("takerFeeRate").isEmpty() ?
            required(row, "takerFeeRate") : fees.get("takerFeeRate");
        try
        {
            return InstrumentFactory.usdtPerpetual(id, symbol, base, quote,
                required(row, "pricePrecision"), required(row, "priceMultiplier"),
                required(row, "quantityPrecision"), required(row, "quantityMultiplier"),
                required(row, "minOrderQty"), orEmpty(row, "minOrderAmount"),
                orEmpty(row, "buyLimitPriceRatio"), orEmpty(row, "sellLimitPriceRatio"), maker, taker,
                orEmpty(row, "maxSymbolOrderNum").isEmpty() ? Integer.toString(DEFAULT_MAX_OPEN_ORDERS) :
                    row.get("maxSymbolOrderNum"), "");
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalStateException(WHO + ": USDT-FUTURES " + symbol + ": " + ex.getMessage(), ex);
        }
    }

    private static String orEmpty(final Map<String, String> row, final String field)
    {
        final String value = row.get(field);
        return value == null ? "" : value;
    }

    /** The account's rate from {@code fee-rate}; when it has none (null, empty, missing), the instrument's. */
    private static long feeRate(final Map<String, String> fees, final Map<String, String> row, final String field)
    {
        final String value = fees.get(field);
        if (value == null || value.isEmpty())
        {
            required(row, field);
            return decimal(row, field, PPM_SCALE);
        }
        return decimal(fees, field, PPM_SCALE);
    }

    private static int integer(final Map<String, String> row, final String field, final String value, final int min, final int max)
    {
        return InstrumentRows.integer(WHO, row, field, value, min, max);
    }

    private static String required(final Map<String, String> row, final String field)
    {
        return InstrumentRows.required(WHO, row, field);
    }

    private static long decimal(final Map<String, String> row, final String field, final int scale)
    {
        return InstrumentRows.decimal(WHO, row, field, scale);
    }

    private static long clockOffsetMs(final HttpClient client, final GatewayContext context) throws IOException
    {
        final long sent = System.currentTimeMillis();
        final long venueMs = serverTime(dataObject(get(client, context, "/api/v2/public/time", null, 0)));
        context.venueClock().update(venueMs, sent, System.currentTimeMillis());
        return context.venueClock().offsetMs();
    }

    /**
     * @param data the {@code data} object of {@code GET /api/v2/public/time}.
     * @return its {@code serverTime}, epoch ms.
     * @throws IllegalStateException when it is null, empty, missing or not a positive whole number: a clear error at
     *                               start (the signer needs the venue's clock).
     */
    static long serverTime(final Map<String, String> data)
    {
        final String serverTime = data.get("serverTime");
        try
        {
            final long venueMs = Long.parseLong(serverTime == null ? "" : serverTime);
            if (venueMs > 0)
            {
                return venueMs;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalStateException("UtaInstrumentLoader: GET /api/v2/public/time has serverTime=" + serverTime +
            ", not epoch milliseconds");
    }

    private static Map<String, String> feeRates(final HttpClient client, final GatewayContext context, final String category,
        final String symbol, final long offsetMs) throws IOException
    {
        return dataObject(get(client, context, "/api/v3/account/fee-rate", "category=" + category + "&symbol=" + symbol,
            offsetMs));
    }

    static byte[] get(
        final HttpClient client, final GatewayContext context, final String path, final String sortedQuery, final long offsetMs)
        throws IOException
    {
        // a signed GET without parameters passes "" (signed, no "?")
        final String pathAndQuery = sortedQuery == null || sortedQuery.isEmpty() ? path : path + "?" + sortedQuery;
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(context.restUri() + pathAndQuery))
            .timeout(Duration.ofMillis(Math.max(context.requestTimeoutMs(), 5000)))
            .GET();
        if (sortedQuery != null && context.credentials() != null)
        {
            final String timestamp = Long.toString(System.currentTimeMillis() + offsetMs);
            final byte[] secret = context.credentials().secretBytes();
            final HmacSigner signer = new HmacSigner(secret);
            java.util.Arrays.fill(secret, (byte)0);
            final byte[] prehash = (timestamp + "GET" + pathAndQuery).getBytes(StandardCharsets.UTF_8);
            signer.update(prehash, 0, prehash.length);
            final byte[] sign = new byte[HmacSigner.BASE64_LENGTH];
            signer.signBase64(sign, 0);
            request.header("ACCESS-KEY", context.credentials().apiKey())
                .header("ACCESS-SIGN", new String(sign, StandardCharsets.US_ASCII))
                .header("ACCESS-TIMESTAMP", timestamp)
                .header("ACCESS-PASSPHRASE", context.credentials().passphrase())
                .header("Content-Type", "application/json");
        }
        try
        {
            final HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            final String code = envelopeCode(response.body());
            if (response.statusCode() != 200 || !"00000".equals(code))
            {
                throw new IllegalStateException("UtaInstrumentLoader: GET " + path + " answered HTTP " + response.statusCode() +
                    " code " + code);
            }
            return response.body();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during GET " + path, ex);
        }
    }

    private static String envelopeCode(final byte[] body) throws IOException
    {
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                if ("code".equals(name))
                {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        }
    }

    private static List<Map<String, String>> dataRows(final byte[] body) throws IOException
    {
        final List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body))
        {
            if (seekData(parser) == JsonToken.START_ARRAY)
            {
                while (parser.nextToken() == JsonToken.START_OBJECT)
                {
                    rows.add(flatObject(parser));
                }
            }
        }
        return rows;
    }

    static Map<String, String> dataObject(final byte[] body) throws IOException
    {
        try (JsonParser parser = JSON.createParser(body))
        {
            final JsonToken token = seekData(parser);
            if (token == JsonToken.START_OBJECT)
            {
                return flatObject(parser);
            }
            if (token == JsonToken.START_ARRAY && parser.nextToken() == JsonToken.START_OBJECT)
            {
                return flatObject(parser);
            }
            throw new IllegalStateException("UtaInstrumentLoader: reply has no data object");
        }
    }

    static JsonToken seekData(final JsonParser parser) throws IOException
    {
        if (parser.nextToken() != JsonToken.START_OBJECT)
        {
            return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if ("data".equals(name))
            {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    static Map<String, String> flatObject(final JsonParser parser) throws IOException
    {
        final Map<String, String> row = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            final JsonToken value = parser.nextToken();
            if (value.isScalarValue())
            {
                row.put(name, value == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            else
            {
                parser.skipChildren();
            }
        }
        return row;
    }
}
