package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.FieldCases;
import io.bitmm.gateway.FillFetcher;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.order.HttpFixtureServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classic spot fill history (the fills of a private-stream gap and of a FETCH_FILLS) on handwritten replies of
 * {@code GET /api/v2/spot/trade/fills} (bitget-v2-protocol.md §5), each field null, empty, missing and unknown: a
 * fill is booked with what Bitget sent or refused whole (counted, the page's other fills booked), never booked with a
 * guessed price, size, side or id, and never failing the whole gap fetch.
 */
class SpotFillHistoryFieldCasesTest
{
    /** One maker buy of 0.0020 BTC at 60000.5, fee 0.000002 BTC paid. */
    static final String FILL = "{\"userId\":\"1000000001\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1200000000000000007\"," +
        "\"tradeId\":\"1200000000000000101\",\"orderType\":\"limit\",\"side\":\"buy\",\"priceAvg\":\"60000.5\"," +
        "\"size\":\"0.0020\",\"amount\":\"120.001\",\"feeDetail\":{\"deduction\":\"no\",\"feeCoin\":\"BTC\"," +
        "\"totalDeductionFee\":\"\",\"totalFee\":\"-0.000002\"},\"tradeScope\":\"maker\",\"cTime\":\"1700000000300\"," +
        "\"uTime\":\"1700000000300\"}";
    private static final String SECRET = "spot-fills-secret";

    private final InstrumentTable table = TestInstruments.table();
    private final Instrument btc = table.instrument(0);

    static String reply(final String... fills)
    {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1700000000400,\"data\":[" +
            String.join(",", fills) + "]}";
    }

    private Map<String, String> row(final String fill) throws IOException
    {
        final List<Map<String, String>> rows = SpotFillHistory.INSTANCE.rows(reply(fill));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private InboundEvent decode(final String fill) throws IOException
    {
        final InboundEvent e = new InboundEvent();
        e.reset();
        SpotFillHistory.INSTANCE.decode(row(fill), btc, table, e);
        return e;
    }

    @Test
    void shouldDecodeTheDocumentedRow() throws IOException
    {
        final InboundEvent e = decode(FILL);
        assertEquals(1200000000000000101L, e.tradeId);
        assertEquals(1200000000000000007L, e.orderId);
        assertEquals(Side.BUY, e.side);
        assertEquals(6_000_050, e.price);
        assertEquals(20, e.size);
        assertTrue(e.maker);
        assertEquals(200, e.fee, "0.000002 BTC paid, Amounts units");
        assertEquals(table.assetId("BTC"), e.feeAssetId);
        assertEquals(1700000000300L, e.venueTimeMs);
        assertEquals("BTCUSDT", SpotFillHistory.INSTANCE.symbol(row(FILL)));
    }

    @Test
    void shouldReadAnEmptyOrNullPageAsNoFills() throws IOException
    {
        assertTrue(SpotFillHistory.INSTANCE.rows(reply()).isEmpty());
        assertTrue(SpotFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\",\"data\":null}").isEmpty());
        assertTrue(SpotFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\"}").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldRefuseAFillWithoutItsIdsSidePriceOrSize(final FieldCases c)
    {
        for (final String field : new String[]{"tradeId", "orderId", "side", "priceAvg", "size"})
        {
            final String fill = c.apply(FILL, "{", field);
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> decode(fill),
                field + " " + c);
            assertTrue(ex.getMessage().contains(field), ex.getMessage());
        }
    }

    @Test
    void shouldRefuseAZeroOrNegativePriceOrSize()
    {
        for (final String value : new String[]{"0", "-60000.5", "0.00001"})
        {
            assertThrows(IllegalArgumentException.class, () -> decode(FILL.replace("\"60000.5\"", "\"" + value + "\"")));
            assertThrows(IllegalArgumentException.class, () -> decode(FILL.replace("\"0.0020\"", "\"" + value + "\"")));
        }
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldNeverThrowWhenSortingOrFilteringByTradeIdAndTime(final FieldCases c) throws IOException
    {
        assertEquals(-1, SpotFillHistory.INSTANCE.tradeId(row(c.apply(FILL, "{", "tradeId"))), "unknown trade id");
        assertEquals(0, SpotFillHistory.INSTANCE.timeMs(row(c.apply(FILL, "{", "cTime"))), "unknown time");
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

    @Test
    void shouldBookARebateAsANegativeFee() throws IOException
    {
        assertEquals(-200, decode(FILL.replace("\"-0.000002\"", "\"0.000002\"")).fee);
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldChargeTheFeeInTheReceivedCoinOrAnotherAsset(final FieldCases c) throws IOException
    {
        final InboundEvent buy = decode(c.apply(FILL, "{", "feeCoin"));
        assertEquals(200, buy.fee);
        assertEquals(c == FieldCases.UNKNOWN ? InboundEvent.FEE_ASSET_OTHER : table.assetId("BTC"), buy.feeAssetId,
            "a buy receives the base coin");
        final InboundEvent sell = decode(c.apply(FILL.replace("\"buy\"", "\"sell\""), "{", "feeCoin"));
        assertEquals(c == FieldCases.UNKNOWN ? InboundEvent.FEE_ASSET_OTHER : table.assetId("USDT"), sell.feeAssetId,
            "a sell receives the quote coin");
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
        for (final String field : new String[]{"userId", "orderType", "amount", "deduction", "totalDeductionFee", "uTime"})
        {
            final InboundEvent e = decode(c.apply(FILL, "{", field));
            assertEquals(6_000_050, e.price, field);
            assertEquals(20, e.size, field);
        }
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldPageOnTheSmallestReadableTradeIdOfAFullPage(final FieldCases c) throws IOException
    {
        final List<Map<String, String>> page = new ArrayList<>(SpotFillHistory.INSTANCE.rows(reply(
            FILL.replace("1200000000000000101", "1200000000000000105"),
            FILL.replace("1200000000000000101", "1200000000000000103"),
            c.apply(FILL, "{", "tradeId"))));
        assertEquals("1200000000000000103", SpotFillHistory.INSTANCE.nextCursor("", page, 3),
            "the oldest row's unreadable id does not end the paging");
        assertEquals(null, SpotFillHistory.INSTANCE.nextCursor("", page, 4), "not a full page: the last one");
    }

    /** Through the fetcher: the bad rows are counted and dropped, the page's other fills are booked, oldest first. */
    @Test
    void shouldBookTheGoodFillsOfAPageWithBadRows() throws Exception
    {
        final String noPrice = FILL.replace("1200000000000000101", "1200000000000000102").replace("\"60000.5\"", "\"\"");
        final String noId = FieldCases.UNKNOWN.apply(FILL.replace("1200000000000000007", "1200000000000000008"), "{",
            "tradeId");
        final String second = FILL.replace("1200000000000000101", "1200000000000000103").replace("\"buy\"", "\"sell\"")
            .replace("\"cTime\":\"1700000000300\"", "\"cTime\":\"zz_unknown\"");
        try (HttpFixtureServer rest = new HttpFixtureServer(false, SECRET))
        {
            rest.responder((path, body) -> path.startsWith("/api/v2/spot/trade/fills") && path.contains("BTCUSDT") ?
                new HttpFixtureServer.Answer(200, reply(second, noId, noPrice, FILL)) :
                path.startsWith("/api/v2/spot/trade/fills") ? new HttpFixtureServer.Answer(200, reply()) : null);
            final GatewayContext context = new GatewayContext().restUri(rest.uri())
                .credentials(new Credentials("key-1", SECRET, "pass-1"))
                .dialect(ClassicSpotDialect.INSTANCE);
            final TestPublisher publisher = new TestPublisher();
            try (FillFetcher fetcher = new FillFetcher(context, table, publisher, "test-fills"))
            {
                final int published = fetcher.fetchSince(1700000000000L, () -> true).get(10, TimeUnit.SECONDS);
                assertEquals(4, published, "rows handed on");
                final List<InboundEvent> fills = publisher.events(EventType.FILL);
                assertEquals(2, fills.size(), "the bad rows are not FILLs");
                assertEquals(1200000000000000101L, fills.get(0).tradeId);
                assertEquals(6_000_050, fills.get(0).price);
                assertEquals(1200000000000000103L, fills.get(1).tradeId);
                assertEquals(Side.SELL, fills.get(1).side);
                assertEquals(CommandType.FETCH_FILLS, fills.get(1).commandType);
                assertEquals(2, fetcher.failures(), "the bad rows counted");
                assertTrue(rest.seen().stream().anyMatch(s -> s.path.contains("symbol=BTCUSDT") &&
                    s.path.contains("startTime=1700000000000") && s.signatureValid), "signed spot query");
            }
        }
    }

    /**
     * Through the fetcher: a row without a symbol answers the query for BTCUSDT and is booked there (also through a
     * full page whose oldest row has no readable id: the next page is still fetched); a symbol outside the table is
     * counted.
     */
    @ParameterizedTest
    @EnumSource(value = FieldCases.class, names = {"NULL", "EMPTY", "MISSING"})
    void shouldBookAFillWithoutASymbolAsTheQueriedInstrument(final FieldCases c) throws Exception
    {
        final List<String> first = new ArrayList<>();
        for (int i = 0; i < 99; i++)
        {
            first.add(FILL.replace("1200000000000000101", Long.toString(1200000000000000300L - i)));
        }
        first.add(FieldCases.UNKNOWN.apply(FILL, "{", "tradeId"));
        final String older = c.apply(FILL, "{", "symbol");
        final String foreign = FILL.replace("1200000000000000101", "1200000000000000100").replace("BTCUSDT", "XYZUSDT");
        try (HttpFixtureServer rest = new HttpFixtureServer(false, SECRET))
        {
            rest.responder((path, body) -> !path.startsWith("/api/v2/spot/trade/fills") ? null :
                !path.contains("BTCUSDT") ? new HttpFixtureServer.Answer(200, reply()) :
                path.contains("idLessThan=1200000000000000202") ? new HttpFixtureServer.Answer(200, reply(older, foreign)) :
                new HttpFixtureServer.Answer(200, reply(first.toArray(new String[0]))));
            final GatewayContext context = new GatewayContext().restUri(rest.uri())
                .credentials(new Credentials("key-1", SECRET, "pass-1"))
                .dialect(ClassicSpotDialect.INSTANCE);
            final TestPublisher publisher = new TestPublisher();
            try (FillFetcher fetcher = new FillFetcher(context, table, publisher, "test-fills"))
            {
                assertEquals(102, fetcher.fetchSince(1700000000000L, () -> true).get(10, TimeUnit.SECONDS));
                final List<InboundEvent> fills = publisher.events(EventType.FILL);
                assertEquals(100, fills.size(), "99 of the first page and the older one without a symbol");
                assertEquals(1200000000000000101L, fills.get(0).tradeId, "oldest first");
                assertEquals(btc.id(), fills.get(0).instrumentId);
                assertEquals(2, fetcher.failures(), "the row without an id and the foreign symbol, counted");
            }
        }
    }
}
