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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaperVenueTest
{
    private static final InstrumentTable INSTRUMENTS = new InstrumentTable(
        List.of(InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200")),
        List.of("BTC", "USDT"));

    private final ArrayPublisher ring = new ArrayPublisher(64);
    private final PaperVenue venue = new PaperVenue(INSTRUMENTS, ring);
    private final InboundPublisher marketData = venue.marketDataPublisher(ring);

    @Test
    void shouldPublishMarketEventThenTheFillsItCaused()
    {
        publishSnapshot(9_990, 10_010);
        final OutboundCommand place = new OutboundCommand();
        place.type = CommandType.PLACE;
        place.instrumentId = 0;
        place.clientOid[0] = 'a';
        place.clientOidLength = 1;
        place.side = Side.BUY;
        place.price = 9_990;
        place.size = 1_000;
        venue.onCommand(place, 0, true);
        assertEquals(1, venue.openOrderCount());

        final long sequence = marketData.claim();
        final InboundEvent trade = marketData.event(sequence);
        trade.reset();
        trade.type = EventType.TRADE;
        trade.instrumentId = 0;
        trade.price = 9_985;
        trade.size = 5_000;
        marketData.publish(sequence);

        assertEquals(6, ring.count());
        assertEquals(EventType.BOOK_SNAPSHOT, ring.get(0).type);
        assertEquals(EventType.COMMAND_ACK, ring.get(1).type);
        assertEquals(EventType.ORDER_UPDATE, ring.get(2).type);
        assertEquals(EventType.TRADE, ring.get(3).type);
        assertEquals(EventType.ORDER_UPDATE, ring.get(4).type);
        assertEquals(EventType.FILL, ring.get(5).type);
        assertEquals(1_000, ring.get(5).size);
        assertEquals(0, venue.openOrderCount());
    }

    @Test
    void shouldIgnoreResyncCommands()
    {
        final OutboundCommand resync = new OutboundCommand();
        resync.type = CommandType.RESYNC_BOOK;
        resync.instrumentId = 0;
        venue.onCommand(resync, 0, true);
        assertEquals(0, ring.count());
    }

    private void publishSnapshot(final long bid, final long ask)
    {
        final long sequence = marketData.claim();
        final InboundEvent e = marketData.event(sequence);
        e.reset();
        e.type = EventType.BOOK_SNAPSHOT;
        e.instrumentId = 0;
        e.seq = 1;
        e.bidCount = 1;
        e.bidPrices[0] = bid;
        e.bidSizes[0] = 1_000_000;
        e.askCount = 1;
        e.askPrices[0] = ask;
        e.askSizes[0] = 1_000_000;
        marketData.publish(sequence);
    }
}
