package io.bitmm.sim;

import io.bitmm.sim.engine.Position;

import java.math.BigDecimal;

/**
 * A snapshot of one futures position of the simulated account (USDT amounts).
 *
 * @param symbol          bare symbol
 * @param holdSide        {@code long} or {@code short}
 * @param size            size in base coin (0 when closed)
 * @param entryPrice      average entry price
 * @param margin          initial margin held
 * @param leverage        leverage
 * @param marginMode      {@code crossed} or {@code isolated}
 * @param achievedProfits realized trading PnL
 * @param totalFee        fees paid
 * @param totalFunding    funding received (negative: paid)
 * @param unrealizedPnl   unrealized PnL at the mark price
 * @param markPrice       the mark price used
 */
public record SimPosition(String symbol, String holdSide, BigDecimal size, BigDecimal entryPrice, BigDecimal margin, int leverage,
    String marginMode, BigDecimal achievedProfits, BigDecimal totalFee, BigDecimal totalFunding, BigDecimal unrealizedPnl,
    BigDecimal markPrice)
{
    static SimPosition of(final Position p, final BigDecimal mark)
    {
        return new SimPosition(p.instrument.symbol(), p.holdSide, p.size(), p.entryPrice, p.margin, p.leverage, p.marginMode,
            p.achievedProfits, p.totalFee, p.totalFunding, p.unrealizedPnl(mark), mark);
    }
}
