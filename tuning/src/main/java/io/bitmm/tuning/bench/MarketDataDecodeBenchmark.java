package io.bitmm.tuning.bench;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.v2.SpotMarketDataDecoder;
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
 * One v2 {@code books} update frame (two asks, two bids) through {@link SpotMarketDataDecoder#onFrame}: JSON parse into a
 * claimed ring slot (fixed-point prices and sizes with their decimals) and publish, into a one-slot publisher.
 * Run with {@code -prof gc} to see 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MarketDataDecodeBenchmark
{
    static final String SNAPSHOT = "{\"action\":\"snapshot\"," +
        "\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\",\"instId\":\"BTCUSDT\"}," +
        "\"data\":[{\"asks\":[[\"30000.20\",\"0.7500\"],[\"30000.30\",\"2.0000\"]]," +
        "\"bids\":[[\"30000.10\",\"1.5000\"],[\"30000.00\",\"0.2500\"],[\"29999.90\",\"3.0000\"]]," +
        "\"checksum\":-659131820,\"seq\":1000,\"ts\":\"1700000000000\"}],\"ts\":1700000000004}";
    static final String UPDATE = "{\"action\":\"update\",\"arg\":{\"instType\":\"SPOT\",\"channel\":\"books\"," +
        "\"instId\":\"BTCUSDT\"},\"data\":[{\"asks\":[[\"30000.20\",\"0.5000\"],[\"30000.50\",\"1.0000\"]],\"bids\":" +
        "[[\"30000.00\",\"0\"],[\"30000.15\",\"0.1000\"]],\"checksum\":2064583265,\"seq\":1001,\"ts\":\"1700000000200\"}]," +
        "\"ts\":1700000000203}";

    private final byte[] update = UPDATE.getBytes(StandardCharsets.US_ASCII);
    private final SlotPublisher publisher = new SlotPublisher();
    private SpotMarketDataDecoder decoder;
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
        decoder = new SpotMarketDataDecoder(table, publisher, new GatewayCounters(), new DistinctErrorLog());
        final byte[] snapshot = SNAPSHOT.getBytes(StandardCharsets.US_ASCII);
        if (decoder.onFrame(snapshot, 0, snapshot.length, 1) != SpotMarketDataDecoder.OK)
        {
            throw new IllegalStateException("snapshot did not decode");
        }
    }

    /**
     * @return the decoder's result (OK).
     */
    @Benchmark
    public int decodeBookUpdate()
    {
        return decoder.onFrame(update, 0, update.length, ++rx);
    }

    /** A one-slot publisher: every claim reuses the same event. */
    static final class SlotPublisher implements InboundPublisher
    {
        private final InboundEvent slot = new InboundEvent();
        private long sequence;

        @Override
        public long claim()
        {
            return ++sequence;
        }

        @Override
        public InboundEvent event(final long sequence)
        {
            return slot;
        }

        @Override
        public void publish(final long sequence)
        {
            slot.publishNanos = sequence;
        }
    }
}
