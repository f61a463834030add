package io.bitmm.sim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The account's USDT-M futures book-keeping beside the shared matching engine: per-symbol leverage and margin mode,
 * the position mode, positions (entry price, margin, realized PnL, fees, funding), order margin, mark and index
 * prices, and funding settlements. Margin comes from the futures wallet: a separate account on a classic account,
 * the one unified wallet on a UTA account. No liquidation: equity may go negative (see sim/README.md). Codes are
 * Bitget's classic v2 futures codes; the v3 adapter maps them to its own.
 */
public final class Futures
{
    /** One-way position mode (v2 {@code posMode}, v3 {@code holdMode}). */
    public static final String ONE_WAY = "one_way_mode";
    /** Hedge position mode. */
    public static final String HEDGE = "hedge_mode";
    /** The margin coin of USDT-M futures. */
    public static final String MARGIN_COIN = "USDT";

    private static final int SCALE = 8;

    private final Exchange exchange;
    private final Map<String, Integer> leverage = new HashMap<>();
    private final Map<String, String> marginMode = new HashMap<>();
    private final Map<String, Position[]> positions = new LinkedHashMap<>();
    private Map<String, Balance> wallet;
    private boolean unified;
    private String posMode = ONE_WAY;
    private int defaultLeverage = 20;
    private BigDecimal makerFee = new BigDecimal("0.0002");
    private BigDecimal takerFee = new BigDecimal("0.0006");
    private long fundingIntervalMs = 8 * 3_600_000L;
    private BigDecimal fundingRate = new BigDecimal("0.0001");
    private long nextFundingMs;
    private long nextPosId = 1_300_000_000_000_000_000L;

    Futures(final Exchange exchange, final Map<String, Balance> spotWallet)
    {
        this.exchange = exchange;
        this.wallet = spotWallet;
        this.unified = true;
    }

    /**
     * Selects the account model.
     *
     * @param unifiedAccount true: UTA, margin from the one wallet; false: classic, a separate futures account
     * @param futuresWallet  classic: the futures account's start balances (ignored for UTA)
     */
    void account(final boolean unifiedAccount, final Map<String, BigDecimal> futuresWallet)
    {
        this.unified = unifiedAccount;
        if (!unifiedAccount)
        {
            this.wallet = new LinkedHashMap<>();
            futuresWallet.forEach((coin, amount) -> wallet.put(coin, new Balance(amount)));
        }
    }

    /** True on a UTA account (one wallet). */
    public boolean unified()
    {
        return unified;
    }

    /** The futures margin wallet (the unified wallet on a UTA account). */
    public Map<String, Balance> wallet()
    {
        return wallet;
    }

    /** The margin balance (USDT) of the futures wallet. */
    public Balance margin()
    {
        return wallet.computeIfAbsent(MARGIN_COIN, c -> new Balance(BigDecimal.ZERO));
    }

    /**
     * Sets fees, default leverage and funding.
     *
     * @param maker             maker fee rate (negative = rebate)
     * @param taker             taker fee rate
     * @param defaultLeverageX  leverage of a symbol never set
     * @param fundingInterval   ms between funding settlements (0 = never)
     * @param rate              funding rate per settlement (positive: longs pay shorts)
     * @param positionMode      start position mode
     */
    public void configure(final BigDecimal maker, final BigDecimal taker, final int defaultLeverageX, final long fundingInterval,
        final BigDecimal rate, final String positionMode)
    {
        this.makerFee = maker;
        this.takerFee = taker;
        this.defaultLeverage = defaultLeverageX;
        this.fundingIntervalMs = fundingInterval;
        this.fundingRate = rate;
        this.posMode = positionMode;
        this.nextFundingMs = 0;
    }

    public BigDecimal makerFee()
    {
        return makerFee;
    }

    public BigDecimal takerFee()
    {
        return takerFee;
    }

    // ---------------------------------------------------------------- settings

    /** The position mode: {@link #ONE_WAY} or {@link #HEDGE}. */
    public String positionMode()
    {
        return posMode;
    }

    /** Leverage of a product key. */
    public int leverage(final String key)
    {
        final Instrument inst = exchange.instruments().get(key);
        return leverage.getOrDefault(key, inst == null ? defaultLeverage : Math.min(defaultLeverage, inst.maxLeverage()));
    }

