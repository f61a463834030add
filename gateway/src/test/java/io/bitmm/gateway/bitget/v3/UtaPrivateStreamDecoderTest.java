package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.CancelReason;
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
import io.bitmm.gateway.bitget.PrivateStreamCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * v3 private pushes as the sim writes them (sim/net/v3/V3Views.wsOrder, wsFill, V3Wallet.writePush).
 */
class UtaPrivateStreamDecoderTest
{
    static final String ORDER = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"order\"},\"data\":[" +
        "{\"category\":\"spot\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000010439\",\"clientOid\":\"mm-x-0\"," +
        "\"price\":\"30000.10\",\"qty\":\"0.0020\",\"amount\":\"0\",\"orderType\":\"limit\",\"timeInForce\":\"post_only\"," +
        "\"side\":\"buy\",\"cumExecQty\":\"0.0010\",\"cumExecValue\":\"30.0001\",\"avgPrice\":\"30000.10\"," +
        "\"orderStatus\":\"partially_filled\",\"cancelReason\":\"\",\"feeDetail\":[{\"feeCoin\":\"BTC\",\"fee\":\"0.0000002\"}]," +
        "\"createdTime\":\"1700000000000\",\"updatedTime\":\"1700000000100\",\"stpMode\":\"none\"}],\"ts\":1700000000101}";
    static final String FILL = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"fill\"},\"data\":[" +
        "{\"category\":\"SPOT\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000010439\",\"clientOid\":\"mm-x-0\"," +
        "\"execId\":\"2200000000000000003\",\"execLinkId\":\"1100000000000000001\",\"orderType\":\"limit\",\"side\":\"buy\"," +
        "\"holdSide\":\"\",\"tradeSide\":\"\",\"execPrice\":\"30000.10\",\"execQty\":\"0.0010\",\"execValue\":\"30.0001\"," +
        "\"execPnl\":\"0\",\"tradeScope\":\"maker\",\"feeDetail\":[{\"feeCoin\":\"BTC\",\"fee\":\"0.0000002\"}]," +
        "\"execTime\":\"1700000000100\",\"updatedTime\":\"1700000000100\"}],\"ts\":1700000000100}";
    static final String ACCOUNT = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"account\"},\"data\":[" +
        "{\"unrealisedPnL\":\"0\",\"totalEquity\":\"2200168.7\",\"effEquity\":\"2200168.7\",\"imr\":\"0\",\"mmr\":\"0\"," +
        "\"mgnRatio\":\"0\",\"positionMgnRatio\":\"0\",\"coin\":[{\"coin\":\"BTC\",\"balance\":\"10\",\"available\":\"9.5\"," +
        "\"locked\":\"0.5\",\"equity\":\"10\",\"usdValue\":\"300000\",\"borrow\":\"0\",\"debts\":\"0\"},{\"coin\":\"XRP\"," +
        "\"balance\":\"1\",\"available\":\"1\",\"locked\":\"0\"},{\"coin\":\"USDT\",\"balance\":\"1000000\"," +
        "\"available\":\"999000\",\"locked\":\"1000\"}]}],\"ts\":1700000000200}";

    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();
    private final UtaPrivateStreamDecoder decoder =
        new UtaPrivateStreamDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private int decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 7);
    }

    @Test
    void shouldDecodeAnOrderPushWithoutAFill()
    {
        assertEquals(PrivateStreamCodec.OK, decode(ORDER));
        assertEquals(1, publisher.events().size(), "v3 order pushes carry no fill");
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.ORDER_UPDATE, e.type);
        assertEquals("mm-x-0", new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII));
        assertEquals(1100000000000010439L, e.orderId);
        assertEquals(Side.BUY, e.side);
        assertEquals(3000010, e.price);
        assertEquals(20, e.size);
        assertEquals(10, e.cumulativeFilledSize);
        assertEquals(3000010, e.averagePrice);
        assertEquals(VenueOrderStatus.PARTIALLY_FILLED, e.venueStatus);
        assertEquals(TimeInForce.POST_ONLY, e.timeInForce);
        assertEquals(1700000000100L, e.venueTimeMs);
    }

    @Test
    void shouldReadNewAsLiveAndPostOnlyFillCancelAsPostOnlyWouldTake()
    {
        decode(ORDER.replace("partially_filled", "new"));
        assertEquals(VenueOrderStatus.LIVE, publisher.events().get(0).venueStatus);
        decode(ORDER.replace("partially_filled", "cancelled").replace("\"cancelReason\":\"\"",
            "\"cancelReason\":\"post_only_fill_cancel\""));
        assertEquals(VenueOrderStatus.CANCELLED, publisher.events().get(1).venueStatus);
        assertEquals(CancelReason.POST_ONLY_WOULD_TAKE, publisher.events().get(1).cancelReason);
    }

    @Test
    void shouldDecodeAFillPushWithItsExecIdAsTradeIdAndAPositiveFeeAsPaid()
    {
        assertEquals(PrivateStreamCodec.OK, decode(FILL));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.FILL, e.type);
        assertEquals("mm-x-0", new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII));
        assertEquals(2200000000000000003L, e.tradeId);
        assertEquals(3000010, e.price);
        assertEquals(10, e.size);
        assertEquals(Side.BUY, e.side);
        assertEquals(20, e.fee, "0.0000002 BTC paid (positive on v3), 8 decimals");
        assertEquals(0, e.feeAssetId, "BTC");
        assertEquals(true, e.maker);
        assertEquals(1700000000100L, e.venueTimeMs);
        decode(FILL.replace("\"fee\":\"0.0000002\"", "\"fee\":\"-0.0000001\""));
        assertEquals(-10, publisher.events().get(1).fee, "a rebate is negative");
    }

    @Test
    void shouldDecodeTheAccountsCoinArraySkippingCoinsNotTraded()
    {
        assertEquals(PrivateStreamCodec.OK, decode(ACCOUNT));
        assertEquals(2, publisher.events(EventType.BALANCE).size());
        final InboundEvent btc = publisher.events(EventType.BALANCE).get(0);
        assertEquals(0, btc.assetId);
        assertEquals(950_000_000L, btc.available);
        assertEquals(50_000_000L, btc.frozen, "locked is what open orders hold");
        assertEquals(2, publisher.events(EventType.BALANCE).get(1).assetId);
        // a coin row has no time in v3 (§8.5): nothing was defaulted (every account push counted 2 defaults before)
        assertEquals(0, counters.get(GatewayCounters.FIELD_DEFAULTS));
    }

    @Test
    void shouldRecogniseLoginSubscribeAndErrors()
    {
        assertEquals(PrivateStreamCodec.CONTROL, decode("{\"event\":\"login\",\"code\":0,\"msg\":\"\",\"connId\":\"5eed0001\"}"));
        assertEquals(PrivateStreamCodec.EVENT_LOGIN, decoder.event());
        assertEquals(0, decoder.code());
        assertEquals(PrivateStreamCodec.CONTROL, decode("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"fill\"}}"));
        assertEquals(PrivateStreamCodec.EVENT_SUBSCRIBE, decoder.event());
        assertEquals(PrivateStreamCodec.CONTROL, decode("{\"event\":\"error\",\"code\":30005,\"msg\":\"Login failed\"}"));
        assertEquals(30005, decoder.code());
        assertEquals(3, decoder.channels());
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"UTA\",\"topic\":\"order\"},{\"instType\":\"UTA\"," +
            "\"topic\":\"fill\"},{\"instType\":\"UTA\",\"topic\":\"account\"}]}", decoder.subscription());
    }

    @Test
    void shouldQueryAnOrderWhoseStatusIsUnreadable()
    {
        decode(ORDER.replace("partially_filled", "sleeping"));
        assertEquals(EventType.COMMAND_UNKNOWN, publisher.events().get(0).type);
        assertEquals(1, counters.get(GatewayCounters.FIELD_QUERIES));
        assertFalse(publisher.events().isEmpty());
    }

    @Test
    void shouldDecodePrivatePushesWithoutAllocating()
    {
        final TestPublisher ring = new TestPublisher(1024, false);
        final GatewayCounters quiet = new GatewayCounters();
        final UtaPrivateStreamDecoder allocationDecoder =
            new UtaPrivateStreamDecoder(TestInstruments.table(), ring, quiet, new DistinctErrorLog());
        final byte[][] frames = {
            ORDER.getBytes(StandardCharsets.UTF_8), ACCOUNT.getBytes(StandardCharsets.UTF_8), FILL.getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < 200_000; i++)
        {
            allocationDecoder.onFrame(frames[i % 3], 0, frames[i % 3].length, i);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                allocationDecoder.onFrame(frames[i % 3], 0, frames[i % 3].length, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        System.out.println("v3 private decode: " + allocated + " bytes allocated over 100000 frames");
        assertEquals(0, quiet.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(0, allocated);
    }
}
