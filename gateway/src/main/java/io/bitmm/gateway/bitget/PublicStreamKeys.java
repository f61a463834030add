package io.bitmm.gateway.bitget;

/**
 * What a dialect's public stream calls things: the {@code arg} keys, the channel names, the book and trade element
 * keys, and how books are sequenced. {@link PublicStreamDecoder} reads every dialect's frames with one of these;
 * a dialect's market-data codec is this table plus its subscribe frame.
 */
public final class PublicStreamKeys
{
    /** Books sequencing: v2 carries a CRC32 {@code checksum} on every {@code books} push (absent: counted). */
    public static final int CHECKSUM = 0;
    /** Books sequencing: v3 chains {@code seq}/{@code pseq}; a {@code checksum} of 0 or absent is none. */
    public static final int SEQ_CHAIN = 1;

    final String logPrefix;
    final String channelKey;
    final String instrumentKey;
    final String booksChannel;
    final String[] snapshotOnlyChannels;
    final String tradeChannel;
    final String asks;
    final String bids;
    final String bookTime;
    final String tradePrice;
    final String tradeSize;
    final String tradeSide;
    final String tradeId;
    final String tradeTime;
    final int sequencing;

    /**
     * @param logPrefix            the error log's prefix ({@code "md: "}).
     * @param channelKey           the {@code arg} key of the channel ({@code channel}, v3 {@code topic}).
     * @param instrumentKey        the {@code arg} key of the symbol ({@code instId}, v3 {@code symbol}).
     * @param booksChannel         the incremental books channel ({@code books}).
     * @param snapshotOnlyChannels the fixed-depth book channels (every push a snapshot).
     * @param tradeChannel         the public trades channel ({@code trade}, v3 {@code publicTrade}).
     * @param asks                 the book element's asks key ({@code asks}, v3 {@code a}).
     * @param bids                 the bids key.
     * @param bookTime             the book element's time key ({@code ts}).
     * @param tradePrice           the trade element's price key.
     * @param tradeSize            its size key.
     * @param tradeSide            its taker side key.
     * @param tradeId              its trade id key.
     * @param tradeTime            its time key.
     * @param sequencing           {@link #CHECKSUM} or {@link #SEQ_CHAIN}.
     */
    public PublicStreamKeys(
        final String logPrefix,
        final String channelKey,
        final String instrumentKey,
        final String booksChannel,
        final String[] snapshotOnlyChannels,
        final String tradeChannel,
        final String asks,
        final String bids,
        final String bookTime,
        final String tradePrice,
        final String tradeSize,
        final String tradeSide,
        final String tradeId,
        final String tradeTime,
        final int sequencing)
    {
        this.logPrefix = logPrefix;
        this.channelKey = channelKey;
        this.instrumentKey = instrumentKey;
        this.booksChannel = booksChannel;
        this.snapshotOnlyChannels = snapshotOnlyChannels.clone();
        this.tradeChannel = tradeChannel;
        this.asks = asks;
        this.bids = bids;
        this.bookTime = bookTime;
        this.tradePrice = tradePrice;
        this.tradeSize = tradeSize;
        this.tradeSide = tradeSide;
        this.tradeId = tradeId;
        this.tradeTime = tradeTime;
        this.sequencing = sequencing;
    }

    /**
     * @return the incremental books channel name.
     */
    public String booksChannel()
    {
        return booksChannel;
    }

    /**
     * @return the public trades channel name.
     */
    public String tradeChannel()
    {
        return tradeChannel;
    }

    /**
     * @return the {@code arg} key of the channel.
     */
    public String channelKey()
    {
        return channelKey;
    }

    /**
     * @return the {@code arg} key of the symbol.
     */
    public String instrumentKey()
    {
        return instrumentKey;
    }
}
