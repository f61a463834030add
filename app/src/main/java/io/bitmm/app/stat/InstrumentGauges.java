package io.bitmm.app.stat;

import io.bitmm.core.book.OrderBook;
import io.bitmm.core.counters.CounterArray;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.ProductSymbol;
import io.bitmm.core.order.ManagedOrder;
import io.bitmm.core.order.OrderManager;
import io.bitmm.core.order.OrderState;
import io.bitmm.core.position.Position;
import io.bitmm.core.risk.RequestWindow;
import io.bitmm.core.risk.RiskManager;
import org.agrona.concurrent.status.CountersManager;

/**
 * Per-instrument gauges (type id {@link CounterTypes#INSTRUMENT}): the book's top, our best working quote per side,
 * the position against its limit, PnL and fees. Written on the core thread right after the core handled an event
 * (plain release stores of what the core already holds; nothing allocates); the quote ages are written by the
 * {@link StatusAgent} from the quote times kept here. Also the engine's risk state, open orders and the order-rate
 * budgets spent in the current window.
 */
public final class InstrumentGauges
{
    /** Best bid of the book, price scale. */
    public static final int BEST_BID = 0;
    /** Best ask of the book, price scale. */
    public static final int BEST_ASK = 1;
    /** Our best working buy quote, price scale; 0 when none. */
    public static final int BID_QUOTE = 2;
    /** Our best working sell quote, price scale; 0 when none. */
    public static final int ASK_QUOTE = 3;
    /** Age of our best buy quote, ms (named in seconds: scale 3); 0 when none (then {@link #BID_QUOTE} is 0). */
    public static final int BID_QUOTE_AGE = 4;
    /** Age of our best sell quote, ms; 0 when none. */
    public static final int ASK_QUOTE_AGE = 5;
    /** Position, size scale. */
    public static final int POSITION = 6;
    /** Position limit, size scale. */
    public static final int MAX_POSITION = 7;
    /** Realized PnL, quote currency, {@link Amounts#DECIMALS}. */
    public static final int REALIZED_PNL = 8;
    /** Unrealized PnL at the mark, quote currency. */
    public static final int UNREALIZED_PNL = 9;
    /** Fees paid (negative: rebates), quote currency. */
    public static final int FEES = 10;
    /** Buy fills. */
    public static final int BUY_FILLS = 11;
    /** Sell fills. */
    public static final int SELL_FILLS = 12;
    /** A perpetual's entry price, price scale; 0 when flat. */
    public static final int ENTRY_PRICE = 13;
    /** A perpetual's last venue mark price, price scale; 0 before any. */
    public static final int MARK_PRICE = 14;
    /** A perpetual's funding received minus paid, quote currency. */
    public static final int FUNDING = 15;
    /** A perpetual's position as the venue last reported it, size scale. */
    public static final int VENUE_POSITION = 16;
    static final String[] NAMES = {"best_bid", "best_ask", "bid_quote", "ask_quote", "bid_quote_age_seconds",
        "ask_quote_age_seconds", "position", "max_position", "realized_pnl", "unrealized_pnl", "fees", "buy_fills",
        "sell_fills", "entry_price", "mark_price", "funding", "venue_position"};

    private final TradingCore core;
    private final InstrumentTable instruments;
    private final CounterArray[] gauges;
    /** Per instrument: created time (ns, event clock) of the best buy and sell quote; 0 when none. */
    private final CounterArray quoteSince;
    private final CounterArray engine;

    /**
     * @param core          the core (read on its own thread only).
     * @param instruments   what is traded.
     * @param maxPositions  the position limit per instrument id, size units.
     * @param engineGauges  the engine gauges ({@link StatusAgent#RISK_STATE} and {@link StatusAgent#OPEN_ORDERS}).
     */
    InstrumentGauges(
        final TradingCore core,
        final InstrumentTable instruments,
        final long[] maxPositions,
        final CounterArray engineGauges)
    {
        this.core = core;
        this.instruments = instruments;
        this.engine = engineGauges;
        this.gauges = new CounterArray[instruments.instrumentCount()];
        this.quoteSince = new CounterArray(2 * gauges.length);
        for (int id = 0; id < gauges.length; id++)
        {
            gauges[id] = new CounterArray(NAMES.length);
            gauges[id].set(MAX_POSITION, maxPositions[id]);
        }
    }

    void register(final CountersManager manager)
    {
        for (int id = 0; id < gauges.length; id++)
        {
            final Instrument instrument = instruments.instrument(id);
            final String labels = " symbol=" + ProductSymbol.displayName(instrument) + " currency=" +
                instruments.assetName(instrument.quoteAssetId());
            gauges[id].register(manager, i -> CounterTypes.INSTRUMENT,
                i -> i == BUY_FILLS || i == SELL_FILLS ? CounterTypes.KIND_COUNTER : CounterTypes.KIND_GAUGE,
                i -> scale(instrument, i), i -> NAMES[i] + labels);
        }
    }

