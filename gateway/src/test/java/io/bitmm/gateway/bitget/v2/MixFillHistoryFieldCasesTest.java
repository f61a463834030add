package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.FieldCases;
import io.bitmm.gateway.FillFetcher;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.order.HttpFixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The v2 mix fill history (the fills of a private-stream gap and of a FETCH_FILLS) on handwritten replies of
 * {@code GET /api/v2/mix/order/fills} (bitget-v2-protocol.md §6.2), each field null, empty, missing and unknown: a
 * fill is booked with what Bitget sent or refused whole, never booked with a guessed price, size, side or id.
 */
class MixFillHistoryFieldCasesTest
{
    /** One maker buy of 0.0020 at 60000.5, fee 0.024 USDT paid. */
    static final String FILL = "{\"tradeId\":\"1200000000000000101\",\"symbol\":\"BTCUSDT\"," +
        "\"orderId\":\"1200000000000000007\",\"price\":\"60000.5\",\"baseVolume\":\"0.0020\",\"feeDetail\":[{" +
        "\"deduction\":\"no\",\"feeCoin\":\"USDT\",\"totalDeductionFee\":\"0\",\"totalFee\":\"-0.024\"}]," +
        "\"side\":\"buy\",\"quoteVolume\":\"120.001\",\"profit\":\"0\",\"enterPointSource\":\"API\",\"tradeSide\":\"open\"," +
        "\"posMode\":\"one_way_mode\",\"tradeScope\":\"maker\",\"cTime\":\"1700000000300\"}";
    private static final String SECRET = "mix-fills-secret";

