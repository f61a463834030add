package io.bitmm.gateway.json;

import io.bitmm.core.instrument.DecimalParser;

/**
 * Allocation-free helpers over the character windows Jackson hands out.
 */
public final class Chars
{
    /** Returned by {@link #parseLong} when the text is not a plain non-negative integer. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private Chars()
    {
    }

    /**
     * @param src    characters.
     * @param offset where they start.
     * @param length how many.
     * @param ascii  the constant to compare with.
     * @return true when equal.
     */
    public static boolean equalsAscii(final char[] src, final int offset, final int length, final String ascii)
    {
        if (length != ascii.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (src[offset + i] != ascii.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @param src    ASCII bytes.
     * @param offset where they start.
     * @param length how many.
     * @param ascii  the constant to compare with.
     * @return true when equal.
     */
    public static boolean equalsAscii(final byte[] src, final int offset, final int length, final String ascii)
    {
        if (length != ascii.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (src[offset + i] != ascii.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Parse a non-negative decimal integer from ASCII bytes, as {@link #parseLong(char[], int, int)}.
     *
     * @param src    ASCII bytes.
     * @param offset where they start.
     * @param length how many.
     * @return the value, or {@link #NOT_A_NUMBER}.
     */
    public static long parseLong(final byte[] src, final int offset, final int length)
    {
        if (length == 0 || length > 19)
        {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final int c = src[offset + i];
            if (c < '0' || c > '9' || (i == 18 && value > (Long.MAX_VALUE - (c - '0')) / 10))
            {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Parse a non-negative decimal integer ({@code "1700000000000"}, an order id).
     *
     * @param src    characters.
     * @param offset where they start.
     * @param length how many.
     * @return the value, or {@link #NOT_A_NUMBER}.
     */
    public static long parseLong(final char[] src, final int offset, final int length)
    {
        if (length == 0 || length > 18)
        {
            return length == 19 ? parseLong19(src, offset) : NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = src[offset + i];
            if (c < '0' || c > '9')
            {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static long parseLong19(final char[] src, final int offset)
    {
        long value = 0;
        for (int i = 0; i < 19; i++)
        {
            final char c = src[offset + i];
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10)
            {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Parse a decimal, dropping digits past {@code scale} (for averages and fees the venue writes with more
     * decimals than the grid).
     *
     * @param parser the parser to use.
     * @param src    characters.
     * @param offset where they start.
     * @param length how many.
     * @param scale  decimals of the result.
     * @return a {@link DecimalParser} result code.
     */
    public static int parseTruncating(
        final DecimalParser parser, final char[] src, final int offset, final int length, final int scale)
    {
        int end = length;
        for (int i = 0; i < length; i++)
        {
            if (src[offset + i] == '.')
            {
                end = Math.min(length, scale == 0 ? i : i + 1 + scale);
                break;
            }
        }
        return parser.parse(src, offset, end, scale);
    }

    /**
     * Copy an ASCII id into a byte array.
     *
     * @param src    characters.
     * @param offset where they start.
     * @param length how many.
     * @param dst    destination.
     * @return the length copied, or -1 when it does not fit.
     */
    public static int copyAscii(final char[] src, final int offset, final int length, final byte[] dst)
    {
        if (length > dst.length)
        {
            return -1;
        }
        for (int i = 0; i < length; i++)
        {
            dst[i] = (byte)src[offset + i];
        }
        return length;
    }
}
