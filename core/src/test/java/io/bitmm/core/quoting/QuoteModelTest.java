package io.bitmm.core.quoting;

import io.bitmm.core.TestSupport;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.EventType;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteModelTest
{
    private final Instrument btc = TestSupport.spotBtc();

    private static QuoteParameters parameters(final FairValueMode mode, final SkewModel skew, final int floor, final int levels)
    {
        return new QuoteParameters(mode, skew, 0.1, 2.0, 1.5, 1.0, floor, false, 0.0, levels, 3);
    }

    private static QuoteParameters feeFloor(final double edgeBps)
    {
        return new QuoteParameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 0.1, 2.0, 1.5, 1.0, 2, true, edgeBps, 1, 1);
    }

    private static Instrument spot(final String makerFee)
    {
        return InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", makerFee, "0.002", "200");
    }

    private OrderBook book(final Instrument instrument, final String bid, final String ask)
    {
        final OrderBook book = new OrderBook(instrument, 64);
        book.applySnapshot(TestSupport.book(EventType.BOOK_SNAPSHOT, instrument, 1, new String[] {bid}, new String[] {ask}));
        return book;
    }

    @Test
    void shouldQuoteSymmetricallyAroundMidWhenFlat()
    {
        final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 2, 1));
        final QuoteTargets targets = new QuoteTargets(4);
        model.compute(book(btc, "30000.00:1", "30000.10:1"), 0, 1_000, targets);
        assertTrue(targets.isValid());
        assertEquals(3_000_004, targets.bidPrice(0));
        assertEquals(3_000_006, targets.askPrice(0));
        assertEquals(3_000_005, targets.fairValuePrice());
        assertEquals(1_000, targets.size(0));
    }

    @Test
    void shouldLeanMicroPriceTowardTheThinSide()
    {
        final QuoteModel mid = new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 2, 1));
        final QuoteModel micro = new QuoteModel(parameters(FairValueMode.MICRO_PRICE, SkewModel.AVELLANEDA_STOIKOV, 2, 1));
        final OrderBook book = book(btc, "30000.00:9", "30000.10:1");
        assertEquals(3_000_005.0, mid.fairValue(book), 1e-9);
        assertEquals(3_000_009.0, micro.fairValue(book), 1e-9);
    }

    @Test
    void shouldSkewReservationAgainstInventoryWithBothModels()
    {
        for (final SkewModel skew : SkewModel.values())
        {
            final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, skew, 2, 1));
            final QuoteTargets flat = new QuoteTargets(1);
            final QuoteTargets longInventory = new QuoteTargets(1);
            final QuoteTargets shortInventory = new QuoteTargets(1);
            final OrderBook book = book(btc, "30000.00:1", "30001.00:1");
            model.compute(book, 0, 1_000, flat);
            model.compute(book, 10_000, 1_000, longInventory);
            model.compute(book, -10_000, 1_000, shortInventory);
            assertTrue(longInventory.reservationPrice() < flat.reservationPrice(), skew.name());
            assertTrue(longInventory.askPrice(0) < flat.askPrice(0), skew.name());
            assertTrue(longInventory.bidPrice(0) < flat.bidPrice(0), skew.name());
            assertTrue(shortInventory.bidPrice(0) > flat.bidPrice(0), skew.name());
        }
    }

    @Test
    void shouldComputeGlftClosedForm()
    {
        final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, SkewModel.GLFT, 1, 1));
        final QuoteTargets targets = new QuoteTargets(1);
        model.compute(book(btc, "30000.00:1", "30001.00:1"), 2_000, 1_000, targets);
        final double gamma = 0.1;
        final double kappa = 1.5;
        final double c2 = Math.sqrt(gamma / (2 * 1.0 * kappa) * Math.pow(1 + gamma / kappa, 1 + kappa / gamma));
        final double reservation = 3_000_050 - 2 * 2.0 * c2;
        assertEquals(Math.round(reservation), targets.reservationPrice());
    }

    @Test
    void shouldHonourSpreadFloorAndLevelSpacing()
    {
        final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 10, 3));
        final QuoteTargets targets = new QuoteTargets(3);
        model.compute(book(btc, "30000.00:1", "30001.00:1"), 0, 1_000, targets);
        assertEquals(3, targets.levels());
        assertTrue(targets.askPrice(0) - targets.bidPrice(0) >= 10);
        assertEquals(targets.bidPrice(0) - 3, targets.bidPrice(1));
        assertEquals(targets.askPrice(0) + 6, targets.askPrice(2));
    }

    @Test
    void shouldRoundAwayFromTouchToTickAndNeverCross()
    {
        final Instrument coarse = InstrumentFactory.futures(
            0, "ETHUSDT", 0, 1, "2", "5", "2", "0.01", "0.01", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
        final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 1, 1));
        final QuoteTargets targets = new QuoteTargets(1);
        model.compute(book(coarse, "3000.00:1", "3000.05:1"), 0, 157, targets);
        assertEquals(0, targets.bidPrice(0) % 5);
        assertEquals(0, targets.askPrice(0) % 5);
        assertTrue(targets.bidPrice(0) <= 300_000);
        assertTrue(targets.askPrice(0) >= 300_005);
        assertEquals(157, targets.size(0));
        final QuoteTargets skewed = new QuoteTargets(1);
        model.compute(book(coarse, "3000.00:1", "3000.05:1"), -100_000, 100, skewed);
        assertTrue(skewed.bidPrice(0) < 300_005, "a bid never reaches the best ask (post-only)");
    }

    @Test
    void shouldRefuseOneSidedBook()
    {
        final QuoteModel model = new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 2, 1));
        final OrderBook book = new OrderBook(btc, 16);
        book.applySnapshot(TestSupport.book(EventType.BOOK_SNAPSHOT, btc, 1, new String[] {"30000.00:1"}, new String[0]));
        final QuoteTargets targets = new QuoteTargets(1);
        model.compute(book, 0, 1_000, targets);
        assertFalse(targets.isValid());
    }

    @Test
    void shouldKeepTheQuotedSpreadAtLeastTheRoundTripMakerFeePlusEdge()
    {
        // maker fee 2 bp: round trip 4 bp + 1 bp edge = 5 bp of 60000 = 30 USDT = 3000 ticks of 0.01
        final Instrument instrument = spot("0.0002");
        final QuoteModel model = new QuoteModel(feeFloor(1.0));
        final QuoteTargets targets = new QuoteTargets(1);
        model.compute(book(instrument, "60000.00:1", "60000.10:1"), 0, 1_000, targets);
        final long spreadUnits = targets.askPrice(0) - targets.bidPrice(0);
        assertTrue(spreadUnits >= 3000 * instrument.tickUnits(), "spread " + spreadUnits);
        assertTrue(spreadUnits <= 3002 * instrument.tickUnits(), "spread " + spreadUnits);
        assertEquals(3001, model.spreadFloorTicks(instrument, 6_000_005.0), "rounded up to whole ticks");
        // both sides clear the fee: each side earns at least its own maker fee against fair value
        final double fair = targets.fairValuePrice();
        assertTrue(fair - targets.bidPrice(0) >= fair * 0.0002, "bid edge");
        assertTrue(targets.askPrice(0) - fair >= fair * 0.0002, "ask edge");
    }

    @Test
    void shouldLowerTheFloorForARebateAndFallBackToTheTickFloor()
    {
        final Instrument paying = spot("0.0002");
        final Instrument rebate = spot("-0.0001");
        final QuoteModel model = new QuoteModel(feeFloor(1.0));
        assertEquals(3000, model.spreadFloorTicks(paying, 6_000_000.0));
        // rebate 1 bp a side: -2 bp + 1 bp edge < 0: only the 2-tick floor is left
        assertEquals(2, model.spreadFloorTicks(rebate, 6_000_000.0));
        final QuoteModel wider = new QuoteModel(feeFloor(4.0));
        // -2 bp + 4 bp = 2 bp of 60000 = 12 USDT = 1200 ticks
        assertEquals(1200, wider.spreadFloorTicks(rebate, 6_000_000.0));
    }

    @Test
    void shouldQuoteInsideTheFeeOnlyWhenAskedTo()
    {
        final Instrument instrument = spot("0.0002");
        // edge -3 bp: 4 - 3 = 1 bp = 600 ticks, below the fee on purpose
        assertEquals(600, new QuoteModel(feeFloor(-3.0)).spreadFloorTicks(instrument, 6_000_000.0));
        // fee floor off: the tick floor alone
        assertEquals(2, new QuoteModel(parameters(FairValueMode.MID, SkewModel.AVELLANEDA_STOIKOV, 2, 1))
            .spreadFloorTicks(instrument, 6_000_000.0));
    }
}
