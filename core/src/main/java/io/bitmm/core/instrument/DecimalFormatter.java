package io.bitmm.core.instrument;

/**
 * Renders a fixed-point {@code long} as decimal ASCII with an exact number of decimals, allocation-free: the
 * inverse of {@link DecimalParser}. Used to rebuild the strings a venue checksum covers and to write order prices
 * and sizes on the wire.
 */
public final class DecimalFormatter
{
    /** Longest output: sign, 19 digits, point, 18 decimals of padding. */
    public static final int MAX_LENGTH = 40;

    private DecimalFormatter()
    {
    }

    /**
     * Write {@code value} (scaled by 10^scale) with exactly {@code decimals} digits after the point (no point when
     * {@code decimals} is 0). When {@code decimals < scale} the dropped digits must be zeros.
     *
     * @param value    the fixed-point value.
     * @param scale    its decimals, 0 to 18.
     * @param decimals decimals to write, 0 to 18.
     * @param dst      where to write; needs up to {@link #MAX_LENGTH} bytes from {@code offset}.
     * @param offset   where to start.
     * @return bytes written, or -1 when {@code decimals < scale} would drop non-zero digits.
     */
    public static int format(final long value, final int scale, final int decimals, final byte[] dst, final int offset)
    {
        long magnitude = Math.abs(value);
        int fraction = decimals;
        if (decimals < scale)
        {
            final long divisor = DecimalParser.powerOfTen(scale - decimals);
            if (magnitude % divisor != 0)
            {
                return -1;
            }
            magnitude /= divisor;
        }
        int position = offset;
        if (value < 0)
        {
            dst[position++] = '-';
        }
        final int padding = decimals > scale ? decimals - scale : 0;
        fraction = decimals - padding;
        final int digits = digitCount(magnitude);
        final int integerDigits = Math.max(digits - fraction, 1);
        final int total = integerDigits + (decimals > 0 ? 1 + decimals : 0);
        int write = position + total - 1;
        for (int i = 0; i < padding; i++)
        {
            dst[write--] = '0';
        }
        for (int i = 0; i < fraction; i++)
        {
            dst[write--] = (byte)('0' + magnitude % 10);
            magnitude /= 10;
        }
        if (decimals > 0)
        {
            dst[write--] = '.';
        }
        for (int i = 0; i < integerDigits; i++)
        {
            dst[write--] = (byte)('0' + magnitude % 10);
            magnitude /= 10;
        }
        return position + total - offset;
    }

    /**
     * Write {@code value} with exactly {@code scale} decimals: the canonical wire form of a price or size.
     *
     * @param value  the fixed-point value.
     * @param scale  its decimals.
     * @param dst    where to write.
     * @param offset where to start.
     * @return bytes written.
     */
    public static int format(final long value, final int scale, final byte[] dst, final int offset)
    {
        return format(value, scale, scale, dst, offset);
    }

    private static int digitCount(final long magnitude)
    {
        int count = 1;
        long rest = magnitude;
        while (rest >= 10)
        {
            rest /= 10;
            count++;
        }
        return count;
    }
}
