package io.bitmm.sim.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matching and accounting of USDT-M perpetuals on the shared engine: positions, margin, PnL, funding, dead-man switch. */
class FuturesTest
{
    private static final Instrument SPOT = new Instrument("BTCUSDT", "BTC", "USDT", 2, 6, "1", 60_000);
    private static final Instrument PERP = Instrument.perpetual("BTCUSDT", "BTC", 1, 4, "0.0001", "5", 150, 60_000);
    private static final String KEY = PERP.key();

    private final List<String> events = new ArrayList<>();
    private final List<Position> positionPushes = new ArrayList<>();
    private final List<BigDecimal> fundings = new ArrayList<>();

    private Exchange exchange(final boolean unified, final String futuresUsdt)
    {
        final Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put("BTC", new BigDecimal("1"));
        balances.put("USDT", new BigDecimal("100000"));
        final Exchange ex = new Exchange(List.of(SPOT, PERP), balances, new BigDecimal("0.0002"), new BigDecimal("0.0006"))
            .account(unified, Map.of("USDT", new BigDecimal(futuresUsdt)));
        ex.futures().configure(new BigDecimal("0.0002"), new BigDecimal("0.0006"), 10, 8 * 3_600_000L, new BigDecimal("0.0001"),
            Futures.ONE_WAY);
        ex.now(1_000_000);
        ex.listener(new ExchangeListener()
        {
            @Override
            public void onOrder(final Order order, final Fill fill)
            {
                events.add(order.clientOid + ":" + order.status);
            }

            @Override
            public void onFill(final Fill fill)
            {
            }

            @Override
            public void onBalance(final String coin)
            {
            }

            @Override
            public void onTrade(final Instrument instrument, final long tradeId, final long priceTicks, final long lots,
                final Side takerSide, final long timeMs)
            {
            }

            @Override
            public void onPosition(final Position position)
            {
                positionPushes.add(position);
            }

            @Override
            public void onFunding(final Position position, final BigDecimal amount, final BigDecimal rate)
            {
                fundings.add(amount);
            }
        });
        return ex;
    }

    private static Exchange.PlaceResult place(final Exchange ex, final String coid, final String side, final String price,
        final String size, final String reduceOnly, final String posSide)
    {
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.category = Instrument.USDT_FUTURES;
        r.symbol = "BTCUSDT";
        r.side = side;
        r.orderType = price == null ? "market" : "limit";
        r.price = price;
        r.size = size;
        r.clientOid = coid;
        r.reduceOnly = reduceOnly;
        r.posSide = posSide;
        final Exchange.PlaceResult res = ex.place(r);
        if (res.accepted())
        {
            ex.process(res.order());
        }
        return res;
    }

    private static BigDecimal bd(final String v)
    {
        return new BigDecimal(v);
    }

    private static void assertAmount(final String expected, final BigDecimal actual)
    {
        assertEquals(0, bd(expected).compareTo(actual), "expected " + expected + " but was " + actual.toPlainString());
    }

    @Test
    void shouldKeepSpotAndPerpetualBooksApart()
    {
        final Exchange ex = exchange(true, "0");
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        assertEquals(-1, ex.book("BTCUSDT").bestAsk(), "the spot book is untouched");
        assertEquals(600_000, ex.book(KEY).bestAsk());
        assertTrue(place(ex, "f1", "buy", "60000.0", "0.5000", null, null).accepted());
        assertEquals(1, ex.openOrders(Instrument.USDT_FUTURES, "BTCUSDT").size() + ex.closedOrders(Instrument.USDT_FUTURES, null).size());
        assertTrue(ex.openOrders(Instrument.SPOT, null).isEmpty());
    }

    @Test
    void shouldOpenLongThenRealizePnlOnReduceWithFeesAndMargin()
    {
        final Exchange ex = exchange(false, "10000");
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        assertTrue(place(ex, "open", "buy", "60000.0", "0.1000", null, null).accepted());
        final Position p = ex.futures().position(KEY, "long");
        assertNotNull(p);
        assertEquals(1_000, p.sizeLots);
        assertAmount("60000", p.entryPrice);
        assertAmount("600", p.margin);
        final BigDecimal openFee = bd("3.6");
        assertAmount("3.6", p.totalFee);
        final Balance m = ex.futures().margin();
        assertAmount("9396.4", m.available);
        assertAmount("0", m.frozen);
        assertAmount("100000", ex.balance("USDT").available);

        ex.syntheticMake(KEY, Side.BUY, 610_000, 10_000);
        assertTrue(place(ex, "close", "sell", "61000.0", "0.0400", "YES", null).accepted());
        assertEquals(600, p.sizeLots);
        assertAmount("40", p.achievedProfits);
        final BigDecimal closeFee = bd("61000").multiply(bd("0.04")).multiply(bd("0.0006"));
        assertAmount(openFee.add(closeFee).toPlainString(), p.totalFee);
        assertAmount("360", p.margin);
        assertAmount(bd("9396.4").add(bd("240")).add(bd("40")).subtract(closeFee).toPlainString(), m.available);
        assertAmount("60", p.unrealizedPnl(bd("61000")));
        assertAmount("-60", p.unrealizedPnl(bd("59000")));
    }

