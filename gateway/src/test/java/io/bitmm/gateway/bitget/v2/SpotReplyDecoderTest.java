package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.order.OrderRequest;
import io.bitmm.gateway.order.RejectCodes;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpotReplyDecoderTest
{
    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();
    private final SpotReplyDecoder decoder = new SpotReplyDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private static OrderRequest request(final Endpoint endpoint, final CommandType type, final int status, final String reply)
    {
        final OrderRequest r = new OrderRequest(0);
        r.endpoint = endpoint;
        r.commandType = type;
        r.instrumentId = 0;
        r.addClientOid("mm-1".getBytes(StandardCharsets.US_ASCII), 4);
        r.status = status;
        final byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, r.response, 0, bytes.length);
        r.responseLength = bytes.length;
        return r;
    }

    @Test
    void shouldParseCodesAndOrderIdsWhateverTheKeyOrder()
    {
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200,
            "{\"data\":{\"clientOid\":\"mm-1\",\"orderId\":\"1001\"},\"requestTime\":\"1747156361660\"," +
            "\"msg\":\"success\",\"code\":\"00000\"}"));
        decoder.onReply(request(Endpoint.CANCEL_ORDER, CommandType.CANCEL, 400,
            "{\"code\":\"43004\",\"msg\":\"no order to cancel\",\"requestTime\":1,\"data\":null}"));
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 400, "{\"code\":\"45001\",\"msg\":\"Unknown error\"}"));
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 502, "<html>bad gateway</html>"));
        decoder.onReply(request(Endpoint.CANCEL_REPLACE_ORDER, CommandType.REPLACE, 200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"data\":{\"orderId\":\"1002\",\"clientOid\":\"mm-2\",\"success\":\"failure\",\"msg\":null}}"));
        final java.util.List<InboundEvent> events = publisher.events();
        assertEquals(EventType.COMMAND_ACK, events.get(0).type);
        assertEquals(1001, events.get(0).orderId);
        assertEquals(EventType.COMMAND_REJECT, events.get(1).type);
        assertEquals(43004, events.get(1).rejectCode);
        assertEquals(EventType.COMMAND_UNKNOWN, events.get(2).type);
        assertEquals(45001, events.get(2).rejectCode);
        assertEquals(EventType.COMMAND_UNKNOWN, events.get(3).type);
        assertEquals(EventType.COMMAND_REJECT, events.get(4).type);
        assertEquals(RejectCodes.REPLACE_FAILED, events.get(4).rejectCode);
    }

    @Test
    void shouldQueryABatchOrderTheReplyDoesNotName()
    {
        // fuzzer finding: a batch reply naming only some orders of the request left the others untracked
        final OrderRequest r = request(Endpoint.BATCH_ORDERS, CommandType.PLACE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"successList\":[{\"orderId\":\"7\"," +
            "\"clientOid\":\"mm-1\"}],\"failureList\":[]}}");
        r.addClientOid("mm-2".getBytes(StandardCharsets.US_ASCII), 4);
        decoder.onReply(r);
        final java.util.List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        assertEquals(EventType.COMMAND_ACK, events.get(0).type);
        assertEquals(EventType.COMMAND_UNKNOWN, events.get(1).type);
        assertEquals(RejectCodes.NOT_IN_REPLY, events.get(1).rejectCode);
        assertEquals("mm-2", new String(events.get(1).clientOid, 0, events.get(1).clientOidLength, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldQueryEveryOrderOfABatchAnsweredWithoutData()
    {
        // fuzzer finding: a success envelope without "data" acked the first order of a batch and forgot the rest
        final OrderRequest r = request(Endpoint.BATCH_ORDERS, CommandType.PLACE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"codedata\":{}}");
        r.addClientOid("mm-2".getBytes(StandardCharsets.US_ASCII), 4);
        decoder.onReply(r);
        final java.util.List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        for (final InboundEvent e : events)
        {
            assertEquals(EventType.COMMAND_UNKNOWN, e.type);
            assertEquals(RejectCodes.NOT_IN_REPLY, e.rejectCode);
        }
    }

    @Test
    void shouldQueryAgainWhenTheDataIsNotAnArrayOrTheBatchDataNotAnObject()
    {
        // fuzzer finding: "data":"success" on an orderInfo reply left the query unanswered
        decoder.onReply(request(Endpoint.ORDER_INFO, CommandType.QUERY_ORDER, 200,
            "{\"code\":\"00000\",\"data\":\"success\",\"requestTime\":1}"));
        decoder.onReply(request(Endpoint.BATCH_CANCEL_ORDER, CommandType.CANCEL, 200,
            "{\"code\":\"00000\",\"data\":null,\"requestTime\":1}"));
        final java.util.List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        for (final InboundEvent e : events)
        {
            assertEquals(EventType.COMMAND_UNKNOWN, e.type);
            assertEquals(RejectCodes.NOT_IN_REPLY, e.rejectCode);
            assertEquals(4, e.clientOidLength);
        }
    }

    @Test
    void shouldDecodeTheNextReplyAfterOneEndingInAnUnfinishedNumber()
    {
        // fuzzer finding: "...}0" left the parser inside a number, so the next good reply failed too
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200, "{\"code\":\"00000\",\"data\":[]}0"));
        assertEquals(EventType.COMMAND_UNKNOWN, publisher.events().get(0).type);
        publisher.clear();
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":{\"orderId\":\"1001\",\"clientOid\":\"mm-1\"}}"));
        assertEquals(EventType.COMMAND_ACK, publisher.events().get(0).type);
        assertEquals(1001, publisher.events().get(0).orderId);
    }

    @Test
    void shouldCountReplyDataItCannotDecode()
    {
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200,
            "{\"code\":\"00000\",\"data\":{\"orderId\":{\"nested\":[1,2]},\"clientOid\":\"mm-1\"}}"));
        assertEquals(EventType.COMMAND_ACK, publisher.events().get(0).type, "a nested value is skipped, not misread");
        assertEquals(0, publisher.events().get(0).orderId);
        publisher.clear();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200, "{\"code\":\"00000\",\"data\":{\"orderId\":\"1\"}");
        decoder.onReply(r);
        assertEquals(EventType.COMMAND_UNKNOWN, publisher.events().get(0).type);
        assertEquals(1, counters.get(GatewayCounters.DECODE_ERRORS));
    }

    @Test
    void shouldQueryAgainWhenTheAnswerNamesAnotherOrder()
    {
        // fuzzer finding: an orderInfo answer for another clientOid left the queried order unanswered
        decoder.onReply(request(Endpoint.ORDER_INFO, CommandType.QUERY_ORDER, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[{\"symbol\":\"BTCUSDT\",\"orderId\":\"5\"," +
            "\"clientOid\":\"mm-0\",\"price\":\"30000.00\",\"size\":\"0.0010\",\"side\":\"buy\",\"status\":\"filled\"," +
            "\"baseVolume\":\"0.0010\",\"priceAvg\":\"30000.00\"}]}"));
        final java.util.List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        assertEquals(EventType.ORDER_UPDATE, events.get(0).type);
        assertEquals(EventType.COMMAND_UNKNOWN, events.get(1).type);
        assertEquals(RejectCodes.NOT_IN_REPLY, events.get(1).rejectCode);
        assertEquals("mm-1", new String(events.get(1).clientOid, 0, events.get(1).clientOidLength, StandardCharsets.US_ASCII));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "serverTime {0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "'\"serverTime\":\"1700000000000\"', 1700000000000", "'\"serverTime\":null', -1", "'\"serverTime\":\"\"', -1",
        "'\"other\":1', -1", "'\"serverTime\":\"zz_unknown\"', -1", "'\"serverTime\":{\"a\":1}', -1"})
    void shouldGiveNoServerTimeForANullEmptyMissingOrUnknownValue(final String field, final long expected)
    {
        // -1: the order pool keeps the last clock offset and counts the reply as undecodable
        final OrderRequest r = request(Endpoint.PUBLIC_TIME, CommandType.NONE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{" + field + "}}");
        assertEquals(expected, decoder.serverTime(r));
    }

    @Test
    void shouldReportAMissingOrderAsUnknownStatus()
    {
        decoder.onReply(request(Endpoint.ORDER_INFO, CommandType.QUERY_ORDER, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"data\":[]}"));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.ORDER_UPDATE, e.type);
        assertEquals(io.bitmm.core.event.VenueOrderStatus.UNKNOWN, e.venueStatus);
        assertEquals(4, e.clientOidLength);
    }

    @Test
    void shouldDecodeAcksWithoutAllocating()
    {
        final TestPublisher ring = new TestPublisher(1024, false);
        final SpotReplyDecoder quiet = new SpotReplyDecoder(TestInstruments.table(), ring, counters, new DistinctErrorLog());
        final OrderRequest ack = request(Endpoint.PLACE_ORDER, CommandType.PLACE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1695808949356," +
            "\"data\":{\"orderId\":\"1001\",\"clientOid\":\"mm-1\"}}");
        final OrderRequest batch = request(Endpoint.BATCH_ORDERS, CommandType.PLACE, 200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"requestTime\":1,\"data\":{\"successList\":[{\"orderId\":\"11\",\"clientOid\":\"a1\"}],\"failureList\":" +
            "[{\"orderId\":\"\",\"clientOid\":\"a2\",\"errorMsg\":\"less than the minimum amount 5 USDT\",\"errorCode\":\"45110\"}]}}");
        final OrderRequest reject = request(Endpoint.PLACE_ORDER, CommandType.PLACE, 400, "{\"code\":\"43118\",\"msg\":\"dup\"}");
        for (int i = 0; i < 200_000; i++)
        {
            quiet.onReply(i % 3 == 0 ? ack : i % 3 == 1 ? batch : reject);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                quiet.onReply(i % 3 == 0 ? ack : i % 3 == 1 ? batch : reject);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        System.out.println("reply decode: " + allocated + " bytes allocated over 100000 replies");
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(0, allocated);
    }
}
