package io.bitmm.sim.net.v3;

import com.fasterxml.jackson.core.JsonGenerator;
import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.OrderBook;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The unified wallet as v3 shows it (§6): per-coin balance / available / locked and USD values, account equity.
 * REST {@code account/assets} and the private {@code account} push spell the same numbers differently.
 * Venue-thread only.
 */
final class V3Wallet
{
    private static final int USD_SCALE = 8;

    private final Exchange exchange;
    private final V3Products products;

    V3Wallet(final Exchange exchange, final V3Products products)
    {
        this.exchange = exchange;
        this.products = products;
    }

    /**
     * A coin's balance: available + locked by orders, plus, for the margin coin of a UTA account, the initial margin
     * held by open positions (the engine moves it out of {@code available}).
     */
    private BigDecimal balance(final String coin, final Balance b)
    {
        final BigDecimal base = b.available.add(b.frozen);
        return exchange.futures().unified() && io.bitmm.sim.engine.Futures.MARGIN_COIN.equals(coin) ? base.add(products.positionMargin())
            : base;
    }

    /** A coin's equity: balance plus, for the margin coin, the unrealised PnL of the positions. */
    private BigDecimal equity(final String coin, final Balance b)
    {
        final BigDecimal bal = balance(coin, b);
        return exchange.futures().unified() && io.bitmm.sim.engine.Futures.MARGIN_COIN.equals(coin) ? bal.add(products.unrealisedPnl())
            : bal;
    }

    /** USD value of one unit of a coin: 1 for USDT/USDC, else the mid of its USDT spot book (0 if unknown). */
    BigDecimal usdPrice(final String coin)
    {
        if ("USDT".equals(coin) || "USDC".equals(coin))
        {
            return BigDecimal.ONE;
        }
        for (final Instrument inst : exchange.instruments().values())
        {
            if (!inst.isFutures() && inst.baseCoin().equals(coin) && "USDT".equals(inst.quoteCoin()))
            {
                final OrderBook book = exchange.book(inst.symbol());
                final long bid = book.bestBid();
                final long ask = book.bestAsk();
                if (bid > 0 && ask > 0)
                {
                    return Decimals.big(bid + ask, inst.pricePrecision()).divide(BigDecimal.valueOf(2), inst.pricePrecision() + 1,
                        RoundingMode.HALF_UP);
                }
                return BigDecimal.valueOf(inst.initialMid());
            }
        }
        return BigDecimal.ZERO;
    }

    private static String usd(final BigDecimal v)
    {
        return plain(v.setScale(USD_SCALE, RoundingMode.HALF_UP));
    }

    private static String plain(final BigDecimal v)
    {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private BigDecimal equityUsd()
    {
        BigDecimal total = BigDecimal.ZERO;
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            final Balance b = e.getValue();
            total = total.add(equity(e.getKey(), b).multiply(usdPrice(e.getKey())));
        }
        return total;
    }

    /** REST {@code GET /api/v3/account/assets} data. */
    void writeAssets(final JsonGenerator g) throws IOException
    {
        final BigDecimal equity = equityUsd();
        final BigDecimal btc = usdPrice("BTC");
        g.writeStartObject();
        g.writeStringField("accountEquity", usd(equity));
        g.writeStringField("usdtEquity", usd(equity));
        g.writeStringField("btcEquity", btc.signum() == 0 ? "0" : plain(equity.divide(btc, USD_SCALE, RoundingMode.HALF_UP)));
        final BigDecimal upl = products.unrealisedPnl();
        g.writeStringField("unrealisedPnl", usd(upl));
        g.writeStringField("usdtUnrealisedPnl", usd(upl));
        g.writeStringField("btcUnrealizedPnl", btc.signum() == 0 ? "0" : plain(upl.divide(btc, USD_SCALE, RoundingMode.HALF_UP)));
        g.writeStringField("effEquity", usd(equity));
        g.writeStringField("mmr", "0");
        g.writeStringField("imr", usd(products.positionMargin()));
        g.writeStringField("mgnRatio", "0");
        g.writeStringField("positionMgnRatio", "0");
        g.writeArrayFieldStart("assets");
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            final Balance b = e.getValue();
            final BigDecimal coinEquity = equity(e.getKey(), b);
            final BigDecimal coinBalance = balance(e.getKey(), b);
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("equity", plain(coinEquity));
            g.writeStringField("usdValue", usd(coinEquity.multiply(usdPrice(e.getKey()))));
            g.writeStringField("balance", plain(coinBalance));
            g.writeStringField("available", plain(b.available));
            g.writeStringField("debt", "0");
            g.writeStringField("locked", plain(b.frozen));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Element of the private {@code account} push (§8.5). */
    void writePush(final JsonGenerator g) throws IOException
    {
        final BigDecimal equity = equityUsd();
        g.writeStartObject();
        g.writeStringField("unrealisedPnL", usd(products.unrealisedPnl()));
        g.writeStringField("totalEquity", usd(equity));
        g.writeStringField("effEquity", usd(equity));
        g.writeStringField("imr", usd(products.positionMargin()));
        g.writeStringField("mmr", "0");
        g.writeStringField("mgnRatio", "0");
        g.writeStringField("positionMgnRatio", "0");
        g.writeArrayFieldStart("coin");
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            final Balance b = e.getValue();
            final BigDecimal coinEquity = equity(e.getKey(), b);
            final BigDecimal coinBalance = balance(e.getKey(), b);
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("balance", plain(coinBalance));
            g.writeStringField("available", plain(b.available));
            g.writeStringField("locked", plain(b.frozen));
            g.writeStringField("equity", plain(coinEquity));
            g.writeStringField("usdValue", usd(coinEquity.multiply(usdPrice(e.getKey()))));
            g.writeStringField("borrow", "0");
            g.writeStringField("debts", "0");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
