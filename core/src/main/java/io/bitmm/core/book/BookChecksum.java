package io.bitmm.core.book;

import io.bitmm.core.instrument.DecimalFormatter;

import java.util.zip.CRC32;

/**
 * Bitget's v2 book checksum: CRC32 over {@code bid1P:bid1S:ask1P:ask1S:bid2P:...} for the first 25 levels of each
 * side, interleaved, shorter side skipped, every value re-rendered with the decimals the venue wrote. Reuses one
 * byte buffer and one {@link CRC32}: allocation-free.
 */
public final class BookChecksum
{
    /** Levels per side the checksum covers. */
    public static final int DEPTH = 25;

    private static final int BUFFER_LENGTH = DEPTH * 4 * (DecimalFormatter.MAX_LENGTH + 1);

    private final byte[] buffer = new byte[BUFFER_LENGTH];
    private final CRC32 crc = new CRC32();
    private int length;

    /**
     * @param book      the book.
     * @param priceScale its price scale.
     * @param sizeScale  its size scale.
     * @return the signed checksum of the book's top levels.
     */
    int compute(final BookSide bids, final BookSide asks, final int priceScale, final int sizeScale)
    {
        length = 0;
        final int depth = Math.min(DEPTH, Math.max(bids.count(), asks.count()));
        for (int i = 0; i < depth; i++)
        {
            if (i < bids.count())
            {
                append(bids.price(i), priceScale, bids.priceDecimals(i));
                append(bids.size(i), sizeScale, bids.sizeDecimals(i));
            }
            if (i < asks.count())
            {
                append(asks.price(i), priceScale, asks.priceDecimals(i));
                append(asks.size(i), sizeScale, asks.sizeDecimals(i));
            }
        }
        crc.reset();
        crc.update(buffer, 0, length);
        return (int)crc.getValue();
    }

    /**
     * @return the bytes the last checksum covered (valid up to {@link #length()}); for tests and diagnostics.
     */
    byte[] buffer()
    {
        return buffer;
    }

    int length()
    {
        return length;
    }

    private void append(final long value, final int scale, final int decimals)
    {
        if (length > 0)
        {
            buffer[length++] = ':';
        }
        final int written = DecimalFormatter.format(value, scale, decimals, buffer, length);
        if (written > 0)
        {
            length += written;
        }
    }
}
