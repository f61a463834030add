package io.bitmm.core.position;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PnlAttributionTest
{
    private static final long S = 1_000_000_000L;
    private final Instrument btc = TestSupport.spotBtc();

    /** Feeds both the way TradingCore does. */
    private static void fill(final Position position, final PnlAttribution attribution, final Side side, final long price,
        final long size, final long now)
    {
        final long midBefore = position.markPrice();
        final long feesBefore = position.fees();
        position.onFill(side, price, size, true, 0, -1);
        attribution.onFill(side, price, size, midBefore, position.fees() - feesBefore, now);
    }

    private static void mid(final Position position, final PnlAttribution attribution, final long mid, final long now)
    {
        attribution.onMid(position.size(), position.markPrice(), mid, now);
        position.mark(mid);
    }

    @Test
    void shouldSplitARoundTripIntoSpreadInventoryAndFees()
    {
        final Position position = new Position(btc);
        final PnlAttribution attribution = new PnlAttribution(btc);
        mid(position, attribution, 3_000_000, 0);                   // mid 30000.00
        fill(position, attribution, Side.BUY, 2_999_000, 1_000, 1);  // buy 0.001 at 29990: 10 below mid
        mid(position, attribution, 3_001_000, 2);                   // mid +10 on 0.001 long
        fill(position, attribution, Side.SELL, 3_002_000, 1_000, 3); // sell at 30020: 10 above mid
        // spread 0.01 + 0.01 = 0.02 USDT; inventory 0.001 x 10 = 0.01 USDT
        assertEquals(2_000_000, attribution.spreadCaptured());
        assertEquals(1_000_000, attribution.inventoryPnl());
        assertTrue(attribution.fees() > 0, "maker fee of the test instrument is 20 bp");
        assertEquals(position.fees(), attribution.fees());
        assertEquals(position.totalPnl(), attribution.total());
    }

    @Test
    void shouldAddUpToThePositionsTotalOverARandomRun()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final Position position = new Position(btc);
        position.start(3_000);
        final PnlAttribution attribution = new PnlAttribution(btc);
        long mid = 3_000_000;
        long now = 0;
        for (int i = 0; i < 100_000; i++)
        {
            now += 10_000_000;
            if (random.nextInt(10) == 0)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long price = side == Side.BUY ? mid - random.nextInt(50) : mid + random.nextInt(50);
                fill(position, attribution, side, price, 1 + random.nextInt(3_000), now);
            }
            else
            {
                mid += random.nextInt(21) - 10;
                mid(position, attribution, mid, now);
            }
        }
        assertEquals(10_000, attribution.fills(), 200);
        // the position rounds released cost once per reducing fill: at most a unit of 10^-8 USDT each
        assertEquals(position.totalPnl(), attribution.total(), attribution.fills());
        assertTrue(attribution.spreadCaptured() > 0);
    }

    @Test
    void shouldMeasureMarkoutsPerSideAtEachHorizon()
    {
        final Position position = new Position(btc);
        final PnlAttribution attribution = new PnlAttribution(btc);
        mid(position, attribution, 3_000_000, 0);
        fill(position, attribution, Side.BUY, 2_999_990, 1_000, 0);
        fill(position, attribution, Side.SELL, 3_000_010, 1_000, 0);
        mid(position, attribution, 3_000_300, S / 2);          // not yet 1 s
        assertEquals(0, attribution.markoutCount(0, Side.BUY));
        mid(position, attribution, 3_000_300, S);              // +1 bp at 1 s
        assertEquals(1.0, attribution.markoutBps(0, Side.BUY), 1e-9);
        assertEquals(-1.0, attribution.markoutBps(0, Side.SELL), 1e-9);
        mid(position, attribution, 2_999_400, 5 * S);          // -2 bp at 5 s
        assertEquals(-2.0, attribution.markoutBps(1, Side.BUY), 1e-9);
        assertEquals(2.0, attribution.markoutBps(1, Side.SELL), 1e-9);
        assertTrue(Double.isNaN(attribution.markoutBps(2, Side.BUY)));
        mid(position, attribution, 3_000_000, 31 * S);
        assertEquals(0.0, attribution.markoutBps(2, Side.BUY), 1e-9);
        assertEquals(1, attribution.markoutCount(2, Side.SELL));
    }
}
