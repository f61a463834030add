package io.bitmm.gateway.order;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.agrona.collections.Int2ObjectHashMap;

import java.nio.charset.StandardCharsets;

/**
 * The client side of HTTP/2 (RFC 9113) for one order connection, framed by hand on the Netty channel's bytes so that
 * a request and its reply allocate nothing once warm ({@code gateway.http2-client = lean}). Netty's
 * {@code Http2FrameCodec} allocates ~3 kB per request (a stream object and its flow-control and priority state, a
 * headers map and its entries, frame objects, write promises, HPACK scratch); this writes each request's HEADERS
 * (and DATA) into one pooled buffer and reads replies from one reused array.
 * <p>
 * What it sends: the connection preface and a SETTINGS frame (push disabled, a 1 MiB stream receive window) and a
 * WINDOW_UPDATE opening the connection receive window to 16 MiB; per request a HEADERS frame whose HPACK block uses
 * only static-table indices and literals without indexing ({@code :path}, {@code :authority}, {@code content-length},
 * {@code content-type}) or never indexed (the {@code ACCESS-*} signature headers), so no encoder state exists and a
 * secret never enters a table; then the body as DATA within the server's flow-control windows (what does not fit
 * waits for its WINDOW_UPDATE, in request order). SETTINGS are acknowledged, PINGs answered, WINDOW_UPDATEs sent for
 * received DATA once half a window is consumed.
 * <p>
 * What it reads: frames split across reads at any byte, several in one read; HEADERS with padding, priority and
 * CONTINUATION, decoded by {@link HpackDecoder} (dynamic table, Huffman) for {@code :status}; DATA appended to the
 * request's reply; RST_STREAM fails that request; GOAWAY fails the requests the server did not process (above its
 * last stream id), lets the rest finish and stops new requests, so the pool replaces the connection. A protocol
 * violation ends the connection with GOAWAY and the right error code; every request still in flight is failed by the
 * connection's close. Problems are constant texts: no header value, key, passphrase or signature appears in them.
 */
final class LeanHttp2Handler extends ChannelInboundHandlerAdapter
{
    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int PRIORITY = 0x2;
    static final int RST_STREAM = 0x3;
    static final int SETTINGS = 0x4;
    static final int PUSH_PROMISE = 0x5;
    static final int PING = 0x6;
    static final int GOAWAY = 0x7;
    static final int WINDOW_UPDATE = 0x8;
    static final int CONTINUATION = 0x9;

    static final int FLAG_END_STREAM = 0x1;
    static final int FLAG_ACK = 0x1;
    static final int FLAG_END_HEADERS = 0x4;
    static final int FLAG_PADDED = 0x8;
    static final int FLAG_PRIORITY = 0x20;

    static final int NO_ERROR = 0x0;
    static final int PROTOCOL_ERROR = 0x1;
    static final int FLOW_CONTROL_ERROR = 0x3;
    static final int FRAME_SIZE_ERROR = 0x6;
    static final int CANCEL = 0x8;
    static final int COMPRESSION_ERROR = 0x9;
    static final int ENHANCE_YOUR_CALM = 0xb;

    static final int FRAME_HEADER_LENGTH = 9;
    /** The largest frame this client accepts (SETTINGS_MAX_FRAME_SIZE, left at the protocol's default). */
    static final int MAX_FRAME = 16_384;
    /** The receive window this client advertises per stream (SETTINGS_INITIAL_WINDOW_SIZE). */
    static final int STREAM_RECEIVE_WINDOW = 1 << 20;
    /** The connection receive window this client opens at start. */
    static final int CONNECTION_RECEIVE_WINDOW = 1 << 24;
    static final int DEFAULT_WINDOW = 65_535;
    private static final int MAX_WINDOW = Integer.MAX_VALUE;
    private static final int LAST_STREAM_ID = Integer.MAX_VALUE;

    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int METHOD_GET = 0x82;
    private static final int METHOD_POST = 0x83;
    private static final int SCHEME_HTTP = 0x86;
    private static final int SCHEME_HTTPS = 0x87;
    /** Literal without indexing, static name index 4 (:path). */
    private static final int PATH_FIELD = 0x04;
    /** Literal without indexing, static name index 28 (content-length): 4-bit prefix 15 then 13. */
    private static final byte[] CONTENT_LENGTH_NAME = {0x0f, 0x0d};
    private static final byte[] CONTENT_TYPE_FIELD;
    private static final byte[] SIGN_NAME = neverIndexedName("access-sign");
    private static final byte[] TIMESTAMP_NAME = neverIndexedName("access-timestamp");

