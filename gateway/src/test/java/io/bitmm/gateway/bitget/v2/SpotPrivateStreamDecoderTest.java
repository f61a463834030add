package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SpotPrivateStreamDecoderTest
{
    public static final String ORDERS = "{\"action\":\"snapshot\"," +
        "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"orders\",\"instId\":\"default\"}," +
        "\"data\":[{\"instId\":\"BTCUSDT\",\"orderId\":\"1111461743123927040\",\"clientOid\":\"mm-1\",\"price\":\"30000.10\"," +
        "\"size\":\"30.0001\",\"newSize\":\"0.0010\",\"notional\":\"30.000100\",\"orderType\":\"limit\",\"force\":\"post_only\"," +
        "\"side\":\"buy\",\"fillPrice\":\"30000.10\",\"tradeId\":\"1111461743123927041\",\"baseVolume\":\"0.0004\"," +
        "\"fillTime\":\"1700000000300\",\"fillFee\":\"-0.0000004\",\"fillFeeCoin\":\"BTC\",\"tradeScope\":\"M\"," +
        "\"accBaseVolume\":\"0.0004\",\"priceAvg\":\"30000.10\",\"status\":\"partially_filled\",\"cTime\":\"1700000000000\"," +
        "\"uTime\":\"1700000000300\",\"stpMode\":\"none\",\"feeDetail\":[{\"feeCoin\":\"BTC\",\"fee\":\"-0.0000004\"}]," +
        "\"enterPointSource\":\"API\"}],\"ts\":1700000000310}";
    public static final String FILL = "{\"action\":\"snapshot\"," +
        "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"fill\",\"instId\":\"default\"}," +
        "\"data\":[{\"orderId\":\"1111461743123927040\",\"tradeId\":\"1111461743123927041\",\"symbol\":\"BTCUSDT\"," +
        "\"orderType\":\"limit\",\"side\":\"buy\",\"priceAvg\":\"30000.10\",\"size\":\"0.0004\",\"amount\":\"12.00004\"," +
        "\"tradeScope\":\"maker\",\"feeDetail\":[{\"feeCoin\":\"BTC\",\"deduction\":\"no\",\"totalDeductionFee\":\"0\"," +
        "\"totalFee\":\"-0.0000004\"}],\"cTime\":\"1700000000300\",\"uTime\":\"1700000000300\"}],\"ts\":1700000000310}";
    public static final String ACCOUNT = "{\"action\":\"snapshot\"," +
        "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"account\",\"coin\":\"default\"}," +
        "\"data\":[{\"coin\":\"USDT\",\"available\":\"100000\",\"frozen\":\"12.5\",\"locked\":\"0\",\"limitAvailable\":\"0\"," +
        "\"uTime\":\"1700000000400\"},{\"coin\":\"DOGE\",\"available\":\"1\",\"frozen\":\"0\"}],\"ts\":1700000000410}";

    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();

    private int decode(final SpotPrivateStreamDecoder decoder, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 7);
    }

    private SpotPrivateStreamDecoder decoder(final boolean fillsFromOrders)
    {
        return new SpotPrivateStreamDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog(), fillsFromOrders);
    }

    @Test
    void shouldDecodeOrderPushWithItsFill()
    {
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(true), ORDERS));
        final List<InboundEvent> events = publisher.events();
        assertEquals(2, events.size());
        final InboundEvent order = events.get(0);
        assertEquals(EventType.ORDER_UPDATE, order.type);
        assertEquals(0, order.instrumentId);
        assertEquals("mm-1", new String(order.clientOid, 0, order.clientOidLength, StandardCharsets.US_ASCII));
        assertEquals(1111461743123927040L, order.orderId);
        assertEquals(3000010, order.price);
        assertEquals(10, order.size, "newSize is the order quantity");
        assertEquals(4, order.cumulativeFilledSize);
        assertEquals(3000010, order.averagePrice);
        assertEquals(VenueOrderStatus.PARTIALLY_FILLED, order.venueStatus);
        assertEquals(TimeInForce.POST_ONLY, order.timeInForce);
        assertEquals(Side.BUY, order.side);
        assertEquals(1700000000300L, order.venueTimeMs);
        assertEquals(7, order.timestampNanos);
        final InboundEvent fill = events.get(1);
        assertEquals(EventType.FILL, fill.type);
        assertEquals(1111461743123927041L, fill.tradeId);
        assertEquals(3000010, fill.price);
        assertEquals(4, fill.size);
        assertTrue(fill.maker);
        assertEquals(40, fill.fee, "0.0000004 BTC in 1e-8 units");
        assertEquals(0, fill.feeAssetId);
        assertEquals("mm-1", new String(fill.clientOid, 0, fill.clientOidLength, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldDecodeFillChannelWhenConfigured()
    {
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(true), FILL));
        assertEquals(0, publisher.publishedCount(), "fills come from the orders channel by default");
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(false), FILL));
        final InboundEvent fill = publisher.events().get(0);
        assertEquals(EventType.FILL, fill.type);
        assertEquals(1111461743123927041L, fill.tradeId);
        assertEquals(1111461743123927040L, fill.orderId);
        assertEquals(3000010, fill.price);
        assertEquals(4, fill.size);
        assertTrue(fill.maker);
        assertEquals(40, fill.fee);
        assertEquals(0, fill.feeAssetId);
    }

    /** Issue 11, fault 3: a 0.0004 BTC maker buy whose {@code orders} push carries a rebate of 0.0000002 BTC. */
    public static final String ORDERS_REBATE = ORDERS.replace("\"fillFee\":\"-0.0000004\"", "\"fillFee\":\"0.0000002\"")
        .replace("\"fee\":\"-0.0000004\"", "\"fee\":\"0.0000002\"");
    /** The same rebate as a {@code fill} push: {@code "totalFee":"0.0000002","deduction":"no"}. */
    public static final String FILL_REBATE = FILL.replace("\"totalFee\":\"-0.0000004\"", "\"totalFee\":\"0.0000002\"");

    @Test
    void shouldBookARebateOnAnOrdersPushAsANegativeFee()
    {
        assertTrue(ORDERS_REBATE.contains("\"fillFee\":\"0.0000002\",\"fillFeeCoin\":\"BTC\""));
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(true), ORDERS_REBATE));
        final InboundEvent fill = publisher.events(EventType.FILL).get(0);
        assertEquals(4, fill.size, "0.0004 BTC");
        assertEquals(-20, fill.fee, "a rebate of 0.0000002 BTC received: fee -20 amount units");
        assertEquals(0, fill.feeAssetId);
    }

    @Test
    void shouldBookARebateOnAFillPushAsANegativeFee()
    {
        assertTrue(FILL_REBATE.contains("\"deduction\":\"no\"") && FILL_REBATE.contains("\"totalFee\":\"0.0000002\""));
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(false), FILL_REBATE));
        final InboundEvent fill = publisher.events(EventType.FILL).get(0);
        assertEquals(-20, fill.fee, "a rebate of 0.0000002 BTC received: fee -20 amount units");
        assertEquals(0, fill.feeAssetId);
    }

    @Test
    void shouldBookAFeePaidInBgbAsPaidOutsideTheTradedCoins()
    {
        final String bgb = FILL.replace("\"feeCoin\":\"BTC\",\"deduction\":\"no\",\"totalDeductionFee\":\"0\"," +
            "\"totalFee\":\"-0.0000004\"", "\"feeCoin\":\"BGB\",\"deduction\":\"yes\",\"totalDeductionFee\":\"0\"," +
            "\"totalFee\":\"0.0015552\"");
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(false), bgb));
        final InboundEvent fill = publisher.events(EventType.FILL).get(0);
        assertEquals(155_520, fill.fee, "deduction yes: paid in BGB, positive as written");
        assertEquals(InboundEvent.FEE_ASSET_OTHER, fill.feeAssetId, "BGB is neither the base nor the quote coin");
    }

    @Test
    void shouldDecodeAccountSkippingUnknownCoins()
    {
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(true), ACCOUNT));
        final List<InboundEvent> events = publisher.events();
        assertEquals(1, events.size());
        final InboundEvent balance = events.get(0);
        assertEquals(EventType.BALANCE, balance.type);
        assertEquals(2, balance.assetId);
        assertEquals(100000L * 100_000_000L, balance.available);
        assertEquals(1_250_000_000L, balance.frozen);
    }

    @Test
    void shouldRecogniseLoginAndErrors()
    {
        final SpotPrivateStreamDecoder decoder = decoder(true);
        assertEquals(SpotPrivateStreamDecoder.CONTROL, decode(decoder, "{\"event\":\"login\",\"code\":0,\"msg\":\"\"}"));
        assertEquals(SpotPrivateStreamDecoder.EVENT_LOGIN, decoder.event());
        assertEquals(0, decoder.code());
        assertEquals(SpotPrivateStreamDecoder.CONTROL, decode(decoder, "{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\"}"));
        assertEquals(0, decoder.code());
        assertEquals(SpotPrivateStreamDecoder.CONTROL, decode(decoder, "{\"event\":\"error\",\"code\":30005,\"msg\":\"x\"}"));
        assertEquals(SpotPrivateStreamDecoder.EVENT_ERROR, decoder.event());
        assertEquals(30005, decoder.code());
        assertEquals(SpotPrivateStreamDecoder.PONG, decode(decoder, "pong"));
    }

    @Test
    void shouldCountBrokenFramesAndRecover()
    {
        final SpotPrivateStreamDecoder decoder = decoder(true);
        assertEquals(SpotPrivateStreamDecoder.ERROR, decode(decoder, ORDERS.substring(0, 100)));
        assertEquals(SpotPrivateStreamDecoder.ERROR, decode(decoder, "{]"));
        assertEquals(2, counters.get(GatewayCounters.DECODE_ERRORS));
        assertTrue(publisher.events().isEmpty());
        // a well-formed push with an unreadable price: not a frame error, the order is queried
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder, ORDERS.replace("\"30000.10\"", "\"3x\"")));
        assertEquals(2, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(2, publisher.events(EventType.COMMAND_UNKNOWN).size(), "the update and the fill: query the order");
        assertEquals(2, counters.get(GatewayCounters.FIELD_QUERIES));
        publisher.clear();
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder, ORDERS));
        assertFalse(publisher.events(EventType.ORDER_UPDATE).isEmpty());
    }

    @Test
    void shouldDecodeDataBeforeArg()
    {
        final String reordered = "{\"data\":[{\"coin\":\"BTC\",\"available\":\"1.5\",\"frozen\":\"0\"}]," +
            "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"account\",\"coin\":\"default\"},\"action\":\"snapshot\"}";
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder(true), reordered));
        assertEquals(150_000_000L, publisher.events(EventType.BALANCE).get(0).available);
    }

    @Test
    void shouldDecodePrivatePushesWithoutAllocating()
    {
        final TestPublisher ring = new TestPublisher(1024, false);
        final SpotPrivateStreamDecoder decoder =
            new SpotPrivateStreamDecoder(TestInstruments.table(), ring, counters, new DistinctErrorLog(), true);
        final byte[][] frames = {
            ORDERS.getBytes(StandardCharsets.UTF_8), ACCOUNT.getBytes(StandardCharsets.UTF_8), FILL.getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < 200_000; i++)
        {
            decoder.onFrame(frames[i % 3], 0, frames[i % 3].length, i);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                decoder.onFrame(frames[i % 3], 0, frames[i % 3].length, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        System.out.println("private decode: " + allocated + " bytes allocated over 100000 frames");
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(0, allocated);
    }

    @Test
    void shouldDecodeTheNextFrameAfterAnArrayWhereAnObjectBelongs()
    {
        final SpotPrivateStreamDecoder decoder = decoder(true);
        final String bad = ACCOUNT.replace("{\"coin\":\"DOGE\"", "[\"coin\",{\"x\":1}],{\"coin\":\"DOGE\"")
            .replace("\"frozen\":\"0\"}]", "\"frozen\":\"0\"]]");
        assertEquals(SpotPrivateStreamDecoder.ERROR, decode(decoder, bad));
        publisher.clear();
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder, ORDERS));
        assertEquals(2, publisher.events().size());
    }

    @Test
    void shouldDecodeTheNextFrameAfterOneEndingInAnUnfinishedString()
    {
        // fuzzer finding: '{...}"subsc' left the parser inside a string, so the next good frame failed too
        final SpotPrivateStreamDecoder decoder = decoder(true);
        assertEquals(SpotPrivateStreamDecoder.ERROR,
            decode(decoder, "{\"event\":\"subscribe\",\"arg\":{\"instType\":\"orders\",\"instId\":\"defa\"}}\"subsc"));
        assertEquals(SpotPrivateStreamDecoder.OK, decode(decoder, ORDERS));
        assertEquals(2, publisher.events().size());
    }
}
