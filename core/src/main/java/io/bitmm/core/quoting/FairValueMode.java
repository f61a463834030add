package io.bitmm.core.quoting;

/**
 * How the fair value is taken from the book's touch.
 */
public enum FairValueMode
{
    /** (best bid + best ask) / 2. */
    MID,
    /** Size-weighted micro-price: (bid x askSize + ask x bidSize) / (bidSize + askSize); leans toward the thin side. */
    MICRO_PRICE
}
