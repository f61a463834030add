package io.bitmm.gateway.bitget;

import io.bitmm.core.instrument.DecimalParser;

import java.util.Map;

/**
 * Field readers for the instrument rows every dialect's loader reads at start (slow path): a bad or missing value stops
 * the start with the loader, the symbol, the field and the value named.
 */
public final class InstrumentRows
{
    private InstrumentRows()
    {
    }

    /**
     * @param who   the loader, for messages.
     * @param row   the instrument's row.
     * @param field the field's name.
     * @param value its text.
     * @param min   smallest allowed.
     * @param max   largest allowed.
     * @return the whole number.
     * @throws IllegalStateException when it is not a whole number in range.
     */
    public static int integer(
        final String who, final Map<String, String> row, final String field, final String value, final int min, final int max)
    {
        try
        {
            final int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalStateException(who + ": " + row.get("symbol") + " " + field + "=" + value +
            ": not a whole number from " + min + " to " + max);
    }

    /**
     * @param who   the loader, for messages.
     * @param row   the instrument's row.
     * @param field the field's name.
     * @return its text.
     * @throws IllegalStateException when it is null, empty or missing.
     */
    public static String required(final String who, final Map<String, String> row, final String field)
    {
        final String value = row.get(field);
        if (value == null || value.isEmpty())
        {
            throw new IllegalStateException(who + ": " + row.get("symbol") + " has no " + field);
        }
        return value;
    }

    /**
     * @param who   the loader, for messages.
     * @param row   the instrument's row.
     * @param field the field's name.
     * @param scale decimals of the fixed-point result.
     * @return the value in units of 10^-scale; 0 when null, empty or missing.
     * @throws IllegalStateException when it is not a decimal that fits.
     */
    public static long decimal(final String who, final Map<String, String> row, final String field, final int scale)
    {
        final String value = row.get(field);
        if (value == null || value.isEmpty())
        {
            return 0;
        }
        final DecimalParser parser = new DecimalParser();
        final int result = parser.parse(value, scale);
        if (result != DecimalParser.OK)
        {
            throw new IllegalStateException(who + ": " + row.get("symbol") + " " + field + "=" + value + ": " +
                DecimalParser.describe(result));
        }
        return parser.value();
    }
}