    @Test
    void shouldRefuseReduceOnlyThatWouldGrowOrExceedThePosition()
    {
        final Exchange ex = exchange(false, "100000");
        assertEquals("22002", place(ex, "r0", "sell", "61000.0", "0.0100", "YES", null).code(), "no position");
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        place(ex, "open", "buy", "60000.0", "0.1000", null, null);
        assertEquals("22002", place(ex, "r1", "buy", "59000.0", "0.0100", "YES", null).code(), "a reduce-only buy would grow a long");
        assertEquals("40757", place(ex, "r2", "sell", "70000.0", "0.2000", "YES", null).code(), "more than the position");
        assertTrue(place(ex, "r3", "sell", "70000.0", "0.0600", "YES", null).accepted());
        assertEquals("40757", place(ex, "r4", "sell", "70000.0", "0.0500", "YES", null).code(), "0.06 already reserved");
        ex.cancel(ex.orderByClientOid("r3"));
        assertTrue(place(ex, "r5", "sell", "70000.0", "0.1000", "YES", null).accepted(), "a cancel frees the reservation");
    }

    @Test
    void shouldCancelReduceOnlyOrdersThatNoLongerFitTheShrunkPosition()
    {
        final Exchange ex = exchange(false, "100000");
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        place(ex, "open", "buy", "60000.0", "0.1000", null, null);
        assertTrue(place(ex, "tp1", "sell", "70000.0", "0.0600", "YES", null).accepted());
        assertTrue(place(ex, "tp2", "sell", "71000.0", "0.0400", "YES", null).accepted());
        ex.syntheticMake(KEY, Side.BUY, 599_000, 10_000);
        // a plain sell reduces the long to 0.05: 0.10 reserved no longer fits, the oldest reduce-only order goes
        assertTrue(place(ex, "plain", "sell", "59900.0", "0.0500", null, null).accepted());
        final Position p = ex.futures().position(KEY, "long");
        assertEquals(500, p.sizeLots);
        assertEquals("cancelled", ex.orderByClientOid("tp1").status);
        assertTrue(ex.orderByClientOid("tp2").isOpen());
        assertEquals(400, p.closingLots);
        // closing the rest cancels the remaining reduce-only order
        assertTrue(place(ex, "plain2", "sell", "59900.0", "0.0500", null, null).accepted());
        assertEquals(0, p.sizeLots);
        assertEquals("cancelled", ex.orderByClientOid("tp2").status);
        assertEquals(0, p.closingLots);
    }

    @Test
    void shouldRefuseAnOpeningOrderBeyondAvailableMargin()
    {
        final Exchange ex = exchange(false, "100");
        // 10x leverage: 0.02 BTC at 60000 needs 120 USDT
        assertEquals("40762", place(ex, "big", "buy", "60000.0", "0.0200", null, null).code());
        assertTrue(place(ex, "ok", "buy", "60000.0", "0.0100", null, null).accepted());
        assertAmount("40", ex.futures().margin().available);
        assertAmount("60", ex.futures().margin().frozen);
    }

    @Test
    void shouldTakeFuturesMarginFromTheOneWalletOnUta()
    {
        final Exchange ex = exchange(true, "0");
        assertTrue(place(ex, "f", "buy", "50000.0", "0.1000", null, null).accepted());
        assertAmount("99500", ex.balance("USDT").available);
        assertAmount("500", ex.balance("USDT").frozen);
        final Exchange classic = exchange(false, "1000");
        assertTrue(place(classic, "f", "buy", "50000.0", "0.1000", null, null).accepted());
        assertAmount("100000", classic.balance("USDT").available);
        assertAmount("500", classic.futures().margin().available);
    }

    @Test
    void shouldHoldLongAndShortInHedgeModeAndCloseByPosSide()
    {
        final Exchange ex = exchange(false, "100000");
        assertEquals(null, ex.futures().setPositionMode(Futures.HEDGE));
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        ex.syntheticMake(KEY, Side.BUY, 599_000, 10_000);
        assertTrue(place(ex, "L", "buy", "60000.0", "0.1000", null, "long").accepted());
        assertTrue(place(ex, "S", "sell", "59900.0", "0.0500", null, "short").accepted());
        assertEquals(1_000, ex.futures().position(KEY, "long").sizeLots);
        assertEquals(500, ex.futures().position(KEY, "short").sizeLots);
        assertEquals("40920", ex.futures().setPositionMode(Futures.ONE_WAY).substring(0, 5), "refused with positions");
        // close long = sell with posSide long
        assertTrue(place(ex, "CL", "sell", "59900.0", "0.1000", null, "long").accepted());
        assertEquals(0, ex.futures().position(KEY, "long").sizeLots);
        assertAmount("-10", ex.futures().position(KEY, "long").achievedProfits);
        assertEquals(500, ex.futures().position(KEY, "short").sizeLots);
        assertEquals("22002", place(ex, "CL2", "sell", "59900.0", "0.0100", null, "long").code());
    }

