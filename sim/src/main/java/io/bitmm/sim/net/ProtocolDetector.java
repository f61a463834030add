package io.bitmm.sim.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;

import java.util.List;

/**
 * Looks at the first bytes of a connection and builds the pipeline: the HTTP/2 client preface (h2c with prior
 * knowledge), a TLS ClientHello (h2 or http/1.1 by ALPN, when TLS is configured), or else HTTP/1.1 (REST and
 * WebSocket upgrades) — all on one port.
 */
public final class ProtocolDetector extends ByteToMessageDecoder
{
    private static final int MAX_CONTENT = 1 << 20;
    private static final int TLS_HANDSHAKE = 22;

    private final Venue venue;
    private final RestApi rest;
    private final SslContext ssl;

    /**
     * @param venue the venue
     * @param rest  the REST API
     * @param ssl   TLS context or null
     */
    public ProtocolDetector(final Venue venue, final RestApi rest, final SslContext ssl)
    {
        this.venue = venue;
        this.rest = rest;
        this.ssl = ssl;
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        if (in.readableBytes() < 1)
        {
            return;
        }
        final ChannelPipeline p = ctx.pipeline();
        if (ssl != null && in.getUnsignedByte(in.readerIndex()) == TLS_HANDSHAKE)
        {
            p.addAfter(ctx.name(), "ssl", ssl.newHandler(ctx.alloc()));
            p.addAfter("ssl", "alpn", new Alpn());
            p.remove(this);
            return;
        }
        final ByteBuf preface = Http2CodecUtil.connectionPrefaceBuf();
        final int n = Math.min(in.readableBytes(), preface.readableBytes());
        final boolean prefixMatches = ByteBufUtil.equals(in, in.readerIndex(), preface, 0, n);
        preface.release();
        if (prefixMatches && n < 24)
        {
            return;
        }
        if (prefixMatches)
        {
            http2(p, ctx.name());
        }
        else
        {
            http1(p, ctx.name());
        }
        p.remove(this);
    }

    private void http1(final ChannelPipeline p, final String after)
    {
        p.addAfter(after, "http", new HttpServerCodec());
        p.addAfter("http", "agg", new HttpObjectAggregator(MAX_CONTENT));
        p.addAfter("agg", "handler", new HttpHandler(venue, rest, false));
    }

    private void http2(final ChannelPipeline p, final String after)
    {
        p.addAfter(after, "h2", Http2FrameCodecBuilder.forServer().build());
        p.addAfter("h2", "mux", new Http2MultiplexHandler(new ChannelInitializer<Channel>()
        {
            @Override
            protected void initChannel(final Channel ch)
            {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new HttpObjectAggregator(MAX_CONTENT),
                    new HttpHandler(venue, rest, true));
            }
        }));
    }

    /** After TLS: picks the pipeline by the ALPN outcome. */
    private final class Alpn extends ApplicationProtocolNegotiationHandler
    {
        Alpn()
        {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(final ChannelHandlerContext ctx, final String protocol)
        {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol))
            {
                http2(ctx.pipeline(), ctx.name());
            }
            else
            {
                http1(ctx.pipeline(), ctx.name());
            }
        }
    }
}
