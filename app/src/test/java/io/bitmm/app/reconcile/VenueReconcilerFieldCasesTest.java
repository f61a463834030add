package io.bitmm.app.reconcile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciler's parsing at start, field by field, for null, empty, missing and unknown values: a default, or a
 * clear error naming the field; never a NullPointerException or a NumberFormatException out of start-up.
 */
class VenueReconcilerFieldCasesTest
{
    private static final String ORDER = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"symbol\":\"BTCUSDT\"," +
        "\"orderId\":\"1100000000000000240\",\"clientOid\":\"mm-run1-7\",\"price\":\"60000.00\",\"status\":\"live\"}]}";
    private static final String ASSETS = "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"coin\":\"BTC\"," +
        "\"available\":\"10.5\",\"frozen\":\"0.25\",\"locked\":\"0\"}]}";

    private static String mutate(final String body, final String field, final String kase)
    {
        final String key = "\"" + field + "\":\"";
        final int start = body.indexOf(key);
        final int end = body.indexOf('"', start + key.length()) + 1;
        final String before = body.substring(0, start);
        final String after = body.substring(end);
        switch (kase)
        {
            case "null":
                return before + "\"" + field + "\":null" + after;
            case "empty":
                return before + "\"" + field + "\":\"\"" + after;
            case "unknown":
                return before + "\"" + field + "\":\"zz_unknown\"" + after;
            default:
                return after.startsWith(",") ? before + after.substring(1) : before.substring(0, before.length() - 1) + after;
        }
    }

    @ParameterizedTest(name = "order {0} {1} -> {2}")
    @CsvSource({
        "clientOid, null, none", "clientOid, empty, none", "clientOid, missing, none", "clientOid, unknown, none",
        "orderId, null, byClientOid", "orderId, empty, byClientOid", "orderId, missing, byClientOid",
        "orderId, unknown, byClientOid",
        "symbol, null, byOrderId", "symbol, empty, byOrderId", "symbol, missing, byOrderId", "symbol, unknown, unknownSymbol",
    })
    void shouldCancelOurOrphansWhateverTheFields(final String field, final String kase, final String expected) throws IOException
    {
        final List<String> bodies = VenueReconciler.cancelBodies(
            VenueReconciler.data(mutate(ORDER, field, kase)), "BTCUSDT", "mm");
        switch (expected)
        {
            case "none":
                assertTrue(bodies.isEmpty(), "not ours: " + bodies);
                break;
            case "byClientOid":
                assertEquals(List.of("{\"symbol\":\"BTCUSDT\",\"clientOid\":\"mm-run1-7\"}"), bodies);
                break;
            default:
                // the symbol is the one asked for, whatever the row says
                assertEquals(List.of("{\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000000240\"}"), bodies);
                break;
        }
    }

    @ParameterizedTest(name = "balance {0} {1} -> {2}")
    @CsvSource({
        "coin, null, skipped", "coin, empty, skipped", "coin, missing, skipped", "coin, unknown, zz_unknown=10.5/0.25",
        "available, null, error", "available, empty, error", "available, missing, error", "available, unknown, error",
        "frozen, null, BTC=10.5/0", "frozen, empty, BTC=10.5/0", "frozen, missing, BTC=10.5/0", "frozen, unknown, error",
    })
    void shouldReadBalancesOrSayWhichFieldIsWrong(final String field, final String kase, final String expected) throws IOException
    {
        final List<Map<String, String>> rows = VenueReconciler.data(mutate(ASSETS, field, kase));
        if ("error".equals(expected))
        {
            final IOException error = assertThrows(IOException.class, () -> VenueReconciler.balances(rows));
            assertTrue(error.getMessage().contains("BTC") && error.getMessage().contains(field), error.getMessage());
            return;
        }
        final Map<String, String> balances = VenueReconciler.balances(rows);
        if ("skipped".equals(expected))
        {
            assertTrue(balances.isEmpty(), balances.toString());
            return;
        }
        final String[] kv = expected.split("=");
        assertEquals(Map.of(kv[0], kv[1]), balances);
    }

    @Test
    void shouldReadANullDataAsNoRows() throws IOException
    {
        assertTrue(VenueReconciler.data("{\"code\":\"00000\",\"data\":null}").isEmpty());
    }
}
