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

    V3Wallet(final Exchange exchange)
    {
        this.exchange = exchange;
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
            if (inst.baseCoin().equals(coin) && "USDT".equals(inst.quoteCoin()))
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
            total = total.add(b.available.add(b.frozen).multiply(usdPrice(e.getKey())));
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
        g.writeStringField("unrealisedPnl", "0");
        g.writeStringField("usdtUnrealisedPnl", "0");
        g.writeStringField("btcUnrealizedPnl", "0");
        g.writeStringField("effEquity", usd(equity));
        g.writeStringField("mmr", "0");
        g.writeStringField("imr", "0");
        g.writeStringField("mgnRatio", "0");
        g.writeStringField("positionMgnRatio", "0");
        g.writeArrayFieldStart("assets");
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            final Balance b = e.getValue();
            final BigDecimal coinEquity = b.available.add(b.frozen);
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("equity", plain(coinEquity));
            g.writeStringField("usdValue", usd(coinEquity.multiply(usdPrice(e.getKey()))));
            g.writeStringField("balance", plain(coinEquity));
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
        g.writeStringField("unrealisedPnL", "0");
        g.writeStringField("totalEquity", usd(equity));
        g.writeStringField("effEquity", usd(equity));
        g.writeStringField("imr", "0");
        g.writeStringField("mmr", "0");
        g.writeStringField("mgnRatio", "0");
        g.writeStringField("positionMgnRatio", "0");
        g.writeArrayFieldStart("coin");
        for (final Map.Entry<String, Balance> e : exchange.balances().entrySet())
        {
            final Balance b = e.getValue();
            final BigDecimal coinEquity = b.available.add(b.frozen);
            g.writeStartObject();
            g.writeStringField("coin", e.getKey());
            g.writeStringField("balance", plain(coinEquity));
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
