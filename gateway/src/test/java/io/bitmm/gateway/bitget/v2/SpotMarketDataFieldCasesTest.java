package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.EventType;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.FieldCases;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.TestPublisher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every field the market-data decoder reads, in each of the four cases (null, empty, missing, unknown value): a
 * defined outcome, counted, nothing thrown, and the next good frame decodes. An outcome is {@code TYPES/counter}:
 * the event types published, then {@code defaults} (FIELD_DEFAULTS grew), {@code error} (DECODE_ERRORS grew: the
 * frame is dropped and the instrument resynced) or {@code none}.
 */
class SpotMarketDataFieldCasesTest
{
    private static final String[][] SNAPSHOT = {
        {"action", "/error", "/error", "/error", "/error"},
        {"instId", "/none", "/none", "/none", "/none"},
        {"asks", "NONE/error", "NONE/error", "BOOK_SNAPSHOT/none", "NONE/error"},
        {"bids", "NONE/error", "NONE/error", "BOOK_SNAPSHOT/none", "NONE/error"},
        {"checksum", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "NONE/error"},
        {"seq", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "NONE/error"},
        {"ts", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "BOOK_SNAPSHOT/defaults", "NONE/error"},
    };

    private static final String[][] TRADE = {
        {"price", "NONE/error", "NONE/error", "NONE/error", "NONE/error"},
        {"size", "NONE/error", "NONE/error", "NONE/error", "NONE/error"},
        {"side", "TRADE/defaults", "TRADE/defaults", "TRADE/defaults", "TRADE/defaults"},
        {"tradeId", "NONE/error", "NONE/error", "TRADE/defaults", "NONE/error"},
        {"ts", "TRADE/defaults", "TRADE/defaults", "TRADE/defaults", "NONE/error"},
    };

    static Stream<Arguments> cases()
    {
        final List<Arguments> all = new ArrayList<>();
        add(all, "books", SpotMarketDataDecoderTest.SNAPSHOT, SNAPSHOT);
        add(all, "trade", SpotMarketDataDecoderTest.TRADE, TRADE);
        return all.stream();
    }

    private static void add(final List<Arguments> all, final String channel, final String frame, final String[][] table)
    {
        for (final String[] row : table)
        {
            for (final FieldCases c : FieldCases.values())
            {
                final String after = "action".equals(row[0]) || "instId".equals(row[0]) ? "{" : "\"data\":";
                all.add(Arguments.of(channel, row[0], c, c.apply(frame, after, row[0]), frame, row[1 + c.ordinal()]));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("cases")
    void shouldGiveTheDocumentedCountedOutcome(final String channel, final String field, final FieldCases c,
        final String mutated, final String good, final String expected)
    {
        final TestPublisher publisher = new TestPublisher();
        final GatewayCounters counters = new GatewayCounters();
        final SpotMarketDataDecoder decoder = new SpotMarketDataDecoder(TestInstruments.table(), publisher, counters,
            new DistinctErrorLog());
        final byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
        final int result = decoder.onFrame(bytes, 0, bytes.length, 1);
        final String[] parts = expected.split("/");
        final String types = publisher.events().stream().map(e -> e.type.name()).collect(Collectors.joining(","));
        assertEquals(parts[0], types, mutated);
        final long errors = counters.get(GatewayCounters.DECODE_ERRORS);
        final long defaults = counters.get(GatewayCounters.FIELD_DEFAULTS);
        switch (parts[1])
        {
            case "error":
                assertTrue(errors == 1 && result == SpotMarketDataDecoder.ERROR, counters + " " + mutated);
                break;
            case "defaults":
                assertTrue(errors == 0 && defaults > 0 && result == SpotMarketDataDecoder.OK, counters + " " + mutated);
                break;
            default:
                assertTrue(errors == 0 && defaults == 0 && result == SpotMarketDataDecoder.OK, counters + " " + mutated);
                break;
        }
        publisher.clear();
        final byte[] next = good.getBytes(StandardCharsets.UTF_8);
        assertEquals(SpotMarketDataDecoder.OK, decoder.onFrame(next, 0, next.length, 2), "the next good frame decodes");
        assertTrue(publisher.events().stream().allMatch(e -> e.type != EventType.NONE) && publisher.events().size() == 1);
    }
}
