package io.bitmm.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import java.util.Arrays;

/**
 * Reads RFC 6455 frames straight from the connection's bytes into one reused array and hands each complete text
 * message to a {@link Sink} as {@code (array, offset, length)}: no frame objects, no buffer slices, no per-message
 * allocation (Netty's {@code WebSocket08FrameDecoder} allocates a frame object and a payload buffer per message,
 * which made the market-data thread allocate ~75 bytes per update). It replaces Netty's frame decoder once the
 * handshake is done; Netty's encoder still writes what the session sends (subscriptions, pings: slow path).
 * <p>
 * Handles what a client must: unmasked server frames (masked ones are unmasked too), 7/16/64-bit lengths, messages
 * fragmented over continuation frames (reassembled into a second reused array), frames split across reads at any
 * byte, several frames in one read. Control frames: a ping is answered with a pong carrying its payload, a pong is
 * ignored, a close is echoed and the connection closed. Binary messages are counted and skipped (Bitget's v2 streams
 * are text). A protocol violation (reserved bits without a negotiated extension, an unknown opcode, a continuation
 * without a start, a control frame over 125 bytes or fragmented, a message over the size limit) is reported to the
 * sink and the connection is closed with status 1002 or 1009; the session reconnects.
 * <p>
 * Receive stamps: each message carries the time of the read that delivered its first byte, as given by
 * {@link #readNanos(long)} before the bytes (the session's first pipeline handler stamps every raw read; behind TLS
 * that is the read that completed the record holding the first byte).
 */
public final class WebSocketFrameReader extends ChannelInboundHandlerAdapter
{
    /** Told about messages and problems, on the event loop. */
    public interface Sink
    {
        /**
         * One complete text message.
         *
         * @param buffer  its bytes, valid for the call only.
         * @param offset  where it starts.
         * @param length  its length.
         * @param rxNanos when the read holding its first byte happened.
         */
        void onText(byte[] buffer, int offset, int length, long rxNanos);

        /**
         * A frame the reader skipped or a protocol error that closes the connection.
         *
         * @param problem what happened, a constant text.
         */
        void onProblem(String problem);
    }

    static final int OP_CONTINUATION = 0x0;
    static final int OP_TEXT = 0x1;
    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;

    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final Sink sink;
    private final int maxMessageLength;
    private byte[] input;
    private int inputLength;
    private byte[] message;
    private int messageLength;
    private boolean inMessage;
    private boolean messageIsText;
    private long messageNanos;
    private long pendingNanos;
    private long currentReadNanos;
    private int carriedLength;
    private boolean failed;

    /**
     * @param sink             told about messages.
     * @param initialCapacity  initial size of the reused arrays (they grow to fit, up to the limit).
     * @param maxMessageLength longest message accepted; longer closes the connection with 1009.
     */
    public WebSocketFrameReader(final Sink sink, final int initialCapacity, final int maxMessageLength)
    {
        this.sink = sink;
        this.maxMessageLength = maxMessageLength;
        this.input = new byte[initialCapacity];
        this.message = new byte[initialCapacity];
    }