    private final Instrument perp = InstrumentFactory.futures(
        0, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
    private final InstrumentTable table = new InstrumentTable(List.of(perp), List.of("BTC", "USDT"));

    static String reply(final String... fills)
    {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1700000000400,\"data\":{\"fillList\":[" +
            String.join(",", fills) + "],\"endId\":\"1200000000000000101\"}}";
    }

    private Map<String, String> row(final String fill) throws IOException
    {
        final List<Map<String, String>> rows = MixFillHistory.INSTANCE.rows(reply(fill));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private InboundEvent decode(final String fill) throws IOException
    {
        final InboundEvent e = new InboundEvent();
        e.reset();
        MixFillHistory.INSTANCE.decode(row(fill), perp, table, e);
        return e;
    }

    @Test
    void shouldDecodeTheDocumentedRow() throws IOException
    {
        final InboundEvent e = decode(FILL);
        assertEquals(1200000000000000101L, e.tradeId);
        assertEquals(1200000000000000007L, e.orderId);
        assertEquals(Side.BUY, e.side);
        assertEquals(600005, e.price);
        assertEquals(20, e.size);
        assertTrue(e.maker);
        assertEquals(2_400_000, e.fee, "0.024 USDT paid, Amounts units");
        assertEquals(table.assetId("USDT"), e.feeAssetId);
        assertEquals(1700000000300L, e.venueTimeMs);
        assertEquals("BTCUSDT", MixFillHistory.INSTANCE.symbol(row(FILL)));
    }

    @Test
    void shouldReadAnEmptyOrNullPageAsNoFills() throws IOException
    {
        assertTrue(MixFillHistory.INSTANCE.rows(reply()).isEmpty());
        assertTrue(MixFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"fillList\":null," +
            "\"endId\":\"\"}}").isEmpty());
        assertTrue(MixFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\",\"data\":{}}").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldRefuseAFillWithoutItsIdsSidePriceOrSize(final FieldCases c)
    {
        for (final String field : new String[]{"tradeId", "orderId", "side", "price", "baseVolume"})
        {
            final String fill = c.apply(FILL, "{", field);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> decode(fill),
                field + " " + c);
            assertTrue(ex.getMessage().contains(field), ex.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldNeverThrowWhenSortingOrFilteringByTradeIdAndTime(final FieldCases c) throws IOException
    {
        assertEquals(-1, MixFillHistory.INSTANCE.tradeId(row(c.apply(FILL, "{", "tradeId"))), "unknown trade id");
        assertEquals(0, MixFillHistory.INSTANCE.timeMs(row(c.apply(FILL, "{", "cTime"))), "unknown time");
        assertEquals(0, decode(c.apply(FILL, "{", "cTime")).venueTimeMs, "still booked, time unknown");
    }

    @ParameterizedTest
    @EnumSource(value = FieldCases.class, names = {"NULL", "EMPTY", "MISSING"})
    void shouldTakeAnAbsentFeeAsNoFeeKnown(final FieldCases c) throws IOException
    {
        final InboundEvent e = decode(c.apply(FILL, "{", "totalFee"));
        assertEquals(0, e.fee);
        assertEquals(-1, e.feeAssetId, "the instrument's rate applies");
        assertEquals(20, e.size);
    }

    @Test
    void shouldRefuseAFeeThatIsNotADecimal()
    {
        assertThrows(IllegalArgumentException.class, () -> decode(FieldCases.UNKNOWN.apply(FILL, "{", "totalFee")));
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldChargeTheFeeInTheMarginCoinOrAnotherAsset(final FieldCases c) throws IOException
    {
        final InboundEvent e = decode(c.apply(FILL, "{", "feeCoin"));
        assertEquals(2_400_000, e.fee);
        assertEquals(c == FieldCases.UNKNOWN ? InboundEvent.FEE_ASSET_OTHER : table.assetId("USDT"), e.feeAssetId);
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldTakeAnyTradeScopeButTakerAsMaker(final FieldCases c) throws IOException
    {
        assertTrue(decode(c.apply(FILL, "{", "tradeScope")).maker);
        assertFalse(decode(FILL.replace("\"maker\"", "\"taker\"")).maker);
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldIgnoreFieldsItDoesNotUse(final FieldCases c) throws IOException
    {
        for (final String field : new String[]{"quoteVolume", "profit", "tradeSide", "posMode", "deduction"})
        {
            final InboundEvent e = decode(c.apply(FILL, "{", field));
            assertEquals(600005, e.price, field);
            assertEquals(20, e.size, field);
        }
    }

    /** Through the fetcher: the bad row is counted and dropped, the page's other fills are booked, oldest first. */
    @Test
    void shouldBookTheGoodFillsOfAPageWithABadRow() throws Exception
    {
        final String bad = FILL.replace("1200000000000000101", "1200000000000000102").replace("\"60000.5\"", "\"\"");
        final String second = FILL.replace("1200000000000000101", "1200000000000000103").replace("\"buy\"", "\"sell\"")
            .replace("1700000000300", "zz_unknown");
        try (HttpFixtureServer rest = new HttpFixtureServer(false, SECRET))
        {
            rest.responder((path, body) -> path.startsWith("/api/v2/mix/order/fills") ?
                new HttpFixtureServer.Answer(200, reply(second, bad, FILL)) : null);
            final GatewayContext context = new GatewayContext().restUri(rest.uri())
                .credentials(new Credentials("key-1", SECRET, "pass-1"))
                .dialect(new ClassicFuturesDialect("crossed"));
            final TestPublisher publisher = new TestPublisher();
            try (FillFetcher fetcher = new FillFetcher(context, table, publisher, "test-fills"))
            {
                final int published = fetcher.fetchSince(1700000000000L, () -> true).get(10, TimeUnit.SECONDS);
                assertEquals(3, published, "rows handed on");
                final List<InboundEvent> fills = publisher.events(EventType.FILL);
                assertEquals(2, fills.size(), "the bad row is not a FILL");
                assertEquals(1200000000000000101L, fills.get(0).tradeId);
                assertEquals(1200000000000000103L, fills.get(1).tradeId);
                assertEquals(Side.SELL, fills.get(1).side);
                assertEquals(CommandType.FETCH_FILLS, fills.get(1).commandType);
                assertEquals(1, fetcher.failures(), "the bad row counted");
                assertTrue(rest.seen().stream().anyMatch(s -> s.path.contains("productType=USDT-FUTURES") &&
                    s.path.contains("startTime=1700000000000") && s.signatureValid), "signed mix query");
            }
        }
    }
}
