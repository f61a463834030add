package io.bitmm.gateway.bitget;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A dialect's fill-history query (slow path, used by {@link io.bitmm.gateway.FillFetcher}, which owns the HTTP client,
 * signing, pacing and retries): the path, the queries, the reply's rows and how a row becomes a FILL event.
 */
public interface FillHistory
{
    /**
     * @return the signed GET path of the fill history.
     */
    String path();

    /**
     * @param instrument the instrument.
     * @param startVenueMs venue epoch ms to fetch from.
     * @return the query (without {@code ?}) for its fills since then.
     */
    String sinceQuery(Instrument instrument, long startVenueMs);

    /**
     * @param instrument the instrument.
     * @param orderId    the venue's order id.
     * @return the query (without {@code ?}) for one order's fills.
     */
    String orderQuery(Instrument instrument, long orderId);

    /**
     * @param limit  page size.
     * @param cursor the previous page's cursor, or null for the first page.
     * @return the paging part of the query.
     */
    String pageQuery(int limit, String cursor);

    /**
     * @param body a {@code 00000} reply.
     * @return each fill's scalar fields; those of the fee object as {@code feeDetail.<name>}.
     * @throws IOException when the body is not the expected shape.
     */
    List<Map<String, String>> rows(String body) throws IOException;

    /**
     * @param body  the reply.
     * @param page  its rows.
     * @param limit the page size asked for.
     * @return the cursor of the next page, or null when this was the last.
     */
    String nextCursor(String body, List<Map<String, String>> page, int limit);

    /**
     * @param row a fill row.
     * @return its trade id, for ordering.
     */
    long tradeId(Map<String, String> row);

    /**
     * @param row a fill row.
     * @return its venue time, epoch ms (0 when missing).
     */
    long timeMs(Map<String, String> row);

    /**
     * @param row a fill row.
     * @return its symbol.
     */
    String symbol(Map<String, String> row);

    /**
     * Write a fill row into a reset FILL event (type, commandType and stamps are the caller's).
     *
     * @param row         the row.
     * @param instrument  its instrument.
     * @param instruments the table (fee assets).
     * @param e           the event.
     * @throws RuntimeException when a field is not a number (the caller counts it).
     */
    void decode(Map<String, String> row, Instrument instrument, InstrumentTable instruments, InboundEvent e);
}
