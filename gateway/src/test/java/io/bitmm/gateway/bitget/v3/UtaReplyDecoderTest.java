package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * v3 REST replies as the sim answers them (sim/net/v3/V3TradeEndpoints).
 */
class UtaReplyDecoderTest
{
    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();
    private final UtaReplyDecoder decoder = new UtaReplyDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private static OrderRequest request(final Endpoint endpoint, final CommandType type, final int status, final String reply,
        final String... oids)
    {
        final OrderRequest r = new OrderRequest(0);
        r.endpoint = endpoint;
        r.commandType = type;
        r.instrumentId = 0;
        for (final String oid : oids.length == 0 ? new String[] {"mm-1"} : oids)
        {
            r.addClientOid(oid.getBytes(StandardCharsets.US_ASCII), oid.length());
        }
        r.status = status;
        final byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, r.response, 0, bytes.length);
        r.responseLength = bytes.length;
        return r;
    }

    private static String oid(final InboundEvent e)
    {
        return new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldAcknowledgeAModifyInPlaceWithTheSameIds()
    {
        final OrderRequest r = request(Endpoint.MODIFY_ORDER, CommandType.REPLACE, 200, "{\"code\":\"00000\",\"msg\":" +
            "\"success\",\"requestTime\":1796071531644,\"data\":{\"orderId\":\"1100000000000009632\",\"clientOid\":\"mm-1\"}}");
        r.newClientOid[0] = 'm';
        r.newClientOid[1] = 'm';
        r.newClientOid[2] = '-';
        r.newClientOid[3] = '1';
        r.newClientOidLength = 4;
        decoder.onReply(r);
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.COMMAND_ACK, e.type);
        assertEquals(CommandType.REPLACE, e.commandType);
        assertEquals(1100000000000009632L, e.orderId);
        assertEquals("mm-1", new String(e.newClientOid, 0, e.newClientOidLength, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldRejectWithTheV3CodeAndTreat25204AsNotFound()
    {
        decoder.onReply(request(Endpoint.CANCEL_ORDER, CommandType.CANCEL, 400,
            "{\"code\":\"25204\",\"msg\":\"Order does not exist\",\"requestTime\":1,\"data\":null}"));
        assertEquals(EventType.COMMAND_REJECT, publisher.events().get(0).type);
        assertEquals(25204, publisher.events().get(0).rejectCode);
        decoder.onReply(request(Endpoint.ORDER_INFO, CommandType.QUERY_ORDER, 400,
            "{\"code\":\"25204\",\"msg\":\"Order does not exist\",\"requestTime\":1,\"data\":null}"));
        assertEquals(EventType.ORDER_UPDATE, publisher.events().get(1).type);
        assertEquals(VenueOrderStatus.UNKNOWN, publisher.events().get(1).venueStatus, "not found");
        decoder.onReply(request(Endpoint.PLACE_ORDER, CommandType.PLACE, 400, "{\"code\":\"25001\",\"msg\":\"timeout\"}"));
        assertEquals(EventType.COMMAND_UNKNOWN, publisher.events().get(2).type, "outcome unknown: query");
    }

    @Test
    void shouldReadBatchItemsWithTheirOwnCodes()
    {
        decoder.onReply(request(Endpoint.BATCH_ORDERS, CommandType.PLACE, 200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"requestTime\":1,\"data\":[{\"orderId\":\"11\",\"clientOid\":\"a\"},{\"orderId\":\"\",\"clientOid\":\"b\"," +
            "\"code\":\"25212\",\"msg\":\"Duplicate clientOid\"}]}", "a", "b", "c"));
        assertEquals(3, publisher.events().size());
        assertEquals(EventType.COMMAND_ACK, publisher.events().get(0).type);
        assertEquals("a", oid(publisher.events().get(0)));
        assertEquals(11, publisher.events().get(0).orderId);
        assertEquals(EventType.COMMAND_REJECT, publisher.events().get(1).type);
        assertEquals(25212, publisher.events().get(1).rejectCode);
        assertEquals(EventType.COMMAND_UNKNOWN, publisher.events().get(2).type, "c is not in the reply: queried");
        assertEquals("c", oid(publisher.events().get(2)));
    }

    @Test
    void shouldDecodeAnOrderInfoObject()
    {
        decoder.onReply(request(Endpoint.ORDER_INFO, CommandType.QUERY_ORDER, 200, "{\"code\":\"00000\",\"msg\":\"success\"," +
            "\"requestTime\":1,\"data\":{\"orderId\":\"1100000000000009632\",\"clientOid\":\"mm-1\",\"category\":\"SPOT\"," +
            "\"symbol\":\"BTCUSDT\",\"orderType\":\"limit\",\"side\":\"buy\",\"price\":\"50001.00\",\"qty\":\"0.0020\"," +
            "\"amount\":\"0\",\"cumExecQty\":\"0.0010\",\"cumExecValue\":\"50\",\"avgPrice\":\"50001.00\",\"timeInForce\":" +
            "\"post_only\",\"orderStatus\":\"partially_filled\",\"reduceOnly\":\"NO\",\"feeDetail\":[{\"feeCoin\":null," +
            "\"fee\":null}],\"cancelReason\":\"\",\"createdTime\":\"1\",\"updatedTime\":\"2\"}}"));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.ORDER_UPDATE, e.type);
        assertEquals(CommandType.QUERY_ORDER, e.commandType);
        assertEquals(VenueOrderStatus.PARTIALLY_FILLED, e.venueStatus);
        assertEquals(5000100, e.price);
        assertEquals(20, e.size);
        assertEquals(10, e.cumulativeFilledSize);
    }

    @Test
    void shouldDecodeAcksWithoutAllocating()
    {
        final TestPublisher ring = new TestPublisher(1024, false);
        final UtaReplyDecoder quiet = new UtaReplyDecoder(TestInstruments.table(), ring, counters, new DistinctErrorLog());
        final OrderRequest ack = request(Endpoint.MODIFY_ORDER, CommandType.REPLACE, 200,
            "{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":{\"orderId\":\"1001\",\"clientOid\":\"mm-1\"}}");
        final OrderRequest batch = request(Endpoint.BATCH_ORDERS, CommandType.PLACE, 200, "{\"code\":\"00000\",\"msg\":" +
            "\"success\",\"requestTime\":1,\"data\":[{\"orderId\":\"11\",\"clientOid\":\"a\"},{\"orderId\":\"\",\"clientOid\":" +
            "\"b\",\"code\":\"25212\",\"msg\":\"Duplicate clientOid\"}]}", "a", "b");
        final OrderRequest reject = request(Endpoint.PLACE_ORDER, CommandType.PLACE, 400, "{\"code\":\"25212\",\"msg\":\"dup\"}");
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
        System.out.println("v3 reply decode: " + allocated + " bytes allocated over 100000 replies");
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(0, allocated);
    }
}