    /** Margin mode ({@code crossed}/{@code isolated}) of a product key. */
    public String marginMode(final String key)
    {
        return marginMode.getOrDefault(key, "crossed");
    }

    /**
     * Sets a symbol's leverage (existing positions keep their margin: simplified).
     *
     * @param key product key
     * @param x   leverage
     * @return null, or "CODE msg"
     */
    public String setLeverage(final String key, final int x)
    {
        final Instrument inst = exchange.instruments().get(key);
        if (inst == null || !inst.isFutures())
        {
            return "40034 Parameter symbol does not exist";
        }
        if (x < 1 || x > inst.maxLeverage())
        {
            return "40797 Exceeded the maximum settable leverage";
        }
        leverage.put(key, x);
        return null;
    }

    /**
     * Sets a symbol's margin mode; refused while it has open orders or a position.
     *
     * @param key  product key
     * @param mode {@code crossed} or {@code isolated}
     * @return null, or "CODE msg"
     */
    public String setMarginMode(final String key, final String mode)
    {
        final Instrument inst = exchange.instruments().get(key);
        if (inst == null || !inst.isFutures())
        {
            return "40034 Parameter symbol does not exist";
        }
        final String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        if (!"crossed".equals(m) && !"isolated".equals(m))
        {
            return "40017 Parameter verification failed: marginMode";
        }
        if (!exchange.openOrders(key).isEmpty() || hasPosition(key))
        {
            return "45117 Currently holding positions or orders, the margin mode cannot be adjusted";
        }
        marginMode.put(key, m);
        return null;
    }

    /**
     * Sets the position mode; refused while any futures order or position is open.
     *
     * @param mode {@link #ONE_WAY} or {@link #HEDGE}
     * @return null, or "CODE msg"
     */
    public String setPositionMode(final String mode)
    {
        final String m = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        if (!ONE_WAY.equals(m) && !HEDGE.equals(m))
        {
            return "40017 Parameter verification failed: posMode";
        }
        for (final Instrument inst : exchange.instruments().values())
        {
            if (inst.isFutures() && (!exchange.openOrders(inst.key()).isEmpty() || hasPosition(inst.key())))
            {
                return "40920 Position or order exists, the position mode cannot be switched";
            }
        }
        posMode = m;
        return null;
    }

    // ---------------------------------------------------------------- positions and prices

    private boolean hasPosition(final String key)
    {
        final Position[] p = positions.get(key);
        return p != null && (p[0] != null && p[0].sizeLots > 0 || p[1] != null && p[1].sizeLots > 0);
    }

    /**
     * A position of a product.
     *
     * @param key      product key
     * @param holdSide {@code long} or {@code short}
     * @return the position (possibly empty), or null if it never existed
     */
    public Position position(final String key, final String holdSide)
    {
        final Position[] p = positions.get(key);
        return p == null ? null : p["long".equals(holdSide) ? 0 : 1];
    }

    private Position positionFor(final Instrument inst, final String holdSide)
    {
        final Position[] p = positions.computeIfAbsent(inst.key(), k -> new Position[2]);
        final int i = "long".equals(holdSide) ? 0 : 1;
        if (p[i] == null)
        {
            p[i] = new Position(inst, holdSide, nextPosId++);
        }
        return p[i];
    }

    /** The non-empty position of a product in one-way mode, or null. */
    private Position netPosition(final String key)
    {
        final Position l = position(key, "long");
        if (l != null && l.sizeLots > 0)
        {
            return l;
        }
        final Position s = position(key, "short");
        return s != null && s.sizeLots > 0 ? s : null;
    }

