package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.bitget.AccountQueries.VenuePosition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The UTA reconciliation queries: spot has no positions; a perpetual's {@code current-position} rows (§6). */
class UtaAccountQueriesTest
{
    @Test
    void shouldListPositionsOnlyForThePerpetuals()
    {
        assertNull(UtaAccountQueries.INSTANCE.positionsPath());
        assertEquals("/api/v3/position/current-position", UtaAccountQueries.FUTURES.positionsPath());
        assertEquals("category=USDT-FUTURES", UtaAccountQueries.FUTURES.positionsQuery());
        assertEquals("list", UtaAccountQueries.FUTURES.positionsListKey());
    }

    @Test
    void shouldReadAPositionRowInEveryFieldCase()
    {
        assertEquals(new VenuePosition("BTCUSDT", "0.004", "60000.5"),
            position("BTCUSDT", "0.004", "long", "60000.5"));
        assertEquals(new VenuePosition("BTCUSDT", "-0.004", "60000.5"),
            position("BTCUSDT", "0.004", "short", "60000.5"));
        assertEquals(new VenuePosition("BTCUSDT", "0", "0"), position("BTCUSDT", "0.0000", "short", null),
            "flat is 0 on either side; a missing entry is unknown");
        assertEquals(new VenuePosition("BTCUSDT", "0.004", "0"), position("BTCUSDT", "0.004", null, ""),
            "no side keeps the sign; an empty entry is unknown");
        assertNull(position(null, "0.004", "long", "1"), "no symbol: not a position");
        assertNull(position("", "0.004", "long", "1"));
        for (final String bad : new String[] {null, "", "abc", "-1"})
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> position("BTCUSDT", bad, "long", "1"));
            assertTrue(ex.getMessage().contains("BTCUSDT") && ex.getMessage().contains("not a decimal size"),
                ex.getMessage());
        }
    }

    private static VenuePosition position(final String symbol, final String total, final String side,
        final String entry)
    {
        final Map<String, String> row = new HashMap<>();
        row.put("symbol", symbol);
        row.put("total", total);
        row.put("posSide", side);
        row.put("avgPrice", entry);
        return UtaAccountQueries.FUTURES.position(row);
    }
}
