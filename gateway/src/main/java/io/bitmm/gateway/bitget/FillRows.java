package io.bitmm.gateway.bitget;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.FillFetcher;

import java.util.List;
import java.util.Map;

/**
 * What every {@link FillHistory} reads alike from a fill row, whichever the dialect: the classic
 * {@code GET /api/v2/spot/trade/fills} and {@code GET /api/v2/mix/order/fills} (bitget-v2-protocol.md §5, §6.2) and the
 * UTA {@code GET /api/v3/trade/fills} (bitget-v3-uta-protocol.md §5.8): ids, side, positive decimals, the
 * {@code feeDetail} fee and the next page's cursor. Slow path. A value that is null, empty, missing or unreadable
 * either has a documented outcome here or refuses the row with an {@link IllegalArgumentException} naming the field
 * (the fetcher counts it and books the page's other rows).
 */
public final class FillRows
{
    private FillRows()
    {
    }

    /**
     * @param value   a decimal id or epoch-ms string, or null.
     * @param unknown returned when the value is not 1 to 19 digits within a long.
     * @return the value, or {@code unknown}; never throws.
     */
    public static long id(final String value, final long unknown)
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
    public static long required(final Map<String, String> row, final String field)
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
    public static Side side(final Map<String, String> row, final long tradeId)
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
    public static long positive(final Map<String, String> row, final String field, final int scale, final long tradeId)
    {
        final long value = FillFetcher.fixed(decimal(row.get(field), field, tradeId), scale);
        if (value <= 0)
        {
            throw new IllegalArgumentException("fill " + tradeId + ": " + field + " = " + row.get(field));
        }
        return value;
    }

    /**
     * The fee of {@code feeDetail}, in the event's sign (positive when paid, negative for a rebate). No fee (missing,
     * null, empty): no fee known, the instrument's rate applies ({@code feeAssetId} -1). No {@code feeCoin}:
     * {@code defaultAssetId}; a coin outside the table: {@link InboundEvent#FEE_ASSET_OTHER}.
     *
     * @param feeField  the fee's flattened field: v2 {@code feeDetail.totalFee}, v3 {@code feeDetail.fee}.
     * @param paidSign  the venue's sign of a paid fee: -1 on v2 (negative when paid), +1 on v3 (positive when paid).
     * @param coinField the fee coin's flattened field ({@code feeDetail.feeCoin} on both).
     * @throws IllegalArgumentException when the fee is present but not a decimal.
     */
    public static void fee(final Map<String, String> row, final String feeField, final int paidSign,
        final String coinField, final InstrumentTable instruments, final int defaultAssetId, final InboundEvent e)
    {
        final String fee = row.get(feeField);
        if (fee == null || fee.isEmpty())
        {
            e.fee = 0;
            e.feeAssetId = -1;
            return;
        }
        e.fee = paidSign * FillFetcher.fixed(decimal(fee, feeField, e.tradeId), Amounts.DECIMALS);
        final String feeCoin = row.get(coinField);
        final int assetId = feeCoin == null || feeCoin.isEmpty() ? defaultAssetId : instruments.assetId(feeCoin);
        e.feeAssetId = assetId >= 0 ? assetId : InboundEvent.FEE_ASSET_OTHER;
    }

    /**
     * The cursor of the next (older) page (v2 {@code idLessThan}; v3's fallback when the reply carries none): the
     * smallest readable id in {@code idField} of a full page, so that one row without a readable id does not end the
     * paging early.
     *
     * @param idField the rows' trade id: v2 {@code tradeId}, v3 {@code execId}.
     * @return null when the page is not full (the last page), or when no row of it has a readable id
     * (the fetcher counts a full page without a cursor).
     */
    public static String nextCursor(final List<Map<String, String>> page, final int limit, final String idField)
    {
        if (page.size() < limit)
        {
            return null;
        }
        long smallest = Long.MAX_VALUE;
        for (final Map<String, String> row : page)
        {
            final long id = id(row.get(idField), -1);
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
