package io.bitmm.gateway.order;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.Http2Client;
import io.bitmm.gateway.bitget.Dialect;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.bitget.ReplyCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Warms the order path up before trading. A market maker sends a few orders a second, so left alone the order path
 * (encode, HMAC, HTTP/2 frames and HPACK, flush, reply decode) would run interpreted for the whole
 * session: measured on this project's 2-core box, writing one request took ~50 us and flushing it ~200 us cold, ~8 us
 * and ~75 us after 30k requests. This runs {@code iterations} real requests (place, cancel, batch place, batch cancel,
 * signed with the real key) through the same code, on an {@link HttpConnection} wired to an in-memory HTTP/2 server
 * ({@link EmbeddedChannel} pair) that answers each with a venue-shaped acknowledgement; replies are decoded into a
 * scratch event, nothing reaches the venue or the inbound ring, the venue clock is not touched.
 */
public final class OrderPathWarmup
{
    private final OrderCodec encoder;
    private final Dialect dialect;
    private final InstrumentTable instruments;
    private final URI restUri;
    private final Credentials credentials;
    private final Http2Client http2Client;
    private int responses;
    private int failures;

    /**
     * @param encoder     the order pool's encoder (with the real signer).
     * @param dialect     the dialect (its reply decoder reads the answers).
     * @param instruments instruments (the first is used).
     * @param restUri     the venue's REST address (only its authority goes into the headers).
     * @param credentials the key and passphrase sent as headers.
     * @param http2Client the HTTP/2 client the order connections use (the one warmed up).
     */
    public OrderPathWarmup(
        final OrderCodec encoder, final Dialect dialect, final InstrumentTable instruments, final URI restUri,
        final Credentials credentials, final Http2Client http2Client)
    {
        this.http2Client = http2Client;
        this.encoder = encoder;
        this.dialect = dialect;
        this.instruments = instruments;
        this.restUri = restUri;
        this.credentials = credentials;
    }

    /**
     * Run the warm-up on the calling thread.
     *
     * @param iterations requests to send through the path.
     * @return requests answered and decoded (equal to {@code iterations} when the path works end to end).
     */
    public int run(final int iterations)
    {
        responses = 0;
        failures = 0;
        if (iterations <= 0 || instruments.instrumentCount() == 0)
        {
            return 0;
        }
        final ReplyCodec replies = dialect.replies(instruments, new DiscardPublisher(), new GatewayCounters(),
            new DistinctErrorLog());
        final boolean[] ready = new boolean[1];
        final HttpConnection connection = new HttpConnection(-1, restUri, true, true,
            http2Client == Http2Client.LEAN, credentials, new HttpConnection.Listener()
        {
            @Override
            public void onProtocolReady(final HttpConnection c)
            {
                ready[0] = true;
            }

            @Override
            public void onResponse(final HttpConnection c, final OrderRequest r)
            {
                replies.onReply(r);
                r.inFlight = false;
                responses++;
            }

            @Override
            public void onClosed(final HttpConnection c, final boolean protocolWasUp)
            {
            }

            @Override
            public void onFailure(final HttpConnection c, final OrderRequest r)
            {
                r.inFlight = false;
                failures++;
            }
        });
        final EmbeddedChannel client = new EmbeddedChannel();
        final EmbeddedChannel server = new EmbeddedChannel(Http2FrameCodecBuilder.forServer().build(), new Responder());
        try
        {
            connection.attach(client);
            pump(client, server);
            if (!ready[0])
            {
                return 0;
            }
            final Instrument instrument = instruments.instrument(0);
            final OrderRequest r = new OrderRequest(0);
            final OutboundCommand[] commands = new OutboundCommand[2];
            for (int i = 0; i < commands.length; i++)
            {
                commands[i] = new OutboundCommand();
                commands[i].instrumentId = 0;
                commands[i].side = i == 0 ? Side.BUY : Side.SELL;
                commands[i].size = Math.max(1, instrument.stepUnits()) * 1000;
                commands[i].price = 1000L * instrument.tickUnits();
                final byte[] oid = ("mm-warmup-" + i).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(oid, 0, commands[i].clientOid, 0, oid.length);
                commands[i].clientOidLength = oid.length;
            }
            final long wallMs = System.currentTimeMillis();
            for (int i = 0; i < iterations && failures == 0; i++)
            {
                final int kind = i % 4;
                commands[0].type = kind == 1 || kind == 3 ? CommandType.CANCEL : CommandType.PLACE;
                commands[1].type = commands[0].type;
                commands[0].price = (1000L + (i & 63)) * instrument.tickUnits();
                r.clear();
                if (kind < 2)
                {
                    encoder.encode(r, commands[0], instrument, wallMs + i);
                }
                else if (kind == 2)
                {
                    encoder.encodeBatchPlace(r, commands, 0, 2, instrument, wallMs + i);
                }
                else
                {
                    encoder.encodeBatchCancel(r, commands, 0, 2, instrument, wallMs + i);
                }
                r.inFlight = true;
                connection.send(r);
                connection.flush();
                pump(client, server);
            }
            return responses;
        }
        finally
        {
            client.finishAndReleaseAll();
            server.finishAndReleaseAll();
        }
    }

