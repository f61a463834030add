package io.bitmm.core.instrument;

/**
 * Exact, allocation-free conversion of the wire's decimal ASCII ({@code "30000.10"}, {@code "0.5000"},
 * {@code "-0.0000004"}) to a fixed-point {@code long} with a given number of decimals. One instance per thread;
 * reused for every value.
 * <p>
 * Accepted form: an optional {@code '-'}, one or more digits, then optionally {@code '.'} and one or more digits.
 * Digits past {@code scale} are accepted only when they are zeros (the value stays on the grid); the number of
 * decimals actually written is kept in {@link #decimals()} so the original string can be rendered again exactly
 * (the book checksum needs it). Anything else is refused with a result code; nothing throws.
 */
public final class DecimalParser
{
    /** Parsed: {@link #value()} and {@link #decimals()} are set. */
    public static final int OK = 0;
    /** Nothing to parse. */
    public static final int EMPTY = 1;
    /** A character that is not part of a plain decimal (exponent, second point, space, ...). */
    public static final int MALFORMED = 2;
    /** More significant decimals than the scale: the value is off the grid. */
    public static final int OFF_GRID = 3;
    /** The scaled value does not fit a {@code long}. */
    public static final int OUT_OF_RANGE = 4;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private long value;
    private int decimals;
    private boolean negative;
    private long magnitude;
    private int digits;
    private int fractionDigits;
    private boolean seenPoint;
    private int status;

    /**
     * @param n 0 to 18.
     * @return 10^n.
     */
    public static long powerOfTen(final int n)
    {
        return POWERS_OF_TEN[n];
    }

    /**
     * Describe a result code for a log line or an error message (slow path).
     *
     * @param code a result of {@code parse}.
     * @return its name.
     */
    public static String describe(final int code)
    {
        switch (code)
        {
            case OK:
                return "OK";
            case EMPTY:
                return "EMPTY";
            case MALFORMED:
                return "MALFORMED";
            case OFF_GRID:
                return "OFF_GRID";
            case OUT_OF_RANGE:
                return "OUT_OF_RANGE";
            default:
                return "UNKNOWN(" + code + ")";
        }
    }

    /**
     * @return the value parsed by the last successful call, scaled by 10^scale.
     */
    public long value()
    {
        return value;
    }

    /**
     * @return how many decimals the last successfully parsed string had after its point (0 without a point).
     */
    public int decimals()
    {
        return decimals;
    }

    /**
     * Parse ASCII bytes.
     *
     * @param src    the bytes.
     * @param offset where the number starts.
     * @param length its length.
     * @param scale  decimals of the result, 0 to 18.
     * @return {@link #OK} or an error code.
     */
    public int parse(final byte[] src, final int offset, final int length, final int scale)
    {
        // The market-data hot path (a book level straight from the frame): the same grammar and results as the
        // character forms, in locals rather than per-character field updates.
        if (length == 0)
        {
            return EMPTY;
        }
        final int end = offset + length;
        int i = offset;
        final boolean minus = src[i] == '-';
        if (minus)
        {
            i++;
        }
        long mag = 0;
        int intDigits = 0;
        int c;
        for (; i < end; i++)
        {
            c = src[i] - '0';
            if (c < 0 || c > 9)
            {
                break;
            }
            if (mag > (Long.MAX_VALUE - c) / 10)
            {
                return OUT_OF_RANGE;
            }
            mag = mag * 10 + c;
            intDigits++;
        }
        int fraction = 0;
        if (i < end)
        {
            if (src[i] != '.' || intDigits == 0)
            {
                return MALFORMED;
            }
            i++;
            for (; i < end; i++)
            {
                c = src[i] - '0';
                if (c < 0 || c > 9)
                {
                    return MALFORMED;
                }
                fraction++;
                if (fraction > scale)
                {
                    if (c != 0)
                    {
                        return OFF_GRID;
                    }
                }
                else
                {
                    if (mag > (Long.MAX_VALUE - c) / 10)
                    {
                        return OUT_OF_RANGE;
                    }
                    mag = mag * 10 + c;
                }
            }
            if (fraction == 0)
            {
                return MALFORMED;
            }
        }
        if (intDigits == 0)
        {
            return MALFORMED;
        }
        final long multiplier = POWERS_OF_TEN[scale - Math.min(fraction, scale)];
        if (mag > Long.MAX_VALUE / multiplier)
        {
            return OUT_OF_RANGE;
        }
        value = minus ? -(mag * multiplier) : mag * multiplier;
        decimals = fraction;
        return OK;
    }

    /**
     * Parse characters (what Jackson's {@code getTextCharacters} gives).
     *
     * @param src    the characters.
     * @param offset where the number starts.
     * @param length its length.
     * @param scale  decimals of the result, 0 to 18.
     * @return {@link #OK} or an error code.
     */
    public int parse(final char[] src, final int offset, final int length, final int scale)
    {
        begin(length);
        for (int i = offset, end = offset + length; i < end && status == OK; i++)
        {
            accept(src[i], i == offset, scale);
        }
        return finish(scale);
    }

    /**
     * Parse a string (slow paths: configuration, instrument lists, tests).
     *
     * @param src   the string.
     * @param scale decimals of the result, 0 to 18.
     * @return {@link #OK} or an error code.
     */
    public int parse(final CharSequence src, final int scale)
    {
        final int length = src.length();
        begin(length);
        for (int i = 0; i < length && status == OK; i++)
        {
            accept(src.charAt(i), i == 0, scale);
        }
        return finish(scale);
    }

    private void begin(final int length)
    {
        negative = false;
        magnitude = 0;
        digits = 0;
        fractionDigits = 0;
        seenPoint = false;
        status = length == 0 ? EMPTY : OK;
    }

    private void accept(final int c, final boolean first, final int scale)
    {
        if (c >= '0' && c <= '9')
        {
            acceptDigit(c - '0', scale);
        }
        else if (c == '.' && !seenPoint && digits > 0)
        {
            seenPoint = true;
        }
        else if (c == '-' && first)
        {
            negative = true;
        }
        else
        {
            status = MALFORMED;
        }
    }

    private void acceptDigit(final int digit, final int scale)
    {
        digits++;
        if (seenPoint)
        {
            fractionDigits++;
            if (fractionDigits > scale)
            {
                if (digit != 0)
                {
                    status = OFF_GRID;
                }
                return;
            }
        }
        if (magnitude > (Long.MAX_VALUE - digit) / 10)
        {
            status = OUT_OF_RANGE;
            return;
        }
        magnitude = magnitude * 10 + digit;
    }

    private int finish(final int scale)
    {
        if (status != OK)
        {
            return status;
        }
        if (digits == 0 || (seenPoint && fractionDigits == 0))
        {
            return MALFORMED;
        }
        final int missing = scale - Math.min(fractionDigits, scale);
        final long multiplier = POWERS_OF_TEN[missing];
        if (magnitude > Long.MAX_VALUE / multiplier)
        {
            return OUT_OF_RANGE;
        }
        value = negative ? -(magnitude * multiplier) : magnitude * multiplier;
        decimals = fractionDigits;
        return OK;
    }
}
