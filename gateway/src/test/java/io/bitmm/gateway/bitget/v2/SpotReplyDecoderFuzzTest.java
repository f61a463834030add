package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.order.OrderRequest;
import io.bitmm.gateway.order.RejectCodes;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the order reply decoder (Jazzer), seeded from REST replies recorded from the sim
 * ({@code SpotReplyDecoderFuzzTestInputs/fuzzReply/}: the reply body, then the bytes the fuzzer reads the endpoint and
 * HTTP status from). Properties: nothing thrown; every order of the request is named by at least one event (never
 * forgotten: an ack, a reject, an unknown outcome that the core queries, or a query answer); an undecodable reply is
 * counted; the next good reply decodes.
 */
class SpotReplyDecoderFuzzTest
{
    private static final Endpoint[] ENDPOINTS = {
        Endpoint.PLACE_ORDER, Endpoint.BATCH_ORDERS, Endpoint.CANCEL_ORDER, Endpoint.BATCH_CANCEL_ORDER,
        Endpoint.CANCEL_REPLACE_ORDER, Endpoint.ORDER_INFO};
    private static final CommandType[] TYPES = {
        CommandType.PLACE, CommandType.PLACE, CommandType.CANCEL, CommandType.CANCEL, CommandType.REPLACE,
        CommandType.QUERY_ORDER};
    private static final int[] STATUS = {200, 200, 200, 400, 429, 500, 502};
    private static final String[] OIDS = {"mm-rec-1", "mm-rec-5"};

    private final TestPublisher publisher = new TestPublisher(64, true);
    private final GatewayCounters counters = new GatewayCounters();
    private final SpotReplyDecoder decoder = new SpotReplyDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private static OrderRequest request(final int which, final int status, final byte[] body)
    {
        final OrderRequest r = new OrderRequest(0);
        r.endpoint = ENDPOINTS[which];
        r.commandType = TYPES[which];
        r.instrumentId = 0;
        final boolean batch = r.endpoint == Endpoint.BATCH_ORDERS || r.endpoint == Endpoint.BATCH_CANCEL_ORDER;
        for (int i = 0; i < (batch ? 2 : 1); i++)
        {
            r.addClientOid(OIDS[i].getBytes(StandardCharsets.US_ASCII), OIDS[i].length());
        }
        r.status = status;
        final int length = Math.min(body.length, r.response.length);
        System.arraycopy(body, 0, r.response, 0, length);
        r.responseLength = length;
        return r;
    }

    @FuzzTest(maxDuration = "30s")
    void fuzzReply(final FuzzedDataProvider data)
    {
        final int which = data.consumeInt(0, ENDPOINTS.length - 1);
        final int status = STATUS[data.consumeInt(0, STATUS.length - 1)];
        final byte[] body = data.consumeRemainingAsBytes();
        final OrderRequest r = request(which, status, body);
        final long errorsBefore = counters.get(GatewayCounters.DECODE_ERRORS);
        decoder.onReply(r);
        final List<InboundEvent> events = publisher.events();
        for (int i = 0; i < r.orderCount; i++)
        {
            final String oid = OIDS[i];
            assertTrue(events.stream().anyMatch(e -> oid.equals(oidOf(e)) && e.type != EventType.NONE),
                "order " + oid + " is named by an event: " + new String(body, StandardCharsets.UTF_8));
        }
        final boolean undecodable = events.stream().anyMatch(e -> e.rejectCode == RejectCodes.UNDECODABLE_REPLY);
        if (undecodable)
        {
            assertTrue(counters.get(GatewayCounters.DECODE_ERRORS) > errorsBefore, "an undecodable reply is counted");
        }

        publisher.clear();
        decoder.onReply(request(0, 200, ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1," +
            "\"data\":{\"orderId\":\"1001\",\"clientOid\":\"mm-rec-1\"}}").getBytes(StandardCharsets.UTF_8)));
        final List<InboundEvent> next = publisher.events();
        assertEquals(1, next.size(), "the next good reply decodes");
        assertEquals(EventType.COMMAND_ACK, next.get(0).type);
        assertEquals(1001, next.get(0).orderId);
        publisher.clear();
    }

    private static String oidOf(final InboundEvent e)
    {
        return new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII);
    }
}
