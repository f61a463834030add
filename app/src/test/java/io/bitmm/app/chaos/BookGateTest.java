package io.bitmm.app.chaos;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign's book check counts an order placed while its book is invalid (never snapshotted, reset, or broken
 * by a bad checksum) and only then, and passes every command on to the replay.
 */
class BookGateTest
{
    private static final InstrumentTable INSTRUMENTS = new InstrumentTable(
        List.of(InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200")),
        List.of("BTC", "USDT"));

    private final List<CommandType> passed = new ArrayList<>();
    private final JournalCheck.BookGate gate = new JournalCheck.BookGate(INSTRUMENTS, 64, c -> passed.add(c.type));

    @Test
    void shouldCountPlacementsOnAnInvalidBookOnly()
    {
        gate.send(command(CommandType.PLACE));
        assertEquals(1, gate.invalidPlaces(), "before the first snapshot");
        assertTrue(gate.firstInvalid().startsWith("PLACE BTCUSDT"), gate.firstInvalid());

        gate.onEvent(snapshot());
        gate.send(command(CommandType.PLACE));
        gate.send(command(CommandType.REPLACE));
        assertEquals(1, gate.invalidPlaces(), "a valid book");

        final InboundEvent reset = new InboundEvent();
        reset.type = EventType.BOOK_RESET;
        reset.instrumentId = 0;
        gate.onEvent(reset);
        gate.send(command(CommandType.CANCEL));
        assertEquals(1, gate.invalidPlaces(), "a cancel on a reset book is fine");
        gate.send(command(CommandType.REPLACE));
        assertEquals(2, gate.invalidPlaces(), "a replace places a new order");

        gate.onEvent(snapshot());
        final InboundEvent corrupt = new InboundEvent();
        corrupt.type = EventType.BOOK_UPDATE;
        corrupt.instrumentId = 0;
        corrupt.seq = 2;
        corrupt.bidCount = 1;
        corrupt.bidPrices[0] = 9_999;
        corrupt.bidSizes[0] = 1_000;
        corrupt.checksumPresent = true;
        corrupt.checksum = 12_345;
        gate.onEvent(corrupt);
        gate.send(command(CommandType.PLACE));
        assertEquals(3, gate.invalidPlaces(), "after a checksum failure, until the next snapshot");

        assertEquals(List.of(CommandType.PLACE, CommandType.PLACE, CommandType.REPLACE, CommandType.CANCEL,
            CommandType.REPLACE, CommandType.PLACE), passed, "every command goes on to the replay");
    }

    private static OutboundCommand command(final CommandType type)
    {
        final OutboundCommand command = new OutboundCommand();
        command.type = type;
        command.instrumentId = 0;
        return command;
    }

    private static InboundEvent snapshot()
    {
        final InboundEvent e = new InboundEvent();
        e.type = EventType.BOOK_SNAPSHOT;
        e.instrumentId = 0;
        e.seq = 1;
        e.bidCount = 1;
        e.bidPrices[0] = 9_990;
        e.bidSizes[0] = 1_000_000;
        e.askCount = 1;
        e.askPrices[0] = 10_010;
        e.askSizes[0] = 1_000_000;
        return e;
    }
}
