package io.bitmm.gateway.bitget;

import java.util.Locale;

/**
 * How the account is addressed ({@code venue.account-mode}): a classic account speaks v2, a Unified Trading Account
 * v3; {@link #AUTO} asks the venue once at start ({@link AccountModeProbe}).
 */
public enum AccountMode
{
    AUTO,
    CLASSIC,
    UTA;

    /**
     * @param text {@code auto}, {@code classic} or {@code uta} (any case).
     * @return the mode.
     * @throws IllegalArgumentException naming the accepted values.
     */
    public static AccountMode parse(final String text)
    {
        for (final AccountMode mode : values())
        {
            if (mode.name().equalsIgnoreCase(text.trim()))
            {
                return mode;
            }
        }
        throw new IllegalArgumentException("account mode must be auto, classic or uta, was '" + text + "'");
    }

    /**
     * @return the lower-case name, as configured.
     */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
