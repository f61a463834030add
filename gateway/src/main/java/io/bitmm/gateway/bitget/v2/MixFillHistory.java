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
        return Long.parseLong(row.getOrDefault("tradeId", "0"));
    }

    @Override
    public long timeMs(final Map<String, String> row)
    {
        return Long.parseLong(row.getOrDefault("cTime", "0"));
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
        e.orderId = Long.parseLong(row.getOrDefault("orderId", "0"));
        e.tradeId = Long.parseLong(row.getOrDefault("tradeId", "0"));
        e.side = "sell".equals(row.get("side")) ? Side.SELL : Side.BUY;
        e.price = FillFetcher.fixed(row.get("price"), instrument.priceScale());
        e.size = FillFetcher.fixed(row.get("baseVolume"), instrument.sizeScale());
        e.maker = !"taker".equalsIgnoreCase(row.getOrDefault("tradeScope", ""));
        e.fee = -FillFetcher.fixed(row.get("feeDetail.totalFee"), Amounts.DECIMALS);
        final String feeCoin = row.get("feeDetail.feeCoin");
        e.feeAssetId = feeCoin == null ? -1 : instruments.assetId(feeCoin);
        e.venueTimeMs = Long.parseLong(row.getOrDefault("cTime", "0"));
    }
}
