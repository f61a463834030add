package io.bitmm.journal;

import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.InstrumentKind;
import net.openhft.chronicle.bytes.Bytes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first entry of a journal: everything a replay needs besides the events. The effective configuration
 * (defaults included, credentials never: the engine's configuration holds none, only a credentials file's path,
 * which is left out), the run's wall-clock start (it seeds the clientOids), a wall/monotonic clock anchor for
 * printing wall times, the engine version and the full {@link InstrumentTable}.
 */
public final class JournalHeader
{
    private final long runEpochMs;
    private final long anchorEpochMs;
    private final long anchorNanos;
    private final String engineVersion;
    private final Map<String, String> settings;
    private final InstrumentTable instruments;

    /**
     * @param runEpochMs    wall-clock start of the run.
     * @param anchorEpochMs wall clock (ms) read at the same moment as {@code anchorNanos}.
     * @param anchorNanos   {@code System.nanoTime()} read at the same moment as {@code anchorEpochMs}.
     * @param engineVersion engine version.
     * @param settings      effective configuration, key to canonical value.
     * @param instruments   what was traded.
     */
    public JournalHeader(
        final long runEpochMs,
        final long anchorEpochMs,
        final long anchorNanos,
        final String engineVersion,
        final Map<String, String> settings,
        final InstrumentTable instruments)
    {
        this.runEpochMs = runEpochMs;
        this.anchorEpochMs = anchorEpochMs;
        this.anchorNanos = anchorNanos;
        this.engineVersion = engineVersion;
        this.settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        this.instruments = instruments;
    }

    public long runEpochMs()
    {
        return runEpochMs;
    }

    public long anchorEpochMs()
    {
        return anchorEpochMs;
    }

    public long anchorNanos()
    {
        return anchorNanos;
    }

    public String engineVersion()
    {
        return engineVersion;
    }

    /**
     * @return effective configuration, sorted by key.
     */
    public Map<String, String> settings()
    {
        return settings;
    }

    public InstrumentTable instruments()
    {
        return instruments;
    }

    /**
     * @param monotonicNanos a {@code System.nanoTime()} stamp of this run.
     * @return the wall-clock time of that stamp, in epoch nanoseconds.
     */
    public long wallNanos(final long monotonicNanos)
    {
        return anchorEpochMs * 1_000_000L + (monotonicNanos - anchorNanos);
    }

    void write(final Bytes<?> out)
    {
        out.writeByte(JournalLayout.VERSION);
        out.writeLong(runEpochMs);
        out.writeLong(anchorEpochMs);
        out.writeLong(anchorNanos);
        out.writeUtf8(engineVersion);
        out.writeStopBit(settings.size());
        for (final Map.Entry<String, String> entry : settings.entrySet())
        {
            out.writeUtf8(entry.getKey());
            out.writeUtf8(entry.getValue());
        }
        out.writeStopBit(instruments.assetCount());
        for (int i = 0; i < instruments.assetCount(); i++)
        {
            out.writeUtf8(instruments.assetName(i));
        }
        out.writeStopBit(instruments.instrumentCount());
        for (int i = 0; i < instruments.instrumentCount(); i++)
        {
            writeInstrument(out, instruments.instrument(i));
        }
    }

    static JournalHeader read(final Bytes<?> in)
    {
        final int version = in.readByte();
        if (version < JournalLayout.OLDEST_READABLE_VERSION || version > JournalLayout.VERSION)
        {
            throw new IllegalStateException("journal layout version " + version + ", this build reads " +
                JournalLayout.OLDEST_READABLE_VERSION + " to " + JournalLayout.VERSION);
        }
        final long runEpochMs = in.readLong();
        final long anchorEpochMs = in.readLong();
        final long anchorNanos = in.readLong();
        final String engineVersion = in.readUtf8();
        final Map<String, String> settings = new TreeMap<>();
        final long settingCount = in.readStopBit();
        for (long i = 0; i < settingCount; i++)
        {
            settings.put(in.readUtf8(), in.readUtf8());
        }
        final List<String> assets = new ArrayList<>();
        final long assetCount = in.readStopBit();
        for (long i = 0; i < assetCount; i++)
        {
            assets.add(in.readUtf8());
        }
        final List<Instrument> list = new ArrayList<>();
        final long instrumentCount = in.readStopBit();
        for (int i = 0; i < instrumentCount; i++)
        {
            list.add(readInstrument(in, i));
        }
        return new JournalHeader(runEpochMs, anchorEpochMs, anchorNanos, engineVersion, settings,
            new InstrumentTable(list, assets));
    }

    private static void writeInstrument(final Bytes<?> out, final Instrument i)
    {
        out.writeUtf8(i.symbol());
        out.writeByte((byte)i.kind().ordinal());
        out.writeStopBit(i.baseAssetId());
        out.writeStopBit(i.quoteAssetId());
        out.writeStopBit(i.priceScale());
        out.writeStopBit(i.tickUnits());
        out.writeStopBit(i.sizeScale());
        out.writeStopBit(i.stepUnits());
        out.writeStopBit(i.minSizeUnits());
        out.writeStopBit(i.minNotionalAmount());
        out.writeStopBit(i.buyLimitPriceRatioPpm());
        out.writeStopBit(i.sellLimitPriceRatioPpm());
        out.writeStopBit(i.makerFeePpm());
        out.writeStopBit(i.takerFeePpm());
        out.writeStopBit(i.maxOpenOrders());
        out.writeStopBit(i.contractSizeAmount());
    }

    private static Instrument readInstrument(final Bytes<?> in, final int id)
    {
        final String symbol = in.readUtf8();
        final InstrumentKind kind = InstrumentKind.fromOrdinal(in.readByte());
        return new Instrument(id, symbol, kind, (int)in.readStopBit(), (int)in.readStopBit(),
            (int)in.readStopBit(), in.readStopBit(), (int)in.readStopBit(), in.readStopBit(), in.readStopBit(),
            in.readStopBit(), in.readStopBit(), in.readStopBit(), in.readStopBit(), in.readStopBit(),
            (int)in.readStopBit(), in.readStopBit());
    }
}
