package io.bitmm.tuning.bench;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.v3.UtaMarketDataDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One UTA v3 {@code books} update frame (two asks, two bids, the {@code seq}/{@code pseq} chain) through
 * {@link UtaMarketDataDecoder#onFrame} into a one-slot publisher. Each call rewrites the frame's 19-digit {@code pseq}
 * and {@code seq} in place so that the chain continues (a broken chain would measure the resync path). Run with
 * {@code -prof gc} to see 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UtaMarketDataDecodeBenchmark
{
    static final long SEQ = 1_304_314_508_780_744_705L;
    static final String SNAPSHOT = "{\"action\":\"snapshot\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"a\":[[\"30000.20\",\"0.7500\"],[\"30000.30\",\"2.0000\"]]," +
        "\"b\":[[\"30000.10\",\"1.5000\"],[\"30000.00\",\"0.2500\"],[\"29999.90\",\"3.0000\"]],\"pseq\":0," +
        "\"seq\":" + SEQ + ",\"ts\":\"1700000000000\"}],\"ts\":1700000000004}";
    static final String UPDATE = "{\"action\":\"update\",\"arg\":{\"instType\":\"spot\",\"topic\":\"books\"," +
        "\"symbol\":\"BTCUSDT\"},\"data\":[{\"a\":[[\"30000.20\",\"0.5000\"],[\"30000.50\",\"1.0000\"]],\"b\":" +
        "[[\"30000.00\",\"0\"],[\"30000.15\",\"0.1000\"]],\"pseq\":" + SEQ + ",\"seq\":" + (SEQ + 1) +
        ",\"ts\":\"1700000000200\"}],\"ts\":1700000000203}";

    private final byte[] update = UPDATE.getBytes(StandardCharsets.US_ASCII);
    private final int pseqAt = UPDATE.indexOf("\"pseq\":") + 7;
    private final int seqAt = UPDATE.indexOf(",\"seq\":") + 7;
    private final MarketDataDecodeBenchmark.SlotPublisher publisher = new MarketDataDecodeBenchmark.SlotPublisher();
    private UtaMarketDataDecoder decoder;
    private long seq = SEQ;
    private long rx;

    /**
     * A decoder over one instrument, past its snapshot.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Instrument btc = new Instrument(0, "BTCUSDT", InstrumentKind.SPOT, 0, 2, 2, 1, 4, 1, 0, 100_000_000L,
            50_000, 50_000, 1000, 1000, 200);
        final InstrumentTable table = new InstrumentTable(List.of(btc), List.of("BTC", "ETH", "USDT"));
        decoder = new UtaMarketDataDecoder(table, publisher, new GatewayCounters(), new DistinctErrorLog());
        final byte[] snapshot = SNAPSHOT.getBytes(StandardCharsets.US_ASCII);
        if (decoder.onFrame(snapshot, 0, snapshot.length, 1) != UtaMarketDataDecoder.OK)
        {
            throw new IllegalStateException("snapshot did not decode");
        }
        if (decodeBookUpdate() != UtaMarketDataDecoder.OK)
        {
            throw new IllegalStateException("update did not decode");
        }
    }

    /**
     * @return the decoder's result (OK).
     */
    @Benchmark
    public int decodeBookUpdate()
    {
        writeDigits(update, pseqAt, seq);
        seq++;
        writeDigits(update, seqAt, seq);
        return decoder.onFrame(update, 0, update.length, ++rx);
    }

    private static void writeDigits(final byte[] frame, final int at, final long value)
    {
        long v = value;
        for (int i = at + 18; i >= at; i--)
        {
            frame[i] = (byte)('0' + (int)(v % 10));
            v /= 10;
        }
    }
}