    /** Open (non-empty) positions, optionally of one product key. */
    public List<Position> openPositions(final String key)
    {
        final List<Position> out = new ArrayList<>();
        for (final Map.Entry<String, Position[]> e : positions.entrySet())
        {
            if (key != null && !key.equals(e.getKey()))
            {
                continue;
            }
            for (final Position p : e.getValue())
            {
                if (p != null && p.sizeLots > 0)
                {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Mark price: mid of the perpetual's book at its tick (the best price alone if one side is empty). */
    public BigDecimal markPrice(final Instrument inst)
    {
        return mid(exchange.book(inst.key()), inst);
    }

    /** Index price: mid of the spot book of the same symbol when the venue lists it, else the mark price. */
    public BigDecimal indexPrice(final Instrument inst)
    {
        final OrderBook spot = exchange.book(inst.symbol());
        return spot != null && spot != exchange.book(inst.key()) ? mid(spot, spot.instrument()) : markPrice(inst);
    }

    private static BigDecimal mid(final OrderBook book, final Instrument inst)
    {
        final long bid = book.bestBid();
        final long ask = book.bestAsk();
        final long ticks;
        if (bid > 0 && ask > 0)
        {
            ticks = (bid + ask + 1) / 2;
        }
        else
        {
            ticks = Math.max(bid, ask);
        }
        if (ticks <= 0)
        {
            return BigDecimal.valueOf(inst.initialMid()).setScale(inst.pricePrecision(), RoundingMode.HALF_UP);
        }
        return Decimals.big(ticks, inst.pricePrecision());
    }

    /** The funding rate of the next settlement. */
    public BigDecimal fundingRate()
    {
        return fundingRate;
    }

    /** Time of the next funding settlement (epoch ms; 0 before the first timer tick or when off). */
    public long nextFundingMs()
    {
        return nextFundingMs;
    }

    /** Funding interval in ms. */
    public long fundingIntervalMs()
    {
        return fundingIntervalMs;
    }

    /** Sum of unrealized PnL of every open position at the mark price. */
    public BigDecimal unrealizedPnl()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Position p : openPositions(null))
        {
            sum = sum.add(p.unrealizedPnl(markPrice(p.instrument)));
        }
        return sum;
    }

    /** Initial margin held by open positions. */
    public BigDecimal positionMargin()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Position p : openPositions(null))
        {
            sum = sum.add(p.margin);
        }
        return sum;
    }

    /** Account equity: wallet available + frozen order margin + position margin + unrealized PnL. */
    public BigDecimal equity()
    {
        final Balance b = margin();
        return b.available.add(b.frozen).add(positionMargin()).add(unrealizedPnl());
    }

    // ---------------------------------------------------------------- orders

    /**
     * Futures part of a placement: position intent, reduce-only checks, order margin. The order's side is the
     * trade direction; in hedge mode {@code req.posSide} names the position (a v2 adapter converts its
     * {@code tradeSide} form first).
     *
     * @param order the order (instrument, side, price, size set)
     * @param req   the request
     * @return null, or "CODE msg"
     */
    String prepare(final Order order, final Exchange.PlaceRequest req)
    {
        final Instrument inst = order.instrument;
        final String key = inst.key();
        order.posMode = posMode;
        order.leverage = leverage(key);
        final String mm = req.marginMode == null || req.marginMode.isEmpty() ? marginMode(key) : req.marginMode.toLowerCase(Locale.ROOT);
        if (!"crossed".equals(mm) && !"isolated".equals(mm))
        {
            return "40017 Parameter verification failed: marginMode";
        }
        order.marginMode = mm;
        final boolean buy = order.side == Side.BUY;
        final boolean closing;
        final Position target;
        if (HEDGE.equals(posMode))
        {
            final String ps = req.posSide == null ? "" : req.posSide.toLowerCase(Locale.ROOT);
            if (!"long".equals(ps) && !"short".equals(ps))
            {
                return "40017 Parameter verification failed: posSide";
            }
            order.posSide = ps;
            closing = "long".equals(ps) != buy;
            order.tradeSide = closing ? "close" : "open";
            target = closing ? position(key, ps) : null;
        }
        else
        {
            closing = isYes(req.reduceOnly);
            target = closing ? netPosition(key) : null;
            order.posSide = buy ? "long" : "short";
            if (closing && target != null && target.isLong() == buy)
            {
                return "22002 No position to close";
            }
        }
        order.reduceOnly = closing;
        if (closing)
        {
            if (target == null || target.sizeLots == 0)
            {
                return "22002 No position to close";
            }
            if (order.sizeLots > target.closableLots())
            {
                return "40757 Not enough position is available";
            }
            order.posSide = target.holdSide;
            order.closingLots = order.sizeLots;
            target.closingLots += order.sizeLots;
            return null;
        }
        long openingLots = order.sizeLots;
        if (!HEDGE.equals(posMode))
        {
            final Position opposite = netPosition(key);
            if (opposite != null && opposite.isLong() != buy)
            {
                openingLots = Math.max(0, openingLots - opposite.sizeLots);
            }
        }
        final BigDecimal price = "market".equals(order.orderType) ? markPrice(inst) : Decimals.big(order.priceTicks, inst.pricePrecision());
        final BigDecimal need = price.multiply(Decimals.big(openingLots, inst.quantityPrecision()))
            .divide(BigDecimal.valueOf(order.leverage), SCALE, RoundingMode.UP).stripTrailingZeros();
        final Balance m = margin();
        if (m.available.compareTo(need) < 0)
        {
            return "40762 The order amount exceeds the balance";
        }
        m.available = m.available.subtract(need);
        m.frozen = m.frozen.add(need);
        m.updatedMs = exchange.now();
        order.frozen = need;
        return null;
    }

