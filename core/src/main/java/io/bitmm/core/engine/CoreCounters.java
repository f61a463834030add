package io.bitmm.core.engine;

import io.bitmm.core.book.BookResult;
import io.bitmm.core.counters.CounterArray;
import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.event.Side;
import io.bitmm.core.risk.RiskReason;
import org.agrona.concurrent.status.CountersManager;

import java.util.Locale;

/**
 * The core's counters: written by the core thread only (ordered writes), readable from any thread while it runs.
 * Fixed indices; Bitget reject codes go into a small table of (code, count) pairs, codes beyond it into one
 * overflow counter. {@link #register} moves them into the run's counters file (type ids {@link CounterTypes#CORE},
 * {@link CounterTypes#RISK}, {@link CounterTypes#REJECT_CODE}); a new counter needs only its index and its name here.
 */
public final class CoreCounters
{
    public static final int BOOK_SNAPSHOTS = 0;
    public static final int BOOK_UPDATES = 1;
    public static final int BOOK_IGNORED = 2;
    public static final int BOOK_RESETS = 3;
    public static final int RESYNC_CHECKSUM = 4;
    public static final int RESYNC_SEQ_BACKWARDS = 5;
    public static final int RESYNC_CROSSED = 6;
    public static final int RESYNC_UPDATE_BEFORE_SNAPSHOT = 7;
    public static final int BOOK_LEVELS_TRUNCATED = 8;
    public static final int PLACES_SENT = 9;
    public static final int CANCELS_SENT = 10;
    public static final int REPLACES_SENT = 11;
    public static final int CANCEL_ALLS_SENT = 12;
    public static final int QUERIES_SENT = 13;
    public static final int RESYNCS_SENT = 14;
    public static final int ACKS = 15;
    public static final int REJECTS = 16;
    public static final int UNKNOWN_OUTCOMES = 17;
    public static final int ORDER_UPDATES = 18;
    public static final int FILLS_BUY = 19;
    public static final int FILLS_SELL = 20;
    public static final int FILLED_SIZE_BUY = 21;
    public static final int FILLED_SIZE_SELL = 22;
    public static final int DUPLICATE_FILLS = 23;
    public static final int UNTRACKED_ORDER_EVENTS = 24;
    public static final int POST_ONLY_CANCELS = 25;
    public static final int VENUE_CANCELS = 26;
    public static final int ORDER_POOL_FULL = 27;
    public static final int BAD_EVENTS = 28;
    public static final int EVENTS = 29;
    public static final int REJECT_CODE_OVERFLOW = 30;
    public static final int PENDING_TIMEOUTS = 31;
    /** Levels the books dropped because a side was at capacity. */
    public static final int BOOK_LEVELS_DROPPED = 32;
    /** Private-stream reconnects after which every tracked order was queried before quoting again. */
    public static final int RECONNECT_RECONCILES = 33;
    /** Queries sent by those reconciles. */
    public static final int RECONCILE_QUERIES = 34;
    /** Cancels (or cancel-replaces) answered "order does not exist" (43001...), resolved with a query. */
    public static final int NOT_FOUND_QUERIES = 35;
    /** FETCH_FILLS sent: a query answer reported more filled than the fills seen. */
    public static final int FILL_FETCHES_SENT = 36;
    /**
     * Fills recovered from the venue's fill history (gap after a reconnect, FETCH_FILLS, or the stop's sweep) and not
     * seen before.
     */
    public static final int RECOVERED_FILLS = 37;
    /** Orders a query (reconcile, not-found cancel, unknown outcome) found filled. */
    public static final int FOUND_FILLED = 38;
    /** Orders a query (reconcile, not-found cancel, unknown outcome) found cancelled or absent. */
    public static final int FOUND_CANCELLED = 39;
    /** Venue mark prices applied to perpetual positions. */
    public static final int MARK_PRICES = 40;
    /** Funding settlements applied to perpetual positions. */
    public static final int FUNDING_SETTLEMENTS = 41;
    /** Venue position reports received. */
    public static final int POSITION_SNAPSHOTS = 42;
    /** Venue position reports whose size differed from the engine's position at that event. */
    public static final int POSITION_MISMATCHES = 43;
    /** Places sent reduce-only (a perpetual at an inventory limit). */
    public static final int REDUCE_ONLY_PLACES = 44;
    /**
     * Fills of orders this run did not place (a run before a restart, another tool): not booked, since the start
     * balances already hold those made before the start, and the start cancels the orphans before it reads them.
     */
    public static final int FOREIGN_FILLS = 45;
    /**
     * Fills of the stop's sweep ({@link io.bitmm.core.event.CommandType#SWEEP_FILLS}) already booked: the sweep
     * fetches every fill of the run again, so these are expected, unlike {@link #DUPLICATE_FILLS} (a fill delivered
     * twice by pushes, gap fetches or order fetches while running).
     */
    public static final int FILLS_SWEPT_KNOWN = 46;
    /**
     * FETCH_FILLS sent for an order that finished (the venue's order update said filled, or cancelled after a partial
     * fill) while fills it reported were not booked a query-retry interval later (also in {@link #FILL_FETCHES_SENT}).
     */
    public static final int OWED_FILL_FETCHES = 47;
    /**
     * Orders whose reported fills no fill fetch booked: their size stays in the risk position (the venue holds it) and
     * their slots stay reserved until a fill books them (the stop's sweep included); the booked position and PnL lack it.
     */
    public static final int FILLS_NEVER_BOOKED = 48;
    public static final int RISK_BASE = 49;
    /** Pairs of (code, count) for Bitget reject codes. */
    public static final int REJECT_CODE_SLOTS = 16;

