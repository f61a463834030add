package io.bitmm.gateway.auth;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Allocation-free HMAC-SHA256 with base64 output, for Bitget's {@code ACCESS-SIGN} and the WS login sign.
 * <p>
 * HMAC (RFC 2104) is built on a reused {@link MessageDigest} rather than {@code javax.crypto.Mac}: on JDK 17
 * {@code Mac.doFinal(byte[], int)} allocates the MAC array internally (and the SunJCE HMAC core allocates again),
 * which an allocation test catches. The digest's {@code digest(byte[], int, int)} writes into our buffers. Not
 * thread-safe: one instance per signing thread. Usage: {@link #begin()}, {@link #update} the prehash parts,
 * {@link #signBase64(byte[], int)}.
 */
public final class HmacSigner
{
    /** Length of a base64-encoded SHA-256 MAC. */
    public static final int BASE64_LENGTH = 44;

    private static final int BLOCK = 64;
    private static final int DIGEST = 32;
    private static final byte[] BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];
    private final byte[] mac = new byte[DIGEST];

    /**
     * @param secret the secret's bytes (UTF-8 of the API secret); copied into the pads, the caller may wipe it.
     */
    public HmacSigner(final byte[] secret)
    {
        try
        {
            inner = MessageDigest.getInstance("SHA-256");
            outer = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 not available", ex);
        }
        byte[] key = secret;
        if (key.length > BLOCK)
        {
            key = inner.digest(secret);
        }
        for (int i = 0; i < BLOCK; i++)
        {
            final byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte)(k ^ 0x36);
            outerPad[i] = (byte)(k ^ 0x5c);
        }
        if (key != secret)
        {
            Arrays.fill(key, (byte)0);
        }
        begin();
    }

    /**
     * Start a new MAC, discarding anything updated so far.
     */
    public void begin()
    {
        inner.reset();
        inner.update(innerPad, 0, BLOCK);
    }

    /**
     * Add bytes of the prehash.
     *
     * @param src    the bytes.
     * @param offset where they start.
     * @param length how many.
     */
    public void update(final byte[] src, final int offset, final int length)
    {
        inner.update(src, offset, length);
    }

    /**
     * Add one ASCII byte of the prehash.
     *
     * @param b the byte.
     */
    public void update(final byte b)
    {
        inner.update(b);
    }

    /**
     * Finish the MAC, write it base64-encoded and start the next one.
     *
     * @param dst    where to write {@link #BASE64_LENGTH} bytes.
     * @param offset where to start.
     * @return {@link #BASE64_LENGTH}.
     */
    public int signBase64(final byte[] dst, final int offset)
    {
        try
        {
            inner.digest(mac, 0, DIGEST);
            outer.reset();
            outer.update(outerPad, 0, BLOCK);
            outer.update(mac, 0, DIGEST);
            outer.digest(mac, 0, DIGEST);
        }
        catch (final DigestException ex)
        {
            throw new IllegalStateException("SHA-256 digest failed", ex);
        }
        begin();
        return base64(mac, DIGEST, dst, offset);
    }

    private static int base64(final byte[] src, final int length, final byte[] dst, final int offset)
    {
        int out = offset;
        int i = 0;
        for (; i + 3 <= length; i += 3)
        {
            final int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8 | (src[i + 2] & 0xff);
            dst[out++] = BASE64[bits >>> 18];
            dst[out++] = BASE64[(bits >>> 12) & 0x3f];
            dst[out++] = BASE64[(bits >>> 6) & 0x3f];
            dst[out++] = BASE64[bits & 0x3f];
        }
        final int rest = length - i;
        if (rest == 1)
        {
            final int bits = (src[i] & 0xff) << 16;
            dst[out++] = BASE64[bits >>> 18];
            dst[out++] = BASE64[(bits >>> 12) & 0x3f];
            dst[out++] = '=';
            dst[out++] = '=';
        }
        else if (rest == 2)
        {
            final int bits = (src[i] & 0xff) << 16 | (src[i + 1] & 0xff) << 8;
            dst[out++] = BASE64[bits >>> 18];
            dst[out++] = BASE64[(bits >>> 12) & 0x3f];
            dst[out++] = BASE64[(bits >>> 6) & 0x3f];
            dst[out++] = '=';
        }
        return out - offset;
    }
}