    private static int scale(final Instrument instrument, final int index)
    {
        switch (index)
        {
            case BEST_BID:
            case BEST_ASK:
            case BID_QUOTE:
            case ASK_QUOTE:
            case ENTRY_PRICE:
            case MARK_PRICE:
                return instrument.priceScale();
            case BID_QUOTE_AGE:
            case ASK_QUOTE_AGE:
                return 3;
            case POSITION:
            case MAX_POSITION:
            case VENUE_POSITION:
                return instrument.sizeScale();
            case REALIZED_PNL:
            case UNREALIZED_PNL:
            case FEES:
            case FUNDING:
                return Amounts.DECIMALS;
            default:
                return 0;
        }
    }

    /**
     * Core thread, after the core handled {@code event}.
     *
     * @param event the event just handled.
     */
    public void onEvent(final InboundEvent event)
    {
        final int id = event.instrumentId;
        final boolean book = event.type == EventType.BOOK_SNAPSHOT || event.type == EventType.BOOK_UPDATE ||
            event.type == EventType.TRADE;
        if (book && id >= 0 && id < gauges.length)
        {
            publishBook(id);
            publishPosition(id);
            return;
        }
        for (int i = 0; i < gauges.length; i++)
        {
            publishBook(i);
            publishPosition(i);
        }
        publishQuotes();
        engine.set(StatusAgent.RISK_STATE, core.riskState().ordinal());
        engine.set(StatusAgent.OPEN_ORDERS, core.openOrderCount());
        final RiskManager risk = core.risk();
        budget(0, risk.placeBudget(), event.timestampNanos);
        budget(1, risk.cancelBudget(), event.timestampNanos);
        budget(2, risk.replaceBudget(), event.timestampNanos);
    }

    private void budget(final int kind, final RequestWindow window, final long nowNanos)
    {
        engine.set(StatusAgent.RATE_BUDGET_USED + kind, window.limit() - window.available(nowNanos));
        engine.set(StatusAgent.RATE_BUDGET_LIMIT + kind, window.limit());
    }

    /**
     * Status thread: the quote ages from the quote times.
     *
     * @param nowNanos the event clock now ({@code System.nanoTime()}).
     */
    void publishAges(final long nowNanos)
    {
        for (int id = 0; id < gauges.length; id++)
        {
            age(id, BID_QUOTE_AGE, quoteSince.get(2 * id), nowNanos);
            age(id, ASK_QUOTE_AGE, quoteSince.get(2 * id + 1), nowNanos);
        }
    }

    private void age(final int id, final int index, final long since, final long nowNanos)
    {
        gauges[id].set(index, since == 0 ? 0 : Math.max(0, (nowNanos - since) / 1_000_000));
    }

    private void publishBook(final int id)
    {
        final OrderBook book = core.book(id);
        final CounterArray g = gauges[id];
        g.set(BEST_BID, book.bidCount() > 0 ? book.bidPrice(0) : 0);
        g.set(BEST_ASK, book.askCount() > 0 ? book.askPrice(0) : 0);
    }

    private void publishPosition(final int id)
    {
        final Position position = core.position(id);
        final CounterArray g = gauges[id];
        g.set(POSITION, position.size());
        g.set(REALIZED_PNL, position.realizedPnl());
        g.set(UNREALIZED_PNL, position.unrealizedPnl());
        g.set(FEES, position.fees());
        g.set(BUY_FILLS, position.buyFills());
        g.set(SELL_FILLS, position.sellFills());
        g.set(ENTRY_PRICE, position.averageCost());
        g.set(MARK_PRICE, position.venueMarkPrice());
        g.set(FUNDING, position.funding());
        g.set(VENUE_POSITION, position.venueSize());
    }

    private void publishQuotes()
    {
        final OrderManager orders = core.orders();
        for (int id = 0; id < gauges.length; id++)
        {
            long bid = 0;
            long bidSince = 0;
            long ask = 0;
            long askSince = 0;
            for (int slot = 0; slot < orders.capacity(); slot++)
            {
                final ManagedOrder order = orders.order(slot);
                final OrderState state = order.state();
                if (state == null || !state.isWorking() || order.instrumentId() != id)
                {
                    continue;
                }
                if (order.side() == Side.BUY && order.price() > bid)
                {
                    bid = order.price();
                    bidSince = order.createdNanos();
                }
                else if (order.side() == Side.SELL && (ask == 0 || order.price() < ask))
                {
                    ask = order.price();
                    askSince = order.createdNanos();
                }
            }
            gauges[id].set(BID_QUOTE, bid);
            gauges[id].set(ASK_QUOTE, ask);
            quoteSince.set(2 * id, bidSince);
            quoteSince.set(2 * id + 1, askSince);
        }
    }
}
