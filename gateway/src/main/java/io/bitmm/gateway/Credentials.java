package io.bitmm.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An API key, its secret and passphrase. {@link #toString()} masks everything; no method puts a secret in a
 * message or an exception.
 */
public final class Credentials
{
    public static final String ENV_API_KEY = "BITGET_API_KEY";
    public static final String ENV_API_SECRET = "BITGET_API_SECRET";
    public static final String ENV_API_PASSPHRASE = "BITGET_API_PASSPHRASE";

    private final String apiKey;
    private final byte[] secret;
    private final String passphrase;

    /**
     * @param apiKey     the API key.
     * @param secret     the secret (used as UTF-8 bytes).
     * @param passphrase the passphrase.
     */
    public Credentials(final String apiKey, final String secret, final String passphrase)
    {
        if (isBlank(apiKey) || isBlank(secret) || isBlank(passphrase))
        {
            throw new IllegalArgumentException("credentials need a non-empty apiKey, secret and passphrase");
        }
        this.apiKey = apiKey;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.passphrase = passphrase;
    }

    /**
     * @return credentials from BITGET_API_KEY, BITGET_API_SECRET and BITGET_API_PASSPHRASE.
     * @throws IllegalStateException naming the variables that are missing (never their values).
     */
    public static Credentials fromEnvironment()
    {
        return fromMap(System.getenv(), "environment");
    }

    /**
     * Read a file of {@code KEY=value} lines using the same names as the environment. The file must be readable
     * by its owner only (0600 or 0400).
     *
     * @param file the file.
     * @return the credentials.
     * @throws IOException           when it cannot be read.
     * @throws IllegalStateException when its permissions are too open or a value is missing.
     */
    public static Credentials fromFile(final Path file) throws IOException
    {
        final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        final Set<PosixFilePermission> allowed = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (!allowed.containsAll(permissions))
        {
            throw new IllegalStateException("credentials file " + file + " must have permissions 0600 (chmod 600 " +
                file + "); refusing to read it with " + java.nio.file.attribute.PosixFilePermissions.toString(permissions));
        }
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        final Map<String, String> values = new java.util.HashMap<>();
        for (final String line : lines)
        {
            final String trimmed = line.trim();
            final int equals = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || equals <= 0)
            {
                continue;
            }
            values.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
        }
        return fromMap(values, "file " + file);
    }

    private static Credentials fromMap(final Map<String, String> values, final String source)
    {
        final StringBuilder missing = new StringBuilder();
        for (final String name : new String[]{ENV_API_KEY, ENV_API_SECRET, ENV_API_PASSPHRASE})
        {
            if (isBlank(values.get(name)))
            {
                missing.append(missing.length() == 0 ? "" : ", ").append(name);
            }
        }
        if (missing.length() > 0)
        {
            throw new IllegalStateException("missing credentials in " + source + ": " + missing);
        }
        return new Credentials(values.get(ENV_API_KEY), values.get(ENV_API_SECRET), values.get(ENV_API_PASSPHRASE));
    }

    private static boolean isBlank(final String value)
    {
        return value == null || value.isBlank();
    }

    public String apiKey()
    {
        return apiKey;
    }

    /**
     * @return a copy of the secret's UTF-8 bytes; the caller should overwrite it when done.
     */
    public byte[] secretBytes()
    {
        return secret.clone();
    }

    public String passphrase()
    {
        return passphrase;
    }

    @Override
    public String toString()
    {
        return "Credentials[apiKey=****, secret=****, passphrase=****]";
    }
}
