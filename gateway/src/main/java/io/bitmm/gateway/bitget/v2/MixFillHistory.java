package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.FillFetcher;
import io.bitmm.gateway.bitget.FillHistory;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Classic USDT-M futures fill history: {@code GET /api/v2/mix/order/fills?productType=USDT-FUTURES}
 * (bitget-v2-protocol.md §6.2): {@code data:{fillList:[...], endId}}, paged newest first with {@code idLessThan};
 * rows carry {@code price} and {@code baseVolume}; {@code feeDetail.totalFee} negative when paid.
 * <p>
 * Field outcomes (a value that is null, empty, missing or not what Bitget documents): a row without a readable
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
        return page.size() < limit ? null : page.get(page.size() - 1).get("tradeId");
    }

    @Override
    public long tradeId(final Map<String, String> row)
    {
        return id(row.get("tradeId"), -1);
    }

    @Override
    public long timeMs(final Map<String, String> row)
    {
        return id(row.get("cTime"), 0);
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
        e.tradeId = required(row, "tradeId");
        e.orderId = required(row, "orderId");
        final String side = row.get("side");
        if (!"buy".equals(side) && !"sell".equals(side))
        {
            throw new IllegalArgumentException("fill " + e.tradeId + ": side = " + side);
        }
        e.side = "sell".equals(side) ? Side.SELL : Side.BUY;
        e.price = positive(row, "price", instrument.priceScale(), e.tradeId);
        e.size = positive(row, "baseVolume", instrument.sizeScale(), e.tradeId);
        e.maker = !"taker".equalsIgnoreCase(row.getOrDefault("tradeScope", ""));
        final String totalFee = row.get("feeDetail.totalFee");
        if (totalFee == null || totalFee.isEmpty())
        {
            e.fee = 0;
            e.feeAssetId = -1;
        }
        else
        {
            // totalFee is negative when paid and positive for a rebate; the event's fee is positive when paid
            e.fee = -FillFetcher.fixed(decimal(totalFee, "feeDetail.totalFee", e.tradeId), Amounts.DECIMALS);
            final String feeCoin = row.get("feeDetail.feeCoin");
            final int assetId = feeCoin == null || feeCoin.isEmpty() ? instrument.quoteAssetId() :
                instruments.assetId(feeCoin);
            e.feeAssetId = assetId >= 0 ? assetId : InboundEvent.FEE_ASSET_OTHER;
        }
        e.venueTimeMs = timeMs(row);
    }

    private static long id(final String value, final long unknown)
    {
        if (value == null || !value.matches("[0-9]{1,19}"))
        {
            return unknown;
        }
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            // 19 digits above Long.MAX_VALUE
            return unknown;
        }
    }

    private static long required(final Map<String, String> row, final String field)
    {
        final long id = id(row.get(field), 0);
        if (id <= 0)
        {
            throw new IllegalArgumentException("fill: " + field + " = " + row.get(field));
        }
        return id;
    }

    private static String decimal(final String value, final String field, final long tradeId)
    {
        if (value == null || !value.matches("-?[0-9]{1,18}(\\.[0-9]+)?"))
        {
            throw new IllegalArgumentException("fill " + tradeId + ": " + field + " = " + value);
        }
        return value;
    }

    private static long positive(final Map<String, String> row, final String field, final int scale, final long tradeId)
    {
        final long value = FillFetcher.fixed(decimal(row.get(field), field, tradeId), scale);
        if (value <= 0)
        {
            throw new IllegalArgumentException("fill " + tradeId + ": " + field + " = " + row.get(field));
        }
        return value;
    }
}