    private static final int REJECT_BASE = RISK_BASE + RiskReason.values().length;
    private static final int LENGTH = REJECT_BASE + 2 * REJECT_CODE_SLOTS;
    private static final String[] NAMES = {
        "bookSnapshots", "bookUpdates", "bookIgnored", "bookResets", "resyncChecksum", "resyncSeqBackwards",
        "resyncCrossed", "resyncUpdateBeforeSnapshot", "bookLevelsTruncated", "placesSent", "cancelsSent",
        "replacesSent", "cancelAllsSent", "queriesSent", "resyncsSent", "acks", "rejects", "unknownOutcomes",
        "orderUpdates", "fillsBuy", "fillsSell", "filledSizeBuy", "filledSizeSell", "duplicateFills",
        "untrackedOrderEvents", "postOnlyCancels", "venueCancels", "orderPoolFull", "badEvents", "events",
        "rejectCodeOverflow", "pendingTimeouts", "bookLevelsDropped", "reconnectReconciles", "reconcileQueries",
        "notFoundQueries", "fillFetchesSent", "recoveredFills", "foundFilled", "foundCancelled", "markPrices",
        "fundingSettlements", "positionSnapshots", "positionMismatches", "reduceOnlyPlaces", "foreignFills",
        "fillsSweptKnown", "owedFillFetches", "fillsNeverBooked"};

    private final CounterArray values = new CounterArray(LENGTH);
    private int rejectCodesUsed;

    /**
     * @param index a counter index.
     * @return its value.
     */
    public long get(final int index)
    {
        return values.get(index);
    }

    /**
     * Risk refusals are counted per episode: once each time a quote slot (instrument, side, level) starts being
     * refused for a reason, not again on every event that repeats the same refusal.
     *
     * @param reason a risk reason.
     * @return how often risk started refusing an order for it.
     */
    public long riskRejections(final RiskReason reason)
    {
        return values.get(RISK_BASE + reason.ordinal());
    }

    /**
     * @param code a Bitget error code.
     * @return how many rejects carried it (codes beyond the table are in {@link #REJECT_CODE_OVERFLOW}).
     */
    public long rejectsByCode(final int code)
    {
        for (int i = 0; i < REJECT_CODE_SLOTS; i++)
        {
            final long count = values.get(REJECT_BASE + 2 * i + 1);
            if (count > 0 && values.get(REJECT_BASE + 2 * i) == code)
            {
                return count;
            }
        }
        return 0;
    }

    /**
     * @param slot 0 to {@link #REJECT_CODE_SLOTS} - 1.
     * @return the Bitget code counted in that slot (meaningful when {@link #rejectCountAt(int)} is non-zero).
     */
    public long rejectCodeAt(final int slot)
    {
        return values.get(REJECT_BASE + 2 * slot);
    }

    /**
     * @param slot 0 to {@link #REJECT_CODE_SLOTS} - 1.
     * @return how many rejects carried the code of that slot; 0 for an unused slot.
     */
    public long rejectCountAt(final int slot)
    {
        return values.get(REJECT_BASE + 2 * slot + 1);
    }

