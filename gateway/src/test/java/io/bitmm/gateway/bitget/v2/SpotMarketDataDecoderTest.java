package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpotMarketDataDecoderTest
{
    static final String SNAPSHOT = "{\"action\":\"snapshot\"," +
        "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}," +
        "\"data\":[{\"asks\":[[\"30000.20\",\"0.7500\"],[\"30000.30\",\"2.0000\"]]," +
        "\"bids\":[[\"30000.10\",\"1.5000\"],[\"30000.00\",\"0.2500\"],[\"29999.90\",\"3.0000\"]]," +
        "\"checksum\":-659131820,\"seq\":1000,\"ts\":\"1700000000000\"}],\"ts\":1700000000004}";
    static final String UPDATE = "{\"action\":\"update\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}," +
        "\"data\":[{\"asks\":[[\"30000.20\",\"0.5000\"],[\"30000.50\",\"1.0000\"]],\"bids\":[[\"30000.00\",\"0\"]," +
        "[\"30000.15\",\"0.1000\"]],\"checksum\":2064583265,\"seq\":1001,\"ts\":\"1700000000200\"}],\"ts\":1700000000203}";
    static final String TRADE = "{\"action\":\"update\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"trade\",\"instId\":\"BTCUSDT\"}," +
        "\"data\":[{\"ts\":\"1700000000100\",\"price\":\"30000.2\",\"size\":\"0.0100\",\"side\":\"buy\"," +
        "\"tradeId\":\"1100000000000000001\"}],\"ts\":1700000000105}";

    /** A classic perpetual's ticker as the sim writes it (V2MarketStreams.tickerMessage, MixViews.tickerFields). */
    static final String TICKER = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"USDT-FUTURES\",\"channel\":\"ticker\"," +
        "\"instId\":\"BTCUSDT\"},\"data\":[{\"instId\":\"BTCUSDT\",\"lastPr\":\"30000.2\",\"askPr\":\"30000.2\"," +
        "\"bidPr\":\"30000.1\",\"bidSz\":\"1.5\",\"askSz\":\"0.75\",\"high24h\":\"30100.0\",\"low24h\":\"29800.0\"," +
        "\"ts\":\"1700000000250\",\"change24h\":\"0.0033\",\"baseVolume\":\"12.5\",\"quoteVolume\":\"375000\"," +
        "\"indexPrice\":\"30000.9\",\"markPrice\":\"30001.5\",\"fundingRate\":\"0.0001\"," +
        "\"nextFundingTime\":\"1700028800000\",\"holdingAmount\":\"10\"}],\"ts\":1700000000300}";

    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();
    private final SpotMarketDataDecoder decoder =
        new SpotMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());

    private int decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 42);
    }

    @Test
    void shouldPublishTheTickersMarkPrice()
    {
        assertEquals(SpotMarketDataDecoder.OK, decode(TICKER));
        assertEquals(1, publisher.events().size());
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.MARK_PRICE, e.type);
        assertEquals(0, e.instrumentId);
        assertEquals(3000150, e.price);
        assertEquals(1700000000250L, e.venueTimeMs);
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
    }

    @Test
    void shouldSubscribeTheTickerOfAPerpetualOnly()
    {
        final SpotMarketDataDecoder futures = new SpotMarketDataDecoder(TestInstruments.perpetuals(), publisher,
            counters, new DistinctErrorLog(), "USDT-FUTURES");
        assertTrue(futures.subscription("subscribe", -1, true).contains(
            "{\"instType\":\"USDT-FUTURES\",\"channel\":\"ticker\",\"instId\":\"ETHUSDT\"}"));
        assertFalse(decoder.subscription("subscribe", -1, true).contains("ticker"), "spot: no ticker");
    }

    @Test
    void shouldDecodeSnapshotWithDecimalsAsWritten()
    {
        assertEquals(SpotMarketDataDecoder.OK, decode(SNAPSHOT));
        final List<InboundEvent> events = publisher.events();
        assertEquals(1, events.size());
        final InboundEvent e = events.get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, e.type);
        assertEquals(0, e.instrumentId);
        assertEquals(42, e.timestampNanos);
        assertEquals(1000, e.seq);
        assertEquals(-659131820, e.checksum);
        assertTrue(e.checksumPresent);
        assertEquals(1700000000000L, e.venueTimeMs);
        assertEquals(3, e.bidCount);
        assertEquals(2, e.askCount);
        assertEquals(3000010, e.bidPrices[0]);
        assertEquals(15000, e.bidSizes[0]);
        assertEquals(2, e.bidPriceDecimals[0]);
        assertEquals(4, e.bidSizeDecimals[0]);
        assertEquals(2999990, e.bidPrices[2]);
        assertEquals(3000020, e.askPrices[0]);
        assertEquals(7500, e.askSizes[0]);
        assertEquals(20000, e.askSizes[1]);
    }

    @Test
    void shouldDecodeUpdateWithZeroSizeAndItsDecimals()
    {
        assertEquals(SpotMarketDataDecoder.OK, decode(UPDATE));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.BOOK_UPDATE, e.type);
        assertEquals(1001, e.seq);
        assertEquals(2064583265, e.checksum);
        assertEquals(0, e.bidSizes[0]);
        assertEquals(0, e.bidSizeDecimals[0]);
        assertEquals(3000015, e.bidPrices[1]);
        assertEquals(1000, e.bidSizes[1]);
        assertEquals(3000050, e.askPrices[1]);
    }

    @Test
    void shouldDecodeTrade()
    {
        assertEquals(SpotMarketDataDecoder.OK, decode(TRADE));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.TRADE, e.type);
        assertEquals(3000020, e.price);
        assertEquals(100, e.size);
        assertEquals(Side.BUY, e.side);
        assertEquals(1100000000000000001L, e.tradeId);
        assertEquals(1700000000100L, e.venueTimeMs);
    }

    @Test
    void shouldDecodeDataBeforeHeaderWithASecondPass()
    {
        final String reordered = "{\"data\":[{\"asks\":[[\"30000.20\",\"0.7500\"]],\"bids\":[],\"checksum\":5,\"seq\":7," +
            "\"ts\":\"1\"}],\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"ETHUSDT\"},\"action\":\"snapshot\"}";
        assertEquals(SpotMarketDataDecoder.OK, decode(reordered));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, e.type);
        assertEquals(1, e.instrumentId);
        assertEquals(1, e.askCount);
        assertEquals(0, e.bidCount);
        assertEquals(7, e.seq);
        assertEquals(SpotMarketDataDecoder.OK, decode(SNAPSHOT));
        assertEquals(2, publisher.events().size());
    }

    @Test
    void shouldRecogniseControlFramesAndPong()
    {
        assertEquals(SpotMarketDataDecoder.PONG, decode("pong"));
        assertEquals(SpotMarketDataDecoder.CONTROL,
            decode("{\"event\":\"subscribe\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}}"));
        assertEquals(SpotMarketDataDecoder.EVENT_SUBSCRIBE, decoder.event());
        assertEquals(SpotMarketDataDecoder.CONTROL, decode("{\"event\":\"error\",\"arg\":{\"instType\":\"SPOT\"," +
            "\"channel\":\"candle1h\",\"instId\":\"BTCUSDT\"},\"code\":30016,\"msg\":\"Param error\",\"op\":\"subscribe\"}"));
        assertEquals(SpotMarketDataDecoder.EVENT_ERROR, decoder.event());
        assertEquals(30016, decoder.code());
        assertEquals(0, publisher.publishedCount());
        assertEquals(1, counters.get(GatewayCounters.VENUE_ERRORS));
    }

    @Test
    void shouldIgnoreUnknownFieldsAndChannels()
    {
        final String extra = SNAPSHOT.replace("\"checksum\"", "\"foo\":{\"bar\":[1,2,{\"x\":null}]},\"checksum\"")
            .replace("\"action\"", "\"unknown\":[true,false],\"action\"");
        assertEquals(SpotMarketDataDecoder.OK, decode(extra));
        assertEquals(EventType.BOOK_SNAPSHOT, publisher.events().get(0).type);
        assertEquals(SpotMarketDataDecoder.OK, decode("{\"action\":\"snapshot\",\"arg\":{\"instType\":\"SPOT\"," +
            "\"channel\":\"ticker\",\"instId\":\"BTCUSDT\"},\"data\":[{\"lastPr\":\"1\"}]}"));
        assertEquals(1, publisher.publishedCount());
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
    }

    @Test
    void shouldCountMalformedAndTruncatedFramesWithoutThrowing()
    {
        final String[] bad = {
            SNAPSHOT.substring(0, SNAPSHOT.length() / 2),
            SNAPSHOT.replace("\"30000.20\"", "\"30000.2x\""),
            SNAPSHOT.replace("\"0.7500\"", "\"0.75001\""),
            "{\"action\":\"snapshot\",,}",
            "not json at all",
            "[1,2,3]",
            "{\"data\":[{\"asks\":[]}],\"arg\":{\"channel\":\"books\",\"instId\":\"BTCUSDT\"}}",
        };
        int errors = 0;
        for (final String frame : bad)
        {
            final int result = decode(frame);
            assertEquals(SpotMarketDataDecoder.ERROR, result, frame);
            errors++;
            assertEquals(errors, counters.get(GatewayCounters.DECODE_ERRORS));
        }
        for (final InboundEvent e : publisher.events())
        {
            assertEquals(EventType.NONE, e.type, "an undecodable frame publishes NONE");
        }
        // trailing content is only seen after the data was decoded: the frame is still an error (counted, and the
        // gateway resyncs the instrument, which discards the book)
        assertEquals(SpotMarketDataDecoder.ERROR, decode(SNAPSHOT + "}"));
        assertEquals(errors + 1, counters.get(GatewayCounters.DECODE_ERRORS));
        assertEquals(SpotMarketDataDecoder.OK, decode(UPDATE), "the decoder recovers after errors");
        assertEquals(EventType.BOOK_UPDATE, publisher.events().get(publisher.events().size() - 1).type);
    }

    @Test
    void shouldReportTheInstrumentOfABadFrame()
    {
        assertEquals(SpotMarketDataDecoder.ERROR, decode(SNAPSHOT.replace("\"30000.20\"", "\"abc\"")));
        assertEquals(0, decoder.errorInstrumentId());
        assertFalse(publisher.events().isEmpty());
        assertArrayEquals(new EventType[]{EventType.NONE},
            publisher.events().stream().map(e -> e.type).toArray(EventType[]::new));
    }

    @Test
    void shouldDropUpdatesBetweenAResyncAndTheNextSnapshot()
    {
        decoder.awaitSnapshot(0);
        assertEquals(SpotMarketDataDecoder.OK, decode(UPDATE));
        assertEquals(0, publisher.publishedCount());
        assertEquals(1, decoder.updatesBeforeSnapshot());
        assertEquals(SpotMarketDataDecoder.OK, decode(SNAPSHOT));
        assertEquals(SpotMarketDataDecoder.OK, decode(UPDATE));
        assertEquals(2, publisher.publishedCount());
        assertEquals(EventType.BOOK_UPDATE, publisher.events().get(1).type);
    }

    @Test
    void shouldKeepEnoughToRecomputeTheVenueChecksum()
    {
        assertEquals(SpotMarketDataDecoder.OK, decode(SNAPSHOT));
        final InboundEvent e = publisher.events().get(0);
        final StringBuilder text = new StringBuilder();
        final byte[] buffer = new byte[io.bitmm.core.instrument.DecimalFormatter.MAX_LENGTH];
        for (int i = 0; i < 25; i++)
        {
            if (i < e.bidCount)
            {
                append(text, buffer, e.bidPrices[i], 2, e.bidPriceDecimals[i]);
                append(text, buffer, e.bidSizes[i], 4, e.bidSizeDecimals[i]);
            }
            if (i < e.askCount)
            {
                append(text, buffer, e.askPrices[i], 2, e.askPriceDecimals[i]);
                append(text, buffer, e.askSizes[i], 4, e.askSizeDecimals[i]);
            }
        }
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals("30000.10:1.5000:30000.20:0.7500:30000.00:0.2500:30000.30:2.0000:29999.90:3.0000", text.toString());
        assertEquals(e.checksum, (int)crc.getValue());
    }

    private static void append(final StringBuilder text, final byte[] buffer, final long value, final int scale, final int decimals)
    {
        final int length = io.bitmm.core.instrument.DecimalFormatter.format(value, scale, decimals, buffer, 0);
        text.append(text.length() == 0 ? "" : ":").append(new String(buffer, 0, length, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldDecodeTheNextFrameAfterALevelThatIsNotAnArray()
    {
        // fuzzer finding: the parser was left part-way through the bad frame, so every later frame failed
        final String bad = SNAPSHOT.replace("[\"30000.30\",\"2.0000\"]", "\"30000.30\"");
        assertEquals(SpotMarketDataDecoder.ERROR, decode(bad));
        assertEquals(SpotMarketDataDecoder.OK, decode(SNAPSHOT));
        assertEquals(SpotMarketDataDecoder.OK, decode(UPDATE));
        assertEquals(1, counters.get(GatewayCounters.DECODE_ERRORS));
    }
}
