package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
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
 * Every field the private-stream decoder reads, in each of the four cases (null, empty, missing, unknown value):
 * the frame still decodes (never ERROR, nothing thrown), the outcome is the one documented in gateway/README.md
 * ("Missing, null, empty and unknown fields") and it is counted; the next good frame decodes as before.
 * <p>
 * An outcome is {@code TYPES/counter}: the event types published for the element (FILL, ORDER_UPDATE, BALANCE,
 * COMMAND_UNKNOWN = the order is queried, NONE = a claimed slot voided) and the counter that must grow
 * ({@code defaults}, {@code queries}, {@code drops} or {@code none}).
 */
class SpotPrivateStreamFieldCasesTest
{
    private static final String DATA = "\"data\":";

    /** field, then the outcomes for null, empty, missing, unknown. Frame: an orders push with its fill. */
    private static final String[][] ORDERS = {
        {"instId", "COMMAND_UNKNOWN/queries", "COMMAND_UNKNOWN/queries", "COMMAND_UNKNOWN/queries", "/drops"},
        {"orderId", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/defaults"},
        {"clientOid", "/drops", "/drops", "/drops", "ORDER_UPDATE,FILL/none"},
        {"price", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "COMMAND_UNKNOWN,FILL/queries"},
        {"newSize", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "COMMAND_UNKNOWN,FILL/queries"},
        {"side", "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries",
            "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries"},
        {"status", "COMMAND_UNKNOWN,FILL/queries", "COMMAND_UNKNOWN,FILL/queries", "COMMAND_UNKNOWN,FILL/queries",
            "COMMAND_UNKNOWN,FILL/queries"},
        {"accBaseVolume", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "COMMAND_UNKNOWN,FILL/queries"},
        {"priceAvg", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "COMMAND_UNKNOWN,FILL/queries"},
        {"force", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/defaults"},
        {"fillPrice", "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries",
            "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries"},
        {"tradeId", "ORDER_UPDATE/none", "ORDER_UPDATE/none", "ORDER_UPDATE/none", "ORDER_UPDATE,COMMAND_UNKNOWN/queries"},
        {"baseVolume", "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries",
            "ORDER_UPDATE,COMMAND_UNKNOWN/queries", "ORDER_UPDATE,COMMAND_UNKNOWN/queries"},
        {"fillFee", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/defaults"},
        {"fillFeeCoin", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/none"},
        {"tradeScope", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/defaults"},
        {"uTime", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults", "ORDER_UPDATE,FILL/defaults",
            "ORDER_UPDATE,FILL/defaults"},
        {"feeDetail", "ORDER_UPDATE,FILL/none", "ORDER_UPDATE,FILL/none", "ORDER_UPDATE,FILL/none",
            "ORDER_UPDATE,FILL/none"},
    };

    /** A {@code fill} push (fills taken from the fill channel). Spot fills carry no clientOid: nothing to query. */
    private static final String[][] FILL = {
        {"symbol", "/drops", "/drops", "/drops", "/drops"},
        {"orderId", "FILL/defaults", "FILL/defaults", "FILL/defaults", "FILL/defaults"},
        {"tradeId", "NONE/drops", "NONE/drops", "NONE/drops", "NONE/drops"},
        {"side", "NONE/drops", "NONE/drops", "NONE/drops", "NONE/drops"},
        {"priceAvg", "NONE/drops", "NONE/drops", "NONE/drops", "NONE/drops"},
        {"size", "NONE/drops", "NONE/drops", "NONE/drops", "NONE/drops"},
        {"tradeScope", "FILL/defaults", "FILL/defaults", "FILL/defaults", "FILL/defaults"},
        {"feeCoin", "FILL/defaults", "FILL/defaults", "FILL/defaults", "FILL/none"},
        {"deduction", "FILL/none", "FILL/defaults", "FILL/none", "FILL/defaults"},
        {"totalFee", "FILL/defaults", "FILL/defaults", "FILL/defaults", "FILL/defaults"},
        {"uTime", "FILL/defaults", "FILL/defaults", "FILL/defaults", "FILL/defaults"},
    };

    /** An {@code account} push; its second element (an untraded coin) is ignored either way. */
    private static final String[][] ACCOUNT = {
        {"coin", "/drops", "/drops", "/drops", "/none"},
        {"available", "/drops", "/drops", "/drops", "/drops"},
        {"frozen", "BALANCE/defaults", "BALANCE/defaults", "BALANCE/defaults", "/drops"},
        {"uTime", "BALANCE/defaults", "BALANCE/defaults", "BALANCE/defaults", "BALANCE/defaults"},
    };

    static Stream<Arguments> cases()
    {
        final List<Arguments> all = new ArrayList<>();
        add(all, "orders", SpotPrivateStreamDecoderTest.ORDERS, true, ORDERS);
        add(all, "fill", SpotPrivateStreamDecoderTest.FILL, false, FILL);
        add(all, "account", SpotPrivateStreamDecoderTest.ACCOUNT, true, ACCOUNT);
        return all.stream();
    }

    private static void add(final List<Arguments> all, final String channel, final String frame, final boolean fillsFromOrders,
        final String[][] table)
    {
        for (final String[] row : table)
        {
            for (final FieldCases c : FieldCases.values())
            {
                all.add(Arguments.of(channel, row[0], c, frame, fillsFromOrders, row[1 + c.ordinal()]));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("cases")
    void shouldGiveTheDocumentedCountedOutcome(final String channel, final String field, final FieldCases c,
        final String frame, final boolean fillsFromOrders, final String expected)
    {
        final TestPublisher publisher = new TestPublisher();
        final GatewayCounters counters = new GatewayCounters();
        final SpotPrivateStreamDecoder decoder =
            new SpotPrivateStreamDecoder(TestInstruments.table(), publisher, counters, new DistinctErrorLog(), fillsFromOrders);
        final String mutated = c.apply(frame, DATA, field);
        final byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
        assertEquals(SpotPrivateStreamDecoder.OK, decoder.onFrame(bytes, 0, bytes.length, 1), mutated);
        final String[] parts = expected.split("/");
        final String types = publisher.events().stream().map(e -> e.type.name()).collect(Collectors.joining(","));
        assertEquals(parts[0], types, mutated);
        for (final InboundEvent e : publisher.events(EventType.COMMAND_UNKNOWN))
        {
            assertEquals("mm-1", new String(e.clientOid, 0, e.clientOidLength, StandardCharsets.US_ASCII),
                "the query names our order");
        }
        assertCounted(parts[1], counters, mutated);
        assertEquals(0, counters.get(GatewayCounters.DECODE_ERRORS));

        publisher.clear();
        final byte[] good = frame.getBytes(StandardCharsets.UTF_8);
        assertEquals(SpotPrivateStreamDecoder.OK, decoder.onFrame(good, 0, good.length, 2));
        assertTrue(publisher.events().stream().noneMatch(e -> e.type == EventType.COMMAND_UNKNOWN || e.type == EventType.NONE),
            "the next good frame decodes");
        assertTrue(publisher.publishedCount() > 0);
    }

    private static void assertCounted(final String counter, final GatewayCounters counters, final String frame)
    {
        final long defaults = counters.get(GatewayCounters.FIELD_DEFAULTS);
        final long queries = counters.get(GatewayCounters.FIELD_QUERIES);
        final long drops = counters.get(GatewayCounters.FIELD_DROPS);
        switch (counter)
        {
            case "defaults":
                assertTrue(defaults > 0 && queries == 0 && drops == 0, counters + " " + frame);
                break;
            case "queries":
                assertTrue(queries > 0 && drops == 0, counters + " " + frame);
                break;
            case "drops":
                assertTrue(drops > 0 && queries == 0, counters + " " + frame);
                break;
            default:
                assertTrue(defaults == 0 && queries == 0 && drops == 0, counters + " " + frame);
                break;
        }
    }
}
