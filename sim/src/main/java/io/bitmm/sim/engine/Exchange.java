package io.bitmm.sim.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matching engine: one price-time book per instrument, the API account's orders and balances, fees and
 * self-trade prevention. Single-threaded: everything runs on the venue thread.
 */
public final class Exchange
{
    private static final int MAX_HISTORY = 10_000;
    /** Open orders per symbol (the symbols endpoint's orderQuantity). */
    public static final int MAX_OPEN_PER_SYMBOL = 200;

    private final Map<String, Instrument> instruments = new LinkedHashMap<>();
    private final Map<String, OrderBook> books = new HashMap<>();
    private final Map<String, Balance> balances = new LinkedHashMap<>();
    private final Map<Long, Order> accountOrders = new HashMap<>();
    private final Map<String, Order> byClientOid = new HashMap<>();
    private final ArrayDeque<Order> closedOrders = new ArrayDeque<>();
    private final ArrayDeque<Fill> fills = new ArrayDeque<>();
    private java.util.function.BooleanSupplier partialFillHook = () -> false;
    private final BigDecimal makerFee;
    private final BigDecimal takerFee;
    private final Futures futures;
    private ExchangeListener listener;
    private long countdownDeadlineMs;
    private long nextOrderId = 1_100_000_000_000_000_000L;
    private long nextTradeId = 1_200_000_000_000_000_000L;
    private long nowMs;

    /**
     * @param instruments instruments to list
     * @param balances    initial balances of the API account
     * @param makerFee    maker fee rate
     * @param takerFee    taker fee rate
     */
    public Exchange(final List<Instrument> instruments, final Map<String, BigDecimal> balances, final BigDecimal makerFee,
        final BigDecimal takerFee)
    {
        for (final Instrument instrument : instruments)
        {
            this.instruments.put(instrument.key(), instrument);
            this.books.put(instrument.key(), new OrderBook(instrument));
        }
        for (final Map.Entry<String, BigDecimal> e : balances.entrySet())
        {
            this.balances.put(e.getKey(), new Balance(e.getValue()));
        }
        this.makerFee = makerFee;
        this.takerFee = takerFee;
        this.futures = new Futures(this, this.balances);
    }

    /**
     * Selects the account model (default: UTA).
     *
     * @param unified         true: a UTA account, one wallet across spot and futures; false: classic, separate spot
     *                        and futures accounts
     * @param futuresBalances classic only: the futures account's start balances
     * @return this
     */
    public Exchange account(final boolean unified, final Map<String, BigDecimal> futuresBalances)
    {
        futures.account(unified, futuresBalances);
        return this;
    }

    /** The futures book-keeping (settings, positions, prices, funding). */
    public Futures futures()
    {
        return futures;
    }

    /** Sets the event listener. */
    public void listener(final ExchangeListener listener)
    {
        this.listener = listener;
    }

    /** Sets the venue clock (ms) used to stamp events. */
    public void now(final long nowMs)
    {
        this.nowMs = nowMs;
    }

    /** Current venue time. */
    public long now()
    {
        return nowMs;
    }

    public Map<String, Instrument> instruments()
    {
        return instruments;
    }

    public OrderBook book(final String symbol)
    {
        return books.get(symbol);
    }

    public Map<String, Balance> balances()
    {
        return balances;
    }

    public BigDecimal makerFee()
    {
        return makerFee;
    }

    public BigDecimal takerFee()
    {
        return takerFee;
    }

    /** Balance of a coin, created empty if unknown. */
    public Balance balance(final String coin)
    {
        return balances.computeIfAbsent(coin, c -> new Balance(BigDecimal.ZERO));
    }

    /** Next order id. */
    public long newOrderId()
    {
        return nextOrderId++;
    }

    /** Finds an account order by id. */
    public Order order(final long orderId)
    {
        return accountOrders.get(orderId);
    }

    /** Finds an account order by clientOid. */
    public Order orderByClientOid(final String clientOid)
    {
        return byClientOid.get(clientOid);
    }

    /**
     * Open account orders of one category, newest first.
     *
     * @param category {@code SPOT} or {@code USDT-FUTURES}
     * @param symbol   bare symbol, or null for every symbol of the category
     * @return the orders
     */
    public List<Order> openOrders(final String category, final String symbol)
    {
        return byCategory(openOrders(symbol == null ? null : Instrument.key(category, symbol)), category);
    }

