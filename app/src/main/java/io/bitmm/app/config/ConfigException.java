package io.bitmm.app.config;

/**
 * A configuration the engine cannot run with; the message says where and what is wrong, and how to fix it.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, for a person.
     */
    public ConfigException(final String message)
    {
        super(message);
    }
}
