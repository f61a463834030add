package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.bitget.MarketDataCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * v3 public frames as the sim writes them (sim/net/v3/V3Streams: books with a/b, the seq/pseq chain, seq beyond 2^53,
 * no checksum by default; publicTrade with i/p/v/S/T).
 */
class UtaMarketDataDecoderTest
{
    static final long SEQ = 1_304_314_508_780_744_705L;
    static final String SNAPSHOT = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"a\":[[\"30000.20\",\"0.7500\"],[\"30000.30\",\"2.0000\"]]," +
        "\"b\":[[\"30000.10\",\"1.5000\"],[\"30000.00\",\"0.2500\"],[\"29999.90\",\"3.0000\"]],\"pseq\":0," +
        "\"seq\":" + SEQ + ",\"ts\":\"1700000000000\"}],\"ts\":1700000000004}";
    static final String UPDATE = "{\"action\":\"update\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"a\":[[\"30000.20\",\"0.5000\"]],\"b\":[[\"30000.00\",\"0\"]," +
        "[\"30000.15\",\"0.1000\"]],\"pseq\":" + SEQ + ",\"seq\":" + (SEQ + 1) + ",\"ts\":\"1700000000200\"}]," +
        "\"ts\":1700000000203}";
    static final String TRADE = "{\"action\":\"update\",\"arg\":{\"instType\":\"spot\",\"topic\":\"publicTrade\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"i\":\"1100000000000000001\",\"L\":\"1100000000000000001\"," +
        "\"p\":\"30000.2\",\"v\":\"0.0100\",\"S\":\"sell\",\"T\":\"1700000000100\"}],\"ts\":1700000000105}";

