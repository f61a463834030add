package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.bitget.PublicStreamDecoder;
import io.bitmm.gateway.bitget.PublicStreamKeys;

/**
 * UTA v3 public-stream codec (bitget-v3-uta-protocol.md §8): {@code books} with {@code a}/{@code b} levels and the
 * {@code seq}/{@code pseq} chain, {@code books1/5/50}, {@code publicTrade} with {@code i}/{@code p}/{@code v}/
 * {@code S}/{@code T}; {@code arg} keys {@code topic} and {@code symbol}. The frame loop is the shared
 * {@link PublicStreamDecoder}; this class is v3's names, the chain as sequencing (a broken chain resyncs the book
 * like a checksum failure; a {@code checksum} of 0 or absent is none, §8.3) and the subscribe frame.
 */
public final class UtaMarketDataDecoder implements MarketDataCodec
{
    /** v3's public stream names. */
    public static final PublicStreamKeys KEYS = new PublicStreamKeys("md v3: ", "topic", "symbol", "books",
        new String[] {"books1", "books5", "books50"}, "publicTrade", "a", "b", "ts", "p", "v", "S", "i", "T",
        PublicStreamKeys.SEQ_CHAIN);

    private final PublicStreamDecoder decoder;
    private final String instType;

    /**
     * A spot codec ({@code instType} {@code spot}).
     *
     * @param instruments the traded instruments.
     * @param publisher   the inbound ring.
     * @param counters    where to count frames and errors.
     * @param errorLog    where to report the first error of each kind.
     */
    public UtaMarketDataDecoder(
        final InstrumentTable instruments,
        final InboundPublisher publisher,
        final GatewayCounters counters,
        final DistinctErrorLog errorLog)
    {
        this(instruments, publisher, counters, errorLog, "spot");
    }

    /**
     * @param instruments the traded instruments (all of one category).
     * @param publisher   the inbound ring.
     * @param counters    where to count frames and errors.
     * @param errorLog    where to report the first error of each kind.
     * @param instType    the subscribed {@code instType}: {@code spot} or {@code usdt-futures} (v3 §8.2).
     */
    public UtaMarketDataDecoder(
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
     * @return book updates whose {@code pseq} was not the last {@code seq} (each resynced the book).
     */
    public long chainBreaks()
    {
        return decoder.chainBreaks();
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
