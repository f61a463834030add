package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.bitget.AccountQueries.VenuePosition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The v2 mix reconciliation queries (bitget-v2-protocol.md §6.2): paths, queries, the cancel body, and the
 * {@code all-position} row read with each field null (absent), empty, missing and unknown.
 */
class MixAccountQueriesTest
{
    private final MixAccountQueries queries = MixAccountQueries.INSTANCE;

    private static Map<String, String> row(final String holdSide, final String total)
    {
        final Map<String, String> row = new HashMap<>();
        row.put("symbol", "BTCUSDT");
        row.put("marginCoin", "USDT");
        row.put("holdSide", holdSide);
        row.put("total", total);
        row.put("openPriceAvg", "60000.5");
        row.put("posMode", "one_way_mode");
        return row;
    }

    @Test
    void shouldAskTheMixPaths()
    {
        assertEquals("/api/v2/mix/order/orders-pending", queries.openOrdersPath());
        assertEquals("productType=USDT-FUTURES&symbol=BTCUSDT", queries.openOrdersQuery("BTCUSDT"));
        assertEquals("entrustedList", queries.openOrdersListKey());
        assertEquals("/api/v2/mix/account/accounts", queries.balancesPath());
        assertEquals("productType=USDT-FUTURES", queries.balancesQuery());
        assertEquals("marginCoin", queries.coinField());
        assertEquals("locked", queries.frozenField());
        assertEquals("/api/v2/mix/position/all-position", queries.positionsPath());
        assertEquals("marginCoin=USDT&productType=USDT-FUTURES", queries.positionsQuery());
        assertEquals("/api/v2/mix/order/cancel-order", queries.cancelPath());
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"orderId\":\"12\"}",
            queries.cancelBody("BTCUSDT", "orderId", "12"));
    }

    @Test
    void shouldSignAShortAndKeepALong()
    {
        assertEquals(new VenuePosition("BTCUSDT", "-0.0040", "60000.5"), queries.position(row("short", "0.0040")));
        assertEquals(new VenuePosition("BTCUSDT", "0.0040", "60000.5"), queries.position(row("long", "0.0040")));
        assertEquals("0", queries.position(row("short", "0.0000")).size(), "flat");
    }

    @Test
    void shouldTakeAHoldSideThatIsNotShortAsLong()
    {
        for (final String side : new String[]{null, "", "net", "zz_unknown"})
        {
            assertEquals("0.0040", queries.position(row(side, "0.0040")).size(), String.valueOf(side));
        }
    }

    @Test
    void shouldRefuseATotalItCannotRead()
    {
        for (final String total : new String[]{null, "", "zz_unknown", "-0.004"})
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> queries.position(row("long", total)));
            assertTrue(ex.getMessage().contains("BTCUSDT") && ex.getMessage().contains("total"), ex.getMessage());
        }
    }

    @Test
    void shouldSkipARowWithoutSymbolAndTakeAnUnreadableEntryAsUnknown()
    {
        final Map<String, String> noSymbol = row("long", "0.0040");
        noSymbol.remove("symbol");
        assertNull(queries.position(noSymbol));
        noSymbol.put("symbol", "");
        assertNull(queries.position(noSymbol));
        for (final String entry : new String[]{null, "", "zz_unknown"})
        {
            final Map<String, String> r = row("long", "0.0040");
            r.put("openPriceAvg", entry);
            assertEquals("0", queries.position(r).entryPrice(), String.valueOf(entry));
        }
    }
}
