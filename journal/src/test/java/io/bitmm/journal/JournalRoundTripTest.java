package io.bitmm.journal;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.InstrumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRoundTripTest
{
    @TempDir
    Path dir;

    static InstrumentTable instruments()
    {
        return new InstrumentTable(List.of(new Instrument(0, "BTCUSDT", InstrumentKind.SPOT, 0, 1, 2, 1, 6, 1, 0,
            100_000_000L, 50_000, 50_000, -100, 1000, 400)), List.of("BTC", "USDT"));
    }

    static InboundEvent book(final long ts)
    {
        final InboundEvent e = new InboundEvent();
        e.type = EventType.BOOK_UPDATE;
        e.timestampNanos = ts;
        e.publishNanos = ts + 500;
        e.venueTimeMs = 1_700_000_000_000L;
        e.instrumentId = 0;
        e.seq = 77;
        e.checksum = -123_456;
        e.checksumPresent = true;
        e.bidCount = 2;
        e.askCount = 1;
        e.bidPrices[0] = 6_500_000;
        e.bidSizes[0] = 1_000;
        e.bidPriceDecimals[0] = 2;
        e.bidSizeDecimals[0] = 4;
        e.bidPrices[1] = 6_499_999;
        e.bidSizes[1] = 0;
        e.askPrices[0] = 6_500_001;
        e.askSizes[0] = 5;
        return e;
    }

    static InboundEvent fill()
    {
        final InboundEvent e = new InboundEvent();
        e.type = EventType.FILL;
        e.instrumentId = 0;
        e.timestampNanos = 2_000;
        e.side = Side.BUY;
        e.price = 6_500_000;
        e.size = 1_000;
        e.maker = true;
        e.fee = -42;
        e.feeAssetId = 1;
        e.clientOid(new byte[] {'m', 'm', '1'}, 0, 3);
        return e;
    }

    @Test
    void shouldReadBackHeaderEventsAndCommandsExactly()
    {
        final OutboundCommand command = new OutboundCommand();
        command.type = CommandType.REPLACE;
        command.instrumentId = 0;
        command.clientOid[0] = 'a';
        command.clientOidLength = 1;
        command.newClientOid[0] = 'b';
        command.newClientOidLength = 1;
        command.side = Side.SELL;
        command.price = 6_500_100;
        command.size = 1_000;
        command.timeInForce = TimeInForce.POST_ONLY;
        command.triggerTimestampNanos = 1_000;
        command.commandSequence = 1;

        try (Journal journal = Journal.open(dir, "hourly", 0))
        {
            journal.writeHeader(new JournalHeader(123L, 1_700_000_000_000L, 0L, "test",
                Map.of("quoting.levels", "2"), instruments()));
            final JournalAppender appender = journal.appender();
            appender.append(5, book(1_000));
            appender.append(6, fill());
            appender.append(9, command);
        }

        try (JournalReader reader = new JournalReader(dir, (byte)0))
        {
            assertEquals(123L, reader.header().runEpochMs());
            assertEquals("2", reader.header().settings().get("quoting.levels"));
            final Instrument instrument = reader.header().instruments().instrument(0);
            assertEquals("BTCUSDT", instrument.symbol());
            assertEquals(-100, instrument.makerFeePpm());
            assertEquals("USDT", reader.header().instruments().assetName(1));

            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            assertEquals(5, reader.ringSequence());
            final InboundEvent expected = book(1_000);
            final InboundEvent actual = reader.event();
            assertEquals(EventType.BOOK_UPDATE, actual.type);
            assertEquals(expected.checksum, actual.checksum);
            assertEquals(expected.publishNanos, actual.publishNanos);
            assertEquals(expected.venueTimeMs, actual.venueTimeMs);
            assertEquals(77, actual.seq);
            assertEquals(2, actual.bidCount);
            assertEquals(1, actual.askCount);
            assertEquals(6_499_999, actual.bidPrices[1]);
            assertEquals(4, actual.bidSizeDecimals[0]);
            assertEquals(5, actual.askSizes[0]);
            assertTrue(actual.checksumPresent);
            // a book event is written compact (layout 2): what a book update does not carry reads back reset
            assertEquals(0, actual.fee);
            assertEquals(0, actual.clientOidLength);

            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            final InboundEvent fill = reader.event();
            assertEquals(EventType.FILL, fill.type);
            assertEquals(-42, fill.fee);
            assertEquals(1, fill.feeAssetId);
            assertEquals(3, fill.clientOidLength);
            assertEquals(6_500_000, fill.price);
            assertEquals(Side.BUY, fill.side);
            assertTrue(fill.maker);

            assertEquals(JournalLayout.KIND_COMMAND, reader.next());
            assertEquals(9, reader.ringSequence());
            assertTrue(command.sameAs(reader.command()));
            assertEquals(JournalReader.END, reader.next());
        }

        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final long printed = JournalDump.dump(dir, new JournalDump.Filter(Long.MIN_VALUE, Long.MAX_VALUE, "BTCUSDT",
            "REPLACE", null, true), new PrintStream(text, true, StandardCharsets.UTF_8));
        assertEquals(1, printed);
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("\"newClientOid\":\"b\""));

        final ByteArrayOutputStream timeline = new ByteArrayOutputStream();
        JournalDump.dump(dir, new JournalDump.Filter(Long.MIN_VALUE, Long.MAX_VALUE, null, "FILL", null, false),
            new PrintStream(timeline, true, StandardCharsets.UTF_8));
        final String fillLine = timeline.toString(StandardCharsets.UTF_8);
        // decimals in the instrument's scales, fees in amount units with the asset's name: not raw fixed-point
        assertTrue(fillLine.contains(" BUY px=65000.00 sz=0.001000"), fillLine);
        assertTrue(fillLine.contains(" fee=-0.00000042 USDT"), fillLine);

        final ByteArrayOutputStream json = new ByteArrayOutputStream();
        JournalDump.dump(dir, new JournalDump.Filter(Long.MIN_VALUE, Long.MAX_VALUE, "SPOT:BTCUSDT", "FILL", null, true),
            new PrintStream(json, true, StandardCharsets.UTF_8));
        final String fillJson = json.toString(StandardCharsets.UTF_8);
        // --jsonl carries the fee too; the product's category:symbol name filters like the bare symbol
        assertTrue(fillJson.contains("\"fee\":-42,\"feeText\":\"-0.00000042\",\"feeAsset\":\"USDT\""), fillJson);
    }

    @Test
    void shouldReadBackPerpetualEventsReduceOnlyAndContractSize()
    {
        final InstrumentTable perpetual = new InstrumentTable(List.of(new Instrument(0, "BTCUSDT",
            InstrumentKind.USDT_PERPETUAL, 0, 1, 1, 1, 4, 1, 1, 5 * 100_000_000L, 50_000, 50_000, 200, 600, 200,
            100_000_000L)), List.of("BTC", "USDT"));
        final InboundEvent funding = new InboundEvent();
        funding.type = EventType.FUNDING;
        funding.timestampNanos = 2_000;
        funding.instrumentId = 0;
        funding.amount = -6_000_000;
        funding.size = -100;
        funding.price = 600_001;
        final InboundEvent position = new InboundEvent();
        position.type = EventType.POSITION_SNAPSHOT;
        position.timestampNanos = 3_000;
        position.instrumentId = 0;
        position.size = -100;
        position.averagePrice = 599_990;
        position.price = 600_001;
        position.amount = -11_000_000;
        final OutboundCommand command = new OutboundCommand();
        command.type = CommandType.PLACE;
        command.instrumentId = 0;
        command.clientOid[0] = 'r';
        command.clientOidLength = 1;
        command.side = Side.BUY;
        command.price = 599_900;
        command.size = 10;
        command.reduceOnly = true;
        command.commandSequence = 1;

        try (Journal journal = Journal.open(dir, "hourly", 0))
        {
            journal.writeHeader(new JournalHeader(1L, 1_700_000_000_000L, 0L, "test", Map.of(), perpetual));
            final JournalAppender appender = journal.appender();
            appender.append(1, funding);
            appender.append(2, position);
            appender.append(3, command);
        }

        try (JournalReader reader = new JournalReader(dir, (byte)0))
        {
            final Instrument instrument = reader.header().instruments().instrument(0);
            assertEquals(InstrumentKind.USDT_PERPETUAL, instrument.kind());
            assertEquals(100_000_000L, instrument.contractSizeAmount());
            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            assertEquals(EventType.FUNDING, reader.event().type);
            assertEquals(-6_000_000, reader.event().amount);
            assertEquals(-100, reader.event().size);
            assertEquals(JournalLayout.KIND_EVENT, reader.next());
            final InboundEvent actual = reader.event();
            assertEquals(EventType.POSITION_SNAPSHOT, actual.type);
            assertEquals(-100, actual.size);
            assertEquals(599_990, actual.averagePrice);
            assertEquals(-11_000_000, actual.amount);
            assertEquals(JournalLayout.KIND_COMMAND, reader.next());
            assertTrue(reader.command().reduceOnly);
            assertTrue(command.sameAs(reader.command()));
            command.reduceOnly = false;
            assertTrue(!command.sameAs(reader.command()), "reduceOnly is part of what replay compares");
        }
    }
}