    /**
     * @return requests that failed (reset or lost) during the last run.
     */
    public int failures()
    {
        return failures;
    }

    private static void pump(final EmbeddedChannel client, final EmbeddedChannel server)
    {
        boolean moved = true;
        while (moved)
        {
            moved = move(client, server) | move(server, client);
        }
        releaseAll(client);
        releaseAll(server);
    }

    private static boolean move(final EmbeddedChannel from, final EmbeddedChannel to)
    {
        boolean moved = false;
        for (Object bytes = from.readOutbound(); bytes != null; bytes = from.readOutbound())
        {
            to.writeInbound(bytes);
            moved = true;
        }
        return moved;
    }

    private static void releaseAll(final EmbeddedChannel channel)
    {
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound())
        {
            ReferenceCountUtil.release(msg);
        }
    }

    /** An HTTP/2 server that acknowledges every request the way Bitget does (code 00000). */
    private static final class Responder extends ChannelDuplexHandler
    {
        private static final byte[] ACK = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":" +
            "{\"orderId\":\"1000000000000000001\",\"clientOid\":\"mm-warmup-0\"}}").getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BATCH_ACK = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":" +
            "{\"successList\":[{\"orderId\":\"1000000000000000001\",\"clientOid\":\"mm-warmup-0\"}," +
            "{\"orderId\":\"1000000000000000002\",\"clientOid\":\"mm-warmup-1\"}],\"failureList\":[]}}")
            .getBytes(StandardCharsets.US_ASCII);

        private final Map<Integer, Boolean> batchByStream = new HashMap<>();

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof Http2HeadersFrame)
                {
                    final Http2HeadersFrame headers = (Http2HeadersFrame)msg;
                    final CharSequence path = headers.headers().path();
                    batchByStream.put(headers.stream().id(), path != null && path.toString().contains("batch"));
                    if (headers.isEndStream())
                    {
                        answer(ctx, headers.stream());
                    }
                }
                else if (msg instanceof Http2DataFrame)
                {
                    final Http2DataFrame data = (Http2DataFrame)msg;
                    if (data.initialFlowControlledBytes() > 0)
                    {
                        ctx.write(new DefaultHttp2WindowUpdateFrame(data.initialFlowControlledBytes()).stream(data.stream()));
                    }
                    if (data.isEndStream())
                    {
                        answer(ctx, data.stream());
                    }
                    ctx.flush();
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        private void answer(final ChannelHandlerContext ctx, final Http2FrameStream stream)
        {
            final boolean batch = Boolean.TRUE.equals(batchByStream.remove(stream.id()));
            final ByteBuf body = Unpooled.wrappedBuffer(batch ? BATCH_ACK : ACK);
            ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200")
                .add("content-type", "application/json")).stream(stream));
            ctx.write(new DefaultHttp2DataFrame(body, true).stream(stream));
            ctx.flush();
        }
    }

    /** Replies decode into one scratch event that nobody reads. */
    private static final class DiscardPublisher implements InboundPublisher
    {
        private final InboundEvent scratch = new InboundEvent();
        private long next;

        @Override
        public long claim()
        {
            return next++;
        }

        @Override
        public InboundEvent event(final long sequence)
        {
            return scratch;
        }

        @Override
        public void publish(final long sequence)
        {
        }
    }
}
