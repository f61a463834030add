package io.bitmm.sim;

import io.bitmm.sim.engine.Balance;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Position;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.net.Dialects;
import io.bitmm.sim.net.ProtocolDetector;
import io.bitmm.sim.net.RestApi;
import io.bitmm.sim.net.Tls;
import io.bitmm.sim.net.Venue;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A simulated Bitget venue on loopback: REST (HTTP/1.1, h2c, h2/TLS) and the WebSockets of every dialect on one port.
 * Everything runs on one event-loop thread; the query methods here hop onto it and wait.
 */
public final class SimVenue implements AutoCloseable
{
    private final SimContext context;
    private final EventLoopGroup group;
    private final Venue venue;
    private final Channel serverChannel;
    private final int port;

    private SimVenue(final SimContext context) throws InterruptedException
    {
        this.context = context;
        this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        final EventLoop loop = group.next();
        this.venue = call(loop, () -> new Venue(context, loop));
        final RestApi rest = call(loop, () -> Dialects.install(venue));
        final SslContext ssl = context.tls() ? Tls.serverContext() : null;
        context.faults().dropAction(() -> loop.execute(() ->
        {
            context.faults().countConnectionDropped();
            venue.dropAll();
        }));
        final ServerBootstrap b = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast("detect", new ProtocolDetector(venue, rest, ssl));
                }
            });
        this.serverChannel = b.bind(context.bindAddress(), context.port()).sync().channel();
        this.port = ((InetSocketAddress)serverChannel.localAddress()).getPort();
        loop.execute(venue::start);
    }

    /**
     * Starts a venue; returns once it accepts connections.
     *
     * @param context configuration (concluded here)
     * @return the running venue
     */
    public static SimVenue start(final SimContext context)
    {
        context.conclude();
        try
        {
            return new SimVenue(context);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", ex);
        }
    }

    private static <T> T call(final EventLoop loop, final Callable<T> task)
    {
        try
        {
            return loop.submit(task).get(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private <T> T onLoop(final Callable<T> task)
    {
        return call(venue.loop(), task);
    }

    /** The bound port. */
    public int port()
    {
        return port;
    }

    /** e.g. http://127.0.0.1:PORT */
    public URI restUri()
    {
        return URI.create("http://" + context.bindAddress() + ":" + port);
    }

    /** e.g. https://127.0.0.1:PORT (h2 or http/1.1 by ALPN; self-signed loopback certificate, see {@link Tls}). */
    public URI restTlsUri()
    {
        return URI.create("https://" + context.bindAddress() + ":" + port);
    }

    /** e.g. ws://127.0.0.1:PORT/v2/ws/public */
    public URI wsPublicUri()
    {
        return URI.create("ws://" + context.bindAddress() + ":" + port + "/v2/ws/public");
    }

    /** e.g. ws://127.0.0.1:PORT/v2/ws/private */
    public URI wsPrivateUri()
    {
        return URI.create("ws://" + context.bindAddress() + ":" + port + "/v2/ws/private");
    }

    /** The UTA v3 public WebSocket URL. */
    public URI wsPublicV3Uri()
    {
        return URI.create("ws://" + context.bindAddress() + ":" + port + "/v3/ws/public");
    }

    /** The UTA v3 private WebSocket URL. */
    public URI wsPrivateV3Uri()
    {
        return URI.create("ws://" + context.bindAddress() + ":" + port + "/v3/ws/private");
    }

    /**
     * Runs a function on the venue thread and returns its result (tests and tools: inspect or drive the engine).
     *
     * @param f   the function
     * @param <T> result type
     * @return its result
     */
    public <T> T onVenue(final java.util.function.Function<Venue, T> f)
    {
        return onLoop(() -> f.apply(venue));
    }

    /** The account's open futures (USDT-M) orders of a symbol (null = all symbols). */
    public List<OpenOrder> openFuturesOrders(final String symbol)
    {
        return orders(Instrument.USDT_FUTURES, symbol);
    }

    /**
     * A futures position.
     *
     * @param symbol   bare symbol
     * @param holdSide {@code long} or {@code short}
     * @return the position, or null if it never existed
     */
    public SimPosition position(final String symbol, final String holdSide)
    {
        return onLoop(() ->
        {
            final Position p = venue.exchange().futures().position(Instrument.key(Instrument.USDT_FUTURES, symbol), holdSide);
            return p == null ? null : SimPosition.of(p, venue.exchange().futures().markPrice(p.instrument));
        });
    }

    /** Available and frozen amounts of a coin in the futures account (the unified wallet on a UTA account). */
    public CoinBalance futuresBalance(final String coin)
    {
        return onLoop(() ->
        {
            final Balance b = venue.exchange().futures().wallet().get(coin);
            return b == null ? new CoinBalance(BigDecimal.ZERO, BigDecimal.ZERO) : new CoinBalance(b.available, b.frozen);
        });
    }

    /** The credentials the venue accepts. */
    public Credentials credentials()
    {
        return context.credentials();
    }

    public SimContext context()
    {
        return context;
    }

    /** The API account's open spot orders of a symbol (null = all symbols). */
    public List<OpenOrder> openOrders(final String symbol)
    {
        return orders(Instrument.SPOT, symbol);
    }

    private List<OpenOrder> orders(final String category, final String symbol)
    {
        return onLoop(() ->
        {
            final List<OpenOrder> out = new ArrayList<>();
            for (final Order o : venue.exchange().openOrders(category, symbol))
            {
                out.add(new OpenOrder(o.clientOid, Long.toString(o.orderId), o.side.wire(), o.instrument.price(o.priceTicks),
                    o.instrument.size(o.sizeLots), o.instrument.size(o.filledLots), o.status));
            }
            return out;
        });
    }

    /** Available and frozen amounts of a coin. */
    public CoinBalance balance(final String coin)
    {
        return onLoop(() ->
        {
            final Balance b = venue.exchange().balances().get(coin);
            return b == null ? new CoinBalance(BigDecimal.ZERO, BigDecimal.ZERO) : new CoinBalance(b.available, b.frozen);
        });
    }

    /** Requests received on an endpoint path (e.g. "/api/v2/spot/trade/place-order"). */
    public long requestCount(final String path)
    {
        final LongAdder n = venue.requestCounts().get(path);
        return n == null ? 0 : n.sum();
    }

    /** Requests received per path. */
    public Map<String, Long> requestCounts()
    {
        final Map<String, Long> out = new java.util.TreeMap<>();
        venue.requestCounts().forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** REST requests refused with 429 by the rate limits (not counting injected 429s). */
    public long rateLimitRejections()
    {
        return venue.rateLimitRejections().get();
    }

    /** REST requests on one endpoint path refused with 429 by the rate limits. */
    public long rateLimitRejections(final String path)
    {
        final LongAdder n = venue.rejectionsByPath().get(path);
        return n == null ? 0 : n.sum();
    }

    /** Checksums corrupted on purpose so far. */
    public long checksumCorruptionsInjected()
    {
        return context.faults().checksumCorruptionsInjected();
    }

    /** books updates sent, summed over subscribers. */
    public long booksUpdatesSent()
    {
        return venue.booksUpdatesSent();
    }

    /** Programmatic fault injection (the same as POST /sim/fault). */
    public Faults faults()
    {
        return context.faults();
    }

    @Override
    public void close()
    {
        serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
