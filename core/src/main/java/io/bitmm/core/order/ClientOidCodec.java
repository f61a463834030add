package io.bitmm.core.order;

import java.nio.charset.StandardCharsets;

/**
 * Engine-generated client order ids: {@code <prefix>-<runId>-<counter>}, where runId is the run's epoch
 * milliseconds in base 36 and counter a base-36 running number. At most 32 characters of {@code [A-Za-z0-9._:-]}
 * (valid for v2 and UTA v3). Unique across restarts as long as each run gets a distinct {@code runEpochMs}; replay
 * passes the recorded one so the ids repeat exactly. Encoding and parsing are allocation-free.
 */
public final class ClientOidCodec
{
    /** Longest id produced. */
    public static final int MAX_LENGTH = 32;
    /** Longest prefix accepted. */
    public static final int MAX_PREFIX_LENGTH = 10;

    private static final int RADIX = 36;
    private static final byte[] DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

    private final byte[] header;

    /**
     * @param prefix     1 to {@link #MAX_PREFIX_LENGTH} characters of {@code [A-Za-z0-9._:]}.
     * @param runEpochMs the run's identity, &ge; 0.
     */
    public ClientOidCodec(final String prefix, final long runEpochMs)
    {
        final String problem = checkPrefix(prefix);
        if (problem != null)
        {
            throw new IllegalArgumentException(problem);
        }
        if (runEpochMs < 0)
        {
            throw new IllegalArgumentException("runEpochMs must be >= 0, was " + runEpochMs);
        }
        header = (prefix + "-" + Long.toString(runEpochMs, RADIX) + "-").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param prefix a candidate prefix.
     * @return null when valid, else what is wrong.
     */
    public static String checkPrefix(final String prefix)
    {
        if (prefix == null || prefix.isEmpty() || prefix.length() > MAX_PREFIX_LENGTH)
        {
            return "clientOidPrefix must be 1 to " + MAX_PREFIX_LENGTH + " characters, was \"" + prefix + "\"";
        }
        for (int i = 0; i < prefix.length(); i++)
        {
            final char c = prefix.charAt(i);
            final boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == ':';
            if (!ok)
            {
                return "clientOidPrefix may hold only [A-Za-z0-9._:], was \"" + prefix + "\"";
            }
        }
        return null;
    }

    /**
     * @param counter a non-negative counter.
     * @param dst     at least {@link #MAX_LENGTH} bytes.
     * @return the id's length.
     */
    public int encode(final long counter, final byte[] dst)
    {
        System.arraycopy(header, 0, dst, 0, header.length);
        int digits = 1;
        for (long rest = counter / RADIX; rest > 0; rest /= RADIX)
        {
            digits++;
        }
        long rest = counter;
        for (int i = header.length + digits - 1; i >= header.length; i--)
        {
            dst[i] = DIGITS[(int)(rest % RADIX)];
            rest /= RADIX;
        }
        return header.length + digits;
    }

    /**
     * @param src    id bytes.
     * @param length id length.
     * @return the counter of one of this run's ids, or -1 when the id is not one of ours.
     */
    public long decode(final byte[] src, final int length)
    {
        if (length <= header.length || length > MAX_LENGTH)
        {
            return -1;
        }
        for (int i = 0; i < header.length; i++)
        {
            if (src[i] != header[i])
            {
                return -1;
            }
        }
        long counter = 0;
        for (int i = header.length; i < length; i++)
        {
            final int digit = digit(src[i]);
            if (digit < 0)
            {
                return -1;
            }
            counter = counter * RADIX + digit;
        }
        return counter;
    }

    /**
     * @return the id's fixed part, e.g. {@code mm-lk3j2k1a-} (slow path).
     */
    public String header()
    {
        return new String(header, StandardCharsets.US_ASCII);
    }

    private static int digit(final byte b)
    {
        if (b >= '0' && b <= '9')
        {
            return b - '0';
        }
        if (b >= 'a' && b <= 'z')
        {
            return b - 'a' + 10;
        }
        return -1;
    }
}
