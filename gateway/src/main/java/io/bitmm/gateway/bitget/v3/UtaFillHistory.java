package io.bitmm.gateway.bitget.v3;

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
 * UTA fill history: {@code GET /api/v3/trade/fills?category=SPOT&symbol=&startTime=|orderId=&limit=&cursor=}
 * (bitget-v3-uta-protocol.md §5.8), {@code data:{list:[..]|null, cursor}}, newest first; the next page starts from the
 * reply's {@code cursor}. A row's trade id is its {@code execId} (unique per side of a trade, as in the {@code fill}
 * push); {@code feeDetail[0].fee} is positive when paid (§12.12 unconfirmed).
 */
public final class UtaFillHistory implements FillHistory
{
    /** The one instance. */
    public static final UtaFillHistory INSTANCE = new UtaFillHistory();

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
        // the reply's cursor is the last row's execId (sim and docs); paging on it is the same as on the last row
        return page.size() < limit ? null : page.get(page.size() - 1).get("execId");
    }

    @Override
    public long tradeId(final Map<String, String> row)
    {
        return Long.parseLong(row.getOrDefault("execId", "0"));
    }

    @Override
    public long timeMs(final Map<String, String> row)
    {
        return Long.parseLong(row.getOrDefault("createdTime", row.getOrDefault("execTime", "0")));
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
        e.tradeId = tradeId(row);
        e.side = "sell".equals(row.get("side")) ? Side.SELL : Side.BUY;
        e.price = FillFetcher.fixed(row.get("execPrice"), instrument.priceScale());
        e.size = FillFetcher.fixed(row.get("execQty"), instrument.sizeScale());
        e.maker = !"taker".equalsIgnoreCase(row.getOrDefault("tradeScope", ""));
        // positive when paid, as the event's fee
        e.fee = FillFetcher.fixed(row.get("feeDetail.fee"), Amounts.DECIMALS);
        final String feeCoin = row.get("feeDetail.feeCoin");
        e.feeAssetId = feeCoin == null ? -1 : instruments.assetId(feeCoin);
        e.venueTimeMs = timeMs(row);
    }

    private static String category(final Instrument instrument)
    {
        return instrument.isPerpetual() ? "USDT-FUTURES" : "SPOT";
    }
}
