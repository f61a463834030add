package io.bitmm.sim.engine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExchangeTest
{
    private static final Instrument BTC = new Instrument("BTCUSDT", "BTC", "USDT", 2, 6, "1", 60_000);
    private Exchange ex;
    private final List<Fill> fills = new ArrayList<>();
    private final List<String> statuses = new ArrayList<>();

    @BeforeEach
    void setUp()
    {
        open("0.0002");
    }

    private void open(final String makerFee)
    {
        final Map<String, BigDecimal> balances = new LinkedHashMap<>();
        balances.put("BTC", new BigDecimal("1"));
        balances.put("USDT", new BigDecimal("100000"));
        ex = new Exchange(List.of(BTC), balances, new BigDecimal(makerFee), new BigDecimal("0.0006"));
        ex.listener(new ExchangeListener()
        {
            @Override
            public void onOrder(final Order order, final Fill fill)
            {
                statuses.add(order.clientOid + ":" + order.status + ":" + order.cancelReason);
            }

            @Override
            public void onFill(final Fill fill)
            {
                fills.add(fill);
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
        });
    }

    private Exchange.PlaceResult place(final String coid, final String side, final String price, final String size, final String force)
    {
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = "BTCUSDT";
        r.side = side;
        r.orderType = "limit";
        r.force = force;
        r.price = price;
        r.size = size;
        r.clientOid = coid;
        final Exchange.PlaceResult res = ex.place(r);
        if (res.accepted())
        {
            ex.process(res.order());
        }
        return res;
    }

    @Test
    void shouldQueueBehindSyntheticOrdersAtSamePrice()
    {
        ex.syntheticMake("BTCUSDT", Side.BUY, 5_999_000, 100_000);
        place("mine", "buy", "59990.00", "0.100000", "gtc");
        ex.syntheticTake("BTCUSDT", Side.SELL, 100_000);
        assertTrue(fills.isEmpty(), "synthetic order ahead fills first");
        ex.syntheticTake("BTCUSDT", Side.SELL, 40_000);
        assertEquals(1, fills.size());
        assertTrue(fills.get(0).maker());
        assertEquals(40_000, fills.get(0).lots());
    }

    @Test
    void shouldFreezeAndSettleWithMakerFee()
    {
        place("mine", "buy", "50000.00", "0.100000", "gtc");
        assertEquals(0, new BigDecimal("5000").compareTo(ex.balance("USDT").frozen));
        ex.syntheticTake("BTCUSDT", Side.SELL, 100_000);
        assertEquals(0, ex.balance("USDT").frozen.signum());
        assertEquals(0, new BigDecimal("95000").compareTo(ex.balance("USDT").available));
        assertEquals(0, new BigDecimal("1.09998").compareTo(ex.balance("BTC").available), ex.balance("BTC").available.toPlainString());
    }

    @Test
    void shouldPayMakerRebateInTheReceivedCoinWithNegativeMakerFee()
    {
        open("-0.0005");
        place("bid", "buy", "50000.00", "0.100000", "gtc");
        ex.syntheticTake("BTCUSDT", Side.SELL, 100_000);
        assertEquals(0, new BigDecimal("95000").compareTo(ex.balance("USDT").available));
        assertEquals(0, new BigDecimal("1.10005").compareTo(ex.balance("BTC").available), ex.balance("BTC").available.toPlainString());
        place("ask", "sell", "60000.00", "0.100000", "gtc");
        ex.syntheticTake("BTCUSDT", Side.BUY, 100_000);
        assertEquals(0, new BigDecimal("101003").compareTo(ex.balance("USDT").available), ex.balance("USDT").available.toPlainString());
        assertEquals(0, new BigDecimal("-0.00005").compareTo(fills.get(0).fee()));
        assertEquals("BTC", fills.get(0).feeCoin());
        assertEquals(0, new BigDecimal("-3").compareTo(fills.get(1).fee()));
        assertEquals("USDT", fills.get(1).feeCoin());
    }

    @Test
    void shouldTakeAtTakerFeeAndRefundPriceImprovement()
    {
        ex.syntheticMake("BTCUSDT", Side.SELL, 5_000_000, 1_000_000);
        place("t", "buy", "51000.00", "0.100000", "gtc");
        assertEquals(1, fills.size());
        assertFalse(fills.get(0).maker());
        assertEquals(0, new BigDecimal("95000").compareTo(ex.balance("USDT").available));
        assertEquals(0, new BigDecimal("1.09994").compareTo(ex.balance("BTC").available));
    }

    @Test
    void shouldAcceptThenCancelCrossingPostOnly()
    {
        ex.syntheticMake("BTCUSDT", Side.SELL, 5_000_000, 1_000_000);
        final Exchange.PlaceResult r = place("po", "buy", "50000.00", "0.010000", "post_only");
        assertTrue(r.accepted());
        assertEquals("cancelled", r.order().status);
        assertTrue(fills.isEmpty());
        assertTrue(statuses.contains("po:cancelled:normal_cancel"));
        assertEquals(0, ex.balance("USDT").frozen.signum());
    }

    @Test
    void shouldRejectWithBitgetCodes()
    {
        assertEquals("41103", place("a", "buy", "50000.001", "0.01", "gtc").code());
        assertEquals("40808", place("b", "buy", "50000.00", "0.0000001", "gtc").code());
        assertEquals("45110", place("c", "buy", "50000.00", "0.000010", "gtc").code());
        assertEquals("43012", place("d", "buy", "50000.00", "10", "gtc").code());
        assertEquals("43012", place("e", "sell", "50000.00", "2", "gtc").code());
        assertTrue(place("f", "buy", "50000.00", "0.01", "gtc").accepted());
        assertEquals("43118", place("f", "buy", "50000.00", "0.01", "gtc").code());
    }

    @Test
    void shouldApplySelfTradePrevention()
    {
        place("m1", "sell", "50000.00", "0.010000", "gtc");
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = "BTCUSDT";
        r.side = "buy";
        r.orderType = "limit";
        r.force = "gtc";
        r.price = "50000.00";
        r.size = "0.010000";
        r.clientOid = "t1";
        r.stpMode = "cancel_taker";
        final Exchange.PlaceResult res = ex.place(r);
        ex.process(res.order());
        assertEquals("cancelled", res.order().status);
        assertEquals("stp_cancel", res.order().cancelReason);
        assertTrue(ex.orderByClientOid("m1").isOpen());
        r.clientOid = "t2";
        r.stpMode = "cancel_maker";
        final Exchange.PlaceResult res2 = ex.place(r);
        ex.process(res2.order());
        assertEquals("stp_cancel", ex.orderByClientOid("m1").cancelReason);
        assertTrue(res2.order().isOpen());
        assertTrue(fills.isEmpty());
    }
}
