package io.bitmm.gateway.order;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.v2.SpotOrderEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One order request through {@link HttpConnection}'s HTTP/2 client, {@code netty} ({@code Http2FrameCodec}) against
 * {@code lean} ({@link LeanHttp2Handler}): encode and sign (the same for both), HEADERS and DATA frames written and
 * flushed (the latency report's {@code flush} stage), the reply's HEADERS and DATA frames read, HPACK, completion.
 * The server end is an in-memory channel fed pre-encoded frames, so only the client is measured. JMH's threads are
 * not Netty threads, whose per-thread buffer recycling the order I/O thread gets: {@code -prof gc} shows ~160 B per
 * request more than the order thread allocates (0 B for lean, {@code HttpConnectionAllocationTest}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OrderRoundTripBenchmark
{
    private static final byte[] ACK = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":" +
        "{\"orderId\":\"1000000000000000001\",\"clientOid\":\"mm-1\"}}").getBytes(StandardCharsets.US_ASCII);

    /** The HTTP/2 client. */
    @Param({"netty", "lean"})
    public String client;

    private final SpotOrderEncoder encoder = new SpotOrderEncoder(new HmacSigner(
        "bitget-test-secret-0001".getBytes(StandardCharsets.US_ASCII)));
    private final OutboundCommand command = new OutboundCommand();
    private final Instrument btc = new Instrument(0, "BTCUSDT", InstrumentKind.SPOT, 0, 2, 2, 1, 4, 1, 0, 100_000_000L,
        50_000, 50_000, 1000, 1000, 200);
    private final OrderRequest request = new OrderRequest(0);
    private final byte[] reply = new byte[9 + 1 + 9 + ACK.length];
    private EmbeddedChannel channel;
    private HttpConnection connection;
    private long timestampMs = 1_700_000_000_000L;
    private int answered;

    /** Open the connection and exchange SETTINGS. */
    @Setup(Level.Trial)
    public void open()
    {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        command.type = CommandType.PLACE;
        command.instrumentId = 0;
        final byte[] oid = "mm-1".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(oid, 0, command.clientOid, 0, oid.length);
        command.clientOidLength = oid.length;
        command.side = Side.BUY;
        command.price = 3_000_001;
        command.size = 10;
        command.timeInForce = TimeInForce.POST_ONLY;
        channel = new EmbeddedChannel();
        connection = new HttpConnection(0, URI.create("https://api.bitget.com"), true, true, "lean".equals(client),
            new Credentials("key-1", "bitget-test-secret-0001", "pass-1"), new HttpConnection.Listener()
            {
                @Override
                public void onProtocolReady(final HttpConnection c)
                {
                }

                @Override
                public void onResponse(final HttpConnection c, final OrderRequest r)
                {
                    answered++;
                }

                @Override
                public void onClosed(final HttpConnection c, final boolean protocolWasUp)
                {
                }

                @Override
                public void onFailure(final HttpConnection c, final OrderRequest r)
                {
                }
            });
        connection.attach(channel);
        discard();
        // SETTINGS (initial window 2^31-1), connection WINDOW_UPDATE to 2^31-1, SETTINGS ACK
        final byte[] preface = new byte[9 + 6 + 9 + 4 + 9];
        header(preface, 0, 6, 0x4, 0, 0);
        preface[10] = 0x4;
        writeInt(preface, 11, Integer.MAX_VALUE);
        header(preface, 15, 4, 0x8, 0, 0);
        writeInt(preface, 24, Integer.MAX_VALUE - 65_535);
        header(preface, 28, 0, 0x4, 0x1, 0);
        deliver(preface);
        discard();
        header(reply, 0, 1, 0x1, 0x4, 1);
        reply[9] = (byte)0x88;
        header(reply, 10, ACK.length, 0x0, 0x1, 1);
        System.arraycopy(ACK, 0, reply, 19, ACK.length);
    }

    /** Close it. */
    @TearDown(Level.Trial)
    public void close()
    {
        channel.finishAndReleaseAll();
    }

    /**
     * Encode, sign, write, flush, and read the reply (HEADERS {@code :status 200}, DATA).
     *
     * @return requests answered.
     */
    @Benchmark
    public int roundTrip()
    {
        send();
        answer();
        return answered;
    }

    private void send()
    {
        request.clear();
        command.price = 3_000_001 + (timestampMs & 63);
        encoder.encode(request, command, btc, ++timestampMs);
        connection.send(request);
        connection.flush();
        discard();
    }

    private void answer()
    {
        final int stream = request.streamId;
        writeInt(reply, 5, stream);
        writeInt(reply, 15, stream);
        deliver(reply);
        discard();
    }

    private void deliver(final byte[] bytes)
    {
        final ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(bytes.length);
        buf.writeBytes(bytes);
        channel.pipeline().fireChannelRead(buf);
        channel.pipeline().fireChannelReadComplete();
    }

    private void discard()
    {
        for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound())
        {
            ((ByteBuf)msg).release();
        }
    }

    private static void header(final byte[] b, final int at, final int length, final int type, final int flags, final int stream)
    {
        b[at] = (byte)(length >>> 16);
        b[at + 1] = (byte)(length >>> 8);
        b[at + 2] = (byte)length;
        b[at + 3] = (byte)type;
        b[at + 4] = (byte)flags;
        writeInt(b, at + 5, stream);
    }

    private static void writeInt(final byte[] b, final int at, final int v)
    {
        b[at] = (byte)(v >>> 24);
        b[at + 1] = (byte)(v >>> 16);
        b[at + 2] = (byte)(v >>> 8);
        b[at + 3] = (byte)v;
    }
}
