package io.bitmm.core.position;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PositionTest
{
    private final Instrument btc = TestSupport.spotBtc();

    @Test
    void shouldTrackCostRealizedAndUnrealizedPnl()
    {
        final Position position = new Position(btc);
        position.onFill(Side.BUY, 3_000_000, 1_000_000, true, 0, 1);
        position.onFill(Side.BUY, 3_100_000, 1_000_000, true, 0, 1);
        assertEquals(2_000_000, position.size());
        assertEquals(3_050_000, position.averageCost());
        position.mark(3_200_000);
        assertEquals(3_000 * Amounts.ONE, position.unrealizedPnl());
        position.onFill(Side.SELL, 3_200_000, 1_000_000, true, 0, 1);
        assertEquals(1_500 * Amounts.ONE, position.realizedPnl());
        assertEquals(1_500 * Amounts.ONE, position.unrealizedPnl());
        assertEquals(3_050_000, position.averageCost());
    }

    @Test
    void shouldFlipThroughZero()
    {
        final Position position = new Position(btc);
        position.onFill(Side.BUY, 3_000_000, 1_000_000, true, 0, 1);
        position.onFill(Side.SELL, 2_900_000, 3_000_000, true, 0, 1);
        assertEquals(-2_000_000, position.size());
        assertEquals(-1_000 * Amounts.ONE, position.realizedPnl());
        assertEquals(2_900_000, position.averageCost());
        position.mark(2_800_000);
        assertEquals(2_000 * Amounts.ONE, position.unrealizedPnl());
        position.onFill(Side.BUY, 2_800_000, 2_000_000, true, 0, 1);
        assertEquals(0, position.size());
        assertEquals(1_000 * Amounts.ONE, position.realizedPnl());
        assertEquals(0, position.unrealizedPnl());
    }

    @Test
    void shouldBookABaseCoinRebateAsMoreBaseHeldAndNegativeFees()
    {
        final Position position = new Position(btc);
        // 0.0004 BTC bought at 30000 with a rebate of 0.0000002 BTC (fee -20 amount units)
        position.onFill(Side.BUY, 3_000_000, 400, true, -20, 0);
        assertEquals(40_020, position.baseHoldingsChange(), "0.0004002 BTC held");
        assertEquals(-600_000, position.fees(), "fees -0.006 USDT");
        assertEquals(-12 * Amounts.ONE, position.quoteHoldingsChange());
    }

    @Test
    void shouldLeaveTheTradedCoinsAloneForAFeePaidInAnotherCoin()
    {
        final Position position = new Position(btc);
        position.onFill(Side.BUY, 3_000_000, 400, true, 155_520, io.bitmm.core.event.InboundEvent.FEE_ASSET_OTHER);
        assertEquals(40_000, position.baseHoldingsChange());
        assertEquals(-12 * Amounts.ONE, position.quoteHoldingsChange());
        assertEquals(0, position.fees(), "a BGB fee has no quote value here");
        assertEquals(1, position.otherAssetFeeFills());
    }

    @Test
    void shouldChargeFeesInQuoteBaseOrFromConfiguredRates()
    {
        final Position position = new Position(btc);
        position.onFill(Side.BUY, 3_000_000, 1_000_000, true, 6 * Amounts.ONE, 1);
        assertEquals(6 * Amounts.ONE, position.fees());
        assertEquals(Amounts.ONE, position.baseHoldingsChange());
        assertEquals(-30_006 * Amounts.ONE, position.quoteHoldingsChange());
        position.onFill(Side.BUY, 3_000_000, 1_000_000, true, 200_000, 0);
        assertEquals(2 * Amounts.ONE - 200_000, position.baseHoldingsChange());
        assertEquals(66 * Amounts.ONE, position.fees());
        position.onFill(Side.SELL, 3_000_000, 1_000_000, false, 0, -1);
        assertEquals(126 * Amounts.ONE, position.fees(), "taker rate 0.002 of 30000");
        assertEquals(-126 * Amounts.ONE, position.totalPnl());
    }
}
