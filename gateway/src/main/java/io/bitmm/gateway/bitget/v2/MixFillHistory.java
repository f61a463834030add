package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.FillFetcher;
import io.bitmm.gateway.bitget.FillHistory;
import io.bitmm.gateway.bitget.FillRows;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Classic USDT-M futures fill history: {@code GET /api/v2/mix/order/fills?productType=USDT-FUTURES}
 * (bitget-v2-protocol.md §6.2): {@code data:{fillList:[...], endId}}, paged newest first with {@code idLessThan};
 * rows carry {@code price} and {@code baseVolume}; {@code feeDetail.totalFee} negative when paid.
 * <p>
 * Field outcomes (a value that is null, empty, missing or not what Bitget documents; rows read through
 * {@link FillRows}, as {@link SpotFillHistory}'s): a row without a readable
 * {@code tradeId}, {@code orderId}, {@code side} ({@code buy}/{@code sell}), positive {@code price} or positive
 * {@code baseVolume} is refused by {@link #decode} (the fetcher counts it, records it in the error log and books the
 * rest of the page); {@link #tradeId} and {@link #timeMs} never throw (-1 and 0, "unknown": such a row is kept for
 * the core, which books only this run's orders). No {@code totalFee} is no fee known (the instrument's rate applies);
 * a {@code totalFee} that is not a decimal refuses the row; no {@code feeCoin} is the margin coin (the quote asset),
 * an unknown one another asset ({@link InboundEvent#FEE_ASSET_OTHER}). A {@code tradeScope} other than {@code taker}
 * is maker.
 */
public final class MixFillHistory implements FillHistory
{
    /** The one instance. */
    public static final MixFillHistory INSTANCE = new MixFillHistory();

    private MixFillHistory()
    {
    }

    @Override
    public String path()
    {
        return "/api/v2/mix/order/fills";
    }

    @Override
    public String sinceQuery(final Instrument instrument, final long startVenueMs)
    {
        return "productType=USDT-FUTURES&startTime=" + startVenueMs + "&symbol=" + instrument.symbol();
    }

    @Override
    public String orderQuery(final Instrument instrument, final long orderId)
    {
        return "orderId=" + orderId + "&productType=USDT-FUTURES&symbol=" + instrument.symbol();
    }

    @Override
    public String pageQuery(final int limit, final String cursor)
    {
        return "limit=" + limit + (cursor == null ? "" : "&idLessThan=" + cursor);
    }

    @Override
    public List<Map<String, String>> rows(final String body) throws IOException
    {
        // {"data":{"fillList":[...]|null,"endId":..}}: the same object shape as v3's {"list":[...]}
        return FillFetcher.data(body.replace("\"fillList\"", "\"list\""));
    }

    @Override
    public String nextCursor(final String body, final List<Map<String, String>> page, final int limit)
    {
        return FillRows.nextCursor(page, limit, "tradeId");
    }

    @Override
    public long tradeId(final Map<String, String> row)
    {
        return FillRows.id(row.get("tradeId"), -1);
    }

    @Override
    public long timeMs(final Map<String, String> row)
    {
        return FillRows.id(row.get("cTime"), 0);
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
        e.tradeId = FillRows.required(row, "tradeId");
        e.orderId = FillRows.required(row, "orderId");
        e.side = FillRows.side(row, e.tradeId);
        e.price = FillRows.positive(row, "price", instrument.priceScale(), e.tradeId);
        e.size = FillRows.positive(row, "baseVolume", instrument.sizeScale(), e.tradeId);
        e.maker = !"taker".equalsIgnoreCase(row.getOrDefault("tradeScope", ""));
        // no feeCoin: the margin coin (the quote asset)
        FillRows.fee(row, "feeDetail.totalFee", -1, "feeDetail.feeCoin", instruments, instrument.quoteAssetId(), e);
        e.venueTimeMs = timeMs(row);
    }
}
