package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Classic v2 USDT-M futures codecs against the shapes of bitget-v2-protocol.md §6 and §12 (and the sim's pushes).
 */
class MixCodecsTest
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    private final Instrument perp = InstrumentFactory.futures(
        0, "BTCUSDT", 0, 1, "1", "1", "4", "0.0001", "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
    private final InstrumentTable table = new InstrumentTable(List.of(perp), List.of("BTC", "USDT"));
    private final MixOrderEncoder encoder = new MixOrderEncoder(new HmacSigner(SECRET), "crossed");
    private final TestPublisher publisher = new TestPublisher();

    private static String body(final OrderRequest r)
    {
        return new String(r.body, 0, r.bodyLength, StandardCharsets.US_ASCII);
    }

    private static String path(final OrderRequest r)
    {
        return new String(r.path, 0, r.pathLength, StandardCharsets.US_ASCII);
    }

    private static String positions(final String data)
    {
        return "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"USDT-FUTURES\",\"channel\":\"positions\",\"instId\":\"default\"}," +
            "\"data\":[" + data + "],\"ts\":1700000000310}";
    }

    private static String position(final String holdSide, final String total, final String totalFee)
    {
        return "{\"posId\":\"1\",\"instId\":\"BTCUSDT\",\"marginCoin\":\"USDT\",\"marginMode\":\"crossed\",\"holdSide\":\"" +
            holdSide + "\",\"posMode\":\"one_way_mode\",\"total\":\"" + total + "\",\"available\":\"" + total +
            "\",\"frozen\":\"0\",\"openPriceAvg\":\"60000.5\",\"leverage\":5,\"achievedProfits\":\"0\"," +
            "\"unrealizedPL\":\"-0.12\",\"totalFee\":\"" + totalFee + "\",\"deductedFee\":\"0.024\",\"markPrice\":\"59990.1\"," +
            "\"uTime\":\"1700000000300\"}";
    }

    private void decode(final SpotPrivateStreamDecoder decoder, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        assertEquals(SpotPrivateStreamDecoder.OK, decoder.onFrame(bytes, 0, bytes.length, 7));
    }

    @Test
    void shouldPlaceWithProductMarginAndReduceOnly()
    {
        final OutboundCommand c = SpotOrderEncoderTest.command(CommandType.PLACE, "mm-1");
        c.price = 600_005;
        c.size = 20;
        c.side = Side.SELL;
        c.reduceOnly = true;
        final OrderRequest r = new OrderRequest(0);
        assertTrue(encoder.encode(r, c, perp, 1700000000000L));
        assertEquals(Endpoint.PLACE_ORDER, r.endpoint);
        assertEquals("/api/v2/mix/order/place-order", path(r));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"crossed\"," +
            "\"side\":\"sell\",\"orderType\":\"limit\",\"force\":\"post_only\",\"price\":\"60000.5\",\"size\":\"0.0020\"," +
            "\"clientOid\":\"mm-1\",\"reduceOnly\":\"YES\"}", body(r));
        c.reduceOnly = false;
        assertTrue(encoder.encode(r, c, perp, 1700000000000L));
        assertTrue(body(r).endsWith("\"reduceOnly\":\"NO\"}"), body(r));
    }

    @Test
    void shouldBatchPlaceAndCancelWithTheSharedFields()
    {
        final OutboundCommand a = SpotOrderEncoderTest.command(CommandType.PLACE, "a1");
        a.price = 600_005;
        a.size = 20;
        final OutboundCommand b = SpotOrderEncoderTest.command(CommandType.PLACE, "a2");
        b.price = 600_015;
        b.size = 20;
        b.side = Side.SELL;
        b.reduceOnly = true;
        final OrderRequest r = new OrderRequest(0);
        encoder.encodeBatchPlace(r, new OutboundCommand[]{a, b}, 0, 2, perp, 1700000000000L);
        assertEquals("/api/v2/mix/order/batch-place-order", path(r));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"marginMode\":\"crossed\"," +
            "\"orderList\":[{\"side\":\"buy\",\"orderType\":\"limit\",\"force\":\"post_only\",\"price\":\"60000.5\"," +
            "\"size\":\"0.0020\",\"clientOid\":\"a1\",\"reduceOnly\":\"NO\"},{\"side\":\"sell\",\"orderType\":\"limit\"," +
            "\"force\":\"post_only\",\"price\":\"60001.5\",\"size\":\"0.0020\",\"clientOid\":\"a2\",\"reduceOnly\":\"YES\"}]}",
            body(r));
        assertEquals(2, r.orderCount);
        r.clear();
        encoder.encodeBatchCancel(r, new OutboundCommand[]{a, b}, 0, 2, perp, 1700000000000L);
        assertEquals("/api/v2/mix/order/batch-cancel-orders", path(r));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"orderIdList\":[" +
            "{\"clientOid\":\"a1\"},{\"clientOid\":\"a2\"}]}", body(r));
        final OutboundCommand cancel = SpotOrderEncoderTest.command(CommandType.CANCEL, "a1");
        r.clear();
        assertTrue(encoder.encode(r, cancel, perp, 1700000000000L));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"clientOid\":\"a1\"}",
            body(r), "by clientOid while the venue's id is unknown");
        assertTrue(r.signed);
    }

    @Test
    void shouldEncodeAndSignMixRequestsWithoutAllocating()
    {
        final OutboundCommand place = SpotOrderEncoderTest.command(CommandType.PLACE, "mm-1700000000000-1");
        place.reduceOnly = true;
        final OutboundCommand replace = SpotOrderEncoderTest.command(CommandType.REPLACE, "mm-1700000000000-1");
        replace.orderId = 1200000000000000007L;
        replace.newClientOidLength = 4;
        final OutboundCommand[] batch = {place, place, place, place, place};
        final OrderRequest r = new OrderRequest(0);
        long sink = 0;
        for (int i = 0; i < 200_000; i++)
        {
            sink += encodeOne(r, place, replace, batch, i);
        }
        final io.bitmm.gateway.AllocationMeter meter = new io.bitmm.gateway.AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                sink += encodeOne(r, place, replace, batch, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        assertTrue(sink > 0);
        assertEquals(0, allocated, "bytes allocated over 100k mix place/modify/batch/batch-cancel requests");
    }

    private long encodeOne(final OrderRequest r, final OutboundCommand place, final OutboundCommand replace,
        final OutboundCommand[] batch, final int i)
    {
        r.clear();
        switch (i & 3)
        {
            case 0:
                encoder.encode(r, place, perp, 1700000000000L + i);
                break;
            case 1:
                encoder.encode(r, replace, perp, 1700000000000L + i);
                break;
            case 2:
                encoder.encodeBatchPlace(r, batch, 0, batch.length, perp, 1700000000000L + i);
                break;
            default:
                encoder.encodeBatchCancel(r, batch, 0, batch.length, perp, 1700000000000L + i);
                break;
        }
        return r.sign[0] + r.bodyLength;
    }

    @Test
    void shouldModifyCancelAllAndQueryOnMixPaths()
    {
        final OutboundCommand c = SpotOrderEncoderTest.command(CommandType.REPLACE, "mm-1");
        c.orderId = 77;
        c.price = 600_010;
        c.size = 20;
        final byte[] newOid = "mm-2".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(newOid, 0, c.newClientOid, 0, newOid.length);
        c.newClientOidLength = newOid.length;
        final OrderRequest r = new OrderRequest(0);
        assertTrue(encoder.encode(r, c, perp, 1700000000000L));
        assertEquals("/api/v2/mix/order/modify-order", path(r));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\",\"orderId\":\"77\"," +
            "\"newClientOid\":\"mm-2\",\"newPrice\":\"60001.0\",\"newSize\":\"0.0020\"}", body(r));

        final OrderRequest all = new OrderRequest(0);
        assertTrue(encoder.encode(all, SpotOrderEncoderTest.command(CommandType.CANCEL_ALL, "x"), perp, 1700000000000L));
        assertEquals("/api/v2/mix/order/batch-cancel-orders", path(all));
        assertEquals("{\"symbol\":\"BTCUSDT\",\"productType\":\"USDT-FUTURES\",\"marginCoin\":\"USDT\"}", body(all),
            "no orderIdList: every order of the symbol");

        final OrderRequest q = new OrderRequest(0);
        assertTrue(encoder.encode(q, SpotOrderEncoderTest.command(CommandType.QUERY_ORDER, "mm-1"), perp, 1700000000000L));
        assertEquals("/api/v2/mix/order/detail?clientOid=mm-1&productType=USDT-FUTURES&symbol=BTCUSDT", path(q));
    }

    @Test
    void shouldSubscribeFuturesChannelsAndReportPositionsAndFunding()
    {
        final SpotPrivateStreamDecoder decoder = new SpotPrivateStreamDecoder(table, publisher, new GatewayCounters(),
            new DistinctErrorLog(), true, "USDT-FUTURES");
        assertTrue(decoder.subscription().contains("{\"instType\":\"USDT-FUTURES\",\"channel\":\"positions\",\"instId\":\"default\"}"));
        assertEquals(4, decoder.channels());

        decode(decoder, positions(position("short", "0.0040", "0.5")));
        InboundEvent report = publisher.events(EventType.POSITION_SNAPSHOT).get(0);
        assertEquals(-40, report.size, "short 0.0040");
        assertEquals(600_005, report.averagePrice);
        assertEquals(599_901, report.price);
        assertEquals(-12_000_000, report.amount);
        assertTrue(publisher.events(EventType.FUNDING).isEmpty(), "the first push sets the baseline");

        publisher.clear();
        decode(decoder, positions(position("short", "0.0040", "0.56")));
        final InboundEvent funding = publisher.events(EventType.FUNDING).get(0);
        assertEquals(6_000_000, funding.amount, "0.06 USDT received by the short");
        assertEquals(-40, funding.size);
        assertEquals(1, funding.assetId, "USDT");

        publisher.clear();
        decode(decoder, positions(""));
        report = publisher.events(EventType.POSITION_SNAPSHOT).get(0);
        assertEquals(0, report.size, "a closed position drops out of the list: flat");
        assertTrue(publisher.events(EventType.FUNDING).isEmpty());

        publisher.clear();
        decode(decoder, positions(position("long", "0.0010", "0")));
        assertEquals(10, publisher.events(EventType.POSITION_SNAPSHOT).get(0).size);
        assertTrue(publisher.events(EventType.FUNDING).isEmpty(), "a new position starts with no funding");
    }

    @Test
    void shouldReadTheFuturesAccountByMarginCoin()
    {
        final SpotPrivateStreamDecoder decoder = new SpotPrivateStreamDecoder(table, publisher, new GatewayCounters(),
            new DistinctErrorLog(), true, "USDT-FUTURES");
        decode(decoder, "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"USDT-FUTURES\",\"channel\":\"account\",\"coin\":\"default\"}," +
            "\"data\":[{\"marginCoin\":\"USDT\",\"frozen\":\"1.5\",\"available\":\"11.98\",\"equity\":\"13.48\"}],\"ts\":1}");
        final InboundEvent balance = publisher.events(EventType.BALANCE).get(0);
        assertEquals(1, balance.assetId);
        assertEquals(1_198_000_000L, balance.available);
        assertEquals(150_000_000L, balance.frozen);
    }
}
