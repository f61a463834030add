package io.bitmm.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic order flow for one instrument: a random-walk mid with jumps, makers keeping
 * {@code depthLevels} levels on each side with varied sizes, and Poisson takers trading through the book so
 * resting quotes (the client's included) get filled. Same seed, same sequence of book changes.
 */
public final class MarketGenerator
{
    private final Exchange exchange;
    private final Instrument instrument;
    private final OrderBook book;
    private final SplittableRandom random;
    private final int depthLevels;
    private final long stepTicks;
    private final double volatilityTicks;
    private final double jumpProbability;
    private final double takerRatePerSecond;
    private final List<Order> bids = new ArrayList<>();
    private final List<Order> asks = new ArrayList<>();
    private final double lotsPerUnit;
    private final double typicalLots;
    private double mid;
    private long steps;

    /**
     * @param exchange        the exchange to trade on
     * @param instrument      the instrument
     * @param seed            random seed
     * @param depthLevels     maker levels per side
     * @param volatilityBps   standard deviation of a mid step in basis points
     * @param jumpProbability probability of a jump (10 steps' worth) per step
     * @param takerRate       synthetic takers per second
     */
    public MarketGenerator(final Exchange exchange, final Instrument instrument, final long seed, final int depthLevels,
        final double volatilityBps, final double jumpProbability, final double takerRate)
    {
        this.exchange = exchange;
        this.instrument = instrument;
        this.book = exchange.book(instrument.key());
        this.random = new SplittableRandom(seed ^ instrument.key().hashCode());
        this.depthLevels = depthLevels;
        final double tick = Math.pow(10, -instrument.pricePrecision());
        this.mid = instrument.initialMid() / tick;
        this.stepTicks = Math.max(1, Math.round(instrument.initialMid() * 0.00001 / tick));
        this.volatilityTicks = mid * volatilityBps / 10_000.0;
        this.jumpProbability = jumpProbability;
        this.takerRatePerSecond = takerRate;
        this.lotsPerUnit = Math.pow(10, instrument.quantityPrecision());
        this.typicalLots = Math.max(1, 5_000.0 / instrument.initialMid() * lotsPerUnit);
        for (int i = 1; i <= depthLevels; i++)
        {
            addMaker(Side.BUY, i);
            addMaker(Side.SELL, i);
        }
    }

    /** The current mid in ticks. */
    public double midTicks()
    {
        return mid;
    }

    /**
     * Advances the market by {@code elapsedMs}: moves the mid, refreshes makers, runs Poisson takers.
     *
     * @param elapsedMs time since the last call
     */
    public void advance(final long elapsedMs)
    {
        final int moves = (int)Math.max(1, elapsedMs / 10);
        for (int i = 0; i < moves; i++)
        {
            stepOnce();
        }
        final double expected = takerRatePerSecond * elapsedMs / 1000.0;
        final int takers = poisson(expected);
        for (int i = 0; i < takers; i++)
        {
            take();
        }
    }

    /** One small book change (stress mode calls this once per published update). */
    public void stepOnce()
    {
        mid += random.nextGaussian() * volatilityTicks;
        if (random.nextDouble() < jumpProbability)
        {
            mid += (random.nextBoolean() ? 10 : -10) * volatilityTicks;
        }
        if ((steps++ & 15) == 0)
        {
            pruneStale(bids, Side.BUY);
            pruneStale(asks, Side.SELL);
        }
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final List<Order> mine = side == Side.BUY ? bids : asks;
        if (mine.size() > depthLevels * 2 || mine.size() > depthLevels && random.nextInt(3) == 0)
        {
            exchange.syntheticCancel(mine.remove(random.nextInt(mine.size())));
        }
        else
        {
            addMaker(side, 1 + random.nextInt(depthLevels));
        }
        if (random.nextInt(200) == 0)
        {
            take();
        }
    }

    /** One synthetic taker of random side and size. */
    public void take()
    {
        final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final long lots = Math.max(1, (long)(typicalLots * (0.05 + random.nextDouble() * random.nextDouble() * 3)));
        exchange.syntheticTake(instrument.key(), side, lots);
        purgeDone(bids);
        purgeDone(asks);
    }

    private void addMaker(final Side side, final int level)
    {
        final long half = Math.max(1, stepTicks / 2);
        final long offset = half + (long)(level - 1) * stepTicks + random.nextInt((int)Math.max(1, stepTicks));
        final long mt = Math.round(mid);
        final long price = side == Side.BUY ? mt - offset : mt + offset;
        if (price <= 0)
        {
            return;
        }
        if (side == Side.BUY ? book.bestAsk() >= 0 && price >= book.bestAsk() : book.bestBid() >= 0 && price <= book.bestBid())
        {
            return;
        }
        final long lots = Math.max(1, (long)(typicalLots * (0.02 + random.nextDouble() * random.nextDouble() * 2)));
        (side == Side.BUY ? bids : asks).add(exchange.syntheticMake(instrument.key(), side, price, lots));
    }

    private void pruneStale(final List<Order> orders, final Side side)
    {
        final double far = (depthLevels + 2) * (double)stepTicks;
        for (int i = orders.size() - 1; i >= 0; i--)
        {
            final Order o = orders.get(i);
            final double dist = side == Side.BUY ? mid - o.priceTicks : o.priceTicks - mid;
            if (!o.isOpen())
            {
                orders.remove(i);
            }
            else if (dist <= 0 || dist > far)
            {
                exchange.syntheticCancel(o);
                orders.remove(i);
            }
        }
    }

    private static void purgeDone(final List<Order> orders)
    {
        orders.removeIf(o -> !o.isOpen());
    }

    private int poisson(final double lambda)
    {
        final double l = Math.exp(-lambda);
        int k = 0;
        double p = random.nextDouble();
        while (p > l)
        {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
