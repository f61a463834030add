package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.AllocationMeter;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.bitget.PrivateStreamCodec;
import io.bitmm.gateway.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * UTA v3 USDT-FUTURES codecs against bitget-v3-uta-protocol.md §5.1, §8.2, §8.5 and the sim's v3 futures frames
 * (sim/net/v3/V3Products.writePositionPush, V3Streams): orders with {@code category USDT-FUTURES} and
 * {@code reduceOnly}, books subscribed with {@code instType usdt-futures}, the private {@code position} topic as
 * POSITION_SNAPSHOT and FUNDING.
 */
class UtaFuturesCodecsTest
{
    private static final byte[] SECRET = "bitget-test-secret-0001".getBytes(StandardCharsets.UTF_8);
    private final Instrument perp = InstrumentFactory.usdtPerpetual(0, "BTCUSDT", 0, 1, "1", "0.1", "4", "0.0001",
        "0.0001", "5", "0.05", "0.05", "0.0002", "0.0006", "200", "");
    private final InstrumentTable table = new InstrumentTable(List.of(perp), List.of("BTC", "USDT"));
    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();

    private static String body(final OrderRequest r)
    {
        return new String(r.body, 0, r.bodyLength, StandardCharsets.US_ASCII);
    }

    private static String positions(final String data)
    {
        return "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"position\"},\"data\":[" + data +
            "],\"ts\":1700000000310}";
    }

    /** A {@code position} element as the sim writes it (V3Products.writePositionPush). */
    private static String position(final String posSide, final String status, final String size, final String funding)
    {
        return "{\"symbol\":\"BTCUSDT\",\"marginCoin\":\"USDT\",\"marginSize\":\"24.0\",\"marginMode\":\"crossed\"," +
            "\"posSide\":\"" + posSide + "\",\"holdMode\":\"one_way_mode\",\"positionStatus\":\"" + status + "\"," +
            "\"size\":\"" + size + "\",\"available\":\"" + size + "\",\"frozen\":\"0\",\"avgPrice\":\"60000.5\"," +
            "\"leverage\":\"5\",\"curRealisedPnl\":\"0\",\"unrealisedPnl\":\"-0.12\",\"liqPrice\":\"0\",\"mmr\":\"0.004\"," +
            "\"marginRate\":\"0\",\"markPrice\":\"59990.1\",\"breakEvenPrice\":\"60000.5\",\"profitRate\":\"-0.005\"," +
            "\"totalFundingFee\":\"" + funding + "\",\"openFeeTotal\":\"-0.024\",\"closeFeeTotal\":\"0\"," +
            "\"createdTime\":\"1700000000000\",\"updatedTime\":\"1700000000300\"}";
    }

    private UtaPrivateStreamDecoder privateDecoder()
    {
        return new UtaPrivateStreamDecoder(table, publisher, counters, new DistinctErrorLog(), true);
    }

