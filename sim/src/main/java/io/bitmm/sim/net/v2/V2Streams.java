package io.bitmm.sim.net.v2;

import io.bitmm.sim.engine.ExchangeListener;
import io.bitmm.sim.net.WsSession;

/**
 * The v2 WebSocket channels of one {@code instType} ({@code SPOT} in {@code v2/spot/SpotStreams},
 * {@code USDT-FUTURES} in {@code v2/mix/MixStreams}): which channels and instIds exist, the initial push after a
 * subscribe, the public streams and the private pushes. {@link V2Ws} does the ops, login and checks.
 */
public interface V2Streams extends ExchangeListener
{
    /** The {@code instType} served, e.g. {@code SPOT}. */
    String instType();

    /** True for a private channel name of this instType (orders, fill, account, ...). */
    boolean isPrivateChannel(String channel);

    /** True for a public channel name of this instType (books, books1, trade, ticker, ...). */
    boolean isPublicChannel(String channel);

    /**
     * True if the id exists for the channel kind.
     *
     * @param instId         instId, or coin for {@code account}
     * @param privateChannel true for a private channel ({@code default} is accepted)
     * @return whether it is known
     */
    boolean knownInstId(String instId, boolean privateChannel);

    /** The venue subscription key of a channel and instId. */
    String key(String channel, String instId);

    /** Sends what a new subscription gets first (a books snapshot, the ticker, recent trades, the account). */
    void initialPush(WsSession s, String channel, String instId);

    /** See {@link io.bitmm.sim.net.WsDialect#publishBooks}. */
    void publishBooks(String symbol, long now);

    /** See {@link io.bitmm.sim.net.WsDialect#tickerTick}. */
    void tickerTick(long now);

    /** See {@link io.bitmm.sim.net.WsDialect#hasBooksSubscriber}. */
    boolean hasBooksSubscriber();

    /** See {@link io.bitmm.sim.net.WsDialect#hasBooksSubscriber(String)}. */
    boolean hasBooksSubscriber(String key);
}
