package io.bitmm.sim.engine;

import java.util.ArrayDeque;

/** One price level: orders in time priority and their total remaining size. */
public final class Level
{
    public final long priceTicks;
    public final ArrayDeque<Order> orders = new ArrayDeque<>(4);
    public long totalLots;

    /**
     * @param priceTicks price of the level
     */
    public Level(final long priceTicks)
    {
        this.priceTicks = priceTicks;
    }
}