    static
    {
        // literal without indexing, static name index 31 (content-type): 4-bit prefix 15 then 16
        final byte[] value = "application/json".getBytes(StandardCharsets.US_ASCII);
        CONTENT_TYPE_FIELD = new byte[3 + value.length];
        CONTENT_TYPE_FIELD[0] = 0x0f;
        CONTENT_TYPE_FIELD[1] = 0x10;
        CONTENT_TYPE_FIELD[2] = (byte)value.length;
        System.arraycopy(value, 0, CONTENT_TYPE_FIELD, 3, value.length);
    }

    /** Output buffers per connection, and their size: a flush's frames go out in one (or a few). */
    private static final int OUTPUT_BUFFERS = 8;
    private static final int OUTPUT_BUFFER = 32 * 1024;
    /**
     * The output buffers are unpooled direct buffers kept for the connection's life: NIO writes them through their
     * cached ByteBuffer view (a pooled or adaptive buffer makes a new view, and churns chunks, per write).
     */
    private static final UnpooledByteBufAllocator OUTPUT_ALLOCATOR = new UnpooledByteBufAllocator(true, true);

    private final HttpConnection owner;
    private final ByteBuf[] outs = new ByteBuf[OUTPUT_BUFFERS];
    private int nextOut;
    private ByteBuf out;
    private boolean outFromRing;
    private final Int2ObjectHashMap<OrderRequest> streams;
    private final int schemeField;
    private final byte[] authorityField;
    /** The key and passphrase as never-indexed literals (secret: never logged). */
    private final byte[] keyField;
    private final byte[] passphraseField;
    private final HpackDecoder hpack = new HpackDecoder();
    private final OrderRequest[] blocked = new OrderRequest[HttpConnection.MAX_CONCURRENT_STREAMS + 1];
    private final OrderRequest[] failing = new OrderRequest[HttpConnection.MAX_CONCURRENT_STREAMS + 1];
    private int blockedCount;
    private ChannelHandlerContext ctx;
    private boolean prefaceSent;
    private boolean settingsReceived;
    private boolean failed;
    private boolean flushNeeded;
    private byte[] input = new byte[2 * (FRAME_HEADER_LENGTH + MAX_FRAME)];
    private int inputLength;
    private byte[] block = new byte[4096];
    private int blockLength;
    private int blockStream;
    private boolean blockEndStream;
    private boolean inHeaderBlock;
    private int nextStreamId = 1;
    private long connectionSendWindow = DEFAULT_WINDOW;
    private int initialStreamSendWindow = DEFAULT_WINDOW;
    private int peerMaxFrame = MAX_FRAME;
    private int peerMaxStreams = Integer.MAX_VALUE;
    private long connectionConsumed;

    /**
     * @param owner      the connection told about readiness, replies, failures and GOAWAY.
     * @param streams    the owner's requests in flight by stream id (this handler adds and removes them).
     * @param https      whether {@code :scheme} is https.
     * @param authority  {@code host:port}.
     * @param apiKey     ACCESS-KEY, or null when requests are not signed.
     * @param passphrase ACCESS-PASSPHRASE, or null.
     */
    LeanHttp2Handler(
        final HttpConnection owner,
        final Int2ObjectHashMap<OrderRequest> streams,
        final boolean https,
        final String authority,
        final String apiKey,
        final String passphrase)
    {
        this.owner = owner;
        this.streams = streams;
        this.schemeField = https ? SCHEME_HTTPS : SCHEME_HTTP;
        this.authorityField = literal(new byte[] {0x01}, authority);
        this.keyField = apiKey == null ? new byte[0] : literal(neverIndexedName("access-key"), apiKey);
        this.passphraseField = passphrase == null ? new byte[0] : literal(neverIndexedName("access-passphrase"), passphrase);
    }

