package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.bitget.PublicStreamDecoder;
import io.bitmm.gateway.bitget.PublicStreamKeys;

/**
 * Classic v2 public-stream codec (bitget-v2-protocol.md §10): {@code books} with {@code asks}/{@code bids} and a CRC32
 * {@code checksum}, {@code books1/5/15}, {@code trade}; {@code arg} keys {@code channel} and {@code instId}. The same
 * pushes serve spot and, with {@code instType} {@code USDT-FUTURES}, the classic USDT-M perpetuals. The frame loop is
 * the shared {@link PublicStreamDecoder}; this class is v2's names and the subscribe frame.
 */
public final class SpotMarketDataDecoder implements MarketDataCodec
{
    /** v2's public stream names. */
    public static final PublicStreamKeys KEYS = new PublicStreamKeys("md: ", "channel", "instId", "books",
        new String[] {"books1", "books5", "books15"}, "trade", "asks", "bids", "ts", "price", "size", "side", "tradeId",
        "ts", PublicStreamKeys.CHECKSUM);

    private final PublicStreamDecoder decoder;
    private final String instType;

    /**
     * A spot codec ({@code instType} {@code SPOT}).
     *
     * @param instruments the traded instruments.
     * @param publisher   the inbound ring.
     * @param counters    where to count frames and errors.
     * @param errorLog    where to report the first error of each kind.
     */
    public SpotMarketDataDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog)
    {
        this(instruments, publisher, counters, errorLog, "SPOT");
    }

    /**
     * @param instruments the traded instruments (all of one category).
     * @param publisher   the inbound ring.
     * @param counters    where to count frames and errors.
     * @param errorLog    where to report the first error of each kind.
     * @param instType    the subscribed {@code instType}: {@code SPOT} or {@code USDT-FUTURES}.
     */
    public SpotMarketDataDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog,
        final String instType)
    {
        this.decoder = new PublicStreamDecoder(KEYS, instruments, publisher, counters, errorLog);
        this.instType = instType;
    }

    @Override
    public int onFrame(final byte[] buffer, final int offset, final int length, final long rxNanos)
    {
        return decoder.onFrame(buffer, offset, length, rxNanos);
    }

    @Override
    public void awaitSnapshot(final int instrumentId)
    {
        decoder.awaitSnapshot(instrumentId);
    }

    @Override
    public boolean isAwaitingSnapshot(final int instrumentId)
    {
        return decoder.isAwaitingSnapshot(instrumentId);
    }

    @Override
    public int errorInstrumentId()
    {
        return decoder.errorInstrumentId();
    }

    @Override
    public int event()
    {
        return decoder.event();
    }

    @Override
    public int code()
    {
        return decoder.code();
    }

    @Override
    public String subscription(final String op, final int instrumentId, final boolean withTrades)
    {
        return decoder.subscription(op, instrumentId, withTrades, instType);
    }

    /**
     * @return book updates dropped because they arrived between a resync and its snapshot.
     */
    public long updatesBeforeSnapshot()
    {
        return decoder.updatesBeforeSnapshot();
    }

    /**
     * @return the instrument named by the last frame's {@code arg}, -1 when none.
     */
    public int instrumentId()
    {
        return decoder.instrumentId();
    }

    /**
     * @return the parser's error recovery count, for tests.
     */
    public long parsersCreated()
    {
        return decoder.parsersCreated();
    }
}