    private static int decode(final PrivateStreamCodec decoder, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 7);
    }

    @Test
    void shouldPlaceWithTheFuturesCategoryAndReduceOnlyWhenAsked()
    {
        final UtaOrderEncoder encoder = new UtaOrderEncoder(new HmacSigner(SECRET));
        final OrderRequest r = new OrderRequest(0);
        final OutboundCommand place = UtaOrderEncoderTest.command(CommandType.PLACE, "mm-1-0");
        place.price = 600005;
        place.size = 20;
        assertTrue(encoder.encode(r, place, perp, 1700000000000L));
        assertEquals("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"orderType\":\"limit\"," +
            "\"timeInForce\":\"post_only\",\"price\":\"60000.5\",\"qty\":\"0.0020\",\"clientOid\":\"mm-1-0\"}", body(r),
            "one-way mode: no posSide, no reduceOnly when opening");

        place.reduceOnly = true;
        place.side = Side.SELL;
        final OrderRequest reduce = new OrderRequest(0);
        assertTrue(encoder.encode(reduce, place, perp, 1700000000000L));
        assertEquals("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"side\":\"sell\",\"orderType\":\"limit\"," +
            "\"timeInForce\":\"post_only\",\"price\":\"60000.5\",\"qty\":\"0.0020\",\"clientOid\":\"mm-1-0\"," +
            "\"reduceOnly\":\"yes\"}", body(reduce));

        final OutboundCommand cancel = UtaOrderEncoderTest.command(CommandType.CANCEL, "mm-1-0");
        final OrderRequest c = new OrderRequest(0);
        assertTrue(encoder.encode(c, cancel, perp, 1700000000000L));
        assertTrue(body(c).startsWith("{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\""), body(c));
    }

    @Test
    void shouldSubscribeUsdtFuturesBooksAndThePositionTopic()
    {
        final UtaMarketDataDecoder md = new UtaMarketDataDecoder(table, publisher, counters, new DistinctErrorLog(),
            "usdt-futures");
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"usdt-futures\",\"topic\":\"books\",\"symbol\":" +
            "\"BTCUSDT\"},{\"instType\":\"usdt-futures\",\"topic\":\"publicTrade\",\"symbol\":\"BTCUSDT\"}," +
            "{\"instType\":\"usdt-futures\",\"topic\":\"ticker\",\"symbol\":\"BTCUSDT\"}]}",
            md.subscription("subscribe", -1, true), "the ticker too: its markPrice marks the perpetual");
        final UtaPrivateStreamDecoder decoder = privateDecoder();
        assertEquals(4, decoder.channels());
        assertTrue(decoder.subscription().contains("{\"instType\":\"UTA\",\"topic\":\"position\"}"),
            decoder.subscription());
        assertEquals(3, new UtaPrivateStreamDecoder(table, publisher, counters, new DistinctErrorLog()).channels(),
            "spot subscribes no position topic");
    }

    @Test
    void shouldDecodeFuturesBooks()
    {
        final UtaMarketDataDecoder md = new UtaMarketDataDecoder(table, publisher, counters, new DistinctErrorLog(),
            "usdt-futures");
        final byte[] frame = ("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"usdt-futures\",\"topic\":\"books\"," +
            "\"symbol\":\"BTCUSDT\"},\"data\":[{\"a\":[[\"60000.6\",\"0.5000\"]],\"b\":[[\"60000.5\",\"1.2500\"]]," +
            "\"pseq\":0,\"seq\":77,\"ts\":\"1700000000000\"}],\"ts\":1700000000004}").getBytes(StandardCharsets.UTF_8);
        assertEquals(MarketDataCodec.OK, md.onFrame(frame, 0, frame.length, 1));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, e.type);
        assertEquals(600006, e.askPrices[0]);
        assertEquals(12500, e.bidSizes[0]);
    }

    @Test
    void shouldChargeAFuturesFillWithoutAFeeCoinInTheMarginCoin()
    {
        final UtaPrivateStreamDecoder decoder = privateDecoder();
        final String fill = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"UTA\",\"topic\":\"fill\"},\"data\":[" +
            "{\"category\":\"USDT-FUTURES\",\"symbol\":\"BTCUSDT\",\"orderId\":\"1100000000000010439\"," +
            "\"clientOid\":\"mm-x-0\",\"execId\":\"2200000000000000003\",\"orderType\":\"limit\",\"side\":\"buy\"," +
            "\"execPrice\":\"60000.5\",\"execQty\":\"0.0010\",\"execValue\":\"60.0005\",\"tradeScope\":\"maker\"," +
            "\"feeDetail\":[{\"fee\":\"0.012\"}],\"execTime\":\"1700000000100\"}],\"ts\":1700000000100}";
        assertEquals(PrivateStreamCodec.OK, decode(decoder, fill));
        final InboundEvent e = publisher.events(EventType.FILL).get(0);
        assertEquals(Side.BUY, e.side);
        assertEquals(1_200_000L, e.fee);
        // a perpetual's fee is paid in the margin coin, not in the bought coin as on spot (same as the fill history)
        assertEquals(1, e.feeAssetId, "USDT");
    }

    @Test
    void shouldReportTheOneWayPositionSignedAndItsFundingSinceTheLastPush()
    {
        final UtaPrivateStreamDecoder decoder = privateDecoder();
        assertEquals(PrivateStreamCodec.OK, decode(decoder, positions(position("short", "opening", "0.0030", "1.5"))));
        assertEquals(1, publisher.events().size(), "the first push sets the funding baseline");
        final InboundEvent p = publisher.events().get(0);
        assertEquals(EventType.POSITION_SNAPSHOT, p.type);
        assertEquals(0, p.instrumentId);
        assertEquals(-30, p.size, "short is negative");
        assertEquals(600005, p.averagePrice);
        assertEquals(599901, p.price, "mark");
        assertEquals(-12_000_000L, p.amount, "unrealised PnL in amount units (1e-8)");
        assertEquals(1700000000300L, p.venueTimeMs);

        assertEquals(PrivateStreamCodec.OK, decode(decoder, positions(position("short", "opening", "0.0030", "1.25"))));
        assertEquals(3, publisher.events().size());
        final InboundEvent f = publisher.events().get(2);
        assertEquals(EventType.FUNDING, f.type);
        assertEquals(-25_000_000L, f.amount, "paid 0.25 USDT since the last push");
        assertEquals(1, f.assetId, "USDT");
        assertEquals(-30, f.size);
        assertEquals(599901, f.price);
    }

    @Test
    void shouldReadAnEndedPositionAsFlat()
    {
        final UtaPrivateStreamDecoder decoder = privateDecoder();
        decode(decoder, positions(""));
        decode(decoder, positions(position("long", "opening", "0.0020", "0")));
        decode(decoder, positions(position("long", "ended", "0", "0")));
        assertEquals(2, publisher.events().size());
        assertEquals(20, publisher.events().get(0).size);
        final InboundEvent flat = publisher.events().get(1);
        assertEquals(EventType.POSITION_SNAPSHOT, flat.type);
        assertEquals(0, flat.size);
        assertEquals(0, flat.averagePrice);
    }

    @Test
    void shouldDropAPositionWithAnUnreadableSizeAndCountIt()
    {
        final UtaPrivateStreamDecoder decoder = privateDecoder();
        assertEquals(PrivateStreamCodec.OK, decode(decoder, positions(position("long", "opening", "x1", "0"))));
        assertTrue(publisher.events().isEmpty());
        assertEquals(1, counters.get(GatewayCounters.FIELD_DROPS));
        assertFalse(decode(decoder, positions(position("long", "opening", "0.0010", "0"))) != PrivateStreamCodec.OK);
        assertEquals(10, publisher.events().get(0).size, "the next element decodes");
    }

    @Test
    void shouldDecodeAPositionPushWithoutAllocating()
    {
        final TestPublisher ring = new TestPublisher(1024, false);
        final GatewayCounters quiet = new GatewayCounters();
        final UtaPrivateStreamDecoder decoder = new UtaPrivateStreamDecoder(table, ring, quiet, new DistinctErrorLog(), true);
        final byte[][] frames = {
            positions(position("long", "opening", "0.0020", "0.5")).getBytes(StandardCharsets.UTF_8),
            positions(position("long", "opening", "0.0020", "0.25")).getBytes(StandardCharsets.UTF_8)};
        for (int i = 0; i < 200_000; i++)
        {
            decoder.onFrame(frames[i % 2], 0, frames[i % 2].length, i);
        }
        final AllocationMeter meter = new AllocationMeter();
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3 && allocated != 0; round++)
        {
            meter.start();
            for (int i = 0; i < 100_000; i++)
            {
                decoder.onFrame(frames[i % 2], 0, frames[i % 2].length, i);
            }
            allocated = Math.min(allocated, meter.stop());
        }
        assertEquals(0, quiet.get(GatewayCounters.DECODE_ERRORS));
        assertTrue(ring.publishedCount() > 200_000, "snapshots and funding events published");
        assertEquals(0, allocated, "bytes allocated decoding 100000 position pushes");
    }
}
