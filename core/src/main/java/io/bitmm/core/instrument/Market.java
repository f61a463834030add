package io.bitmm.core.instrument;

/**
 * Which Bitget market an instrument trades on: REST path family and WebSocket {@code instType}.
 */
public enum Market
{
    /** Spot: REST {@code /api/v2/spot/...}, WS {@code instType} {@code SPOT}. */
    SPOT,
    /** USDT-margined futures: REST {@code /api/v2/mix/...} with {@code productType=USDT-FUTURES}. */
    USDT_FUTURES
}
