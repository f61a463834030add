package io.bitmm.sim.engine;

/** Events of the matching engine, delivered on the venue thread. */
public interface ExchangeListener
{
    /** An account order changed (placed, filled, cancelled); {@code fill} is the execution that caused it or null. */
    void onOrder(Order order, Fill fill);

    /** An account order executed. */
    void onFill(Fill fill);

    /** A coin balance of the account's spot wallet (the unified wallet on a UTA account) changed. */
    void onBalance(String coin);

    /** A public trade printed. */
    void onTrade(Instrument instrument, long tradeId, long priceTicks, long lots, Side takerSide, long timeMs);

    /** A futures position changed (fill, funding, settings); a closed one has size 0. */
    default void onPosition(Position position)
    {
    }

    /** The futures margin account of a coin changed (on a UTA account this is the unified wallet). */
    default void onFuturesAccount(String coin)
    {
    }

    /**
     * Funding was settled on a position.
     *
     * @param position the position (its {@code totalFunding} already updated)
     * @param amount   this settlement: positive = received, negative = paid
     * @param rate     the funding rate applied
     */
    default void onFunding(Position position, java.math.BigDecimal amount, java.math.BigDecimal rate)
    {
    }
}
