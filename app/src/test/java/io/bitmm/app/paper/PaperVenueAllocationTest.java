package io.bitmm.app.paper;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Once warm, the paper venue allocates nothing per command or market-data event.
 */
class PaperVenueAllocationTest
{
    private static final InstrumentTable INSTRUMENTS = new InstrumentTable(
        List.of(InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200")),
        List.of("BTC", "USDT"));

    private final CyclicPublisher ring = new CyclicPublisher();
    private final PaperVenue venue = new PaperVenue(INSTRUMENTS, ring);
    private final InboundPublisher marketData = venue.marketDataPublisher(ring);
    private final OutboundCommand command = new OutboundCommand();
    private long bookSeq;

    @Test
    void shouldNotAllocateOnceWarm()
    {
        for (int i = 0; i < 20_000; i++)
        {
            cycle(i);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.getCurrentThreadAllocatedBytes();
        final long fillsBefore = ring.fills;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++)
        {
            cycle(i);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(0, allocated, "bytes allocated");
        assertTrue(ring.fills - fillsBefore >= 20_000, "fills: " + (ring.fills - fillsBefore));
        assertEquals(0, venue.openOrderCount());
    }

    private void cycle(final int i)
    {
        book(9_990 + (i & 3), 10_010);
        order(CommandType.PLACE, i, 0, Side.BUY, 9_990);
        order(CommandType.PLACE, i, 1, Side.SELL, 10_010);
        order(CommandType.REPLACE, i, 0, Side.BUY, 9_985);
        order(CommandType.QUERY_ORDER, i, 1, Side.SELL, 0);
        trade(9_980, 400);
        trade(9_980, 1_000);
        book(9_990, 10_008);
        book(10_010, 10_012);
        order(CommandType.CANCEL, i, 1, Side.SELL, 0);
    }

    private void order(final CommandType type, final int i, final int which, final Side side, final long price)
    {
        command.reset();
        command.type = type;
        command.instrumentId = 0;
        command.clientOidLength = oid(command.clientOid, i, which);
        if (type == CommandType.REPLACE)
        {
            command.newClientOidLength = oid(command.newClientOid, i, 2);
        }
        command.side = side;
        command.price = price;
        command.size = 1_000;
        venue.onCommand(command, 0, true);
    }

    private static int oid(final byte[] dst, final int i, final int which)
    {
        dst[0] = (byte)('a' + which);
        for (int k = 0; k < 6; k++)
        {
            dst[1 + k] = (byte)('0' + ((i >> (3 * k)) & 7));
        }
        return 7;
    }

    private void book(final long bid, final long ask)
    {
        final long sequence = marketData.claim();
        final InboundEvent e = marketData.event(sequence);
        e.reset();
        e.type = EventType.BOOK_SNAPSHOT;
        e.instrumentId = 0;
        e.seq = ++bookSeq;
        e.bidCount = 1;
        e.bidPrices[0] = bid;
        e.bidSizes[0] = 1_000_000;
        e.askCount = 1;
        e.askPrices[0] = ask;
        e.askSizes[0] = 1_000_000;
        marketData.publish(sequence);
    }

    private void trade(final long price, final long size)
    {
        final long sequence = marketData.claim();
        final InboundEvent e = marketData.event(sequence);
        e.reset();
        e.type = EventType.TRADE;
        e.instrumentId = 0;
        e.price = price;
        e.size = size;
        marketData.publish(sequence);
    }

    /**
     * A ring of 64 reused events; counts FILLs.
     */
    private static final class CyclicPublisher implements InboundPublisher
    {
        private final InboundEvent[] events = new InboundEvent[64];
        private long next;
        long fills;

        CyclicPublisher()
        {
            for (int i = 0; i < events.length; i++)
            {
                events[i] = new InboundEvent();
            }
        }

        @Override
        public long claim()
        {
            return next++;
        }

        @Override
        public InboundEvent event(final long sequence)
        {
            return events[(int)(sequence & (events.length - 1))];
        }

        @Override
        public void publish(final long sequence)
        {
            if (event(sequence).type == EventType.FILL)
            {
                fills++;
            }
        }
    }
}
