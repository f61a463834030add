package io.bitmm.core.instrument;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The instruments and assets an engine trades, by dense id. Lookups by the wire's symbol or coin bytes are
 * allocation-free linear scans: an engine quotes a handful of symbols, and a scan of a few short arrays beats a
 * hash.
 */
public final class InstrumentTable
{
    private final Instrument[] instruments;
    private final String[] assetNames;
    private final byte[][] assetBytes;

    /**
     * @param instruments instruments, each with {@link Instrument#id()} equal to its index.
     * @param assetNames  coin names by asset id ({@code "BTC"}, {@code "USDT"}).
     */
    public InstrumentTable(final List<Instrument> instruments, final List<String> assetNames)
    {
        this.instruments = instruments.toArray(new Instrument[0]);
        for (int i = 0; i < this.instruments.length; i++)
        {
            final Instrument instrument = this.instruments[i];
            if (instrument.id() != i)
            {
                throw new IllegalArgumentException("instrument " + instrument.symbol() + " has id " +
                    instrument.id() + " at index " + i);
            }
            if (instrument.baseAssetId() >= assetNames.size() || instrument.quoteAssetId() >= assetNames.size() ||
                instrument.baseAssetId() < 0 || instrument.quoteAssetId() < 0)
            {
                throw new IllegalArgumentException("instrument " + instrument.symbol() + " names an unknown asset");
            }
        }
        this.assetNames = assetNames.toArray(new String[0]);
        this.assetBytes = new byte[this.assetNames.length][];
        for (int i = 0; i < this.assetNames.length; i++)
        {
            assetBytes[i] = this.assetNames[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    public int instrumentCount()
    {
        return instruments.length;
    }

    public Instrument instrument(final int id)
    {
        return instruments[id];
    }

    public int assetCount()
    {
        return assetNames.length;
    }

    public String assetName(final int assetId)
    {
        return assetNames[assetId];
    }

    /**
     * @param symbol a symbol (slow path).
     * @return its instrument, or null.
     */
    public Instrument instrument(final String symbol)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.symbol().equals(symbol))
            {
                return instrument;
            }
        }
        return null;
    }

    /**
     * @param src    characters of a symbol.
     * @param offset where it starts.
     * @param length its length.
     * @return the instrument id, or -1 when not traded here.
     */
    public int instrumentId(final char[] src, final int offset, final int length)
    {
        for (int i = 0; i < instruments.length; i++)
        {
            if (matches(instruments[i].symbolBytes(), src, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * The same symbol can be traded as spot and as a perpetual in one run: a decoder that knows the product (from
     * {@code instType} or {@code category}) looks up with it.
     *
     * @param kind   the product.
     * @param src    characters of a symbol.
     * @param offset where it starts.
     * @param length its length.
     * @return the instrument id, or -1 when not traded here.
     */
    public int instrumentId(final InstrumentKind kind, final char[] src, final int offset, final int length)
    {
        for (int i = 0; i < instruments.length; i++)
        {
            if (instruments[i].kind() == kind && matches(instruments[i].symbolBytes(), src, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param kind   the product.
     * @param src    bytes of a symbol.
     * @param offset where it starts.
     * @param length its length.
     * @return the instrument id, or -1 when not traded here.
     */
    public int instrumentId(final InstrumentKind kind, final byte[] src, final int offset, final int length)
    {
        for (int i = 0; i < instruments.length; i++)
        {
            if (instruments[i].kind() == kind && matches(instruments[i].symbolBytes(), src, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param kind   the product.
     * @param symbol a symbol (slow path).
     * @return its instrument, or null.
     */
    public Instrument instrument(final InstrumentKind kind, final String symbol)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.kind() == kind && instrument.symbol().equals(symbol))
            {
                return instrument;
            }
        }
        return null;
    }

    /**
     * @param src    bytes of a symbol.
     * @param offset where it starts.
     * @param length its length.
     * @return the instrument id, or -1 when not traded here.
     */
    public int instrumentId(final byte[] src, final int offset, final int length)
    {
        for (int i = 0; i < instruments.length; i++)
        {
            if (matches(instruments[i].symbolBytes(), src, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param src    characters of a coin name.
     * @param offset where it starts.
     * @param length its length.
     * @return the asset id, or -1 when not known here.
     */
    public int assetId(final char[] src, final int offset, final int length)
    {
        for (int i = 0; i < assetBytes.length; i++)
        {
            if (matches(assetBytes[i], src, offset, length))
            {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param name a coin name (slow path).
     * @return the asset id, or -1 when not known here.
     */
    public int assetId(final String name)
    {
        for (int i = 0; i < assetNames.length; i++)
        {
            if (assetNames[i].equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(final byte[] expected, final char[] src, final int offset, final int length)
    {
        if (expected.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != src[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(final byte[] expected, final byte[] src, final int offset, final int length)
    {
        if (expected.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != src[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}