    private static boolean isYes(final String v)
    {
        return v != null && ("yes".equalsIgnoreCase(v) || "true".equalsIgnoreCase(v));
    }

    /**
     * Books one execution of a futures order: order margin released, positions opened/reduced (one-way orders close
     * the opposite position first), realized PnL, fee.
     *
     * @param order the account order (filledLots already includes this execution)
     * @param price execution price (ticks)
     * @param lots  executed lots
     * @param maker true if the account's order rested
     * @return [fee, realized PnL] of this execution; the touched positions are in {@link #touched}
     */
    BigDecimal[] settle(final Order order, final long price, final long lots, final boolean maker)
    {
        touched.clear();
        final Instrument inst = order.instrument;
        final BigDecimal px = Decimals.big(price, inst.pricePrecision());
        final BigDecimal qty = Decimals.big(lots, inst.quantityPrecision());
        final Balance m = margin();
        if (order.frozen.signum() != 0)
        {
            final long before = order.remainingLots() + lots;
            final BigDecimal release = before <= lots ? order.frozen
                : order.frozen.multiply(BigDecimal.valueOf(lots)).divide(BigDecimal.valueOf(before), SCALE, RoundingMode.DOWN);
            order.frozen = order.frozen.subtract(release);
            m.frozen = m.frozen.subtract(release);
            m.available = m.available.add(release);
        }
        final BigDecimal fee = px.multiply(qty).multiply(maker ? makerFee : takerFee).setScale(SCALE, RoundingMode.HALF_UP)
            .stripTrailingZeros();
        BigDecimal realized = BigDecimal.ZERO;
        final boolean buy = order.side == Side.BUY;
        Position last;
        if (HEDGE.equals(order.posMode))
        {
            final Position p = positionFor(inst, order.posSide);
            if ("close".equals(order.tradeSide))
            {
                realized = decrease(p, lots, px, order);
            }
            else
            {
                increase(p, lots, px, order);
            }
            last = p;
        }
        else
        {
            long left = lots;
            last = null;
            final Position opp = netPosition(inst.key());
            if (opp != null && opp.isLong() != buy)
            {
                final long close = Math.min(left, opp.sizeLots);
                realized = decrease(opp, close, px, order);
                left -= close;
                last = opp;
            }
            if (left > 0)
            {
                final Position p = positionFor(inst, buy ? "long" : "short");
                increase(p, left, px, order);
                last = p;
            }
            order.posSide = last.holdSide;
        }
        m.available = m.available.subtract(fee);
        m.updatedMs = exchange.now();
        last.totalFee = last.totalFee.add(fee);
        order.pnl = order.pnl.add(realized);
        order.feeTotal = order.feeTotal.add(fee);
        order.feeCoin = MARGIN_COIN;
        return new BigDecimal[] {fee, realized};
    }

    /** Positions changed by the last {@link #settle} call. */
    final List<Position> touched = new ArrayList<>(2);

