package io.bitmm.app.reconcile;

import io.bitmm.gateway.bitget.AccountQueries.VenuePosition;
import io.bitmm.gateway.bitget.v2.MixAccountQueries;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start reconciliation of a classic USDT-M perpetual on the v2 mix replies (bitget-v2-protocol.md §6.2, the
 * sim's shapes): {@code orders-pending} ({@code entrustedList}, null when none), {@code accounts} (by
 * {@code marginCoin}, {@code locked}) and {@code all-position}.
 */
class VenueReconcilerMixTest
{
    private static final MixAccountQueries MIX = MixAccountQueries.INSTANCE;

    @Test
    void shouldCancelOurPendingMixOrdersOnly() throws IOException
    {
        final String pending = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"entrustedList\":[" +
            "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1200000000000000007\",\"clientOid\":\"mm-old-3\",\"status\":\"live\"}," +
            "{\"symbol\":\"BTCUSDT\",\"orderId\":\"1200000000000000008\",\"clientOid\":\"grid-1\",\"status\":\"live\"}]," +
            "\"endId\":\"1200000000000000008\"}}";
        final List<Map<String, String>> rows = VenueReconciler.data(pending, MIX.openOrdersListKey());
        assertEquals(2, rows.size());
        assertEquals(List.of("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\"," +
            "\"orderId\":\"1200000000000000007\"}"), VenueReconciler.cancelBodies(rows, "BTCUSDT", "mm", MIX));
        assertTrue(VenueReconciler.data("{\"code\":\"00000\",\"data\":{\"entrustedList\":null,\"endId\":\"\"}}",
            MIX.openOrdersListKey()).isEmpty(), "none pending");
    }

    @Test
    void shouldReadTheFuturesAccountByMarginCoin() throws IOException
    {
        final String accounts = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"marginCoin\":\"USDT\"," +
            "\"locked\":\"5.88\",\"available\":\"999981.97\",\"accountEquity\":\"999987.9\",\"unrealizedPL\":\"0.1\"}]}";
        assertEquals(Map.of("USDT", "999981.97/5.88"), VenueReconciler.balances(
            VenueReconciler.data(accounts, MIX.balancesListKey()), MIX.coinField(), MIX.frozenField()));
    }

    @Test
    void shouldTakeTheTradedSymbolsPositionsAndNetAHedgedPair() throws IOException
    {
        final String positions = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[" +
            "{\"symbol\":\"BTCUSDT\",\"holdSide\":\"long\",\"total\":\"0.0050\",\"openPriceAvg\":\"60000.5\"}," +
            "{\"symbol\":\"BTCUSDT\",\"holdSide\":\"short\",\"total\":\"0.0010\",\"openPriceAvg\":\"61000\"}," +
            "{\"symbol\":\"ETHUSDT\",\"holdSide\":\"short\",\"total\":\"1.5\",\"openPriceAvg\":\"3000\"}," +
            "{\"symbol\":\"SOLUSDT\",\"holdSide\":\"long\",\"total\":\"0\",\"openPriceAvg\":\"0\"}]}";
        final Map<String, VenuePosition> found = VenueReconciler.positions(
            VenueReconciler.data(positions, MIX.positionsListKey()), List.of("BTCUSDT", "SOLUSDT"), MIX);
        assertEquals(Map.of("BTCUSDT", new VenuePosition("BTCUSDT", "0.0040", "0")), found,
            "netted (entry unknown), another symbol left out, a flat one absent");
    }

    @Test
    void shouldStopTheStartOnAPositionItCannotRead()
    {
        final String positions = "{\"code\":\"00000\",\"data\":[{\"symbol\":\"BTCUSDT\",\"holdSide\":\"long\"," +
            "\"total\":\"zz_unknown\"}]}";
        final IOException ex = assertThrows(IOException.class, () -> VenueReconciler.positions(
            VenueReconciler.data(positions, null), List.of("BTCUSDT"), MIX));
        assertTrue(ex.getMessage().contains("BTCUSDT position has total = 'zz_unknown'"), ex.getMessage());
    }

    @Test
    void shouldDescribeThePositionsForReconcileTxt()
    {
        final VenueReconciler.Result result = new VenueReconciler.Result(2, List.of("mm-old-3"), Map.of("USDT", "1/0"),
            Map.of("BTCUSDT", new VenuePosition("BTCUSDT", "-0.0040", "60000.5")));
        assertTrue(result.describe().endsWith("reconcile: start positions BTCUSDT -0.0040 @ 60000.5\n"), result.describe());
        assertTrue(new VenueReconciler.Result(0, List.of(), Map.of()).describe().indexOf("positions") < 0, "spot: none");
    }
}
