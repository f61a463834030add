package io.bitmm.gateway.bitget;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import io.bitmm.gateway.bitget.v2.SpotMarketDataDecoder;
import io.bitmm.gateway.bitget.v3.UtaMarketDataDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A book level in every shape the wire allows, in both dialects: the usual two plain strings (read straight from the
 * frame's bytes), the same with whitespace, unquoted numbers, escapes, a third element (read token by token), and
 * the values the grid refuses (exponent, a long mantissa off the grid, too large): the same event or the same
 * decode error either way. Plus empty level arrays, unknown fields and the book's fields in any order.
 */
class PublicStreamDecoderLevelsTest
{
    private final TestPublisher publisher = new TestPublisher();
    private final GatewayCounters counters = new GatewayCounters();

    private MarketDataCodec decoder(final String dialect)
    {
        return "v2".equals(dialect) ?
            new SpotMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog()) :
            new UtaMarketDataDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog());
    }

    private static String snapshot(final String dialect, final String book)
    {
        return "v2".equals(dialect) ?
            "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}," +
                "\"data\":[" + book.replace("$A", "asks").replace("$B", "bids").replace("$P", "") + "],\"ts\":1}" :
            "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books\",\"symbol\":\"BTCUSDT\"}," +
                "\"data\":[" + book.replace("$A", "a").replace("$B", "b").replace("$P", "\"pseq\":0,") + "],\"ts\":1}";
    }

    private int decode(final MarketDataCodec decoder, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        return decoder.onFrame(bytes, 0, bytes.length, 7);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "v2|[\"30000.10\",\"1.5000\"]",
        "v3|[\"30000.10\",\"1.5000\"]",
        "v2|[ \"30000.10\" ,~n~t\"1.5000\" ]",
        "v3|[ \"30000.10\" ,~r~n\"1.5000\" ]",
        "v2|[30000.10,1.5000]",
        "v3|[\"30000.10\",1.5000]",
        "v2|[\"3000\\u0030.10\",\"1.5000\"]",
        "v3|[\"30000.10\",\"1.5\\u00300\\u00300\"]",
        "v2|[\"30000.10\",\"1.5000\",\"extra\"]",
        "v3|[\"30000.10\",\"1.5000\",[1,{\"x\":2}]]",
        "v2|[\"30000.1000000000000000000000\",\"1.500000000000000000000000000\"]",
    })
    void theUsualLevelAndEveryOtherSpellingOfItDecodeAlike(final String dialect, final String level)
    {
        final MarketDataCodec decoder = decoder(dialect);
        // ~n ~r ~t: JSON whitespace (CSV would eat the real characters)
        final String spaced = level.replace("~n", "\n").replace("~r", "\r").replace("~t", "\t");
        final String book = "{\"$A\":[[\"30000.20\",\"0.7500\"]],\"$B\":[" + spaced + ",[\"29999.90\",\"3\"]],$P" +
            "\"seq\":5,\"ts\":\"1700000000000\"}";
        assertEquals(MarketDataCodec.OK, decode(decoder, snapshot(dialect, book)));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(EventType.BOOK_SNAPSHOT, e.type);
        assertEquals(2, e.bidCount);
        assertEquals(3000010, e.bidPrices[0]);
        assertEquals(15000, e.bidSizes[0]);
        assertEquals(2999990, e.bidPrices[1]);
        assertEquals(30000, e.bidSizes[1]);
        assertEquals(0, e.bidSizeDecimals[1]);
        assertEquals(1, e.askCount);
        assertEquals(1700000000000L, e.venueTimeMs);
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[\"3e4\",\"1\"]", "[\"30000.10\",\"1E2\"]", "[\"30000.105\",\"1\"]", "[\"30000.10\",\"0.00001\"]",
        "[\"123456789012345678901\",\"1\"]", "[\"\",\"1\"]", "[\"30000.10\",\"\"]", "[\"-\",\"1\"]", "[\".5\",\"1\"]",
        "[\"30000.\",\"1\"]", "[\"30 000\",\"1\"]", "[\"30000.10\"]", "[null,\"1\"]"})
    void aValueOffTheGridOrMalformedIsADecodeErrorInBothDialects(final String level)
    {
        for (final String dialect : new String[] {"v2", "v3"})
        {
            final MarketDataCodec decoder = decoder(dialect);
            final long before = counters.get(GatewayCounters.DECODE_ERRORS);
            final String book = "{\"$A\":[],\"$B\":[" + level + "],$P\"seq\":5,\"ts\":\"1\"}";
            assertEquals(MarketDataCodec.ERROR, decode(decoder, snapshot(dialect, book)), dialect);
            assertEquals(before + 1, counters.get(GatewayCounters.DECODE_ERRORS), dialect);
            // and the next good frame decodes
            assertEquals(MarketDataCodec.OK, decode(decoder, snapshot(dialect,
                "{\"$A\":[],\"$B\":[[\"1.00\",\"2\"]],$P\"seq\":6,\"ts\":\"1\"}")), dialect);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v2", "v3"})
    void emptyLevelsUnknownFieldsAndAnyFieldOrderDecode(final String dialect)
    {
        final MarketDataCodec decoder = decoder(dialect);
        final String book = "{\"ts\":\"1700000000000\",\"unknown\":{\"x\":[[\"1\",\"2\"]]},\"seq\":9,$P\"$B\":[]," +
            "\"other\":[\"a\",\"b\"],\"$A\":[[\"30000.20\",\"0.7500\"]]}";
        assertEquals(MarketDataCodec.OK, decode(decoder, snapshot(dialect, book)));
        final InboundEvent e = publisher.events().get(0);
        assertEquals(0, e.bidCount);
        assertEquals(1, e.askCount);
        assertEquals(3000020, e.askPrices[0]);
        assertEquals(7500, e.askSizes[0]);
        assertEquals(9, e.seq);
        assertEquals(1700000000000L, e.venueTimeMs);
    }
}