    /**
     * Sets the receive stamp of the bytes that follow (the session's stamp handler calls this on every raw read).
     *
     * @param nanos {@link System#nanoTime()} of the read.
     */
    public void readNanos(final long nanos)
    {
        currentReadNanos = nanos;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof ByteBuf))
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final ByteBuf bytes = (ByteBuf)msg;
        try
        {
            if (!failed)
            {
                append(bytes);
                readFrames(ctx);
            }
        }
        finally
        {
            bytes.release();
        }
    }

    private void append(final ByteBuf bytes)
    {
        final int length = bytes.readableBytes();
        final long needed = (long)inputLength + length;
        if (needed > input.length)
        {
            input = Arrays.copyOf(input, (int)Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * input.length)));
        }
        bytes.getBytes(bytes.readerIndex(), input, inputLength, length);
        inputLength += length;
    }

    private void readFrames(final ChannelHandlerContext ctx)
    {
        // The first carriedLength bytes came in earlier reads: one partial frame, starting at 0, stamped pendingNanos.
        final int carried = carriedLength;
        int position = 0;
        while (!failed)
        {
            final int available = inputLength - position;
            if (available < 2)
            {
                break;
            }
            final int b0 = input[position] & 0xFF;
            final int b1 = input[position + 1] & 0xFF;
            final int length7 = b1 & 0x7F;
            final boolean masked = (b1 & 0x80) != 0;
            final int header = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (available < header)
            {
                break;
            }
            final long payloadLength = payloadLength(position, length7);
            if (payloadLength < 0 || payloadLength > maxMessageLength)
            {
                fail(ctx, "frame longer than the message limit", WebSocketCloseStatus.MESSAGE_TOO_BIG);
                break;
            }
            if (available < header + payloadLength)
            {
                break;
            }
            final long stamp = position < carried ? pendingNanos : currentReadNanos;
            final int payload = position + header;
            if (masked)
            {
                unmask(input, payload, (int)payloadLength, payload - 4);
            }
            onFrame(ctx, b0, payload, (int)payloadLength, stamp);
            position = payload + (int)payloadLength;
        }
        if (failed)
        {
            inputLength = 0;
            carriedLength = 0;
            return;
        }
        final int remaining = inputLength - position;
        if (remaining > 0)
        {
            if (position >= carried)
            {
                pendingNanos = currentReadNanos;
            }
            if (position > 0)
            {
                System.arraycopy(input, position, input, 0, remaining);
            }
        }
        inputLength = remaining;
        carriedLength = remaining;
    }

    private long payloadLength(final int position, final int length7)
    {
        if (length7 == 126)
        {
            return ((input[position + 2] & 0xFF) << 8) | (input[position + 3] & 0xFF);
        }
        if (length7 == 127)
        {
            long length = 0;
            for (int i = 2; i < 10; i++)
            {
                length = (length << 8) | (input[position + i] & 0xFF);
            }
            return length;
        }
        return length7;
    }

    private static void unmask(final byte[] data, final int offset, final int length, final int keyOffset)
    {
        final byte k0 = data[keyOffset];
        final byte k1 = data[keyOffset + 1];
        final byte k2 = data[keyOffset + 2];
        final byte k3 = data[keyOffset + 3];
        for (int i = 0; i < length; i++)
        {
            final int m = i & 3;
            data[offset + i] ^= m == 0 ? k0 : m == 1 ? k1 : m == 2 ? k2 : k3;
        }
    }

    private void onFrame(final ChannelHandlerContext ctx, final int b0, final int offset, final int length, final long stamp)
    {
        final boolean fin = (b0 & 0x80) != 0;
        final int opcode = b0 & 0x0F;
        if ((b0 & 0x70) != 0)
        {
            fail(ctx, "reserved bits set (no extension was negotiated)", WebSocketCloseStatus.PROTOCOL_ERROR);
            return;
        }
        switch (opcode)
        {
            case OP_TEXT:
            case OP_BINARY:
                onDataFrame(ctx, opcode == OP_TEXT, fin, offset, length, stamp);
                break;
            case OP_CONTINUATION:
                onContinuation(ctx, fin, offset, length);
                break;
            case OP_CLOSE:
            case OP_PING:
            case OP_PONG:
                onControl(ctx, opcode, fin, offset, length);
                break;
            default:
                fail(ctx, "unknown opcode", WebSocketCloseStatus.PROTOCOL_ERROR);
                break;
        }
    }

    private void onDataFrame(
        final ChannelHandlerContext ctx, final boolean text, final boolean fin, final int offset, final int length,
        final long stamp)
    {
        if (inMessage)
        {
            fail(ctx, "new message before the last fragment of the previous one", WebSocketCloseStatus.PROTOCOL_ERROR);
            return;
        }
        if (fin)
        {
            deliver(text, input, offset, length, stamp);
            return;
        }
        inMessage = true;
        messageIsText = text;
        messageNanos = stamp;
        messageLength = 0;
        appendFragment(offset, length);
    }

    private void onContinuation(final ChannelHandlerContext ctx, final boolean fin, final int offset, final int length)
    {
        if (!inMessage)
        {
            fail(ctx, "continuation frame without a message start", WebSocketCloseStatus.PROTOCOL_ERROR);
            return;
        }
        if ((long)messageLength + length > maxMessageLength)
        {
            fail(ctx, "fragmented message longer than the message limit", WebSocketCloseStatus.MESSAGE_TOO_BIG);
            return;
        }
        appendFragment(offset, length);
        if (fin)
        {
            inMessage = false;
            deliver(messageIsText, message, 0, messageLength, messageNanos);
        }
    }

    private void appendFragment(final int offset, final int length)
    {
        final int needed = messageLength + length;
        if (needed > message.length)
        {
            message = Arrays.copyOf(message, Math.max(needed, 2 * message.length));
        }
        System.arraycopy(input, offset, message, messageLength, length);
        messageLength = needed;
    }

    private void deliver(final boolean text, final byte[] buffer, final int offset, final int length, final long stamp)
    {
        if (text)
        {
            sink.onText(buffer, offset, length, stamp);
        }
        else
        {
            sink.onProblem("binary message skipped");
        }
    }

    private void onControl(final ChannelHandlerContext ctx, final int opcode, final boolean fin, final int offset, final int length)
    {
        if (!fin || length > MAX_CONTROL_PAYLOAD)
        {
            fail(ctx, "fragmented or oversized control frame", WebSocketCloseStatus.PROTOCOL_ERROR);
            return;
        }
        if (opcode == OP_PING)
        {
            final ByteBuf payload = Unpooled.copiedBuffer(input, offset, length);
            ctx.channel().writeAndFlush(new PongWebSocketFrame(payload));
        }
        else if (opcode == OP_CLOSE)
        {
            failed = true;
            final int received = length >= 2 ? ((input[offset] & 0xFF) << 8) | (input[offset + 1] & 0xFF) : 1000;
            final int status = WebSocketCloseStatus.isValidStatusCode(received) ? received : 1000;
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(status, null)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * @return true when no partial frame or fragmented message is held and the connection has not failed: the next
     *         bytes start a new message.
     */
    boolean betweenFrames()
    {
        return !failed && inputLength == 0 && !inMessage;
    }

    private void fail(final ChannelHandlerContext ctx, final String problem, final WebSocketCloseStatus status)
    {
        failed = true;
        inMessage = false;
        sink.onProblem(problem);
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
    }

}