    /** A perpetual's ticker as the sim writes it (V3Streams.tickerMessage): the time only at the top level. */
    static final String TICKER = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"usdt-futures\",\"topic\":\"ticker\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"symbol\":\"BTCUSDT\",\"lastPrice\":\"30000.2\",\"openPrice24h\":\"29900.0\"," +
        "\"highPrice24h\":\"30100.0\",\"lowPrice24h\":\"29800.0\",\"ask1Price\":\"30000.2\",\"bid1Price\":\"30000.1\"," +
        "\"bid1Size\":\"1.5\",\"ask1Size\":\"0.75\",\"price24hPcnt\":\"0.0033\",\"volume24h\":\"12.5\"," +
        "\"turnover24h\":\"375000\",\"indexPrice\":\"30000.9\",\"markPrice\":\"30001.5\",\"fundingRate\":\"0.0001\"," +
        "\"nextFundingTime\":\"1700028800000\",\"openInterest\":\"10\"}],\"ts\":1700000000300}";

    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();
    private final UtaMarketDataDecoder decoder =
        new UtaMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private int decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 42);
    }

    @Test
    void shouldDecodeTheSnapshotsAskAndBidKeysAndItsSeq()
    {
        assertEquals(MarketDataCodec.OK, decode(SNAPSHOT));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, e.type);
        assertEquals(0, e.instrumentId);
        assertEquals(SEQ, e.seq, "a seq beyond 2^53, exact");
        assertFalse(e.checksumPresent, "v3 books carry no checksum");
        assertEquals(3, e.bidCount);
        assertEquals(2, e.askCount);
        assertEquals(3000010, e.bidPrices[0]);
        assertEquals(3000020, e.askPrices[0]);
        assertEquals(20000, e.askSizes[1]);
        assertEquals(1700000000000L, e.venueTimeMs);
    }

    @Test
    void shouldAcceptAnUpdateContinuingTheChain()
    {
        decode(SNAPSHOT);
        assertEquals(MarketDataCodec.OK, decode(UPDATE));
        final InboundEvent e = publisher.events().get(1);
        assertEquals(EventType.BOOK_UPDATE, e.type);
        assertEquals(SEQ + 1, e.seq);
        assertEquals(1, e.askCount);
        assertEquals(2, e.bidCount);
        assertEquals(0, e.bidSizes[0]);
        assertEquals(0, counters.get(GatewayCounters.SEQUENCE_BREAKS));
    }

    @Test
    void shouldAskForAResyncWhenPseqIsNotTheLastSeq()
    {
        decode(SNAPSHOT);
        decode(UPDATE);
        // the same update again: its pseq is no longer the last seq (an update was lost or repeated)
        assertEquals(MarketDataCodec.ERROR, decode(UPDATE));
        assertEquals(0, decoder.errorInstrumentId());
        assertEquals(1, counters.get(GatewayCounters.SEQUENCE_BREAKS));
        assertEquals(EventType.NONE, publisher.events().get(2).type, "the broken update never reaches the book");
        // a fresh snapshot starts the chain again
        assertEquals(MarketDataCodec.OK, decode(SNAPSHOT));
        assertEquals(MarketDataCodec.OK, decode(UPDATE));
    }

    @Test
    void shouldTreatAnUpdateWithoutPseqAsABrokenChain()
    {
        decode(SNAPSHOT);
        assertEquals(MarketDataCodec.ERROR, decode(UPDATE.replace("\"pseq\":" + SEQ + ",", "")));
    }

    @Test
    void shouldPassANonZeroChecksumToTheCoreAndIgnoreZero()
    {
        decode(SNAPSHOT.replace("\"pseq\":0", "\"checksum\":0,\"pseq\":0"));
        assertFalse(publisher.events().get(0).checksumPresent);
        decode(SNAPSHOT.replace("\"pseq\":0", "\"checksum\":-659131820,\"pseq\":0"));
        assertTrue(publisher.events().get(1).checksumPresent);
        assertEquals(-659131820, publisher.events().get(1).checksum);
    }

    @Test
    void shouldDecodePublicTrades()
    {
        assertEquals(MarketDataCodec.OK, decode(TRADE));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.TRADE, e.type);
        assertEquals(3000020, e.price);
        assertEquals(100, e.size);
        assertEquals(Side.SELL, e.side);
        assertEquals(1100000000000000001L, e.tradeId);
        assertEquals(1700000000100L, e.venueTimeMs);
        assertEquals(0, counters.get(GatewayCounters.FIELD_DEFAULTS));
    }

    @Test
    void shouldPublishTheTickersMarkPrice()
    {
        assertEquals(MarketDataCodec.OK, decode(TICKER));
        assertEquals(1, publisher.events().size());
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.MARK_PRICE, e.type);
        assertEquals(0, e.instrumentId);
        assertEquals(3000150, e.price);
        assertEquals(1700000000300L, e.venueTimeMs, "v3 carries the time only at the top level");
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
    }

    /** A spot ticker has no mark price: nothing to publish. One without a readable mark is counted, the book kept. */
    @Test
    void shouldPublishNothingForATickerWithoutAMarkPrice()
    {
        assertEquals(MarketDataCodec.OK, decode(TICKER.replace(",\"markPrice\":\"30001.5\"", "")));
        assertEquals(MarketDataCodec.OK, decode(TICKER.replace("\"markPrice\":\"30001.5\"", "\"markPrice\":\"\"")));
        assertEquals(0, publisher.events().stream().filter(e -> e.type != EventType.NONE).count());
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(1, counters.get(GatewayCounters.FIELD_DEFAULTS));
    }

    @Test
    void shouldSubscribeTheTickerOfAPerpetualOnly()
    {
        final UtaMarketDataDecoder futures = new UtaMarketDataDecoder(TestInstruments.perpetuals(), publisher, counters,
            new DistinctErrorLog(), "usdt-futures");
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"usdt-futures\",\"topic\":\"books\"," +
            "\"symbol\":\"BTCUSDT\"},{\"instType\":\"usdt-futures\",\"topic\":\"publicTrade\",\"symbol\":\"BTCUSDT\"}," +
            "{\"instType\":\"usdt-futures\",\"topic\":\"ticker\",\"symbol\":\"BTCUSDT\"}]}",
            futures.subscription("subscribe", 0, true));
        assertFalse(decoder.subscription("subscribe", -1, true).contains("ticker"), "spot: no ticker");
    }

    @Test
    void shouldDropUpdatesUntilTheSnapshotAfterAResync()
    {
        decoder.awaitSnapshot(0);
        assertEquals(MarketDataCodec.OK, decode(UPDATE));
        assertEquals(0, publisher.events().size());
        assertTrue(decoder.isAwaitingSnapshot(0));
        decode(SNAPSHOT);
        assertFalse(decoder.isAwaitingSnapshot(0));
    }

    @Test
    void shouldWriteV3SubscribeFrames()
    {
        assertEquals("{\"op\":\"subscribe\",\"args\":[{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"BTCUSDT\"}," +
            "{\"instType\":\"spot\",\"topic\":\"publicTrade\",\"symbol\":\"BTCUSDT\"}]}",
            decoder.subscription("subscribe", 0, true));
    }

    @Test
    void shouldReportSubscribeAcksAndErrors()
    {
        assertEquals(MarketDataCodec.CONTROL, decode("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"spot\"," +
            "\"topic\":\"books\",\"symbol\":\"BTCUSDT\"}}"));
        assertEquals(MarketDataCodec.EVENT_SUBSCRIBE, decoder.event());
        assertEquals(MarketDataCodec.CONTROL, decode("{\"event\":\"error\",\"code\":30006,\"msg\":\"Too many channels\"}"));
        assertEquals(MarketDataCodec.EVENT_ERROR, decoder.event());
        assertEquals(30006, decoder.code());
        assertEquals(MarketDataCodec.PONG, decode("pong"));
    }
}
