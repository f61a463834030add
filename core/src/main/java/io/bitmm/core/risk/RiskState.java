package io.bitmm.core.risk;

/**
 * The max-loss kill switch.
 */
public enum RiskState
{
    /** Quoting normally. */
    ACTIVE,
    /** Loss beyond the reduce threshold: quote only the side that reduces the position. */
    REDUCING,
    /** Loss beyond the maximum: every order cancelled, no more quoting. Final. */
    HALTED
}
