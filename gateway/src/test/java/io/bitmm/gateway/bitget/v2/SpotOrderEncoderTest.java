package io.bitmm.gateway.bitget.v2;

import io.bitmm.gateway.order.OrderRequest;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.auth.HmacSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotOrderEncoderTest
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    private final InstrumentTable table = TestInstruments.table();
    private final SpotOrderEncoder encoder = new SpotOrderEncoder(new HmacSigner(SECRET));

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
    void shouldReproduceSigningVectorThreeExactly()
    {
        final OrderRequest r = new OrderRequest(0);
        assertTrue(encoder.encode(r, command(CommandType.PLACE, "mm-1700000000000-1"), table.instrument(0), 1700000000000L));
        assertEquals(Endpoint.PLACE_ORDER, r.endpoint);
        assertEquals("/api/v2/spot/trade/place-order", path(r));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\"," +
            "\"price\":\"30000.01\",\"size\":\"0.0010\",\"clientOid\":\"mm-1700000000000-1\"}", body(r));
        assertEquals("1700000000000", new String(r.timestamp, 0, r.timestampLength, StandardCharsets.US_ASCII));
        assertEquals("v49OQaqk0+v/sUasRcdf7R+DalUxo2Yg0qps7glS0Ew=", new String(r.sign, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldEncodeCancelReplaceCancelAllAndQuery()
    {
        final OrderRequest r = new OrderRequest(0);
        final OutboundCommand cancel = command(CommandType.CANCEL, "mm-1");
        encoder.encode(r, cancel, table.instrument(0), 1);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"clientOid\":\"mm-1\"}", body(r));
        r.clear();
        cancel.orderId = 1001;
        encoder.encode(r, cancel, table.instrument(0), 1);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"orderId\":\"1001\"}", body(r));
        r.clear();
        final OutboundCommand replace = command(CommandType.REPLACE, "mm-1");
        replace.orderId = 1001;
        replace.price = 3000100;
        System.arraycopy("mm-2".getBytes(StandardCharsets.US_ASCII), 0, replace.newClientOid, 0, 4);
        replace.newClientOidLength = 4;
        encoder.encode(r, replace, table.instrument(0), 1);
        assertEquals(Endpoint.CANCEL_REPLACE_ORDER, r.endpoint);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"orderId\":\"1001\",\"price\":\"30001.00\",\"size\":\"0.0010\"," +
            "\"newClientOid\":\"mm-2\"}", body(r));
        r.clear();
        encoder.encode(r, command(CommandType.CANCEL_ALL, "x"), table.instrument(0), 1);
        assertEquals(Endpoint.CANCEL_SYMBOL_ORDER, r.endpoint);
        assertEquals("{\"symbol\":\"BTCUSDT\"}", body(r));
        r.clear();
        encoder.encode(r, command(CommandType.QUERY_ORDER, "mm-1"), table.instrument(0), 1700000000000L);
        assertEquals("/api/v2/spot/trade/orderInfo?clientOid=mm-1", path(r));
        assertEquals(0, r.bodyLength);
        final HmacSigner check = new HmacSigner(SECRET);
        final byte[] prehash = "1700000000000GET/api/v2/spot/trade/orderInfo?clientOid=mm-1".getBytes(StandardCharsets.US_ASCII);
        check.update(prehash, 0, prehash.length);
        final byte[] expected = new byte[44];
        check.signBase64(expected, 0);
        assertEquals(new String(expected, StandardCharsets.US_ASCII), new String(r.sign, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldEncodeBatches()
    {
        final OutboundCommand[] commands = {command(CommandType.PLACE, "a1"), command(CommandType.PLACE, "a2")};
        commands[1].side = Side.SELL;
        commands[1].timeInForce = TimeInForce.GTC;
        final OrderRequest r = new OrderRequest(0);
        encoder.encodeBatchPlace(r, commands, 0, 2, table.instrument(0), 1);
        assertEquals(Endpoint.BATCH_ORDERS, r.endpoint);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"batchMode\":\"single\",\"orderList\":[" +
            "{\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\",\"price\":\"30000.01\",\"size\":\"0.0010\"," +
            "\"clientOid\":\"a1\"},{\"side\":\"sell\",\"orderType\":\"limit\",\"force\":\"gtc\",\"price\":\"30000.01\"," +
            "\"size\":\"0.0010\",\"clientOid\":\"a2\"}]}", body(r));
        assertEquals(2, r.orderCount);
        r.clear();
        encoder.encodeBatchCancel(r, commands, 0, 2, table.instrument(0), 1);
        assertEquals("{\"symbol\":\"BTCUSDT\",\"orderList\":[{\"clientOid\":\"a1\"},{\"clientOid\":\"a2\"}]}", body(r));
    }

    @Test
    void shouldEncodeAndSignWithoutAllocating()
    {
        final OutboundCommand place = command(CommandType.PLACE, "mm-1700000000000-1");
        final OutboundCommand cancel = command(CommandType.CANCEL, "mm-1700000000000-1");
        final OutboundCommand[] batch = {place, place, place, place, place};
        final OrderRequest r = new OrderRequest(0);
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sink += run(r, place, cancel, batch, i);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        final int iterations = 100_000;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < iterations; i++)
            {
                sink += run(r, place, cancel, batch, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        assertTrue(sink > 0);
        System.out.println("encode+sign: " + allocated + " bytes allocated over " + iterations + " place/cancel/batch commands");
        assertEquals(0, allocated);
    }

    private long run(final OrderRequest r, final OutboundCommand place, final OutboundCommand cancel,
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
            encoder.encode(r, cancel, table.instrument(0), 1700000000000L + i);
        }
        else
        {
            encoder.encodeBatchPlace(r, batch, 0, batch.length, table.instrument(0), 1700000000000L + i);
        }
        return r.sign[0] + r.bodyLength;
    }
}
