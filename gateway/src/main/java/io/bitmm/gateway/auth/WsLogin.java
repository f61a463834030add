package io.bitmm.gateway.auth;

import java.nio.charset.StandardCharsets;

/**
 * The private stream's login message: {@code sign = base64(HMAC-SHA256(secret, seconds + "GET" + "/user/verify"))}
 * with the timestamp in seconds (§9). Slow path: once per connection.
 */
public final class WsLogin
{
    private static final byte[] SUFFIX = "GET/user/verify".getBytes(StandardCharsets.US_ASCII);

    private WsLogin()
    {
    }

    /**
     * @param signer         the signer holding the secret.
     * @param epochSeconds   the timestamp in seconds.
     * @return the base64 signature.
     */
    public static String sign(final HmacSigner signer, final long epochSeconds)
    {
        final byte[] ts = Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII);
        signer.begin();
        signer.update(ts, 0, ts.length);
        signer.update(SUFFIX, 0, SUFFIX.length);
        final byte[] out = new byte[HmacSigner.BASE64_LENGTH];
        signer.signBase64(out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    /**
     * @param signer       the signer.
     * @param apiKey       the API key.
     * @param passphrase   the passphrase.
     * @param epochSeconds the timestamp in seconds.
     * @return the login JSON.
     */
    public static String message(final HmacSigner signer, final String apiKey, final String passphrase, final long epochSeconds)
    {
        return "{\"op\":\"login\",\"args\":[{\"apiKey\":\"" + apiKey + "\",\"passphrase\":\"" + passphrase +
            "\",\"timestamp\":\"" + epochSeconds + "\",\"sign\":\"" + sign(signer, epochSeconds) + "\"}]}";
    }
}
