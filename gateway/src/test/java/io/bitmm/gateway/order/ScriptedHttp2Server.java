package io.bitmm.gateway.order;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;

/**
 * The server end of an in-memory HTTP/2 connection that allocates nothing per request: it discards what the client
 * writes and answers each request it is told about with pre-encoded frames, a HEADERS frame
 * ({@code :status 200}, static table index 8) and a DATA frame with a Bitget acknowledgement ending the stream. Its
 * SETTINGS open the client's send windows to 2^31-1, so it never needs to read the client's DATA to refill them.
 * Used to measure what the client side of the order path allocates on its own.
 */
final class ScriptedHttp2Server
{
    static final byte[] ACK = ("{\"code\":\"00000\",\"msg\":\"success\",\"requestTime\":1,\"data\":" +
        "{\"orderId\":\"1000000000000000001\",\"clientOid\":\"mm-warmup-0\"}}").getBytes(StandardCharsets.US_ASCII);

    private final EmbeddedChannel client;
    private final byte[] reply;

    ScriptedHttp2Server(final EmbeddedChannel client)
    {
        this.client = client;
        reply = new byte[9 + 1 + 9 + ACK.length];
        frameHeader(reply, 0, 1, 0x1, 0x4, 1);
        reply[9] = (byte)0x88;
        frameHeader(reply, 10, ACK.length, 0x0, 0x1, 1);
        System.arraycopy(ACK, 0, reply, 19, ACK.length);
    }

    static void frameHeader(final byte[] b, final int at, final int length, final int type, final int flags, final int stream)
    {
        b[at] = (byte)(length >>> 16);
        b[at + 1] = (byte)(length >>> 8);
        b[at + 2] = (byte)length;
        b[at + 3] = (byte)type;
        b[at + 4] = (byte)flags;
        b[at + 5] = (byte)(stream >>> 24);
        b[at + 6] = (byte)(stream >>> 16);
        b[at + 7] = (byte)(stream >>> 8);
        b[at + 8] = (byte)stream;
    }

    /** The server's preface: SETTINGS (initial window 2^31-1), a connection WINDOW_UPDATE to 2^31-1, SETTINGS ACK. */
    void preface()
    {
        final byte[] b = new byte[9 + 6 + 9 + 4 + 9];
        frameHeader(b, 0, 6, 0x4, 0, 0);
        b[10] = 0x4;
        b[11] = 0x7f;
        b[12] = (byte)0xff;
        b[13] = (byte)0xff;
        b[14] = (byte)0xff;
        frameHeader(b, 15, 4, 0x8, 0, 0);
        final int increment = Integer.MAX_VALUE - 65_535;
        b[24] = (byte)(increment >>> 24);
        b[25] = (byte)(increment >>> 16);
        b[26] = (byte)(increment >>> 8);
        b[27] = (byte)increment;
        frameHeader(b, 28, 0, 0x4, 0x1, 0);
        deliver(b, b.length);
    }

    /**
     * Answer a request.
     *
     * @param stream its stream id.
     */
    void answer(final int stream)
    {
        setStream(reply, 0, stream);
        setStream(reply, 10, stream);
        deliver(reply, reply.length);
    }

    /** Drop what the client wrote. */
    void discardOutbound()
    {
        for (Object msg = client.readOutbound(); msg != null; msg = client.readOutbound())
        {
            ((ByteBuf)msg).release();
        }
    }

    private static void setStream(final byte[] b, final int at, final int stream)
    {
        b[at + 5] = (byte)(stream >>> 24);
        b[at + 6] = (byte)(stream >>> 16);
        b[at + 7] = (byte)(stream >>> 8);
        b[at + 8] = (byte)stream;
    }

    void deliver(final byte[] bytes, final int length)
    {
        final ByteBuf buf = PooledByteBufAllocator.DEFAULT.heapBuffer(length);
        buf.writeBytes(bytes, 0, length);
        client.pipeline().fireChannelRead(buf);
        client.pipeline().fireChannelReadComplete();
    }
}
