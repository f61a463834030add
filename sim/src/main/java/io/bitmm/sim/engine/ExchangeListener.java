package io.bitmm.sim.engine;

/** Events of the matching engine, delivered on the venue thread. */
public interface ExchangeListener
{
    /** An account order changed (placed, filled, cancelled); {@code fill} is the execution that caused it or null. */
    void onOrder(Order order, Fill fill);

    /** An account order executed. */
    void onFill(Fill fill);

    /** A coin balance of the account changed. */
    void onBalance(String coin);

    /** A public trade printed. */
    void onTrade(Instrument instrument, long tradeId, long priceTicks, long lots, Side takerSide, long timeMs);
}
