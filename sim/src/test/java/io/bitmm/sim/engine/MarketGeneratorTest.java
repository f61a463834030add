package io.bitmm.sim.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketGeneratorTest
{
    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", 2, 6, "1", 60_000);

    private static Exchange exchange()
    {
        return new Exchange(List.of(BTC), Map.of("USDT", new BigDecimal("1000000"), "BTC", BigDecimal.TEN),
            new BigDecimal("0.0002"), new BigDecimal("0.0006"));
    }

    private static int[] run(final long seed, final int steps)
    {
        final Exchange ex = exchange();
        final MarketGenerator g = new MarketGenerator(ex, BTC, seed, 60, 0.05, 0.001, 2);
        final int[] sums = new int[steps];
        for (int i = 0; i < steps; i++)
        {
            g.stepOnce();
            sums[i] = ex.book("BTCUSDT").checksum();
        }
        return sums;
    }

    @Test
    void shouldBeReproducibleFromSeed()
    {
        final int[] a = run(42, 5_000);
        final int[] b = run(42, 5_000);
        final int[] c = run(43, 5_000);
        assertEquals(a.length, b.length);
        for (int i = 0; i < a.length; i++)
        {
            assertEquals(a[i], b[i], "step " + i);
        }
        assertNotEquals(a[a.length - 1], c[c.length - 1]);
    }

    @Test
    void shouldKeepRealisticDepthWithVariedSizes()
    {
        final Exchange ex = exchange();
        final MarketGenerator g = new MarketGenerator(ex, BTC, 1, 60, 0.05, 0.001, 2);
        g.advance(10_000);
        final OrderBook book = ex.book("BTCUSDT");
        assertTrue(book.side(Side.BUY).size() >= 50, "bids " + book.side(Side.BUY).size());
        assertTrue(book.side(Side.SELL).size() >= 50, "asks " + book.side(Side.SELL).size());
        assertTrue(book.bestBid() < book.bestAsk());
        final Set<Long> sizes = new HashSet<>();
        book.side(Side.BUY).values().forEach(l -> sizes.add(l.totalLots));
        assertTrue(sizes.size() > 30, "varied sizes");
    }

    @Test
    void shouldFillRestingQuotesThroughPoissonTakers()
    {
        final Exchange ex = exchange();
        final MarketGenerator g = new MarketGenerator(ex, BTC, 5, 60, 0.05, 0.001, 20);
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = "BTCUSDT";
        r.side = "sell";
        r.orderType = "limit";
        r.force = "post_only";
        r.price = BTC.price(ex.book("BTCUSDT").bestAsk());
        r.size = "0.010000";
        r.clientOid = "q1";
        final Exchange.PlaceResult res = ex.place(r);
        ex.process(res.order());
        assertTrue(res.order().isOpen());
        for (int i = 0; i < 600 && res.order().filledLots == 0; i++)
        {
            g.advance(100);
        }
        assertTrue(res.order().filledLots > 0, "the resting quote got filled");
    }
}