    @Test
    void shouldFlipAOneWayPositionThroughZero()
    {
        final Exchange ex = exchange(false, "100000");
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        ex.syntheticMake(KEY, Side.BUY, 600_000 - 10, 10_000);
        place(ex, "L", "buy", "60000.0", "0.1000", null, null);
        place(ex, "X", "sell", "59999.0", "0.3000", null, null);
        assertEquals(0, ex.futures().position(KEY, "long").sizeLots);
        assertEquals(2_000, ex.futures().position(KEY, "short").sizeLots);
        assertAmount("59999", ex.futures().position(KEY, "short").entryPrice);
    }

    @Test
    void shouldChargeFundingToOpenPositionsAtTheInterval()
    {
        final Exchange ex = exchange(false, "100000");
        ex.futures().configure(new BigDecimal("0.0002"), new BigDecimal("0.0006"), 10, 2_000, new BigDecimal("0.0001"), Futures.ONE_WAY);
        ex.syntheticMake(KEY, Side.SELL, 600_000, 10_000);
        ex.syntheticMake(KEY, Side.BUY, 599_990, 10_000);
        place(ex, "L", "buy", "60000.0", "0.1000", null, null);
        final Position p = ex.futures().position(KEY, "long");
        final BigDecimal netBefore = p.netRealized();
        final BigDecimal walletBefore = ex.futures().margin().available;
        ex.onTimer(1_000_500);
        assertEquals(1_002_000, ex.futures().nextFundingMs());
        ex.onTimer(1_001_999);
        assertTrue(fundings.isEmpty(), "not before the settlement time");
        positionPushes.clear();
        ex.onTimer(1_002_000);
        // mark = mid of 60000.0 / 59999.0 rounded up to the tick = 59999.5; 59999.5 x 0.1 x 0.0001 = 0.599995 paid by the long
        assertEquals(1, fundings.size());
        assertAmount("-0.599995", fundings.get(0));
        assertAmount("-0.599995", p.totalFunding);
        assertAmount(netBefore.subtract(bd("0.599995")).toPlainString(), p.netRealized());
        assertAmount(walletBefore.subtract(bd("0.599995")).toPlainString(), ex.futures().margin().available);
        assertTrue(positionPushes.contains(p), "the position is pushed after funding");
        assertEquals(1_004_000, ex.futures().nextFundingMs());
    }

    @Test
    void shouldCancelEveryOpenOrderWhenTheCountdownLapses()
    {
        final Exchange ex = exchange(true, "0");
        final Exchange.PlaceRequest spot = new Exchange.PlaceRequest();
        spot.symbol = "BTCUSDT";
        spot.side = "buy";
        spot.orderType = "limit";
        spot.price = "50000.00";
        spot.size = "0.010000";
        spot.clientOid = "s1";
        ex.process(ex.place(spot).order());
        place(ex, "f1", "buy", "50000.0", "0.0100", null, null);
        place(ex, "f2", "sell", "70000.0", "0.0100", null, null);
        assertEquals(3, ex.openOrders(null).size());

        ex.countdownCancelAll(10_000);
        ex.onTimer(1_009_999);
        assertEquals(3, ex.openOrders(null).size(), "still armed");
        ex.countdownCancelAll(10_000);
        ex.onTimer(1_019_998);
        assertEquals(3, ex.openOrders(null).size(), "a refresh at 1_009_999 moved the deadline to 1_019_999");
        events.clear();
        ex.onTimer(1_019_999);
        assertEquals(0, ex.openOrders(null).size(), "every product's orders cancelled");
        assertTrue(events.containsAll(List.of("s1:cancelled", "f1:cancelled", "f2:cancelled")), events.toString());
        assertEquals(0, ex.countdownDeadlineMs(), "disarmed after firing");
        assertAmount("100000", ex.balance("USDT").available);
    }

    @Test
    void shouldSwitchTheCountdownOffWithZero()
    {
        final Exchange ex = exchange(true, "0");
        place(ex, "f1", "buy", "50000.0", "0.0100", null, null);
        ex.countdownCancelAll(5_000);
        ex.countdownCancelAll(0);
        ex.onTimer(2_000_000);
        assertEquals(1, ex.openOrders(null).size());
    }

    @Test
    void shouldValidateContractSizeAndLeverage()
    {
        final Exchange ex = exchange(false, "100000");
        assertEquals("40808", place(ex, "a", "buy", "60000.0", "0.00001", null, null).code(), "size step 0.0001");
        assertEquals("41103", place(ex, "b", "buy", "60000.05", "0.0100", null, null).code(), "tick 0.1");
        assertEquals("45110", place(ex, "c", "buy", "40000.0", "0.0001", null, null).code(), "min 5 USDT");
        assertEquals("40797", ex.futures().setLeverage(KEY, 151).substring(0, 5));
        assertEquals(null, ex.futures().setLeverage(KEY, 5));
        assertTrue(place(ex, "d", "buy", "50000.0", "0.1000", null, null).accepted());
        assertAmount("1000", ex.orderByClientOid("d").frozen);
        assertEquals("45117", ex.futures().setMarginMode(KEY, "isolated").substring(0, 5), "refused with an open order");
    }
}
