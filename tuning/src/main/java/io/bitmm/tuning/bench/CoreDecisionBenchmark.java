package io.bitmm.tuning.bench;

import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.engine.TradingCore;
import io.bitmm.core.event.CommandSink;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentFactory;
import io.bitmm.core.instrument.InstrumentTable;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full book event through {@link TradingCore#onEvent}: book update with checksum, stale-book guard, fair value,
 * skewed reservation price, risk checks per level and the requote decision. Event time advances 1 ms per event.
 * <p>
 * {@code bookEvent} uses a no-op sink: the first quotes are never acknowledged, so each event ends at "order
 * pending, nothing to do". {@code bookEventWithAcks} acknowledges every place and replace at once, so working
 * orders are re-priced whenever the move exceeds the tolerance and the replace budget (5/s) allows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreDecisionBenchmark
{
    private static final long MS = 1_000_000L;
    private static final int DEPTH = 20;
    private static final int UPDATES = 64;

    private final InboundEvent[] updates = new InboundEvent[UPDATES];
    private InboundEvent snapshot;
    private final InboundEvent ack = new InboundEvent();
    private final AckingSink ackingSink = new AckingSink();
    private TradingCore core;
    private TradingCore ackedCore;
    private long now;
    private int next;
    private int nextAcked;

    /**
     * Build the cores and a cycle of book events with valid checksums.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final Instrument btc = InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "6", "1", "0.05", "0.05", "0.002", "0.002", "200");
        final InstrumentTable table = new InstrumentTable(List.of(btc), List.of("BTC", "USDT"));
        core = new TradingCore(context(), table, CoreDecisionBenchmark::ignore);
        ackedCore = new TradingCore(context(), table, ackingSink);
        final BookTape tape = new BookTape(btc, DEPTH, UPDATES, 8);
        snapshot = tape.snapshot;
        System.arraycopy(tape.updates, 0, updates, 0, UPDATES);
        ack.type = EventType.COMMAND_ACK;
        ack.instrumentId = 0;
    }

    /**
     * @return open orders, so the work is not dead code.
     */
    @Benchmark
    public int bookEvent()
    {
        next = feed(core, next);
        return core.openOrderCount();
    }

    /**
     * @return open orders, so the work is not dead code.
     */
    @Benchmark
    public int bookEventWithAcks()
    {
        nextAcked = feed(ackedCore, nextAcked);
        for (int i = 0; i < ackingSink.count; i++)
        {
            ack.timestampNanos = now;
            ack.commandType = ackingSink.types[i];
            ack.clientOid(ackingSink.oids[i], 0, ackingSink.lengths[i]);
            ack.newClientOid(ackingSink.newOids[i], 0, ackingSink.newLengths[i]);
            ack.orderId = now;
            ackedCore.onEvent(ack);
        }
        ackingSink.count = 0;
        return ackedCore.openOrderCount();
    }

    private int feed(final TradingCore target, final int index)
    {
        now += MS;
        final InboundEvent event = index == 0 ? snapshot : updates[index - 1];
        final int following = index == UPDATES ? 0 : index + 1;
        event.seq = now;
        event.timestampNanos = now;
        target.onEvent(event);
        return following;
    }

    private static CoreContext context()
    {
        return new CoreContext()
            .runEpochMs(1_700_000_000_000L)
            .levels(2)
            .orderSizeUnits(2_000)
            .maxPositionUnits(40_000)
            .softLimitUnits(20_000)
            .maxOrderNotionalAmount(1_000 * Amounts.ONE)
            .maxOrderAgeMs(60_000);
    }

    private static void ignore(final OutboundCommand command)
    {
        // no-op sink: measures the core alone
    }

    /** Remembers the places and replaces of one event so the benchmark can acknowledge them. */
    private static final class AckingSink implements CommandSink
    {
        private final CommandType[] types = new CommandType[16];
        private final byte[][] oids = new byte[16][OutboundCommand.MAX_CLIENT_OID_LENGTH];
        private final byte[][] newOids = new byte[16][OutboundCommand.MAX_CLIENT_OID_LENGTH];
        private final int[] lengths = new int[16];
        private final int[] newLengths = new int[16];
        private int count;

        @Override
        public void send(final OutboundCommand command)
        {
            if ((command.type == CommandType.PLACE || command.type == CommandType.REPLACE) && count < types.length)
            {
                types[count] = command.type;
                System.arraycopy(command.clientOid, 0, oids[count], 0, command.clientOidLength);
                lengths[count] = command.clientOidLength;
                System.arraycopy(command.newClientOid, 0, newOids[count], 0, command.newClientOidLength);
                newLengths[count] = command.newClientOidLength;
                count++;
            }
        }
    }
}