    /** Closed account orders of one category (symbol may be null), newest first. */
    public List<Order> closedOrders(final String category, final String symbol)
    {
        return byCategory(closedOrders(symbol == null ? null : Instrument.key(category, symbol)), category);
    }

    /** Account fills of one category (symbol may be null; orderId 0 = any), newest first. */
    public List<Fill> fills(final String category, final String symbol, final long orderId)
    {
        final List<Fill> all = fills(symbol == null ? null : Instrument.key(category, symbol), orderId);
        all.removeIf(f -> !f.order().instrument.category().equalsIgnoreCase(category));
        return all;
    }

    private static List<Order> byCategory(final List<Order> orders, final String category)
    {
        orders.removeIf(o -> !o.instrument.category().equalsIgnoreCase(category));
        return orders;
    }

    /** Open account orders (optionally of one product key), newest first. */
    public List<Order> openOrders(final String symbol)
    {
        final List<Order> out = new ArrayList<>();
        for (final Order o : accountOrders.values())
        {
            if (o.isOpen() && (symbol == null || symbol.equals(o.instrument.key())))
            {
                out.add(o);
            }
        }
        out.sort((a, b) -> Long.compare(b.orderId, a.orderId));
        return out;
    }

    private int openCount(final String symbol)
    {
        int n = 0;
        for (final Order o : accountOrders.values())
        {
            n += o.isOpen() && symbol.equals(o.instrument.key()) ? 1 : 0;
        }
        return n;
    }

    /** Closed account orders (optionally of one product key), newest first. */
    public List<Order> closedOrders(final String symbol)
    {
        final List<Order> out = new ArrayList<>();
        final Iterator<Order> it = closedOrders.descendingIterator();
        while (it.hasNext())
        {
            final Order o = it.next();
            if (symbol == null || symbol.equals(o.instrument.key()))
            {
                out.add(o);
            }
        }
        return out;
    }

