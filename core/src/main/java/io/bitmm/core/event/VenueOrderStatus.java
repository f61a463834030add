package io.bitmm.core.event;

/**
 * An order's status as the venue reports it (v2 {@code status}: {@code live}, {@code partially_filled},
 * {@code filled}, {@code cancelled}/{@code canceled}). {@code new}/{@code init} map to {@link #LIVE}.
 */
public enum VenueOrderStatus
{
    LIVE,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    /** Not present or not recognised: the order was not found, or the venue sent a status this build does not know. */
    UNKNOWN
}
