package io.bitmm.gateway.bitget;

/**
 * A dialect's public-stream codec: decodes each frame straight into the inbound ring (books and trades,
 * allocation-free) and writes the subscribe frames (slow path: on open and on a resync).
 */
public interface MarketDataCodec
{
    /** Frame decoded (or deliberately ignored). */
    int OK = 0;
    /** The frame was the text {@code pong}. */
    int PONG = 1;
    /** A control event ({@code subscribe}, {@code error}, ...): see {@link #event()} and {@link #code()}. */
    int CONTROL = 2;
    /** A book went wrong (checksum, sequence chain, undecodable): resync {@link #errorInstrumentId()}. */
    int ERROR = 3;

    int EVENT_NONE = 0;
    int EVENT_SUBSCRIBE = 1;
    int EVENT_UNSUBSCRIBE = 2;
    int EVENT_ERROR = 3;
    int EVENT_LOGIN = 4;
    int EVENT_OTHER = 5;

    /**
     * Decode one complete text frame (event-loop thread, allocation-free).
     *
     * @param buffer  bytes.
     * @param offset  start.
     * @param length  length.
     * @param rxNanos receive stamp.
     * @return {@link #OK}, {@link #PONG}, {@link #CONTROL} or {@link #ERROR}.
     */
    int onFrame(byte[] buffer, int offset, int length, long rxNanos);

    /**
     * Drop book updates of an instrument until its next snapshot.
     *
     * @param instrumentId the instrument, or -1 for all.
     */
    void awaitSnapshot(int instrumentId);

    /**
     * @param instrumentId the instrument.
     * @return true while its book waits for a snapshot.
     */
    boolean isAwaitingSnapshot(int instrumentId);

    /**
     * @return after {@link #ERROR}: the instrument whose book must be resynced, or -1 for all.
     */
    int errorInstrumentId();

    /**
     * @return after {@link #CONTROL}: one of the {@code EVENT_} constants.
     */
    int event();

    /**
     * @return after {@link #CONTROL}: the venue's numeric code, 0 when none.
     */
    int code();

    /**
     * The subscribe or unsubscribe frame for the books (and trades) of one or every instrument (slow path).
     *
     * @param op           {@code subscribe} or {@code unsubscribe}.
     * @param instrumentId the instrument, or -1 for all.
     * @param withTrades   also the public trades.
     * @return the JSON text frame.
     */
    String subscription(String op, int instrumentId, boolean withTrades);
}
