package io.bitmm.gateway.order;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.gateway.Endpoint;
import io.bitmm.gateway.auth.HmacSigner;

/**
 * One REST request and its reply, preallocated and reused: the encoded path (with its sorted query), body,
 * signature and timestamp; which commands it carries (a batch carries up to {@link #MAX_BATCH}); and the reply's
 * status and bytes once they arrive. The encoding and reply fields are public for the dialects' codecs
 * ({@link io.bitmm.gateway.bitget.OrderCodec}, {@link io.bitmm.gateway.bitget.ReplyCodec}); only the order I/O thread
 * touches them.
 */
public final class OrderRequest
{
    /** Most orders in one batch request (Bitget's limit). */
    public static final int MAX_BATCH = 50;
    public static final int MAX_PATH = 256;
    public static final int MAX_BODY = 16 * 1024;

    final int index;
    public Endpoint endpoint;
    public final byte[] path = new byte[MAX_PATH];
    public int pathLength;
    public final byte[] body = new byte[MAX_BODY];
    public int bodyLength;
    public final byte[] sign = new byte[HmacSigner.BASE64_LENGTH];
    public final byte[] timestamp = new byte[20];
    public int timestampLength;
    public boolean signed;

    public CommandType commandType = CommandType.NONE;
    public int instrumentId = -1;
    public int orderCount;
    public final byte[][] clientOids = new byte[MAX_BATCH][OutboundCommand.MAX_CLIENT_OID_LENGTH];
    public final int[] clientOidLengths = new int[MAX_BATCH];
    public final byte[] newClientOid = new byte[OutboundCommand.MAX_CLIENT_OID_LENGTH];
    public int newClientOidLength;

    boolean inFlight;
    long sentNanos;
    long sentWallMs;
    long deadlineNanos;
    Object connection;
    Object stream;
    int streamId;
    /** Lean HTTP/2: the stream's send window, body bytes sent, DATA bytes received since the last WINDOW_UPDATE. */
    int sendWindow;
    int bodySent;
    int receiveConsumed;

    /** Sends after a timestamp refusal (40008/40005); at most one. */
    int clockRetries;
    /** When it was held for a clock re-sync (ns). */
    long heldSinceNanos;
    /** The pool's count of clock measurements when it was held: it is sent again after the next one. */
    long heldAtSync;

    public int status;
    public long rxNanos;
    public byte[] response = new byte[MAX_BODY];
    public int responseLength;

    /**
     * @param index its slot in the pool.
     */
    public OrderRequest(final int index)
    {
        this.index = index;
    }

    /**
     * Forget everything, to reuse it for a new request.
     */
    public void clear()
    {
        endpoint = null;
        pathLength = 0;
        bodyLength = 0;
        timestampLength = 0;
        signed = false;
        commandType = CommandType.NONE;
        instrumentId = -1;
        orderCount = 0;
        newClientOidLength = 0;
        inFlight = false;
        connection = null;
        stream = null;
        streamId = 0;
        status = 0;
        rxNanos = 0;
        responseLength = 0;
        clockRetries = 0;
        heldSinceNanos = 0;
    }

    /** Forget the last answer and its stream, keeping the encoded request, to send it again. */
    void resetForRetry()
    {
        inFlight = false;
        connection = null;
        stream = null;
        streamId = 0;
        status = 0;
        rxNanos = 0;
        responseLength = 0;
    }

    void appendResponse(final io.netty.buffer.ByteBuf content)
    {
        final int length = content.readableBytes();
        ensureResponseCapacity(length);
        content.getBytes(content.readerIndex(), response, responseLength, length);
        responseLength += length;
    }

    void appendResponse(final byte[] src, final int offset, final int length)
    {
        ensureResponseCapacity(length);
        System.arraycopy(src, offset, response, responseLength, length);
        responseLength += length;
    }

    private void ensureResponseCapacity(final int length)
    {
        if (responseLength + length > response.length)
        {
            final byte[] bigger = new byte[Math.max(response.length * 2, responseLength + length)];
            System.arraycopy(response, 0, bigger, 0, responseLength);
            response = bigger;
        }
    }

    /**
     * Record one more order this request carries (its clientOid).
     *
     * @param src    the clientOid bytes.
     * @param length its length.
     */
    public void addClientOid(final byte[] src, final int length)
    {
        System.arraycopy(src, 0, clientOids[orderCount], 0, length);
        clientOidLengths[orderCount] = length;
        orderCount++;
    }

    public Endpoint endpoint()
    {
        return endpoint;
    }

    public int pathLength()
    {
        return pathLength;
    }

    public byte[] path()
    {
        return path;
    }

    public byte[] body()
    {
        return body;
    }

    public int bodyLength()
    {
        return bodyLength;
    }

    public byte[] sign()
    {
        return sign;
    }

    public byte[] timestamp()
    {
        return timestamp;
    }

    public int timestampLength()
    {
        return timestampLength;
    }

    public int orderCount()
    {
        return orderCount;
    }
}
