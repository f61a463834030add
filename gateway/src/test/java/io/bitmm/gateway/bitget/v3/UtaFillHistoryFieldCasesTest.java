package io.bitmm.gateway.bitget.v3;

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
 * The UTA fill history (the fills of a private-stream gap and of a FETCH_FILLS) on handwritten replies of
 * {@code GET /api/v3/trade/fills} (bitget-v3-uta-protocol.md §5.8), each field null, empty, missing and unknown: a
 * fill is booked with what Bitget sent or refused whole (counted, the page's other fills booked), never booked with a
 * guessed price, size, side or id, and never failing the whole gap fetch.
 */
class UtaFillHistoryFieldCasesTest
{
    /** One maker buy of 0.0020 BTC at 60000.5, fee 0.000002 BTC paid (v3: positive when paid). */
    static final String FILL = "{\"execId\":\"1200000000000000101\",\"execLinkId\":\"1200000000000000901\"," +
        "\"orderId\":\"1200000000000000007\",\"clientOid\":\"mm-1\",\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\"," +
        "\"orderType\":\"limit\",\"side\":\"buy\",\"execPrice\":\"60000.5\",\"execQty\":\"0.0020\"," +
        "\"execValue\":\"120.001\",\"tradeScope\":\"maker\",\"tradeSide\":\"\",\"feeDetail\":[{\"feeCoin\":\"BTC\"," +
        "\"fee\":\"0.000002\"}],\"execPnl\":\"0\",\"createdTime\":\"1700000000300\",\"updatedTime\":\"1700000000300\"}";
    private static final String SECRET = "uta-fills-secret";

    private final InstrumentTable table = TestInstruments.table();
    private final Instrument btc = table.instrument(0);

    static String reply(final String cursor, final String... fills)
    {
        return "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1700000000400,\"data\":{\"list\":[" +
            String.join(",", fills) + "],\"cursor\":" + (cursor == null ? "null" : "\"" + cursor + "\"") + "}}";
    }

    private Map<String, String> row(final String fill) throws IOException
    {
        final List<Map<String, String>> rows = UtaFillHistory.INSTANCE.rows(reply(null, fill));
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private InboundEvent decode(final String fill) throws IOException
    {
        final InboundEvent e = new InboundEvent();
        e.reset();
        UtaFillHistory.INSTANCE.decode(row(fill), btc, table, e);
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
        assertEquals("BTCUSDT", UtaFillHistory.INSTANCE.symbol(row(FILL)));
    }

    @Test
    void shouldReadAnEmptyOrNullPageAsNoFills() throws IOException
    {
        assertTrue(UtaFillHistory.INSTANCE.rows(reply(null)).isEmpty());
        assertTrue(UtaFillHistory.INSTANCE.rows(
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"list\":null,\"cursor\":null}}").isEmpty());
        assertTrue(UtaFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\",\"data\":null}").isEmpty());
        assertTrue(UtaFillHistory.INSTANCE.rows("{\"code\":\"00000\",\"msg\":\"success\"}").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldRefuseAFillWithoutItsIdsSidePriceOrSize(final FieldCases c)
    {
        for (final String field : new String[]{"execId", "orderId", "side", "execPrice", "execQty"})
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
        assertEquals(-1, UtaFillHistory.INSTANCE.tradeId(row(c.apply(FILL, "{", "execId"))), "unknown trade id");
        assertEquals(0, UtaFillHistory.INSTANCE.timeMs(row(c.apply(FILL, "{", "createdTime"))), "unknown time");
        assertEquals(0, decode(c.apply(FILL, "{", "createdTime")).venueTimeMs, "still booked, time unknown");
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldTakeTheExecTimeWhenTheCreatedTimeIsUnreadable(final FieldCases c) throws IOException
    {
        final String fill = c.apply(FILL.replace("\"execPnl\"", "\"execTime\":\"1700000000299\",\"execPnl\""), "{",
            "createdTime");
        assertEquals(1700000000299L, UtaFillHistory.INSTANCE.timeMs(row(fill)));
    }

    @ParameterizedTest
    @EnumSource(value = FieldCases.class, names = {"NULL", "EMPTY", "MISSING"})
    void shouldTakeAnAbsentFeeAsNoFeeKnown(final FieldCases c) throws IOException
    {
        final InboundEvent e = decode(c.apply(FILL, "{", "fee"));
        assertEquals(0, e.fee);
        assertEquals(-1, e.feeAssetId, "the instrument's rate applies");
        assertEquals(20, e.size);
    }

    @Test
    void shouldTakeAnAbsentFeeDetailAsNoFeeKnown() throws IOException
    {
        for (final String detail : new String[]{"[]", "null", "[{}]"})
        {
            final InboundEvent e = decode(FILL.replace("[{\"feeCoin\":\"BTC\",\"fee\":\"0.000002\"}]", detail));
            assertEquals(0, e.fee, detail);
            assertEquals(-1, e.feeAssetId, detail);
        }
    }

    @Test
    void shouldRefuseAFeeThatIsNotADecimal()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> decode(FieldCases.UNKNOWN.apply(FILL, "{", "fee")));
        assertTrue(ex.getMessage().contains("fee"), ex.getMessage());
    }

    @Test
    void shouldBookARebateAsANegativeFee() throws IOException
    {
        assertEquals(-200, decode(FILL.replace("\"0.000002\"", "\"-0.000002\"")).fee);
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
    void shouldChargeAPerpetualFeeInTheMarginCoin(final FieldCases c) throws IOException
    {
        final Instrument perp = InstrumentFactory.futures(
            0, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
        final InstrumentTable futures = new InstrumentTable(List.of(perp), List.of("BTC", "USDT"));
        final String fill = c.apply(FILL.replace("\"SPOT\"", "\"USDT-FUTURES\"").replace("\"BTC\"", "\"USDT\"")
            .replace("\"0.000002\"", "\"0.024\""), "{", "feeCoin");
        final InboundEvent e = new InboundEvent();
        e.reset();
        UtaFillHistory.INSTANCE.decode(row(fill), perp, futures, e);
        assertEquals(2_400_000, e.fee, "0.024 USDT paid");
        assertEquals(c == FieldCases.UNKNOWN ? InboundEvent.FEE_ASSET_OTHER : futures.assetId("USDT"), e.feeAssetId);
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
        for (final String field : new String[]{"execLinkId", "clientOid", "category", "orderType", "execValue",
            "tradeSide", "execPnl", "updatedTime"})
        {
            final InboundEvent e = decode(c.apply(FILL, "{", field));
            assertEquals(6_000_050, e.price, field);
            assertEquals(20, e.size, field);
        }
    }

    @Test
    void shouldPageOnTheRepliedCursor() throws IOException
    {
        final String body = reply("1200000000000000050", FILL, FILL);
        assertEquals("1200000000000000050", UtaFillHistory.INSTANCE.nextCursor(body,
            UtaFillHistory.INSTANCE.rows(body), 2));
    }

    @ParameterizedTest
    @EnumSource(FieldCases.class)
    void shouldPageOnTheSmallestReadableExecIdWithoutARepliedCursor(final FieldCases c) throws IOException
    {
        final String body = c.apply(reply("1200000000000000050",
            FILL.replace("1200000000000000101", "1200000000000000105"),
            FILL.replace("1200000000000000101", "1200000000000000103"),
            c.apply(FILL, "{", "execId")), "\"data\":", "cursor");
        final List<Map<String, String>> page = new ArrayList<>(UtaFillHistory.INSTANCE.rows(body));
        assertEquals("1200000000000000103", UtaFillHistory.INSTANCE.nextCursor(body, page, 3),
            "the oldest row's unreadable id does not end the paging");
        assertEquals(null, UtaFillHistory.INSTANCE.nextCursor(body, page, 4), "not a full page: the last one");
    }

    /** Through the fetcher: the bad rows are counted and dropped, the page's other fills are booked, oldest first. */
    @Test
    void shouldBookTheGoodFillsOfAPageWithBadRows() throws Exception
    {
        final String noPrice = FILL.replace("1200000000000000101", "1200000000000000102").replace("\"60000.5\"", "\"\"");
        final String noId = FieldCases.UNKNOWN.apply(FILL.replace("1200000000000000007", "1200000000000000008"), "{",
            "execId");
        final String second = FILL.replace("1200000000000000101", "1200000000000000103").replace("\"buy\"", "\"sell\"")
            .replace("\"createdTime\":\"1700000000300\"", "\"createdTime\":\"zz_unknown\"");
        try (HttpFixtureServer rest = new HttpFixtureServer(false, SECRET))
        {
            rest.responder((path, body) -> path.startsWith("/api/v3/trade/fills") && path.contains("BTCUSDT") ?
                new HttpFixtureServer.Answer(200, reply(null, second, noId, noPrice, FILL)) :
                path.startsWith("/api/v3/trade/fills") ? new HttpFixtureServer.Answer(200, reply(null)) : null);
            final GatewayContext context = new GatewayContext().restUri(rest.uri())
                .credentials(new Credentials("key-1", SECRET, "pass-1"))
                .dialect(UtaDialect.INSTANCE);
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
                assertTrue(rest.seen().stream().anyMatch(s -> s.path.contains("category=SPOT") &&
                    s.path.contains("symbol=BTCUSDT") && s.path.contains("startTime=1700000000000") &&
                    s.signatureValid), "signed UTA query");
            }
        }
    }

    /**
     * Through the fetcher: a full page whose oldest row has no readable execId, with and without a replied cursor,
     * still leads to the next page; a row without a symbol answers the query for BTCUSDT and is booked there; a symbol
     * outside the table is counted.
     */
    @ParameterizedTest
    @EnumSource(value = FieldCases.class, names = {"NULL", "EMPTY", "MISSING"})
    void shouldPageOnAndBookAFillWithoutASymbolAsTheQueriedInstrument(final FieldCases c) throws Exception
    {
        final List<String> first = new ArrayList<>();
        for (int i = 0; i < 99; i++)
        {
            first.add(FILL.replace("1200000000000000101", Long.toString(1200000000000000300L - i)));
        }
        first.add(FieldCases.UNKNOWN.apply(FILL, "{", "execId"));
        final String firstPage = c == FieldCases.MISSING ? reply(null, first.toArray(new String[0])) :
            reply("1200000000000000202", first.toArray(new String[0]));
        final String older = c.apply(FILL, "{", "symbol");
        final String foreign = FILL.replace("1200000000000000101", "1200000000000000100").replace("BTCUSDT", "XYZUSDT");
        try (HttpFixtureServer rest = new HttpFixtureServer(false, SECRET))
        {
            rest.responder((path, body) -> !path.startsWith("/api/v3/trade/fills") ? null :
                !path.contains("BTCUSDT") ? new HttpFixtureServer.Answer(200, reply(null)) :
                path.contains("cursor=1200000000000000202") ?
                    new HttpFixtureServer.Answer(200, reply(null, older, foreign)) :
                new HttpFixtureServer.Answer(200, firstPage));
            final GatewayContext context = new GatewayContext().restUri(rest.uri())
                .credentials(new Credentials("key-1", SECRET, "pass-1"))
                .dialect(UtaDialect.INSTANCE);
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
