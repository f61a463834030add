package io.bitmm.gateway.marketdata;

/**
 * Frames shared with tests in other packages.
 */
public final class MarketDataAllocationTestFrames
{
    public static final String UPDATE = MarketDataDecoderTest.UPDATE;
    public static final String SNAPSHOT = MarketDataDecoderTest.SNAPSHOT;

    private MarketDataAllocationTestFrames()
    {
    }
}
