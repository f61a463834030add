package io.bitmm.gateway.bitget;

/**
 * Byte copies for the request encoders of every dialect (hot path: no allocation, no bounds beyond the arrays').
 */
public final class RequestBytes
{
    private RequestBytes()
    {
    }

    /**
     * @param dst    destination.
     * @param offset where.
     * @param src    bytes to copy, whole.
     * @return the offset after them.
     */
    public static int append(final byte[] dst, final int offset, final byte[] src)
    {
        System.arraycopy(src, 0, dst, offset, src.length);
        return offset + src.length;
    }

    /**
     * @param dst    destination.
     * @param offset where.
     * @param src    bytes to copy.
     * @param length how many.
     * @return the offset after them.
     */
    public static int append(final byte[] dst, final int offset, final byte[] src, final int length)
    {
        System.arraycopy(src, 0, dst, offset, length);
        return offset + length;
    }
}
