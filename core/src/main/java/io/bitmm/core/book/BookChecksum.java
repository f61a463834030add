package io.bitmm.core.book;

import java.util.zip.CRC32;

/**
 * Bitget's v2 book checksum: CRC32 over {@code bid1P:bid1S:ask1P:ask1S:bid2P:...} for the first 25 levels of each
 * side, interleaved, shorter side skipped, every value rendered with the decimals the venue wrote. Each level's text
 * is rendered once, when the level is set (see {@link BookSide}), so a checksum only concatenates. Reuses one byte
 * buffer and one {@link CRC32}: allocation-free.
 */
public final class BookChecksum
{
    /** Levels per side the checksum covers. */
    public static final int DEPTH = 25;

    private static final int BUFFER_LENGTH = DEPTH * 2 * (BookSide.TEXT_SLOT + 1);

    private final byte[] buffer = new byte[BUFFER_LENGTH];
    private final CRC32 crc = new CRC32();
    private int length;

    /**
     * @param bids the bid side.
     * @param asks the ask side.
     * @return the signed checksum of the book's top levels.
     */
    int compute(final BookSide bids, final BookSide asks)
    {
        int at = 0;
        final int bidCount = bids.count();
        final int askCount = asks.count();
        final int depth = Math.min(DEPTH, Math.max(bidCount, askCount));
        for (int i = 0; i < depth; i++)
        {
            if (i < bidCount)
            {
                at = bids.appendText(i, buffer, at);
                buffer[at++] = ':';
            }
            if (i < askCount)
            {
                at = asks.appendText(i, buffer, at);
                buffer[at++] = ':';
            }
        }
        length = at > 0 ? at - 1 : 0;
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
}
