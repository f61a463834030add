package io.bitmm.gateway.bitget.v2;

/**
 * Frames shared with tests in other packages.
 */
public final class SpotMarketDataAllocationTestFrames
{
    public static final String UPDATE = SpotMarketDataDecoderTest.UPDATE;
    public static final String SNAPSHOT = SpotMarketDataDecoderTest.SNAPSHOT;

    private SpotMarketDataAllocationTestFrames()
    {
    }
}
