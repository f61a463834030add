package io.bitmm.gateway.bitget.v3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.FillFetcher;
import io.bitmm.gateway.bitget.FillHistory;
import io.bitmm.gateway.bitget.FillRows;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * UTA fill history: {@code GET /api/v3/trade/fills?category=SPOT&symbol=&startTime=|orderId=&limit=&cursor=}
 * (bitget-v3-uta-protocol.md §5.8), {@code data:{list:[..]|null, cursor}}, newest first; the next page starts from the
 * reply's {@code cursor}. A row's trade id is its {@code execId} (unique per side of a trade, as in the {@code fill}
 * push); {@code feeDetail[0].fee} is positive when paid (§12.12 unconfirmed).
 * <p>
 * Field outcomes (a value that is null, empty, missing or not what Bitget documents), the same as the classic
 * readers' (all read rows through {@link FillRows}): a row without a readable {@code execId}, {@code orderId},
 * {@code side} ({@code buy}/{@code sell}), positive {@code execPrice} or positive {@code execQty} is refused by
 * {@link #decode} (the fetcher counts it, records it in the error log and books the rest of the page);
 * {@link #tradeId} and {@link #timeMs} never throw (-1 and 0, "unknown"; the time is {@code createdTime}, else
 * {@code execTime}). No {@code fee} (or no {@code feeDetail}) is no fee known (the instrument's rate applies); a
 * {@code fee} that is not a decimal refuses the row; no {@code feeCoin} is the coin the fee is charged in as on the
 * private stream (spot: the received coin, base for a buy, quote for a sell; USDT-FUTURES: the margin coin, the quote
 * asset), an unknown one another asset ({@link InboundEvent#FEE_ASSET_OTHER}, e.g. BGB). A {@code tradeScope} other
 * than {@code taker} is maker. The next page's cursor is the reply's {@code data.cursor} when it is a decimal id;
 * otherwise (null, empty, missing, unreadable) the smallest readable {@code execId} of a full page.
 */
public final class UtaFillHistory implements FillHistory
{
    /** The one instance. */
    public static final UtaFillHistory INSTANCE = new UtaFillHistory();

    private static final JsonFactory JSON = new JsonFactory();

    private UtaFillHistory()
    {
    }

    @Override
    public String path()
    {
        return "/api/v3/trade/fills";
    }

    @Override
    public String sinceQuery(final Instrument instrument, final long startVenueMs)
    {
        return "category=" + category(instrument) + "&startTime=" + startVenueMs + "&symbol=" + instrument.symbol();
    }

    @Override
    public String orderQuery(final Instrument instrument, final long orderId)
    {
        return "category=" + category(instrument) + "&orderId=" + orderId + "&symbol=" + instrument.symbol();
    }

    @Override
    public String pageQuery(final int limit, final String cursor)
    {
        return (cursor == null ? "" : "cursor=" + cursor + "&") + "limit=" + limit;
    }

    @Override
    public List<Map<String, String>> rows(final String body) throws IOException
    {
        return FillFetcher.data(body);
    }

    @Override
    public String nextCursor(final String body, final List<Map<String, String>> page, final int limit)
    {
        if (page.size() < limit)
        {
            return null;
        }
        final long replied = FillRows.id(repliedCursor(body), -1);
        return replied > 0 ? Long.toString(replied) : FillRows.nextCursor(page, limit, "execId");
    }

    @Override
    public long tradeId(final Map<String, String> row)
    {
        return FillRows.id(row.get("execId"), -1);
    }

    @Override
    public long timeMs(final Map<String, String> row)
    {
        return FillRows.id(row.get("createdTime"), FillRows.id(row.get("execTime"), 0));
    }

    @Override
    public String symbol(final Map<String, String> row)
    {
        return row.getOrDefault("symbol", "");
    }

    @Override
    public void decode(final Map<String, String> row, final Instrument instrument, final InstrumentTable instruments,
        final InboundEvent e)
    {
        e.tradeId = FillRows.required(row, "execId");
        e.orderId = FillRows.required(row, "orderId");
        e.side = FillRows.side(row, e.tradeId);
        e.price = FillRows.positive(row, "execPrice", instrument.priceScale(), e.tradeId);
        e.size = FillRows.positive(row, "execQty", instrument.sizeScale(), e.tradeId);
        e.maker = !"taker".equalsIgnoreCase(row.getOrDefault("tradeScope", ""));
        // no feeCoin: as the fill push, the received coin on spot, the margin coin on USDT-FUTURES
        final int charged = instrument.isPerpetual() || e.side == Side.SELL ? instrument.quoteAssetId() :
            instrument.baseAssetId();
        // v3: positive when paid, as the event's fee
        FillRows.fee(row, "feeDetail.fee", 1, "feeDetail.feeCoin", instruments, charged, e);
        e.venueTimeMs = timeMs(row);
    }

    /** @return {@code data.cursor} as a string, or null when it is missing, null, not a scalar or the body unreadable. */
    private static String repliedCursor(final String body)
    {
        if (body == null || body.isEmpty())
        {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT)
                {
                    while (parser.nextToken() == JsonToken.FIELD_NAME)
                    {
                        final String inner = parser.currentName();
                        final JsonToken innerValue = parser.nextToken();
                        if ("cursor".equals(inner) && innerValue.isScalarValue() && innerValue != JsonToken.VALUE_NULL)
                        {
                            return parser.getValueAsString();
                        }
                        parser.skipChildren();
                    }
                    return null;
                }
                parser.skipChildren();
            }
            return null;
        }
        catch (final IOException ex)
        {
            // the rows were read from this body already; an unreadable cursor pages on the rows' execIds
            return null;
        }
    }

    private static String category(final Instrument instrument)
    {
        return instrument.isPerpetual() ? "USDT-FUTURES" : "SPOT";
    }
}