    /** Account fills (optionally of one product key; orderId 0 = any), newest first. */
    public List<Fill> fills(final String symbol, final long orderId)
    {
        final List<Fill> out = new ArrayList<>();
        final Iterator<Fill> it = fills.descendingIterator();
        while (it.hasNext())
        {
            final Fill f = it.next();
            if ((symbol == null || symbol.equals(f.order().instrument.key())) && (orderId == 0 || f.order().orderId == orderId))
            {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Validates and places an account order. The ack does not mean it rests: post-only crossing orders are
     * accepted and then cancelled, fills and STP cancels follow through the listener.
     *
     * @param req the request
     * @return the result: an error code or the accepted order
     */
    public PlaceResult place(final PlaceRequest req)
    {
        final Instrument inst = instruments.get(Instrument.key(req.category, req.symbol));
        if (inst == null)
        {
            return PlaceResult.error("40034", "Parameter " + req.symbol + " does not exist");
        }
        final Side side = Side.parse(req.side);
        if (side == null)
        {
            return PlaceResult.error("40017", "Parameter verification failed: side");
        }
        final boolean market = "market".equalsIgnoreCase(req.orderType);
        if (!market && !"limit".equalsIgnoreCase(req.orderType))
        {
            return PlaceResult.error("40017", "Parameter verification failed: orderType");
        }
        final String force = req.force == null ? "gtc" : req.force.toLowerCase(java.util.Locale.ROOT);
        if (!market && !("gtc".equals(force) || "post_only".equals(force) || "ioc".equals(force) || "fok".equals(force)))
        {
            return PlaceResult.error("40017", "Parameter verification failed: force");
        }
        if (req.clientOid != null && req.clientOid.length() > 50)
        {
            return PlaceResult.error("40304", "clientOid length cannot exceed 50");
        }
        if (req.clientOid != null && !req.clientOid.isEmpty() && byClientOid.containsKey(req.clientOid))
        {
            return PlaceResult.error("43118", "clientOrderId duplicate");
        }
        if (openCount(inst.key()) >= MAX_OPEN_PER_SYMBOL)
        {
            return PlaceResult.error("43005", "The number of open orders exceeds the limit");
        }
        final String stp = req.stpMode == null ? "none" : req.stpMode.toLowerCase(java.util.Locale.ROOT);
        final Order order = new Order();
        order.instrument = inst;
        order.side = side;
        order.owner = Order.ACCOUNT;
        order.orderType = market ? "market" : "limit";
        order.force = market ? "gtc" : force;
        order.stpMode = stp;
        order.clientOid = req.clientOid == null || req.clientOid.isEmpty() ? Long.toString(nextOrderId) : req.clientOid;
        final String err = market && !inst.isFutures() ? sizeMarket(order, req) : sizeLimit(order, req, market);
        if (err != null)
        {
            return PlaceResult.error(err.substring(0, err.indexOf(' ')), err.substring(err.indexOf(' ') + 1));
        }
        if (inst.isFutures())
        {
            final String futuresErr = futures.prepare(order, req);
            if (futuresErr != null)
            {
                final int sp = futuresErr.indexOf(' ');
                return PlaceResult.error(futuresErr.substring(0, sp), futuresErr.substring(sp + 1));
            }
        }
        else
        {
            final String freezeErr = freeze(order);
            if (freezeErr != null)
            {
                return PlaceResult.error("43012", freezeErr);
            }
        }
        order.orderId = newOrderId();
        order.createdMs = nowMs;
        order.updatedMs = nowMs;
        accountOrders.put(order.orderId, order);
        byClientOid.put(order.clientOid, order);
        return PlaceResult.ok(order);
    }

    /** After the ack: runs the new order against the book and rests it (called by the venue after replying). */
    public void process(final Order order)
    {
        final OrderBook book = books.get(order.instrument.key());
        notifyOrder(order, null);
        notifyBalance(order);
        if ("post_only".equals(order.force) && crosses(book, order))
        {
            order.postOnlyCrossed = true;
            finish(order, "cancelled", "normal_cancel");
            return;
        }
        if ("fok".equals(order.force) && available(book, order) < order.sizeLots)
        {
            finish(order, "cancelled", "normal_cancel");
            return;
        }
        match(book, order);
        if (!order.isOpen())
        {
            return;
        }
        if ("market".equals(order.orderType) || "ioc".equals(order.force) || "fok".equals(order.force))
        {
            final boolean marketDone = "market".equals(order.orderType) && order.filledLots > 0;
            finish(order, marketDone ? "filled" : "cancelled", "normal_cancel");
            return;
        }
        book.add(order);
    }

    /** Limit orders (and futures market orders, size in base coin): price/size scale, minimum size and value. */
    private String sizeLimit(final Order order, final PlaceRequest req, final boolean market)
    {
        final Instrument inst = order.instrument;
        final long price = market ? 0 : Decimals.parse(req.price, inst.pricePrecision());
        if (price == Decimals.TOO_MANY_DECIMALS)
        {
            return "41103 param price scale error";
        }
        if (!market && (price == Decimals.MALFORMED || price == 0))
        {
            return "40017 Parameter verification failed: price";
        }
        final long size = Decimals.parse(req.size, inst.quantityPrecision());
        if (size == Decimals.TOO_MANY_DECIMALS)
        {
            return "40808 Parameter verification exception size checkBDScale error value=" + req.size
                + " checkScale=" + inst.quantityPrecision();
        }
        if (size == Decimals.MALFORMED || size == 0)
        {
            return "40017 Parameter verification failed: size";
        }
        order.priceTicks = price;
        order.sizeLots = size;
        if (inst.isFutures() && Decimals.big(size, inst.quantityPrecision()).compareTo(new BigDecimal(inst.minTradeNum())) < 0)
        {
            return "45111 less than the minimum order quantity " + inst.minTradeNum();
        }
        final BigDecimal refPrice = market ? futures.markPrice(inst) : Decimals.big(price, inst.pricePrecision());
        final BigDecimal notional = refPrice.multiply(Decimals.big(size, inst.quantityPrecision()));
        if (notional.compareTo(new BigDecimal(inst.minTradeUsdt())) < 0)
        {
            return "45110 less than the minimum amount " + inst.minTradeUsdt() + " USDT";
        }
        return null;
    }

    private String sizeMarket(final Order order, final PlaceRequest req)
    {
        final Instrument inst = order.instrument;
        if (order.side == Side.BUY)
        {
            final BigDecimal quote;
            try
            {
                quote = new BigDecimal(req.size);
            }
            catch (final NumberFormatException | NullPointerException ex)
            {
                return "40017 Parameter verification failed: size";
            }
            if (quote.compareTo(new BigDecimal(inst.minTradeUsdt())) < 0)
            {
                return "45110 less than the minimum amount " + inst.minTradeUsdt() + " USDT";
            }
            order.quoteBudget = quote;
            order.sizeLots = Long.MAX_VALUE / 4;
            return null;
        }
        final long size = Decimals.parse(req.size, inst.quantityPrecision());
        if (size == Decimals.TOO_MANY_DECIMALS)
        {
            return "40808 Parameter verification exception size checkBDScale error value=" + req.size
                + " checkScale=" + inst.quantityPrecision();
        }
        if (size == Decimals.MALFORMED || size == 0)
        {
            return "40017 Parameter verification failed: size";
        }
        order.sizeLots = size;
        return null;
    }

    private String freeze(final Order order)
    {
        final Instrument inst = order.instrument;
        final BigDecimal amount;
        final Balance bal;
        if (order.side == Side.BUY)
        {
            bal = balance(inst.quoteCoin());
            amount = order.quoteBudget != null ? order.quoteBudget
                : Decimals.big(order.priceTicks, inst.pricePrecision()).multiply(Decimals.big(order.sizeLots, inst.quantityPrecision()));
        }
        else
        {
            bal = balance(inst.baseCoin());
            amount = Decimals.big(order.sizeLots, inst.quantityPrecision());
        }
        if (bal.available.compareTo(amount) < 0)
        {
            return "Insufficient balance";
        }
        bal.available = bal.available.subtract(amount);
        bal.frozen = bal.frozen.add(amount);
        bal.updatedMs = nowMs;
        order.frozen = amount;
        return null;
    }

    private static boolean crosses(final OrderBook book, final Order order)
    {
        if (order.side == Side.BUY)
        {
            return book.bestAsk() >= 0 && book.bestAsk() <= order.priceTicks;
        }
        return book.bestBid() >= 0 && book.bestBid() >= order.priceTicks;
    }

    private static long available(final OrderBook book, final Order order)
    {
        long total = 0;
        for (final Level level : book.side(order.side == Side.BUY ? Side.SELL : Side.BUY).values())
        {
            if (order.side == Side.BUY ? level.priceTicks > order.priceTicks : level.priceTicks < order.priceTicks)
            {
                break;
            }
            total += level.totalLots;
        }
        return total;
    }

    /**
     * Runs a synthetic market order of {@code lots} through the book (the generator's takers).
     *
     * @param symbol symbol
     * @param side   taker side
     * @param lots   size
     */
    public void syntheticTake(final String symbol, final Side side, final long lots)
    {
        final Order taker = new Order();
        taker.instrument = instruments.get(symbol);
        taker.side = side;
        taker.owner = Order.SYNTHETIC;
        taker.orderType = "market";
        taker.sizeLots = lots;
        match(books.get(symbol), taker);
    }

    /** Rests a synthetic maker order. */
    public Order syntheticMake(final String symbol, final Side side, final long priceTicks, final long lots)
    {
        final Order maker = new Order();
        maker.instrument = instruments.get(symbol);
        maker.side = side;
        maker.owner = Order.SYNTHETIC;
        maker.priceTicks = priceTicks;
        maker.sizeLots = lots;
        maker.orderId = nextOrderId++;
        books.get(symbol).add(maker);
        return maker;
    }

    /** Removes a synthetic maker order from its book. */
    public void syntheticCancel(final Order maker)
    {
        books.get(maker.instrument.key()).remove(maker);
        maker.status = "cancelled";
    }

    /**
     * @param hook asked each time a synthetic taker reaches one of the account's resting orders: true makes the
     *             taker fill only part of it (half its remaining size) and stop (fault injection).
     */
    public void partialFillHook(final java.util.function.BooleanSupplier hook)
    {
        this.partialFillHook = hook;
    }

    private void match(final OrderBook book, final Order taker)
    {
        final boolean market = "market".equals(taker.orderType);
        final Side makerSide = taker.side == Side.BUY ? Side.SELL : Side.BUY;
        while (taker.isOpen() && taker.remainingLots() > 0)
        {
            final Map.Entry<Long, Level> best = book.side(makerSide).firstEntry();
            if (best == null)
            {
                break;
            }
            final Level level = best.getValue();
            if (!market && (taker.side == Side.BUY ? level.priceTicks > taker.priceTicks : level.priceTicks < taker.priceTicks))
            {
                break;
            }
            final Order maker = level.orders.peekFirst();
            if (maker.owner == taker.owner && taker.owner == Order.ACCOUNT && !"none".equals(taker.stpMode))
            {
                if (!selfTrade(book, taker, maker))
                {
                    return;
                }
                continue;
            }
            long lots = Math.min(taker.remainingLots(), maker.remainingLots());
            if (taker.owner == Order.SYNTHETIC && maker.owner == Order.ACCOUNT && maker.remainingLots() > 1 &&
                partialFillHook.getAsBoolean())
            {
                // fault injection: a small taker that fills part of the account's order, leaving the rest resting
                execute(book, level, taker, maker, Math.min(lots, maker.remainingLots() / 2));
                return;
            }
            if (taker.quoteBudget != null)
            {
                lots = Math.min(lots, affordableLots(taker, level.priceTicks));
                if (lots == 0)
                {
                    break;
                }
            }
            execute(book, level, taker, maker, lots);
        }
    }

    private long affordableLots(final Order taker, final long priceTicks)
    {
        final Instrument inst = taker.instrument;
        final BigDecimal left = taker.quoteBudget.subtract(taker.quoteVolume());
        return left.divide(Decimals.big(priceTicks, inst.pricePrecision()), inst.quantityPrecision(), RoundingMode.DOWN)
            .movePointRight(inst.quantityPrecision()).longValue();
    }

    /** Applies the taker's STP mode; returns true if matching should continue. */
    private boolean selfTrade(final OrderBook book, final Order taker, final Order maker)
    {
        final String mode = taker.stpMode;
        if ("cancel_maker".equals(mode) || "cancel_both".equals(mode))
        {
            book.remove(maker);
            finish(maker, "cancelled", "stp_cancel");
        }
        if ("cancel_taker".equals(mode) || "cancel_both".equals(mode))
        {
            finish(taker, "cancelled", "stp_cancel");
            return false;
        }
        return true;
    }

    private void execute(final OrderBook book, final Level level, final Order taker, final Order maker, final long lots)
    {
        final long price = level.priceTicks;
        final long tradeId = nextTradeId++;
        maker.filledLots += lots;
        maker.filledNotionalRaw += price * lots;
        taker.filledLots += lots;
        taker.filledNotionalRaw += price * lots;
        book.reduce(maker.side, level, lots);
        if (maker.remainingLots() == 0)
        {
            level.orders.pollFirst();
            maker.status = "filled";
            book.dropIfEmpty(maker.side, level);
        }
        else
        {
            maker.status = "partially_filled";
        }
        final boolean takerDone = taker.remainingLots() == 0
            || taker.quoteBudget != null && affordableLots(taker, price) == 0;
        taker.status = takerDone ? "filled" : "partially_filled";
        if (maker.owner == Order.ACCOUNT)
        {
            settle(maker, price, lots, true, tradeId);
        }
        if (taker.owner == Order.ACCOUNT)
        {
            settle(taker, price, lots, false, tradeId);
        }
        if (listener != null)
        {
            listener.onTrade(book.instrument(), tradeId, price, lots, taker.side, nowMs);
        }
    }

    private void settle(final Order order, final long price, final long lots, final boolean maker, final long tradeId)
    {
        if (order.instrument.isFutures())
        {
            settleFutures(order, price, lots, maker, tradeId);
            return;
        }
        final Instrument inst = order.instrument;
        final BigDecimal qty = Decimals.big(lots, inst.quantityPrecision());
        final BigDecimal notional = Decimals.big(price, inst.pricePrecision()).multiply(qty);
        final BigDecimal rate = maker ? makerFee : takerFee;
        final Balance base = balance(inst.baseCoin());
        final Balance quote = balance(inst.quoteCoin());
        final BigDecimal fee;
        final String feeCoin;
        if (order.side == Side.BUY)
        {
            fee = qty.multiply(rate).setScale(inst.quantityPrecision() + 4, RoundingMode.HALF_UP).stripTrailingZeros();
            feeCoin = inst.baseCoin();
            final BigDecimal release = order.quoteBudget != null ? notional
                : Decimals.big(order.priceTicks, inst.pricePrecision()).multiply(qty);
            quote.frozen = quote.frozen.subtract(release);
            quote.available = quote.available.add(release.subtract(notional));
            base.available = base.available.add(qty.subtract(fee));
            order.frozen = order.frozen.subtract(release);
        }
        else
        {
            fee = notional.multiply(rate).setScale(inst.pricePrecision() + 4, RoundingMode.HALF_UP).stripTrailingZeros();
            feeCoin = inst.quoteCoin();
            base.frozen = base.frozen.subtract(qty);
            quote.available = quote.available.add(notional.subtract(fee));
            order.frozen = order.frozen.subtract(qty);
        }
        base.updatedMs = nowMs;
        quote.updatedMs = nowMs;
        order.feeTotal = order.feeTotal.add(fee);
        order.feeCoin = feeCoin;
        order.updatedMs = nowMs;
        final Fill fill = new Fill(tradeId, order, price, lots, maker, fee, feeCoin, nowMs);
        fills.addLast(fill);
        if (fills.size() > MAX_HISTORY)
        {
            fills.pollFirst();
        }
        if ("filled".equals(order.status))
        {
            release(order);
        }
        if (listener != null)
        {
            listener.onFill(fill);
            listener.onOrder(order, fill);
            listener.onBalance(inst.baseCoin());
            listener.onBalance(inst.quoteCoin());
        }
    }

    private void settleFutures(final Order order, final long price, final long lots, final boolean maker, final long tradeId)
    {
        final BigDecimal[] feeAndPnl = futures.settle(order, price, lots, maker);
        order.updatedMs = nowMs;
        final Fill fill = new Fill(tradeId, order, price, lots, maker, feeAndPnl[0], Futures.MARGIN_COIN, nowMs, feeAndPnl[1]);
        fills.addLast(fill);
        if (fills.size() > MAX_HISTORY)
        {
            fills.pollFirst();
        }
        if ("filled".equals(order.status))
        {
            release(order);
        }
        final List<Position> touched = new ArrayList<>(futures.touched);
        if (listener != null)
        {
            listener.onFill(fill);
            listener.onOrder(order, fill);
            for (final Position p : touched)
            {
                listener.onPosition(p);
            }
            listener.onFuturesAccount(Futures.MARGIN_COIN);
            if (futures.unified())
            {
                listener.onBalance(Futures.MARGIN_COIN);
            }
        }
        for (final Position p : touched)
        {
            trimReduceOnly(p, order);
        }
    }

    /**
     * Bitget's reduce-only rule: when a position shrinks below what its open closing orders reserve (another order
     * reduced it), the oldest of those orders are cancelled until the rest fit; a closed position cancels them all.
     */
    private void trimReduceOnly(final Position p, final Order filling)
    {
        while (p.closingLots > p.sizeLots)
        {
            Order oldest = null;
            for (final Order o : openOrders(p.instrument.key()))
            {
                if (o != filling && o.closingLots > 0 && p.holdSide.equals(o.posSide) && (oldest == null || o.orderId < oldest.orderId))
                {
                    oldest = o;
                }
            }
            if (oldest == null || !cancel(oldest))
            {
                return;
            }
        }
    }

    /**
     * Arms, refreshes or disarms the dead-man switch: when {@code countdownMs} passes without another call, every
     * open order of the account (all products) is cancelled, the cancels are pushed, and the switch disarms itself.
     *
     * @param countdownMs countdown in ms; 0 (or less) switches it off
     */
    public void countdownCancelAll(final long countdownMs)
    {
        countdownDeadlineMs = countdownMs <= 0 ? 0 : nowMs + countdownMs;
    }

    /** The armed dead-man deadline (epoch ms), or 0 when off. */
    public long countdownDeadlineMs()
    {
        return countdownDeadlineMs;
    }

    /**
     * The venue's timer (every few tens of ms): fires the dead-man switch and settles funding when due.
     *
     * @param nowMs epoch ms
     */
    public void onTimer(final long nowMs)
    {
        this.nowMs = nowMs;
        if (countdownDeadlineMs != 0 && nowMs >= countdownDeadlineMs)
        {
            countdownDeadlineMs = 0;
            cancelAllAccountOrders();
        }
        futures.onTimer(nowMs, listener);
    }

    /**
     * Cancels every open order of the account, every product.
     *
     * @return how many were cancelled
     */
    public int cancelAllAccountOrders()
    {
        int n = 0;
        for (final Order o : openOrders(null))
        {
            if (cancel(o))
            {
                n++;
            }
        }
        return n;
    }

    /**
     * Settles one funding round now, whatever the schedule (tests and tools).
     *
     * @return the positions charged or paid
     */
    public List<Position> settleFundingNow()
    {
        return futures.settleFunding(listener);
    }

    /**
     * Cancels an open account order.
     *
     * @param order the order
     * @return true if it was open
     */
    public boolean cancel(final Order order)
    {
        if (order == null || !order.isOpen())
        {
            return false;
        }
        books.get(order.instrument.key()).remove(order);
        finish(order, "cancelled", "normal_cancel");
        return true;
    }

    /**
     * Amends an open limit order in place (v3 modify-order): it keeps its orderId and clientOid; funds are
     * re-reserved for the new price and quantity. Without {@code keepPriority} it leaves its level and joins the back
     * of the new one (matching first if the new price crosses, as a taker). A post-only order amended to a crossing
     * price is cancelled ({@link Order#postOnlyCrossed}) when {@code postOnlyCrossCancels}, else refused.
     *
     * @param order                an open account order
     * @param priceTicks           new price, or -1 to keep it
     * @param sizeLots             new total quantity (filled part included), or -1 to keep it
     * @param keepPriority         whether it keeps its queue position (the caller applies the venue's rule)
     * @param postOnlyCrossCancels what happens to a post-only order amended to a crossing price
     * @return null when amended (or cancelled as post-only), else "CODE message" with v3 codes
     */
    public String amend(final Order order, final long priceTicks, final long sizeLots, final boolean keepPriority,
        final boolean postOnlyCrossCancels)
    {
        final long newPrice = priceTicks < 0 ? order.priceTicks : priceTicks;
        final long newSize = sizeLots < 0 ? order.sizeLots : sizeLots;
        if (newPrice == order.priceTicks && newSize == order.sizeLots)
        {
            return "25571 The price and quantity are unchanged";
        }
        if (!"limit".equals(order.orderType) || order.reduceOnly || newSize <= order.filledLots || newPrice <= 0)
        {
            return "25568 The order does not meet the modification requirements";
        }
        final Instrument inst = order.instrument;
        final BigDecimal notional = Decimals.big(newPrice, inst.pricePrecision()).multiply(Decimals.big(newSize, inst.quantityPrecision()));
        if (notional.compareTo(new BigDecimal(inst.minTradeUsdt())) < 0)
        {
            return "25611 The order amount is below the minimum " + inst.minTradeUsdt() + " USDT";
        }
        final OrderBook book = books.get(inst.key());
        final boolean crossing = order.side == Side.BUY ? book.bestAsk() >= 0 && book.bestAsk() <= newPrice
            : book.bestBid() >= 0 && book.bestBid() >= newPrice;
        if ("post_only".equals(order.force) && crossing && !postOnlyCrossCancels)
        {
            return "25568 The order does not meet the modification requirements";
        }
        if (!refreeze(order, newPrice, newSize))
        {
            return "25202 Insufficient balance";
        }
        order.amendments++;
        order.updatedMs = nowMs;
        if ("post_only".equals(order.force) && crossing)
        {
            book.remove(order);
            order.priceTicks = newPrice;
            order.sizeLots = newSize;
            order.postOnlyCrossed = true;
            finish(order, "cancelled", "normal_cancel");
            return null;
        }
        if (keepPriority && newPrice == order.priceTicks)
        {
            final Level level = book.side(order.side).get(order.priceTicks);
            level.totalLots += newSize - order.sizeLots;
            order.sizeLots = newSize;
            book.markDirty(order.side, order.priceTicks);
        }
        else
        {
            book.remove(order);
            order.priceTicks = newPrice;
            order.sizeLots = newSize;
            match(book, order);
            if (order.isOpen())
            {
                book.add(order);
            }
        }
        if (order.isOpen())
        {
            notifyOrder(order, null);
            notifyBalance(order);
        }
        return null;
    }

    /**
     * Reserves what the amended order needs for its remaining quantity at the new price (spot: quote for a buy, base
     * for a sell; futures: USDT margin at the order's leverage); false if the balance is short.
     */
    private boolean refreeze(final Order order, final long newPrice, final long newSize)
    {
        final Instrument inst = order.instrument;
        final BigDecimal remaining = Decimals.big(newSize - order.filledLots, inst.quantityPrecision());
        final BigDecimal value = Decimals.big(newPrice, inst.pricePrecision()).multiply(remaining);
        final BigDecimal needed;
        final Balance bal;
        if (inst.isFutures())
        {
            needed = value.divide(BigDecimal.valueOf(Math.max(1, order.leverage)), 8, RoundingMode.UP).stripTrailingZeros();
            bal = futures.margin();
        }
        else
        {
            needed = order.side == Side.BUY ? value : remaining;
            bal = balance(order.side == Side.BUY ? inst.quoteCoin() : inst.baseCoin());
        }
        final BigDecimal delta = needed.subtract(order.frozen);
        if (bal.available.compareTo(delta) < 0)
        {
            return false;
        }
        bal.available = bal.available.subtract(delta);
        bal.frozen = bal.frozen.add(delta);
        bal.updatedMs = nowMs;
        order.frozen = needed;
        return true;
    }

    /** Cancels all open account orders of a symbol; returns how many. */
    public int cancelAll(final String symbol)
    {
        int n = 0;
        for (final Order o : openOrders(symbol))
        {
            if (cancel(o))
            {
                n++;
            }
        }
        return n;
    }

    private void finish(final Order order, final String status, final String reason)
    {
        order.status = status;
        order.cancelReason = "cancelled".equals(status) ? reason : "";
        order.updatedMs = nowMs;
        release(order);
        notifyOrder(order, null);
        notifyBalance(order);
    }

    private void release(final Order order)
    {
        if (order.owner != Order.ACCOUNT)
        {
            return;
        }
        if (order.instrument.isFutures())
        {
            futures.release(order);
        }
        else if (order.frozen.signum() != 0)
        {
            final Balance bal = balance(order.side == Side.BUY ? order.instrument.quoteCoin() : order.instrument.baseCoin());
            bal.frozen = bal.frozen.subtract(order.frozen);
            bal.available = bal.available.add(order.frozen);
            bal.updatedMs = nowMs;
            order.frozen = BigDecimal.ZERO;
        }
        if (!order.isOpen() && !closedOrders.contains(order))
        {
            closedOrders.addLast(order);
            if (closedOrders.size() > MAX_HISTORY)
            {
                final Order old = closedOrders.pollFirst();
                accountOrders.remove(old.orderId);
            }
        }
    }

    private void notifyOrder(final Order order, final Fill fill)
    {
        if (listener != null && order.owner == Order.ACCOUNT)
        {
            listener.onOrder(order, fill);
        }
    }

    private void notifyBalance(final Order order)
    {
        if (listener != null && order.owner == Order.ACCOUNT)
        {
            if (order.instrument.isFutures())
            {
                listener.onFuturesAccount(Futures.MARGIN_COIN);
                if (futures.unified())
                {
                    listener.onBalance(Futures.MARGIN_COIN);
                }
                return;
            }
            listener.onBalance(order.side == Side.BUY ? order.instrument.quoteCoin() : order.instrument.baseCoin());
        }
    }

    /** An order request as decoded from the wire (strings kept as sent). */
    public static final class PlaceRequest
    {
        public String symbol;
        public String side;
        public String orderType;
        public String force;
        public String price;
        public String size;
        public String clientOid;
        public String stpMode;
        /** {@code SPOT} (or null) / {@code USDT-FUTURES}. */
        public String category;
        /** Futures, hedge mode: {@code long}/{@code short}, the position opened or closed (side = trade direction). */
        public String posSide;
        /** Futures, one-way mode: {@code yes}/{@code no}. */
        public String reduceOnly;
        /** Futures: {@code crossed}/{@code isolated} (null: the symbol's setting). */
        public String marginMode;
    }

    /**
     * Outcome of {@link #place}.
     *
     * @param code  "00000" or an error code
     * @param msg   message
     * @param order the accepted order or null
     */
    public record PlaceResult(String code, String msg, Order order)
    {
        static PlaceResult error(final String code, final String msg)
        {
            return new PlaceResult(code, msg, null);
        }

        static PlaceResult ok(final Order order)
        {
            return new PlaceResult("00000", "success", order);
        }

        /** True if accepted. */
        public boolean accepted()
        {
            return order != null;
        }
    }
}
