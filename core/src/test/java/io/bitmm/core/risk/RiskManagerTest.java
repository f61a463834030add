package io.bitmm.core.risk;

import io.bitmm.core.TestSupport;
import io.bitmm.core.book.OrderBook;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskManagerTest
{
    private static final long MS = 1_000_000L;
    private static final long FAIR = 3_000_000;

    private final Instrument btc = TestSupport.spotBtc();

    private RiskManager risk()
    {
        final InstrumentLimits limits = new InstrumentLimits(1_000, 5_000, 3_000, 2_000, 100 * Amounts.ONE);
        return new RiskManager(new InstrumentLimits[] {limits}, 4, 10_000, 500 * MS, 10, 10, 5, 1_050 * MS,
            100 * Amounts.ONE, 50 * Amounts.ONE);
    }

    private RiskReason check(final RiskManager risk, final Side side, final long price, final long size, final long position)
    {
        return risk.checkOrder(btc, side, price, size, FAIR, position, 0, 0);
    }

    @Test
    void shouldAcceptOrderWithinAllLimits()
    {
        assertEquals(RiskReason.NONE, check(risk(), Side.BUY, FAIR - 10, 1_000, 0));
    }

    @Test
    void shouldRefuseEachLimitWithItsReason()
    {
        final RiskManager risk = risk();
        assertEquals(RiskReason.MAX_ORDER_SIZE, check(risk, Side.BUY, FAIR, 2_001, 0));
        assertEquals(RiskReason.MIN_NOTIONAL, check(risk, Side.BUY, FAIR, 10, 0));
        assertEquals(RiskReason.MAX_ORDER_NOTIONAL, new RiskManager(new InstrumentLimits[] {
            new InstrumentLimits(1_000, 5_000, 3_000, 2_000, 10 * Amounts.ONE)}, 4, 10_000, MS, 10, 10, 5, 1_050 * MS,
            Amounts.ONE, Amounts.ONE).checkOrder(btc, Side.BUY, FAIR, 1_000, FAIR, 0, 0, 0));
        assertEquals(RiskReason.PRICE_BAND, check(risk, Side.SELL, FAIR + FAIR / 50, 1_000, 0));
        assertEquals(RiskReason.MAX_OPEN_ORDERS, risk.checkOrder(btc, Side.BUY, FAIR, 1_000, FAIR, 0, 0, 4));
    }

    @Test
    void shouldStopGrowingSideAtMaxPositionAndQuoteOnlyToReduceBeyondSoftLimit()
    {
        final RiskManager risk = risk();
        assertEquals(RiskReason.MAX_POSITION, risk.checkOrder(btc, Side.BUY, FAIR, 1_000, FAIR, 2_500, 2_000, 0));
        assertEquals(RiskReason.SOFT_LIMIT, check(risk, Side.BUY, FAIR, 1_000, 3_500));
        assertEquals(RiskReason.NONE, check(risk, Side.SELL, FAIR, 1_000, 3_500));
        assertEquals(RiskReason.SOFT_LIMIT, check(risk, Side.SELL, FAIR, 1_000, -3_500));
        assertEquals(RiskReason.NONE, check(risk, Side.BUY, FAIR, 1_000, -3_500));
    }

    @Test
    void shouldGuardAgainstStaleOrInvalidBook()
    {
        final RiskManager risk = risk();
        final OrderBook book = new OrderBook(btc, 16);
        assertEquals(RiskReason.BOOK_INVALID, risk.checkBook(book, 0));
        final InboundEvent snapshot = TestSupport.book(EventType.BOOK_SNAPSHOT, btc, 1, new String[] {"30000:1"}, new String[] {"30001:1"});
        snapshot.timestampNanos = 100 * MS;
        book.applySnapshot(snapshot);
        assertEquals(RiskReason.NONE, risk.checkBook(book, 600 * MS));
        assertEquals(RiskReason.STALE_BOOK, risk.checkBook(book, 601 * MS));
    }

    @Test
    void shouldSwitchKillStatesOnLoss()
    {
        final RiskManager risk = risk();
        assertEquals(RiskState.ACTIVE, risk.onPnl(-10 * Amounts.ONE));
        assertEquals(RiskState.REDUCING, risk.onPnl(-60 * Amounts.ONE));
        assertEquals(RiskReason.REDUCING, check(risk, Side.BUY, FAIR, 1_000, 0));
        assertEquals(RiskReason.NONE, check(risk, Side.SELL, FAIR, 1_000, 1_000));
        assertEquals(RiskState.HALTED, risk.onPnl(-100 * Amounts.ONE));
        assertEquals(RiskState.HALTED, risk.onPnl(0));
        assertEquals(RiskReason.HALTED, check(risk, Side.SELL, FAIR, 1_000, 1_000));
    }

    @Test
    void shouldKeepEachBudgetWithinItsWindowOfEventTime()
    {
        final RiskManager risk = risk();
        int placed = 0;
        for (int i = 0; i < 20; i++)
        {
            placed += risk.tryPlace(i * 10 * MS) ? 1 : 0;
        }
        assertEquals(10, placed, "ten places in the first 200 ms");
        assertFalse(risk.tryPlace(999 * MS), "a token bucket would have refilled by now; the window has not");
        assertFalse(risk.tryPlace(1_049 * MS), "the 50 ms margin");
        assertTrue(risk.tryPlace(1_050 * MS), "the first slot is back one window after it was spent");
        assertFalse(risk.tryPlace(1_055 * MS), "the second one was spent at 10 ms");
        assertTrue(risk.tryPlace(1_060 * MS));
        int replaced = 0;
        for (int i = 0; i < 20; i++)
        {
            replaced += risk.tryReplace(0) ? 1 : 0;
        }
        assertEquals(5, replaced);
        assertTrue(risk.tryCancel(0), "budgets are separate");
    }
}