    /**
     * @param side a side.
     * @return fills of that side.
     */
    public long fills(final Side side)
    {
        return values.get(side == Side.BUY ? FILLS_BUY : FILLS_SELL);
    }

    /**
     * @param side a side.
     * @return filled size of that side, size units (summed over instruments).
     */
    public long filledSize(final Side side)
    {
        return values.get(side == Side.BUY ? FILLED_SIZE_BUY : FILLED_SIZE_SELL);
    }

    /**
     * @return resyncs asked for, all causes.
     */
    public long resyncs()
    {
        return values.get(RESYNCS_SENT);
    }

    /**
     * Human-readable dump of every non-zero counter (slow path).
     *
     * @param out where to append.
     */
    public void describeTo(final StringBuilder out)
    {
        for (int i = 0; i < NAMES.length; i++)
        {
            append(out, NAMES[i], values.get(i));
        }
        for (final RiskReason reason : RiskReason.values())
        {
            append(out, "risk." + reason.name(), riskRejections(reason));
        }
        for (int i = 0; i < REJECT_CODE_SLOTS; i++)
        {
            final long count = values.get(REJECT_BASE + 2 * i + 1);
            if (count > 0)
            {
                append(out, "reject." + values.get(REJECT_BASE + 2 * i), count);
            }
        }
    }

    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        describeTo(out);
        return out.toString();
    }

    /**
     * Move the counters into the run's counters file (slow path, before the core thread starts).
     *
     * @param manager the counters file's manager.
     */
    public void register(final CountersManager manager)
    {
        values.register(manager, CoreCounters::typeId, CoreCounters::kind, i -> 0, CoreCounters::coreLabel);
    }

    private static int typeId(final int index)
    {
        return index < NAMES.length ? CounterTypes.CORE : index < REJECT_BASE ? CounterTypes.RISK : CounterTypes.REJECT_CODE;
    }

    private static int kind(final int index)
    {
        return index >= REJECT_BASE && (index - REJECT_BASE) % 2 == 0 ? CounterTypes.KIND_GAUGE : CounterTypes.KIND_COUNTER;
    }

    private static String coreLabel(final int index)
    {
        if (index < NAMES.length)
        {
            return CounterTypes.snakeCase(NAMES[index]);
        }
        if (index < REJECT_BASE)
        {
            return "hold_backs reason=" + RiskReason.values()[index - RISK_BASE].name().toLowerCase(Locale.ROOT);
        }
        final int slot = (index - REJECT_BASE) / 2;
        return ((index - REJECT_BASE) % 2 == 0 ? "reject_code slot=" : "rejects_by_code slot=") + slot;
    }

    void increment(final int index)
    {
        values.increment(index);
    }

    void add(final int index, final long delta)
    {
        values.add(index, delta);
    }

    void riskRejection(final RiskReason reason)
    {
        increment(RISK_BASE + reason.ordinal());
    }

    void resync(final BookResult cause)
    {
        switch (cause)
        {
            case CHECKSUM_MISMATCH:
                increment(RESYNC_CHECKSUM);
                break;
            case SEQ_BACKWARDS:
                increment(RESYNC_SEQ_BACKWARDS);
                break;
            case CROSSED:
                increment(RESYNC_CROSSED);
                break;
            case UPDATE_BEFORE_SNAPSHOT:
                increment(RESYNC_UPDATE_BEFORE_SNAPSHOT);
                break;
            default:
                break;
        }
    }

    void reject(final int code)
    {
        increment(REJECTS);
        for (int i = 0; i < rejectCodesUsed; i++)
        {
            if (values.get(REJECT_BASE + 2 * i) == code)
            {
                increment(REJECT_BASE + 2 * i + 1);
                return;
            }
        }
        if (rejectCodesUsed == REJECT_CODE_SLOTS)
        {
            increment(REJECT_CODE_OVERFLOW);
            return;
        }
        values.set(REJECT_BASE + 2 * rejectCodesUsed, code);
        increment(REJECT_BASE + 2 * rejectCodesUsed + 1);
        rejectCodesUsed++;
    }

    private static void append(final StringBuilder out, final String name, final long value)
    {
        if (value != 0)
        {
            out.append(name).append('=').append(value).append('\n');
        }
    }
}
