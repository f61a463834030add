package io.bitmm.sim.engine;

import java.math.BigDecimal;

/** Fixed-point helpers: wire decimal strings to scaled longs and back, always with the instrument's exact decimals. */
public final class Decimals
{
    /** Returned by {@link #parse} for a malformed number. */
    public static final long MALFORMED = Long.MIN_VALUE;
    /** Returned by {@link #parse} for a number with more decimals than allowed. */
    public static final long TOO_MANY_DECIMALS = Long.MIN_VALUE + 1;

    private static final long[] POW10 = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POW10.length; i++)
        {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimals()
    {
    }

    /** 10^n. */
    public static long pow10(final int n)
    {
        return POW10[n];
    }

    /**
     * Parses a non-negative decimal string into units of 10^-scale. Trailing zeros beyond the scale are accepted.
     *
     * @param text  decimal string
     * @param scale allowed decimals
     * @return the scaled value, {@link #MALFORMED} or {@link #TOO_MANY_DECIMALS}
     */
    public static long parse(final String text, final int scale)
    {
        if (text == null || text.isEmpty())
        {
            return MALFORMED;
        }
        final BigDecimal value;
        try
        {
            value = new BigDecimal(text);
        }
        catch (final NumberFormatException ex)
        {
            return MALFORMED;
        }
        if (value.signum() < 0)
        {
            return MALFORMED;
        }
        final BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (stripped.scale() > scale)
        {
            return TOO_MANY_DECIMALS;
        }
        return stripped.movePointRight(scale).longValueExact();
    }

    /** Appends value × 10^-scale with exactly {@code scale} decimals. */
    public static StringBuilder append(final StringBuilder sb, final long value, final int scale)
    {
        if (scale == 0)
        {
            return sb.append(value);
        }
        final long p = POW10[scale];
        final long whole = value / p;
        final long frac = value % p;
        sb.append(whole).append('.');
        for (int i = scale - 1; i >= 0; i--)
        {
            sb.append((char)('0' + (frac / POW10[i]) % 10));
        }
        return sb;
    }

    /** value × 10^-scale as a string with exactly {@code scale} decimals. */
    public static String format(final long value, final int scale)
    {
        return append(new StringBuilder(24), value, scale).toString();
    }

    /** value × 10^-scale as a BigDecimal. */
    public static BigDecimal big(final long value, final int scale)
    {
        return BigDecimal.valueOf(value, scale);
    }
}
