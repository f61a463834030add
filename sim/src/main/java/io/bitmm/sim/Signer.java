package io.bitmm.sim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bitget's HMAC-SHA256 signature: base64(HMAC(secret, prehash)). One instance per thread. */
public final class Signer
{
    private final Mac mac;

    /**
     * @param secret the secret as UTF-8
     */
    public Signer(final String secret)
    {
        try
        {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Signs a prehash string. */
    public String sign(final String prehash)
    {
        return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
    }
}
