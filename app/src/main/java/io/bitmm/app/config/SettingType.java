package io.bitmm.app.config;

/**
 * The value types a setting can have, each with its own parser and error message.
 */
public enum SettingType
{
    /** Whole number. */
    INTEGER,
    /** Decimal number, kept exactly as written. */
    DECIMAL,
    /** A duration with a unit suffix: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; stored in milliseconds. */
    DURATION,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of a fixed set of words. */
    CHOICE,
    /** Free text. */
    TEXT,
    /** Comma-separated list of words. */
    LIST
}
