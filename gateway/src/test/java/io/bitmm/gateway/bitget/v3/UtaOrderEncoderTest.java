package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtaOrderEncoderTest
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    private final InstrumentTable table = TestInstruments.table();
    private final UtaOrderEncoder encoder = new UtaOrderEncoder(new HmacSigner(SECRET));

    static OutboundCommand command(final CommandType type, final String clientOid)
    {
        final OutboundCommand c = new OutboundCommand();
        c.type = type;
        c.instrumentId = 0;
        final byte[] oid = clientOid.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(oid, 0, c.clientOid, 0, oid.length);
        c.clientOidLength = oid.length;
        c.side = Side.BUY;
        c.price = 3000001;
        c.size = 10;
        c.timeInForce = TimeInForce.POST_ONLY;
        return c;
    }

    private static String body(final OrderRequest r)
    {
        return new String(r.body, 0, r.bodyLength, StandardCharsets.US_ASCII);
    }

    private static String path(final OrderRequest r)
    {
        return new String(r.path, 0, r.pathLength, StandardCharsets.US_ASCII);
    }

    @Test
    void shouldReproduceTheV3SigningVectorThreeExactly()
    {
        // bitget-v3-uta-protocol.md §2, vector 3 (body A; computed with Python hmac and ccxt's sign())
        final OrderRequest r = new OrderRequest(0);
        assertTrue(encoder.encode(r, command(CommandType.PLACE, "mm-1700000000000-1"), table.instrument(0), 1700000000000L));
        assertEquals(Endpoint.PLACE_ORDER, r.endpoint);
        assertEquals("/api/v3/trade/place-order", path(r));
        assertEquals("{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\"," +
            "\"timeInForce\":\"post_only\",\"price\":\"30000.01\",\"qty\":\"0.0010\",\"clientOid\":\"mm-1700000000000-1\"}",
            body(r));
        assertEquals("1GfnfnS16/6x4ZDEBPU4+7TpxVqcR+TZZlVFeTaePvQ=", new String(r.sign, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldEncodeAReplaceAsAnInPlaceModifyByOrderId()
    {
        final OrderRequest r = new OrderRequest(0);
        final OutboundCommand amend = command(CommandType.REPLACE, "mm-1-0");
        amend.orderId = 1100000000000010439L;
        amend.price = 3000005;
        amend.size = 30;
        System.arraycopy(amend.clientOid, 0, amend.newClientOid, 0, amend.clientOidLength);
        amend.newClientOidLength = amend.clientOidLength;
        assertEquals(Endpoint.MODIFY_ORDER, encoder.endpointOf(CommandType.REPLACE));
        encoder.encode(r, amend, table.instrument(0), 1700000000000L);
        assertEquals(Endpoint.MODIFY_ORDER, r.endpoint);
        assertEquals("/api/v3/trade/modify-order", path(r));
        assertEquals("{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000010439\"," +
            "\"price\":\"30000.05\",\"qty\":\"0.0030\"}", body(r));
        amend.orderId = 0;
        r.clear();
        encoder.encode(r, amend, table.instrument(0), 1700000000000L);
        assertEquals("{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"clientOid\":\"mm-1-0\"," +
            "\"price\":\"30000.05\",\"qty\":\"0.0030\"}", body(r), "before its ack the order is named by clientOid");
    }

    @Test
    void shouldEncodeCancelCancelAllAndQuery()
    {
        final OrderRequest r = new OrderRequest(0);
        final OutboundCommand cancel = command(CommandType.CANCEL, "mm-1-0");
        cancel.orderId = 77;
        encoder.encode(r, cancel, table.instrument(0), 1L);
        assertEquals("/api/v3/trade/cancel-order", path(r));
        assertEquals("{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"orderId\":\"77\"}", body(r));
        r.clear();
        encoder.encode(r, command(CommandType.CANCEL_ALL, "x"), table.instrument(0), 1L);
        assertEquals("/api/v3/trade/cancel-symbol-order", path(r));
        assertEquals("{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\"}", body(r));
        r.clear();
        encoder.encode(r, command(CommandType.QUERY_ORDER, "mm-1-0"), table.instrument(0), 1L);
        assertEquals(Endpoint.ORDER_INFO, r.endpoint);
        assertEquals("/api/v3/trade/order-info?clientOid=mm-1-0", path(r));
        assertEquals(0, r.bodyLength);
        r.clear();
        encoder.encodeTime(r);
        assertEquals("/api/v2/public/time", path(r), "v3 documents no time endpoint");
    }

    @Test
    void shouldEncodeBatchesAsTopLevelArraysOfAtMostTwenty()
    {
        assertEquals(20, encoder.maxBatch());
        final OutboundCommand first = command(CommandType.PLACE, "a");
        final OutboundCommand second = command(CommandType.PLACE, "b");
        second.side = Side.SELL;
        final OrderRequest r = new OrderRequest(0);
        encoder.encodeBatchPlace(r, new OutboundCommand[] {first, second}, 0, 2, table.instrument(0), 1L);
        assertEquals("/api/v3/trade/place-batch", path(r));
        assertEquals("[{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\"," +
            "\"timeInForce\":\"post_only\",\"price\":\"30000.01\",\"qty\":\"0.0010\",\"clientOid\":\"a\"},{\"category\":" +
            "\"SPOT\",\"symbol\":\"BTCUSDT\",\"side\":\"sell\",\"orderType\":\"limit\",\"timeInForce\":\"post_only\"," +
            "\"price\":\"30000.01\",\"qty\":\"0.0010\",\"clientOid\":\"b\"}]", body(r));
        assertEquals(2, r.orderCount());
        r.clear();
        encoder.encodeBatchCancel(r, new OutboundCommand[] {first, second}, 0, 2, table.instrument(0), 1L);
        assertEquals("/api/v3/trade/cancel-batch", path(r));
        assertEquals("[{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"clientOid\":\"a\"},{\"category\":\"SPOT\"," +
            "\"symbol\":\"BTCUSDT\",\"clientOid\":\"b\"}]", body(r));
    }

    @Test
    void shouldEncodeAndSignWithoutAllocating()
    {
        final OutboundCommand place = command(CommandType.PLACE, "mm-1700000000000-1");
        final OutboundCommand amend = command(CommandType.REPLACE, "mm-1700000000000-1");
        amend.orderId = 1100000000000010439L;
        final OutboundCommand[] batch = {place, place, place, place, place};
        final OrderRequest r = new OrderRequest(0);
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sink += run(r, place, amend, batch, i);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                sink += run(r, place, amend, batch, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        assertTrue(sink > 0);
        System.out.println("v3 encode+sign: " + allocated + " bytes allocated over 100000 place/modify/batch commands");
        assertEquals(0, allocated);
    }

    private long run(final OrderRequest r, final OutboundCommand place, final OutboundCommand amend,
        final OutboundCommand[] batch, final int i)
    {
        r.clear();
        final int kind = i % 3;
        if (kind == 0)
        {
            encoder.encode(r, place, table.instrument(0), 1700000000000L + i);
        }
        else if (kind == 1)
        {
            encoder.encode(r, amend, table.instrument(0), 1700000000000L + i);
        }
        else
        {
            encoder.encodeBatchPlace(r, batch, 0, batch.length, table.instrument(0), 1700000000000L + i);
        }
        return r.sign[0] + r.bodyLength;
    }
}
