package io.bitmm.core.event;

/**
 * Bitget's {@code force}: how long an order may rest.
 */
public enum TimeInForce
{
    /** Good till cancelled. */
    GTC,
    /** Rest only: the venue accepts and then cancels an order that would take. */
    POST_ONLY,
    /** Immediate or cancel. */
    IOC,
    /** Fill or kill. */
    FOK
}
