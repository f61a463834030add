package io.bitmm.sim;

/**
 * The API key the venue accepts. From BITGET_API_KEY / BITGET_API_SECRET / BITGET_API_PASSPHRASE when all three
 * are set, else the documented defaults {@code sim-key} / {@code sim-secret} / {@code sim-passphrase}.
 *
 * @param apiKey     key
 * @param secret     HMAC secret (never logged)
 * @param passphrase passphrase
 */
public record Credentials(String apiKey, String secret, String passphrase)
{
    /** Default key. */
    public static final String DEFAULT_KEY = "sim-key";
    /** Default secret. */
    public static final String DEFAULT_SECRET = "sim-secret";
    /** Default passphrase. */
    public static final String DEFAULT_PASSPHRASE = "sim-passphrase";

    /** From the environment, or the defaults. */
    public static Credentials fromEnvironment()
    {
        final String key = System.getenv("BITGET_API_KEY");
        final String secret = System.getenv("BITGET_API_SECRET");
        final String pass = System.getenv("BITGET_API_PASSPHRASE");
        if (key != null && secret != null && pass != null && !key.isEmpty())
        {
            return new Credentials(key, secret, pass);
        }
        return defaults();
    }

    /** The documented defaults. */
    public static Credentials defaults()
    {
        return new Credentials(DEFAULT_KEY, DEFAULT_SECRET, DEFAULT_PASSPHRASE);
    }

    @Override
    public String toString()
    {
        return "Credentials[apiKey=" + apiKey + ", secret=***, passphrase=***]";
    }
}
