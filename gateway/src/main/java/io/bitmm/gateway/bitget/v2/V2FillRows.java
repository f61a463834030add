package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.FillFetcher;

import java.util.List;
import java.util.Map;

/**
 * What the classic v2 fill histories ({@link SpotFillHistory}, {@link MixFillHistory}) read alike from a row of
 * {@code GET /api/v2/spot/trade/fills} or {@code GET /api/v2/mix/order/fills} (bitget-v2-protocol.md §5, §6.2):
 * ids, side, positive decimals, the {@code feeDetail} fee and the {@code idLessThan} cursor. Slow path. A value that
 * is null, empty, missing or unreadable either has a documented outcome here or refuses the row with an
 * {@link IllegalArgumentException} naming the field (the fetcher counts it and books the page's other rows).
 */
final class V2FillRows
{
    private V2FillRows()
    {
    }

    /**
     * @param value   a decimal id or epoch-ms string, or null.
     * @param unknown returned when the value is not 1 to 19 digits within a long.
     * @return the value, or {@code unknown}; never throws.
     */
    static long id(final String value, final long unknown)
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

    /**
     * @return the row's positive id in {@code field}.
     * @throws IllegalArgumentException when it is missing, null, empty, not digits or 0.
     */
    static long required(final Map<String, String> row, final String field)
    {
        final long id = id(row.get(field), 0);
        if (id <= 0)
        {
            throw new IllegalArgumentException("fill: " + field + " = " + row.get(field));
        }
        return id;
    }

    /**
     * @return {@code side}: {@code buy} or {@code sell}.
     * @throws IllegalArgumentException for anything else (never guessed).
     */
    static Side side(final Map<String, String> row, final long tradeId)
    {
        final String side = row.get("side");
        if (!"buy".equals(side) && !"sell".equals(side))
        {
            throw new IllegalArgumentException("fill " + tradeId + ": side = " + side);
        }
        return "sell".equals(side) ? Side.SELL : Side.BUY;
    }

    /**
     * @return the positive decimal in {@code field} as fixed point with {@code scale} decimals (truncated).
     * @throws IllegalArgumentException when it is missing, not a plain decimal, or not above 0 at that scale.
     */
    static long positive(final Map<String, String> row, final String field, final int scale, final long tradeId)
    {
        final long value = FillFetcher.fixed(decimal(row.get(field), field, tradeId), scale);
        if (value <= 0)
        {
            throw new IllegalArgumentException("fill " + tradeId + ": " + field + " = " + row.get(field));
        }
        return value;
    }

    /**
     * The fee of {@code feeDetail}: {@code totalFee} is negative when paid and positive for a rebate (the event's fee
     * is positive when paid). No {@code totalFee} (missing, null, empty): no fee known, the instrument's rate applies
     * ({@code feeAssetId} -1). No {@code feeCoin}: {@code defaultAssetId}; a coin outside the table:
     * {@link InboundEvent#FEE_ASSET_OTHER}.
     *
     * @throws IllegalArgumentException when {@code totalFee} is present but not a decimal.
     */
    static void fee(final Map<String, String> row, final InstrumentTable instruments, final int defaultAssetId,
        final InboundEvent e)
    {
        final String totalFee = row.get("feeDetail.totalFee");
        if (totalFee == null || totalFee.isEmpty())
        {
            e.fee = 0;
            e.feeAssetId = -1;
            return;
        }
        e.fee = -FillFetcher.fixed(decimal(totalFee, "feeDetail.totalFee", e.tradeId), Amounts.DECIMALS);
        final String feeCoin = row.get("feeDetail.feeCoin");
        final int assetId = feeCoin == null || feeCoin.isEmpty() ? defaultAssetId : instruments.assetId(feeCoin);
        e.feeAssetId = assetId >= 0 ? assetId : InboundEvent.FEE_ASSET_OTHER;
    }

    /**
     * The {@code idLessThan} cursor of the next (older) page: the smallest readable {@code tradeId} of a full page,
     * so that one row without a readable id does not end the paging early.
     *
     * @return null when the page is not full (the last page), or when no row of it has a readable {@code tradeId}
     * (the fetcher counts a full page without a cursor).
     */
    static String nextCursor(final List<Map<String, String>> page, final int limit)
    {
        if (page.size() < limit)
        {
            return null;
        }
        long smallest = Long.MAX_VALUE;
        for (final Map<String, String> row : page)
        {
            final long id = id(row.get("tradeId"), -1);
            if (id > 0 && id < smallest)
            {
                smallest = id;
            }
        }
        return smallest == Long.MAX_VALUE ? null : Long.toString(smallest);
    }

    private static String decimal(final String value, final String field, final long tradeId)
    {
        if (value == null || !value.matches("-?[0-9]{1,18}(\\.[0-9]+)?"))
        {
            throw new IllegalArgumentException("fill " + tradeId + ": " + field + " = " + value);
        }
        return value;
    }
}