    private void increase(final Position p, final long lots, final BigDecimal px, final Order order)
    {
        final Instrument inst = p.instrument;
        final BigDecimal qty = Decimals.big(lots, inst.quantityPrecision());
        final BigDecimal margin = px.multiply(qty).divide(BigDecimal.valueOf(order.leverage), SCALE, RoundingMode.UP).stripTrailingZeros();
        if (p.sizeLots == 0)
        {
            p.entryPrice = BigDecimal.ZERO;
            p.createdMs = exchange.now();
            p.achievedProfits = BigDecimal.ZERO;
            p.totalFee = BigDecimal.ZERO;
            p.totalFunding = BigDecimal.ZERO;
        }
        final BigDecimal oldSize = p.size();
        p.entryPrice = p.entryPrice.multiply(oldSize).add(px.multiply(qty))
            .divide(oldSize.add(qty), inst.pricePrecision() + 4, RoundingMode.HALF_UP).stripTrailingZeros();
        p.sizeLots += lots;
        p.margin = p.margin.add(margin);
        p.leverage = order.leverage;
        p.marginMode = order.marginMode;
        p.updatedMs = exchange.now();
        final Balance m = margin();
        m.available = m.available.subtract(margin);
        if (!touched.contains(p))
        {
            touched.add(p);
        }
    }

    private BigDecimal decrease(final Position p, final long lots, final BigDecimal px, final Order order)
    {
        final BigDecimal qty = Decimals.big(lots, p.instrument.quantityPrecision());
        final BigDecimal diff = px.subtract(p.entryPrice).multiply(qty);
        final BigDecimal realized = (p.isLong() ? diff : diff.negate()).setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        final BigDecimal release = lots == p.sizeLots ? p.margin
            : p.margin.multiply(BigDecimal.valueOf(lots)).divide(BigDecimal.valueOf(p.sizeLots), SCALE, RoundingMode.DOWN);
        p.margin = p.margin.subtract(release);
        p.sizeLots -= lots;
        p.achievedProfits = p.achievedProfits.add(realized);
        p.updatedMs = exchange.now();
        final long reserved = Math.min(order.closingLots, lots);
        order.closingLots -= reserved;
        p.closingLots = Math.max(0, p.closingLots - reserved);
        final Balance m = margin();
        m.available = m.available.add(release).add(realized);
        if (!touched.contains(p))
        {
            touched.add(p);
        }
        return realized;
    }

    /** Releases what an ended futures order still holds: its order margin and its closing reservation. */
    void release(final Order order)
    {
        if (order.frozen.signum() != 0)
        {
            final Balance m = margin();
            m.frozen = m.frozen.subtract(order.frozen);
            m.available = m.available.add(order.frozen);
            m.updatedMs = exchange.now();
            order.frozen = BigDecimal.ZERO;
        }
        if (order.closingLots > 0)
        {
            final Position p = position(order.instrument.key(), order.posSide);
            if (p != null)
            {
                p.closingLots = Math.max(0, p.closingLots - order.closingLots);
            }
            order.closingLots = 0;
        }
    }

    // ---------------------------------------------------------------- funding

    /**
     * Settles funding when due: every open position pays (longs when the rate is positive) or receives
     * mark x size x rate from/to the futures wallet.
     *
     * @param now epoch ms
     * @param listener where positions, accounts and funding events go (may be null)
     */
    void onTimer(final long now, final ExchangeListener listener)
    {
        if (fundingIntervalMs <= 0)
        {
            return;
        }
        if (nextFundingMs == 0)
        {
            nextFundingMs = (now / fundingIntervalMs + 1) * fundingIntervalMs;
            return;
        }
        while (now >= nextFundingMs)
        {
            settleFunding(listener);
            nextFundingMs += fundingIntervalMs;
        }
    }

    /**
     * Settles one round of funding now (also used by tests).
     *
     * @param listener where events go (may be null)
     * @return the positions charged or paid
     */
    List<Position> settleFunding(final ExchangeListener listener)
    {
        final List<Position> charged = openPositions(null);
        final Balance m = margin();
        for (final Position p : charged)
        {
            final BigDecimal amount = markPrice(p.instrument).multiply(p.size()).multiply(fundingRate)
                .setScale(SCALE, RoundingMode.HALF_UP);
            final BigDecimal delta = (p.isLong() ? amount.negate() : amount).stripTrailingZeros();
            m.available = m.available.add(delta);
            m.updatedMs = exchange.now();
            p.totalFunding = p.totalFunding.add(delta);
            p.updatedMs = exchange.now();
            if (listener != null)
            {
                listener.onFunding(p, delta, fundingRate);
                listener.onPosition(p);
            }
        }
        if (listener != null && !charged.isEmpty())
        {
            listener.onFuturesAccount(MARGIN_COIN);
            if (unified)
            {
                listener.onBalance(MARGIN_COIN);
            }
        }
        return charged;
    }
}