    private static byte[] neverIndexedName(final String name)
    {
        return literal(new byte[] {0x10}, name);
    }

    /** prefix bytes, then a plain (not Huffman) string literal. */
    private static byte[] literal(final byte[] prefix, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        final byte[] length = new byte[5];
        final int lengthBytes = hpackInt(length, bytes.length);
        final byte[] out = new byte[prefix.length + lengthBytes + bytes.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(length, 0, out, prefix.length, lengthBytes);
        System.arraycopy(bytes, 0, out, prefix.length + lengthBytes, bytes.length);
        return out;
    }

    /** An HPACK integer with a 7-bit prefix and the H bit clear; returns bytes written. */
    private static int hpackInt(final byte[] out, final int value)
    {
        if (value < 127)
        {
            out[0] = (byte)value;
            return 1;
        }
        out[0] = 127;
        int rest = value - 127;
        int i = 1;
        while (rest >= 128)
        {
            out[i++] = (byte)((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out[i++] = (byte)rest;
        return i;
    }

    private static void writeHpackLength(final ByteBuf out, final int value)
    {
        if (value < 127)
        {
            out.writeByte(value);
            return;
        }
        out.writeByte(127);
        int rest = value - 127;
        while (rest >= 128)
        {
            out.writeByte((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    /**
     * @return streams the server allows open at once (SETTINGS_MAX_CONCURRENT_STREAMS; unlimited until it says).
     */
    int peerMaxStreams()
    {
        return peerMaxStreams;
    }

    /**
     * @return true when no new stream can be opened on this connection (its ids are spent, or it failed).
     */
    boolean exhausted()
    {
        return failed || nextStreamId > LAST_STREAM_ID - 2 || nextStreamId < 0;
    }

    /**
     * @return the connection's send window now (bytes of DATA the server accepts before a WINDOW_UPDATE).
     */
    long connectionSendWindow()
    {
        return connectionSendWindow;
    }

    /**
     * @return requests whose body waits for flow-control window.
     */
    int blockedCount()
    {
        return blockedCount;
    }

    /**
     * Room for {@code needed} bytes of frames: the current output buffer, or the next one of the ring that the
     * channel has finished writing (refCnt 1: only this handler holds it), or, when all are still queued in the
     * channel, a pooled buffer the channel releases (a socket backlog: slow path).
     */
    private ByteBuf out(final int needed)
    {
        if (out != null)
        {
            if (out.writableBytes() >= needed)
            {
                return out;
            }
            writeOut();
        }
        for (int i = 0; i < outs.length; i++)
        {
            final ByteBuf candidate = outs[nextOut];
            nextOut = nextOut + 1 == outs.length ? 0 : nextOut + 1;
            if (candidate != null && candidate.refCnt() == 1 && candidate.capacity() >= needed)
            {
                out = candidate.clear();
                outFromRing = true;
                return out;
            }
        }
        out = ctx.alloc().ioBuffer(needed);
        outFromRing = false;
        return out;
    }

    /** Hand the current output buffer to the channel (no flush). */
    private void writeOut()
    {
        if (out == null)
        {
            return;
        }
        if (out.isReadable())
        {
            ctx.write(outFromRing ? out.retain() : out, ctx.voidPromise());
        }
        else if (!outFromRing)
        {
            out.release();
        }
        out = null;
    }

    /**
     * Write what is buffered and flush the channel.
     */
    void flush()
    {
        flushNeeded = false;
        writeOut();
        ctx.flush();
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        for (int i = 0; i < outs.length; i++)
        {
            outs[i] = OUTPUT_ALLOCATOR.directBuffer(OUTPUT_BUFFER, OUTPUT_BUFFER);
        }
        if (ctx.channel().isActive())
        {
            sendPreface();
        }
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        sendPreface();
        super.channelActive(ctx);
    }

    private void sendPreface()
    {
        if (prefaceSent)
        {
            return;
        }
        prefaceSent = true;
        final ByteBuf out = out(PREFACE.length + 2 * FRAME_HEADER_LENGTH + 12 + 4);
        out.writeBytes(PREFACE);
        frameHeader(out, 12, SETTINGS, 0, 0);
        out.writeShort(0x2).writeInt(0);
        out.writeShort(0x4).writeInt(STREAM_RECEIVE_WINDOW);
        frameHeader(out, 4, WINDOW_UPDATE, 0, 0);
        out.writeInt(CONNECTION_RECEIVE_WINDOW - DEFAULT_WINDOW);
        flush();
    }

    private static void frameHeader(final ByteBuf out, final int length, final int type, final int flags, final int stream)
    {
        out.writeMedium(length);
        out.writeByte(type);
        out.writeByte(flags);
        out.writeInt(stream);
    }

    /**
     * Open a stream for a request and write its HEADERS and as much of its body as the windows allow (no flush).
     *
     * @param r the encoded request.
     */
    void send(final OrderRequest r)
    {
        final int streamId = nextStreamId;
        nextStreamId += 2;
        r.streamId = streamId;
        r.sendWindow = initialStreamSendWindow;
        r.bodySent = 0;
        r.receiveConsumed = 0;
        final boolean post = r.endpoint.isPost();
        final boolean hasBody = r.bodyLength > 0;
        final int bound = FRAME_HEADER_LENGTH + 2 + authorityField.length + 6 + r.pathLength +
            (r.signed ? keyField.length + passphraseField.length + SIGN_NAME.length + TIMESTAMP_NAME.length +
                r.sign.length + r.timestampLength + 4 : 0) + (post ? CONTENT_TYPE_FIELD.length + 16 : 0) +
            (hasBody ? FRAME_HEADER_LENGTH + r.bodyLength : 0);
        final ByteBuf out = out(bound);
        final int start = out.writerIndex();
        frameHeader(out, 0, HEADERS, FLAG_END_HEADERS | (hasBody ? 0 : FLAG_END_STREAM), streamId);
        out.writeByte(post ? METHOD_POST : METHOD_GET);
        out.writeByte(schemeField);
        out.writeBytes(authorityField);
        out.writeByte(PATH_FIELD);
        writeHpackLength(out, r.pathLength);
        out.writeBytes(r.path, 0, r.pathLength);
        if (r.signed)
        {
            out.writeBytes(keyField);
            out.writeBytes(SIGN_NAME);
            writeHpackLength(out, r.sign.length);
            out.writeBytes(r.sign);
            out.writeBytes(TIMESTAMP_NAME);
            writeHpackLength(out, r.timestampLength);
            out.writeBytes(r.timestamp, 0, r.timestampLength);
            out.writeBytes(passphraseField);
        }
        if (post)
        {
            out.writeBytes(CONTENT_TYPE_FIELD);
            out.writeBytes(CONTENT_LENGTH_NAME);
            writeHpackLength(out, digits(r.bodyLength));
            writeDecimal(out, r.bodyLength);
        }
        out.setMedium(start, out.writerIndex() - start - FRAME_HEADER_LENGTH);
        streams.put(streamId, r);
        if (hasBody)
        {
            writeData(out, r);
            if (r.bodySent < r.bodyLength)
            {
                blocked[blockedCount++] = r;
            }
        }
    }

    private static int digits(final int value)
    {
        int n = 1;
        for (int v = value; v >= 10; v /= 10)
        {
            n++;
        }
        return n;
    }

    private static void writeDecimal(final ByteBuf out, final int value)
    {
        int divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            out.writeByte('0' + value / divisor % 10);
        }
    }

    /** As much of r's body as both windows and the peer's frame size allow, as DATA frames into out. */
    private void writeData(final ByteBuf out, final OrderRequest r)
    {
        while (r.bodySent < r.bodyLength)
        {
            final int n = (int)Math.min(Math.min(r.bodyLength - r.bodySent, peerMaxFrame),
                Math.min(connectionSendWindow, r.sendWindow));
            if (n <= 0)
            {
                return;
            }
            final boolean last = r.bodySent + n == r.bodyLength;
            frameHeader(out, n, DATA, last ? FLAG_END_STREAM : 0, r.streamId);
            out.writeBytes(r.body, r.bodySent, n);
            r.bodySent += n;
            r.sendWindow -= n;
            connectionSendWindow -= n;
        }
    }

    /**
     * Give up on a request: forget its stream and reset it (RST_STREAM CANCEL, flushed).
     *
     * @param r the request.
     */
    void reset(final OrderRequest r)
    {
        if (streams.remove(r.streamId) == null)
        {
            return;
        }
        unblock(r);
        if (!failed && ctx.channel().isActive())
        {
            writeReset(r.streamId, CANCEL);
            flush();
        }
    }

    private void writeReset(final int stream, final int code)
    {
        final ByteBuf out = out(FRAME_HEADER_LENGTH + 4);
        frameHeader(out, 4, RST_STREAM, 0, stream);
        out.writeInt(code);
    }

    private void unblock(final OrderRequest r)
    {
        for (int i = 0; i < blockedCount; i++)
        {
            if (blocked[i] == r)
            {
                System.arraycopy(blocked, i + 1, blocked, i, blockedCount - i - 1);
                blocked[--blockedCount] = null;
                return;
            }
        }
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof ByteBuf))
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final ByteBuf in = (ByteBuf)msg;
        try
        {
            if (failed)
            {
                return;
            }
            final int readable = in.readableBytes();
            if (inputLength + readable > input.length)
            {
                final byte[] bigger = new byte[Math.max(input.length * 2, inputLength + readable)];
                System.arraycopy(input, 0, bigger, 0, inputLength);
                input = bigger;
            }
            in.getBytes(in.readerIndex(), input, inputLength, readable);
            inputLength += readable;
            parse();
        }
        finally
        {
            in.release();
        }
    }

    private void parse()
    {
        int at = 0;
        while (!failed && inputLength - at >= FRAME_HEADER_LENGTH)
        {
            final int length = ((input[at] & 0xff) << 16) | ((input[at + 1] & 0xff) << 8) | (input[at + 2] & 0xff);
            if (length > MAX_FRAME)
            {
                connectionError(FRAME_SIZE_ERROR, "frame larger than 16384 bytes");
                break;
            }
            if (inputLength - at < FRAME_HEADER_LENGTH + length)
            {
                break;
            }
            final int type = input[at + 3] & 0xff;
            final int flags = input[at + 4] & 0xff;
            final int stream = readInt(input, at + 5) & 0x7fffffff;
            onFrame(type, flags, stream, at + FRAME_HEADER_LENGTH, length);
            at += FRAME_HEADER_LENGTH + length;
        }
        if (at > 0 && !failed)
        {
            System.arraycopy(input, at, input, 0, inputLength - at);
            inputLength -= at;
        }
    }

    private static int readInt(final byte[] b, final int at)
    {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        if (flushNeeded)
        {
            flush();
        }
        ctx.fireChannelReadComplete();
    }

    private void onFrame(final int type, final int flags, final int stream, final int offset, final int length)
    {
        if (!settingsReceived && type != SETTINGS)
        {
            connectionError(PROTOCOL_ERROR, "the server's first frame is not SETTINGS");
            return;
        }
        if (inHeaderBlock && (type != CONTINUATION || stream != blockStream))
        {
            connectionError(PROTOCOL_ERROR, "a header block was interrupted before END_HEADERS");
            return;
        }
        switch (type)
        {
            case DATA:
                onData(flags, stream, offset, length);
                break;
            case HEADERS:
                onHeaders(flags, stream, offset, length);
                break;
            case PRIORITY:
                if (stream == 0)
                {
                    connectionError(PROTOCOL_ERROR, "PRIORITY on stream 0");
                }
                break;
            case RST_STREAM:
                onReset(stream, offset, length);
                break;
            case SETTINGS:
                onSettings(flags, stream, offset, length);
                break;
            case PUSH_PROMISE:
                connectionError(PROTOCOL_ERROR, "PUSH_PROMISE while push is disabled");
                break;
            case PING:
                onPing(flags, stream, offset, length);
                break;
            case GOAWAY:
                onGoAway(stream, offset, length);
                break;
            case WINDOW_UPDATE:
                onWindowUpdate(stream, offset, length);
                break;
            case CONTINUATION:
                onContinuation(flags, stream, offset, length);
                break;
            default:
                break;
        }
    }

    private void onData(final int flags, final int stream, final int offset, final int length)
    {
        if (stream == 0)
        {
            connectionError(PROTOCOL_ERROR, "DATA on stream 0");
            return;
        }
        int dataOffset = offset;
        int dataLength = length;
        if ((flags & FLAG_PADDED) != 0)
        {
            final int padding = length == 0 ? length : input[offset] & 0xff;
            if (length == 0 || padding >= length)
            {
                connectionError(PROTOCOL_ERROR, "DATA padding longer than the frame");
                return;
            }
            dataOffset++;
            dataLength -= 1 + padding;
        }
        connectionConsumed += length;
        if (connectionConsumed >= CONNECTION_RECEIVE_WINDOW / 2)
        {
            writeWindowUpdate(0, (int)connectionConsumed);
            connectionConsumed = 0;
        }
        final OrderRequest r = streams.get(stream);
        if (r == null)
        {
            return;
        }
        stamp(r);
        r.appendResponse(input, dataOffset, dataLength);
        if ((flags & FLAG_END_STREAM) != 0)
        {
            complete(r);
            return;
        }
        r.receiveConsumed += length;
        if (r.receiveConsumed >= STREAM_RECEIVE_WINDOW / 2)
        {
            writeWindowUpdate(stream, r.receiveConsumed);
            r.receiveConsumed = 0;
        }
    }

    private void writeWindowUpdate(final int stream, final int increment)
    {
        final ByteBuf out = out(FRAME_HEADER_LENGTH + 4);
        frameHeader(out, 4, WINDOW_UPDATE, 0, stream);
        out.writeInt(increment);
        flushNeeded = true;
    }

    private static void stamp(final OrderRequest r)
    {
        if (r.rxNanos == 0)
        {
            r.rxNanos = System.nanoTime();
        }
    }

    private void complete(final OrderRequest r)
    {
        streams.remove(r.streamId);
        if (r.bodySent < r.bodyLength)
        {
            // answered before its body was all sent (RFC 9113 8.1): stop sending it
            unblock(r);
            writeReset(r.streamId, NO_ERROR);
            flushNeeded = true;
        }
        owner.leanResponse(r);
    }

    private void onHeaders(final int flags, final int stream, final int offset, final int length)
    {
        if (stream == 0)
        {
            connectionError(PROTOCOL_ERROR, "HEADERS on stream 0");
            return;
        }
        int fragmentOffset = offset;
        int fragmentLength = length;
        if ((flags & FLAG_PADDED) != 0)
        {
            final int padding = length == 0 ? 0 : input[offset] & 0xff;
            if (length == 0 || padding >= length)
            {
                connectionError(PROTOCOL_ERROR, "HEADERS padding longer than the frame");
                return;
            }
            fragmentOffset++;
            fragmentLength -= 1 + padding;
        }
        if ((flags & FLAG_PRIORITY) != 0)
        {
            if (fragmentLength < 5)
            {
                connectionError(FRAME_SIZE_ERROR, "HEADERS too short for its priority");
                return;
            }
            fragmentOffset += 5;
            fragmentLength -= 5;
        }
        blockLength = 0;
        blockStream = stream;
        blockEndStream = (flags & FLAG_END_STREAM) != 0;
        if (appendFragment(fragmentOffset, fragmentLength))
        {
            if ((flags & FLAG_END_HEADERS) != 0)
            {
                endHeaderBlock();
            }
            else
            {
                inHeaderBlock = true;
            }
        }
    }

    private void onContinuation(final int flags, final int stream, final int offset, final int length)
    {
        if (!inHeaderBlock)
        {
            connectionError(PROTOCOL_ERROR, "CONTINUATION without a header block");
            return;
        }
        if (appendFragment(offset, length) && (flags & FLAG_END_HEADERS) != 0)
        {
            inHeaderBlock = false;
            endHeaderBlock();
        }
    }

    private boolean appendFragment(final int offset, final int length)
    {
        if (blockLength + length > HpackDecoder.MAX_BLOCK)
        {
            connectionError(ENHANCE_YOUR_CALM, "header block over 16 KiB");
            return false;
        }
        if (blockLength + length > block.length)
        {
            final byte[] bigger = new byte[Math.min(HpackDecoder.MAX_BLOCK, Math.max(block.length * 2, blockLength + length))];
            System.arraycopy(block, 0, bigger, 0, blockLength);
            block = bigger;
        }
        System.arraycopy(input, offset, block, blockLength, length);
        blockLength += length;
        return true;
    }

    private void endHeaderBlock()
    {
        final int status = hpack.decode(block, 0, blockLength);
        if (status == HpackDecoder.ERROR)
        {
            connectionError(COMPRESSION_ERROR, hpack.problem());
            return;
        }
        final OrderRequest r = streams.get(blockStream);
        if (r == null)
        {
            return;
        }
        stamp(r);
        if (status >= 200 && r.status == 0)
        {
            r.status = status;
        }
        if (blockEndStream)
        {
            complete(r);
        }
    }

    private void onReset(final int stream, final int offset, final int length)
    {
        if (length != 4)
        {
            connectionError(FRAME_SIZE_ERROR, "RST_STREAM length is not 4");
            return;
        }
        if (stream == 0)
        {
            connectionError(PROTOCOL_ERROR, "RST_STREAM on stream 0");
            return;
        }
        final OrderRequest r = streams.remove(stream);
        if (r != null)
        {
            unblock(r);
            owner.leanFailure(r, readInt(input, offset));
        }
    }

    private void onSettings(final int flags, final int stream, final int offset, final int length)
    {
        if (stream != 0)
        {
            connectionError(PROTOCOL_ERROR, "SETTINGS on a stream");
            return;
        }
        if ((flags & FLAG_ACK) != 0)
        {
            if (length != 0)
            {
                connectionError(FRAME_SIZE_ERROR, "SETTINGS ACK with a payload");
            }
            return;
        }
        if (length % 6 != 0)
        {
            connectionError(FRAME_SIZE_ERROR, "SETTINGS length not a multiple of 6");
            return;
        }
        for (int at = offset; at < offset + length; at += 6)
        {
            final int id = ((input[at] & 0xff) << 8) | (input[at + 1] & 0xff);
            final int value = readInt(input, at + 2);
            switch (id)
            {
                case 0x3:
                    peerMaxStreams = value < 0 ? Integer.MAX_VALUE : value;
                    break;
                case 0x4:
                    if (value < 0)
                    {
                        connectionError(FLOW_CONTROL_ERROR, "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1");
                        return;
                    }
                    applyInitialWindow(value);
                    break;
                case 0x5:
                    if (value < MAX_FRAME || value > 0xffffff)
                    {
                        connectionError(PROTOCOL_ERROR, "SETTINGS_MAX_FRAME_SIZE out of range");
                        return;
                    }
                    peerMaxFrame = value;
                    break;
                case 0x2:
                    if (value != 0 && value != 1)
                    {
                        connectionError(PROTOCOL_ERROR, "SETTINGS_ENABLE_PUSH not 0 or 1");
                        return;
                    }
                    break;
                default:
                    // HEADER_TABLE_SIZE: nothing is ever added to the server's table; others do not concern a client
                    break;
            }
        }
        frameHeader(out(FRAME_HEADER_LENGTH), 0, SETTINGS, FLAG_ACK, 0);
        drainBlocked();
        flush();
        if (!settingsReceived)
        {
            settingsReceived = true;
            owner.leanProtocolReady();
        }
    }

    private void applyInitialWindow(final int value)
    {
        final int delta = value - initialStreamSendWindow;
        initialStreamSendWindow = value;
        if (delta == 0 || streams.isEmpty())
        {
            return;
        }
        for (final OrderRequest r : streams.values())
        {
            final long window = (long)r.sendWindow + delta;
            if (window > MAX_WINDOW)
            {
                connectionError(FLOW_CONTROL_ERROR, "a stream window above 2^31-1 after SETTINGS_INITIAL_WINDOW_SIZE");
                return;
            }
            r.sendWindow = (int)window;
        }
    }

    private void onPing(final int flags, final int stream, final int offset, final int length)
    {
        if (length != 8)
        {
            connectionError(FRAME_SIZE_ERROR, "PING length is not 8");
            return;
        }
        if (stream != 0)
        {
            connectionError(PROTOCOL_ERROR, "PING on a stream");
            return;
        }
        if ((flags & FLAG_ACK) == 0)
        {
            final ByteBuf out = out(FRAME_HEADER_LENGTH + 8);
            frameHeader(out, 8, PING, FLAG_ACK, 0);
            out.writeBytes(input, offset, 8);
            flushNeeded = true;
        }
    }

    private void onGoAway(final int stream, final int offset, final int length)
    {
        if (stream != 0)
        {
            connectionError(PROTOCOL_ERROR, "GOAWAY on a stream");
            return;
        }
        if (length < 8)
        {
            connectionError(FRAME_SIZE_ERROR, "GOAWAY shorter than 8 bytes");
            return;
        }
        final int lastStream = readInt(input, offset) & 0x7fffffff;
        final int errorCode = readInt(input, offset + 4);
        int count = 0;
        for (final OrderRequest r : streams.values())
        {
            if (r.streamId > lastStream)
            {
                failing[count++] = r;
            }
        }
        for (int i = 0; i < count; i++)
        {
            final OrderRequest r = failing[i];
            failing[i] = null;
            streams.remove(r.streamId);
            unblock(r);
            owner.leanFailure(r, -1);
        }
        owner.leanGoAway(lastStream, errorCode, count);
    }

    private void onWindowUpdate(final int stream, final int offset, final int length)
    {
        if (length != 4)
        {
            connectionError(FRAME_SIZE_ERROR, "WINDOW_UPDATE length is not 4");
            return;
        }
        final int increment = readInt(input, offset) & 0x7fffffff;
        if (stream == 0)
        {
            if (increment == 0)
            {
                connectionError(PROTOCOL_ERROR, "connection WINDOW_UPDATE of 0");
                return;
            }
            connectionSendWindow += increment;
            if (connectionSendWindow > MAX_WINDOW)
            {
                connectionError(FLOW_CONTROL_ERROR, "connection send window above 2^31-1");
                return;
            }
        }
        else
        {
            final OrderRequest r = streams.get(stream);
            if (r == null)
            {
                return;
            }
            if (increment == 0 || (long)r.sendWindow + increment > MAX_WINDOW)
            {
                streams.remove(stream);
                unblock(r);
                writeReset(stream, increment == 0 ? PROTOCOL_ERROR : FLOW_CONTROL_ERROR);
                flushNeeded = true;
                owner.leanFailure(r, -1);
                return;
            }
            r.sendWindow += increment;
        }
        drainBlocked();
    }

    /** Send the waiting bodies, oldest first, as far as the windows allow. */
    private void drainBlocked()
    {
        if (blockedCount == 0 || connectionSendWindow <= 0)
        {
            return;
        }
        int done = 0;
        for (int i = 0; i < blockedCount; i++)
        {
            final OrderRequest r = blocked[i];
            final int n = (int)Math.min(Math.min(r.bodyLength - r.bodySent, connectionSendWindow), r.sendWindow);
            if (n <= 0)
            {
                break;
            }
            writeData(out(n + (n / MAX_FRAME + 1) * FRAME_HEADER_LENGTH), r);
            flushNeeded = true;
            if (r.bodySent < r.bodyLength)
            {
                break;
            }
            done++;
        }
        if (done > 0)
        {
            System.arraycopy(blocked, done, blocked, 0, blockedCount - done);
            for (int i = blockedCount - done; i < blockedCount; i++)
            {
                blocked[i] = null;
            }
            blockedCount -= done;
        }
    }

    private void connectionError(final int code, final String problem)
    {
        if (failed)
        {
            return;
        }
        failed = true;
        owner.leanProblem(problem);
        if (ctx.channel().isActive())
        {
            final ByteBuf out = out(FRAME_HEADER_LENGTH + 8);
            frameHeader(out, 8, GOAWAY, 0, 0);
            out.writeInt(0);
            out.writeInt(code);
            writeOut();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(f -> ctx.close());
        }
        else
        {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        owner.leanClosed();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        if (out != null && !outFromRing)
        {
            out.release();
        }
        out = null;
        for (int i = 0; i < outs.length; i++)
        {
            if (outs[i] != null)
            {
                outs[i].release();
                outs[i] = null;
            }
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        owner.leanProblem("I/O error: " + cause.getClass().getSimpleName());
        ctx.close();
    }
}
