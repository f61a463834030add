package io.bitmm.gateway;

import io.bitmm.core.counters.CounterArray;
import io.bitmm.core.counters.CounterTypes;
import org.agrona.concurrent.status.CountersManager;

import java.util.Locale;

/**
 * Counters of one gateway, written by its I/O thread and readable from any thread (single writer: increments are
 * ordered stores, not atomic read-modify-writes). {@link #register} moves them into the run's counters file (type id
 * {@link CounterTypes#GATEWAY}); a new counter needs only its index and its name in {@code NAMES}.
 */
public final class GatewayCounters
{
    public static final int FRAMES = 0;
    public static final int DECODE_ERRORS = 1;
    public static final int RECONNECTS = 2;
    public static final int RESYNCS = 3;
    public static final int EVENTS_PUBLISHED = 4;
    public static final int PINGS_SENT = 5;
    public static final int PONG_TIMEOUTS = 6;
    public static final int MESSAGES_SENT = 7;
    public static final int SUBSCRIBE_THROTTLED = 8;
    public static final int VENUE_ERRORS = 9;
    public static final int REJECTS = 10;
    public static final int TIMEOUTS = 11;
    /** Commands that had to wait: rate limit, back-off pause, or no free connection / request slot. */
    public static final int RATE_LIMIT_WAITS = 12;
    public static final int RATE_LIMIT_REJECTS = 13;
    public static final int BACK_OFFS = 14;
    public static final int UNKNOWN_OUTCOMES = 15;
    public static final int ACKS = 16;
    public static final int CONNECTIONS_OPENED = 17;
    public static final int COMMANDS = 18;
    public static final int UNSUPPORTED_COMMANDS = 19;
    /** Venue clock re-syncs started because the venue refused a timestamp (40008, 40005, 30013, 30014). */
    public static final int CLOCK_RESYNCS = 20;
    /** Requests re-signed and sent again after a timestamp refusal (the venue had not acted on them). */
    public static final int CLOCK_RETRIES = 21;
    /** Refused subscriptions asked for again. */
    public static final int SUBSCRIBE_RETRIES = 22;
    /** Private-stream reconnects whose gap was recovered from the fill history before going up. */
    public static final int RECONNECT_RECONCILES = 23;
    /** Fills fetched for those gaps and published (before deduplication). */
    public static final int GAP_FILLS_FETCHED = 24;
    /** A field was missing, {@code null}, empty or an unknown enum value and its documented default was taken. */
    public static final int FIELD_DEFAULTS = 25;
    /** An order element named one of our orders but could not be applied: published as COMMAND_UNKNOWN (queried). */
    public static final int FIELD_QUERIES = 26;
    /** An element was dropped: not ours (no clientOid, another instrument) or unusable without a query (a balance). */
    public static final int FIELD_DROPS = 27;
    /** A v3 book update whose {@code pseq} was not the last {@code seq}: the book was resynced. */
    public static final int SEQUENCE_BREAKS = 28;
    /** First of one counter per {@link Endpoint}: requests sent to it. */
    public static final int REQUESTS_BASE = 29;

    private static final String[] NAMES = {
        "frames", "decodeErrors", "reconnects", "resyncs", "eventsPublished", "pingsSent", "pongTimeouts",
        "messagesSent", "subscribeThrottled", "venueErrors", "rejects", "timeouts", "rateLimitWaits",
        "rateLimitRejects", "backOffs", "unknownOutcomes", "acks", "connectionsOpened", "commands",
        "unsupportedCommands", "clockResyncs", "clockRetries", "subscribeRetries", "reconnectReconciles",
        "gapFillsFetched", "fieldDefaults", "fieldQueries", "fieldDrops", "sequenceBreaks"};

    private final CounterArray values = new CounterArray(REQUESTS_BASE + Endpoint.values().length);

    /**
     * Add one (single writer).
     *
     * @param counter the counter index.
     */
    public void increment(final int counter)
    {
        values.increment(counter);
    }

    /**
     * Move the counters into the run's counters file (slow path, before the gateway's thread starts).
     *
     * @param manager the counters file's manager.
     * @param gateway the gateway's name in the labels: md, private or orders.
     */
    public void register(final CountersManager manager, final String gateway)
    {
        values.register(manager, i -> CounterTypes.GATEWAY, i -> CounterTypes.KIND_COUNTER, i -> 0,
            i -> label(i, gateway));
    }

    private static String label(final int index, final String gateway)
    {
        return index < REQUESTS_BASE ?
            (index < NAMES.length ? CounterTypes.snakeCase(NAMES[index]) : "counter_" + index) + " gateway=" + gateway :
            "requests gateway=" + gateway + " endpoint=" +
            Endpoint.values()[index - REQUESTS_BASE].name().toLowerCase(Locale.ROOT);
    }

    /**
     * Add an amount (single writer).
     *
     * @param counter the counter index.
     * @param amount  what to add.
     */
    public void add(final int counter, final long amount)
    {
        values.add(counter, amount);
    }

    /**
     * Count a request to an endpoint (single writer).
     *
     * @param endpoint the endpoint.
     */
    public void request(final Endpoint endpoint)
    {
        increment(REQUESTS_BASE + endpoint.ordinal());
    }

    /**
     * @param counter the counter index.
     * @return its value.
     */
    public long get(final int counter)
    {
        return values.get(counter);
    }

    /**
     * @param endpoint an endpoint.
     * @return requests sent to it.
     */
    public long requests(final Endpoint endpoint)
    {
        return values.get(REQUESTS_BASE + endpoint.ordinal());
    }

    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder("GatewayCounters[");
        for (int i = 0; i < NAMES.length; i++)
        {
            sb.append(NAMES[i]).append('=').append(values.get(i)).append(", ");
        }
        for (final Endpoint endpoint : Endpoint.values())
        {
            sb.append("requests.").append(endpoint.name()).append('=').append(requests(endpoint)).append(", ");
        }
        sb.setLength(sb.length() - 2);
        return sb.append(']').toString();
    }
}
