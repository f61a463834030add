package io.bitmm.sim.net;

import io.bitmm.sim.engine.ExchangeListener;

/**
 * One WebSocket dialect (classic v2 today; UTA v3 plugs in beside it): the ops of the sessions upgraded on its
 * paths, and its streams. The {@link ExchangeListener} methods deliver the engine's events (private pushes, public
 * trades) after the venue has recorded them. Everything runs on the venue thread.
 */
public interface WsDialect extends ExchangeListener
{
    /**
     * One client text message of a session of this dialect.
     *
     * @param s    the session
     * @param text the message
     */
    void onMessage(WsSession s, String text);

    /**
     * A product's book may have changed: render and send the incremental and depth channels. Called before the
     * venue clears the book's dirty levels; a dialect never clears them itself.
     *
     * @param symbol the book's key in the exchange
     * @param now    epoch ms
     */
    void publishBooks(String symbol, long now);

    /**
     * The ticker timer fired (not called while streams are stalled).
     *
     * @param now epoch ms
     */
    void tickerTick(long now);

    /** True if some session of this dialect holds a full-depth incremental books subscription (drives stress mode). */
    boolean hasBooksSubscriber();

    /**
     * True if some session of this dialect holds a books subscription (any depth) of one product: in stress mode the
     * venue only steps the generators of watched products. The default answers {@link #hasBooksSubscriber()}.
     *
     * @param key the product's exchange key
     * @return whether the product is watched
     */
    default boolean hasBooksSubscriber(final String key)
    {
        return hasBooksSubscriber();
    }
}
