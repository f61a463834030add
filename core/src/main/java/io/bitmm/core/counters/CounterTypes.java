package io.bitmm.core.counters;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.CountersManager;

/**
 * The type ids of the engine's counters and how each is registered with a {@link CountersManager} (slow path, at
 * start-up). Every counter carries:
 * <pre>
 *   type id   one of the constants below: the concern it belongs to (how {@code mm stat} groups it)
 *   key       0: int kind (KIND_COUNTER: only grows; KIND_GAUGE: goes up and down)
 *             4: int decimal scale (the value is a scaled long: value / 10^scale)
 *   label     "name k=v k=v": a Prometheus-style snake_case name without prefix or unit suffix, then labels
 *             (e.g. "book_snapshots", "frames gateway=md", "position symbol=BTCUSDT")
 * </pre>
 * A new counter needs no new reader code: register it under an existing type id with a unique name.
 */
public final class CounterTypes
{
    /** {@code CoreCounters}: book, orders by kind, fills, bad events. */
    public static final int CORE = 1001;
    /** Risk hold-backs by reason ({@code reason=...}). */
    public static final int RISK = 1002;
    /** Bitget reject codes: per slot, the code ({@code reject_code slot=N}) and its count ({@code rejects_by_code}). */
    public static final int REJECT_CODE = 1003;
    /** A gateway's counters ({@code gateway=md|private|orders}). */
    public static final int GATEWAY = 1010;
    /** Per instrument: book top, our quotes, position, PnL, fees ({@code symbol=...}). */
    public static final int INSTRUMENT = 1020;
    /** Latency of the current interval per stage ({@code stage=...}), nanoseconds. */
    public static final int LATENCY = 1030;
    /** Engine state: heartbeat, run state, risk state, open orders, handler errors. */
    public static final int ENGINE = 1040;
    /** The journal: entries written, lag behind the core. */
    public static final int JOURNAL = 1050;

    /** Key kind: a counter that only grows. */
    public static final int KIND_COUNTER = 0;
    /** Key kind: a gauge. */
    public static final int KIND_GAUGE = 1;
    /** Offset in the key of the kind (int). */
    public static final int KEY_KIND_OFFSET = 0;
    /** Offset in the key of the decimal scale (int). */
    public static final int KEY_SCALE_OFFSET = 4;

    private CounterTypes()
    {
    }

    /**
     * Allocate one counter (slow path).
     *
     * @param manager where.
     * @param typeId  one of the type ids above.
     * @param kind    {@link #KIND_COUNTER} or {@link #KIND_GAUGE}.
     * @param scale   decimal places of the scaled value (0 for plain counts).
     * @param label   "name k=v ...", see the class comment.
     * @return the counter id.
     * @throws IllegalStateException when the file has no room left.
     */
    public static int allocate(
        final CountersManager manager, final int typeId, final int kind, final int scale, final String label)
    {
        return manager.allocate(label, typeId, (final MutableDirectBuffer key) ->
        {
            key.putInt(KEY_KIND_OFFSET, kind);
            key.putInt(KEY_SCALE_OFFSET, scale);
        });
    }

    /**
     * camelCase to snake_case, for counter names kept as Java identifiers.
     *
     * @param name e.g. "bookSnapshots".
     * @return e.g. "book_snapshots".
     */
    public static String snakeCase(final String name)
    {
        final StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            if (Character.isUpperCase(c))
            {
                out.append('_').append(Character.toLowerCase(c));
            }
            else
            {
                out.append(c == '-' || c == '.' ? '_' : c);
            }
        }
        return out.toString();
    }
}
