package io.bitmm.gateway;

/**
 * The four cases every decoder must define an outcome for, applied to one field of a recorded frame: the value
 * replaced by {@code null}, by {@code ""}, the field removed, and the value replaced by one never seen.
 */
public enum FieldCases
{
    NULL, EMPTY, MISSING, UNKNOWN;

    /** The value used for {@link #UNKNOWN}: not a number, not an enum value Bitget documents. */
    public static final String UNKNOWN_VALUE = "zz_unknown";

    /**
     * @param frame a JSON frame.
     * @param after the field is searched from the first occurrence of this text (e.g. {@code "data":}).
     * @param field the field's name.
     * @return the frame with this case applied to the first occurrence of the field after {@code after}.
     * @throws IllegalArgumentException when the field is not there.
     */
    public String apply(final String frame, final String after, final String field)
    {
        final int from = frame.indexOf(after);
        final String key = "\"" + field + "\":";
        final int start = frame.indexOf(key, Math.max(from, 0));
        if (from < 0 || start < 0)
        {
            throw new IllegalArgumentException(field + " not in " + frame);
        }
        final int valueStart = start + key.length();
        final int valueEnd = valueEnd(frame, valueStart);
        switch (this)
        {
            case NULL:
                return frame.substring(0, valueStart) + "null" + frame.substring(valueEnd);
            case EMPTY:
                return frame.substring(0, valueStart) + "\"\"" + frame.substring(valueEnd);
            case UNKNOWN:
                return frame.substring(0, valueStart) + "\"" + UNKNOWN_VALUE + "\"" + frame.substring(valueEnd);
            default:
                if (frame.charAt(valueEnd) == ',')
                {
                    return frame.substring(0, start) + frame.substring(valueEnd + 1);
                }
                final int comma = frame.lastIndexOf(',', start);
                return frame.substring(0, comma) + frame.substring(valueEnd);
        }
    }

    private static int valueEnd(final String frame, final int start)
    {
        final char first = frame.charAt(start);
        if (first == '"')
        {
            int i = start + 1;
            while (frame.charAt(i) != '"')
            {
                i += frame.charAt(i) == '\\' ? 2 : 1;
            }
            return i + 1;
        }
        if (first == '[' || first == '{')
        {
            int depth = 0;
            boolean inString = false;
            for (int i = start; i < frame.length(); i++)
            {
                final char c = frame.charAt(i);
                if (c == '"' && frame.charAt(i - 1) != '\\')
                {
                    inString = !inString;
                }
                else if (!inString && (c == '[' || c == '{'))
                {
                    depth++;
                }
                else if (!inString && (c == ']' || c == '}') && --depth == 0)
                {
                    return i + 1;
                }
            }
            throw new IllegalArgumentException("unbalanced value at " + start);
        }
        int i = start;
        while (frame.charAt(i) != ',' && frame.charAt(i) != '}' && frame.charAt(i) != ']')
        {
            i++;
        }
        return i;
    }
}
