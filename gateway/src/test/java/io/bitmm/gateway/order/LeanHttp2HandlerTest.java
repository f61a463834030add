package io.bitmm.gateway.order;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.Endpoint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lean HTTP/2 client's framing against a scripted server: raw frames in, the client's frames out, parsed here.
 */
class LeanHttp2HandlerTest
{
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\"}".getBytes(StandardCharsets.US_ASCII);
    private static final Credentials CREDENTIALS = new Credentials("key-1", "secret-1", "pass-1");

    private EmbeddedChannel client;
    private HttpConnection connection;
    private final List<OrderRequest> responses = new ArrayList<>();
    private final List<OrderRequest> failures = new ArrayList<>();
    private int ready;
    private int closed;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int readOffset;

    /** One frame the client wrote. */
    private record Frame(int type, int flags, int stream, byte[] payload)
    {
    }

    @BeforeEach
    void open()
    {
        client = new EmbeddedChannel();
        connection = new HttpConnection(1, URI.create("https://api.bitget.com"), true, true, true, CREDENTIALS,
            new HttpConnection.Listener()
            {
                @Override
                public void onProtocolReady(final HttpConnection c)
                {
                    ready++;
                }

                @Override
                public void onResponse(final HttpConnection c, final OrderRequest r)
                {
                    responses.add(r);
                }

                @Override
                public void onClosed(final HttpConnection c, final boolean protocolWasUp)
                {
                    closed++;
                }

                @Override
                public void onFailure(final HttpConnection c, final OrderRequest r)
                {
                    failures.add(r);
                }
            });
        connection.attach(client);
    }

    @AfterEach
    void close()
    {
        client.finishAndReleaseAll();
    }

    @Test
    void shouldSendThePrefaceSettingsAndAConnectionWindowUpdate()
    {
        final byte[] out = drain();
        assertArrayEquals(PREFACE, Arrays.copyOf(out, PREFACE.length));
        final List<Frame> frames = framesOf(out);
        assertEquals(LeanHttp2Handler.SETTINGS, frames.get(0).type());
        assertEquals(LeanHttp2Handler.WINDOW_UPDATE, frames.get(1).type());
        assertEquals(0, frames.get(1).stream());
        assertEquals(LeanHttp2Handler.CONNECTION_RECEIVE_WINDOW - 65_535, readInt(frames.get(1).payload(), 0));
        assertEquals(0, ready, "ready only once the server's SETTINGS arrive");
        deliver(settings());
        assertEquals(1, ready);
        final Frame ack = frames().get(0);
        assertEquals(LeanHttp2Handler.SETTINGS, ack.type());
        assertEquals(LeanHttp2Handler.FLAG_ACK, ack.flags());
    }

    @Test
    void shouldEncodeHeadersThatNettysDecoderReadsBack() throws Exception
    {
        start();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
        connection.send(r);
        connection.flush();
        final List<Frame> frames = frames();
        assertEquals(LeanHttp2Handler.HEADERS, frames.get(0).type());
        assertEquals(1, frames.get(0).stream());
        assertEquals(LeanHttp2Handler.FLAG_END_HEADERS, frames.get(0).flags(), "END_STREAM comes with the DATA");
        final Http2Headers headers = new DefaultHttp2HeadersDecoder(true).decodeHeaders(1,
            Unpooled.wrappedBuffer(frames.get(0).payload()));
        assertEquals("POST", headers.method().toString());
        assertEquals("https", headers.scheme().toString());
        assertEquals("api.bitget.com:443", headers.authority().toString());
        assertEquals("/api/v2/spot/trade/place-order", headers.path().toString());
        assertEquals("key-1", headers.get("access-key").toString());
        assertEquals("pass-1", headers.get("access-passphrase").toString());
        assertEquals("SIGNATURE-0123456789-0123456789-01234567890=", headers.get("access-sign").toString());
        assertEquals("1700000000000", headers.get("access-timestamp").toString());
        assertEquals("application/json", headers.get("content-type").toString());
        assertEquals(String.valueOf(BODY.length), headers.get("content-length").toString());
        assertEquals(LeanHttp2Handler.DATA, frames.get(1).type());
        assertEquals(LeanHttp2Handler.FLAG_END_STREAM, frames.get(1).flags());
        assertArrayEquals(BODY, frames.get(1).payload());
        // nothing of the key, passphrase or signature is ever added to a table: the literals are never-indexed (0x10)
        final byte[] block = frames.get(0).payload();
        assertTrue(indexOf(block, bytes("access-sign")) > 0 && block[indexOf(block, bytes("access-sign")) - 2] == 0x10);
    }

    @Test
    void shouldReadEveryFrameSplitAtEveryByte()
    {
        final byte[] preface = settings();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
        final byte[] reply = concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_END_HEADERS, 1, new byte[] {(byte)0x88}),
            frame(LeanHttp2Handler.DATA, 0, 1, bytes("{\"code\":")),
            frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM, 1, bytes("\"00000\"}")));
        for (final byte b : preface)
        {
            deliver(new byte[] {b});
        }
        assertEquals(1, ready);
        connection.send(r);
        connection.flush();
        drain();
        for (int i = 0; i < reply.length; i++)
        {
            assertTrue(responses.isEmpty(), "complete only after the last byte");
            deliver(new byte[] {reply[i]});
        }
        assertEquals(1, responses.size());
        assertEquals(200, r.status);
        assertEquals("{\"code\":\"00000\"}", new String(r.response, 0, r.responseLength, StandardCharsets.US_ASCII));
        assertEquals(0, connection.inFlight());
    }

    @Test
    void shouldJoinContinuationFramesAndSkipPaddingAndPriority()
    {
        start();
        final OrderRequest r = request(Endpoint.CANCEL_ORDER, BODY);
        connection.send(r);
        connection.flush();
        drain();
        final byte[] block = headerBlock(new DefaultHttp2Headers().status("429")
            .add("content-type", "application/json").add("x-mbx-used-weight", "12345678901234567890"));
        // HEADERS: padded (3 bytes) and with priority, the block's first 5 bytes; then two CONTINUATIONs
        final byte[] first = concat(new byte[] {3}, new byte[] {0, 0, 0, 0, 16}, Arrays.copyOf(block, 5), new byte[3]);
        deliver(concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_PADDED | LeanHttp2Handler.FLAG_PRIORITY, 1, first),
            frame(LeanHttp2Handler.CONTINUATION, 0, 1, Arrays.copyOfRange(block, 5, 9))));
        assertEquals(0, r.status, "the header block is not complete yet");
        deliver(frame(LeanHttp2Handler.CONTINUATION, LeanHttp2Handler.FLAG_END_HEADERS, 1,
            Arrays.copyOfRange(block, 9, block.length)));
        assertEquals(429, r.status);
        deliver(frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM | LeanHttp2Handler.FLAG_PADDED, 1,
            concat(new byte[] {2}, bytes("{}"), new byte[2])));
        assertEquals(1, responses.size());
        assertEquals("{}", new String(r.response, 0, r.responseLength, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldFailTheConnectionWhenAHeaderBlockIsInterrupted()
    {
        start();
        final OrderRequest r = request(Endpoint.CANCEL_ORDER, BODY);
        connection.send(r);
        connection.flush();
        drain();
        deliver(concat(frame(LeanHttp2Handler.HEADERS, 0, 1, new byte[] {(byte)0x88}),
            frame(LeanHttp2Handler.DATA, 0, 1, bytes("x"))));
        final Frame goAway = lastFrame();
        assertEquals(LeanHttp2Handler.GOAWAY, goAway.type());
        assertEquals(LeanHttp2Handler.PROTOCOL_ERROR, readInt(goAway.payload(), 4));
        client.runPendingTasks();
        assertFalse(client.isActive());
        assertEquals(List.of(r), failures, "the request in flight is failed with the connection");
        assertEquals(1, closed);
        assertTrue(connection.problem().contains("header block"), connection.problem());
    }

    @Test
    void shouldDecodeHuffmanCodedRepliesThatUseTheDynamicTable()
    {
        start();
        final Encoder venue = new Encoder();
        final String[] statuses = {"200", "200", "429", "200", "503", "400", "200"};
        for (int i = 0; i < statuses.length; i++)
        {
            final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
            connection.send(r);
            connection.flush();
            drain();
            final Http2Headers headers = new DefaultHttp2Headers().status(statuses[i])
                .add("content-type", "application/json;charset=utf-8")
                .add("x-request-id", "req-" + (i % 3))
                .add("date", "Mon, 30 Nov 2026 23:59:0" + i + " GMT");
            deliver(concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_END_HEADERS, r.streamId,
                venue.encode(r.streamId, headers)), frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM,
                r.streamId, bytes("{}"))));
            assertEquals(Integer.parseInt(statuses[i]), r.status, "reply " + i);
        }
        assertEquals(statuses.length, responses.size());
        assertTrue(connection.lean() != null && connection.isOpen());
    }

    @Test
    void shouldDecodeAStatusTheVenueIndexedInItsDynamicTable()
    {
        final HpackDecoder decoder = new HpackDecoder();
        // literal with incremental indexing, new name ":status" (Huffman-coded), value "418"; then an indexed
        // reference to it (62); then a size update to 0 evicting it, and the static 200
        final byte[] name = huffman(":status");
        final byte[] first = concat(new byte[] {0x40, (byte)(0x80 | name.length)}, name, new byte[] {3}, bytes("418"));
        assertEquals(418, decoder.decode(first, 0, first.length));
        assertEquals(1, decoder.tableEntries());
        assertEquals(":status".length() + 3 + 32, decoder.tableSize());
        assertEquals(418, decoder.decode(new byte[] {(byte)0xbe}, 0, 1));
        assertEquals(200, decoder.decode(new byte[] {0x20, (byte)0x88}, 0, 2));
        assertEquals(0, decoder.tableEntries());
        assertEquals(HpackDecoder.ERROR, decoder.decode(new byte[] {(byte)0xbe}, 0, 1), "index 62 is gone");
        assertNotNull(decoder.problem());
    }

    @Test
    void shouldRejectMalformedHpack()
    {
        assertEquals(HpackDecoder.ERROR, new HpackDecoder().decode(new byte[] {(byte)0x80}, 0, 1), "index 0");
        assertEquals(HpackDecoder.ERROR, new HpackDecoder().decode(new byte[] {0x3f, (byte)0xe2, 0x1f}, 0, 3),
            "size update above 4096");
        assertEquals(HpackDecoder.ERROR, new HpackDecoder().decode(new byte[] {0x40, 0x05, 'a'}, 0, 3), "short string");
        // Huffman: a string whose padding is not all ones
        assertEquals(HpackDecoder.ERROR, new HpackDecoder().decode(new byte[] {0x40, (byte)0x81, 0x00, 0x00}, 0, 4),
            "bad Huffman padding");
        assertEquals(HpackDecoder.ERROR, new HpackDecoder().decode(new byte[] {(byte)0x88, 0x20}, 0, 2),
            "size update after a field");
    }

    @Test
    void shouldFailOnlyTheResetStream()
    {
        start();
        final OrderRequest a = request(Endpoint.PLACE_ORDER, BODY);
        final OrderRequest b = request(Endpoint.PLACE_ORDER, BODY);
        connection.send(a);
        connection.send(b);
        connection.flush();
        drain();
        deliver(frame(LeanHttp2Handler.RST_STREAM, 0, a.streamId, int32(LeanHttp2Handler.CANCEL)));
        assertEquals(List.of(a), failures);
        assertTrue(connection.problem().contains("RST_STREAM error code 8"), connection.problem());
        deliver(concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_END_HEADERS, b.streamId, new byte[] {(byte)0x88}),
            frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM, b.streamId, bytes("{}"))));
        assertEquals(List.of(b), responses);
        assertTrue(connection.canSend());
    }

    @Test
    void shouldFailTheRequestsAboveGoAwaysLastStreamAndLetTheOthersFinish()
    {
        start();
        final OrderRequest a = request(Endpoint.PLACE_ORDER, BODY);
        final OrderRequest b = request(Endpoint.PLACE_ORDER, BODY);
        final OrderRequest c = request(Endpoint.CANCEL_ORDER, BODY);
        connection.send(a);
        connection.send(b);
        connection.send(c);
        connection.flush();
        drain();
        deliver(frame(LeanHttp2Handler.GOAWAY, 0, 0, concat(int32(a.streamId), int32(0))));
        assertEquals(List.of(b, c), failures, "not processed by the server: failed at once");
        assertFalse(connection.isOpen(), "no new request on a connection going away");
        assertFalse(connection.canSend());
        assertEquals(1, connection.inFlight());
        assertTrue(connection.problem().startsWith("GOAWAY from the server (error code 0, last stream 1): 2 request"),
            connection.problem());
        assertFalse(connection.problem().contains("pass-1") || connection.problem().contains("key-1"));
        deliver(concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_END_HEADERS, a.streamId, new byte[] {(byte)0x88}),
            frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM, a.streamId, bytes("{}"))));
        assertEquals(List.of(a), responses);
        assertEquals(0, connection.inFlight(), "idle and not open: the pool closes and replaces it");
    }

    @Test
    void shouldHoldBodiesUntilTheServerOpensItsWindows()
    {
        // the server allows 10 bytes per stream
        deliver(settings(0x4, 10));
        drain();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
        connection.send(r);
        connection.flush();
        List<Frame> frames = frames();
        assertEquals(2, frames.size());
        assertEquals(10, frames.get(1).payload().length);
        assertEquals(0, frames.get(1).flags(), "not the end of the stream");
        assertEquals(1, connection.lean().blockedCount());
        deliver(frame(LeanHttp2Handler.WINDOW_UPDATE, 0, r.streamId, int32(5)));
        frames = frames();
        assertEquals(1, frames.size());
        assertArrayEquals(Arrays.copyOfRange(BODY, 10, 15), frames.get(0).payload());
        // raising the initial window applies to open streams too (RFC 9113 6.9.2)
        deliver(settings(0x4, 1000));
        frames = frames();
        final Frame data = frames.get(frames.size() - 1);
        assertEquals(LeanHttp2Handler.DATA, data.type());
        assertArrayEquals(Arrays.copyOfRange(BODY, 15, BODY.length), data.payload());
        assertEquals(LeanHttp2Handler.FLAG_END_STREAM, data.flags());
        assertEquals(0, connection.lean().blockedCount());
    }

    @Test
    void shouldHoldBodiesWhenTheConnectionWindowIsSpent()
    {
        start();
        final byte[] big = new byte[16_000];
        Arrays.fill(big, (byte)'a');
        final List<OrderRequest> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++)
        {
            final OrderRequest r = request(Endpoint.BATCH_ORDERS, big);
            sent.add(r);
            connection.send(r);
        }
        connection.flush();
        assertEquals(65_535, dataBytes(frames()), "the connection's initial window");
        assertEquals(0, connection.lean().connectionSendWindow());
        assertEquals(1, connection.lean().blockedCount(), "the fifth body's tail waits");
        deliver(frame(LeanHttp2Handler.WINDOW_UPDATE, 0, 0, int32(100_000)));
        assertEquals(5 * 16_000 - 65_535, dataBytes(frames()));
        assertEquals(0, connection.lean().blockedCount());
        assertEquals(5, sent.size());
    }

    @Test
    void shouldAnswerPingsAndAcknowledgeSettings()
    {
        start();
        deliver(frame(LeanHttp2Handler.PING, 0, 0, bytes("12345678")));
        final Frame pong = lastFrame();
        assertEquals(LeanHttp2Handler.PING, pong.type());
        assertEquals(LeanHttp2Handler.FLAG_ACK, pong.flags());
        assertArrayEquals(bytes("12345678"), pong.payload());
        deliver(frame(LeanHttp2Handler.PING, LeanHttp2Handler.FLAG_ACK, 0, bytes("12345678")));
        assertTrue(frames().isEmpty(), "a PING ACK is not answered");
    }

    @Test
    void shouldEndTheConnectionOnAnOversizedFrame()
    {
        start();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
        connection.send(r);
        connection.flush();
        drain();
        deliver(new byte[] {0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01});
        final Frame goAway = lastFrame();
        assertEquals(LeanHttp2Handler.GOAWAY, goAway.type());
        assertEquals(LeanHttp2Handler.FRAME_SIZE_ERROR, readInt(goAway.payload(), 4));
        client.runPendingTasks();
        assertEquals(List.of(r), failures);
    }

    @Test
    void shouldResetAnAbandonedStreamAndIgnoreItsLateReply()
    {
        start();
        final OrderRequest r = request(Endpoint.PLACE_ORDER, BODY);
        connection.send(r);
        connection.flush();
        drain();
        connection.abandon(r);
        final Frame reset = lastFrame();
        assertEquals(LeanHttp2Handler.RST_STREAM, reset.type());
        assertEquals(LeanHttp2Handler.CANCEL, readInt(reset.payload(), 0));
        deliver(concat(frame(LeanHttp2Handler.HEADERS, LeanHttp2Handler.FLAG_END_HEADERS, r.streamId, new byte[] {(byte)0x88}),
            frame(LeanHttp2Handler.DATA, LeanHttp2Handler.FLAG_END_STREAM, r.streamId, bytes("{}"))));
        assertTrue(responses.isEmpty());
        assertTrue(connection.isOpen());
    }

    // ---- helpers

    private void start()
    {
        deliver(settings());
        drain();
    }

    private static OrderRequest request(final Endpoint endpoint, final byte[] body)
    {
        final OrderRequest r = new OrderRequest(0);
        r.endpoint = endpoint;
        final byte[] path = bytes(endpoint == Endpoint.CANCEL_ORDER ? "/api/v2/spot/trade/cancel-order" :
            "/api/v2/spot/trade/place-order");
        System.arraycopy(path, 0, r.path, 0, path.length);
        r.pathLength = path.length;
        System.arraycopy(body, 0, r.body, 0, body.length);
        r.bodyLength = body.length;
        r.signed = true;
        System.arraycopy(bytes("SIGNATURE-0123456789-0123456789-01234567890="), 0, r.sign, 0, r.sign.length);
        final byte[] timestamp = bytes("1700000000000");
        System.arraycopy(timestamp, 0, r.timestamp, 0, timestamp.length);
        r.timestampLength = timestamp.length;
        return r;
    }

    private void deliver(final byte[] bytes)
    {
        client.writeInbound(Unpooled.wrappedBuffer(bytes));
    }

    /** Every byte the client wrote since the last call. */
    private byte[] drain()
    {
        for (Object msg = client.readOutbound(); msg != null; msg = client.readOutbound())
        {
            final ByteBuf buf = (ByteBuf)msg;
            final byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            written.writeBytes(b);
        }
        final byte[] all = written.toByteArray();
        final byte[] fresh = Arrays.copyOfRange(all, readOffset, all.length);
        readOffset = all.length;
        return fresh;
    }

    /** The frames the client wrote since the last call (after the preface). */
    private List<Frame> frames()
    {
        return framesOf(drain());
    }

    private static List<Frame> framesOf(final byte[] bytes)
    {
        byte[] b = bytes;
        if (b.length >= PREFACE.length && Arrays.equals(PREFACE, Arrays.copyOf(b, PREFACE.length)))
        {
            b = Arrays.copyOfRange(b, PREFACE.length, b.length);
        }
        final List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at + 9 <= b.length)
        {
            final int length = ((b[at] & 0xff) << 16) | ((b[at + 1] & 0xff) << 8) | (b[at + 2] & 0xff);
            frames.add(new Frame(b[at + 3] & 0xff, b[at + 4] & 0xff, readInt(b, at + 5) & 0x7fffffff,
                Arrays.copyOfRange(b, at + 9, at + 9 + length)));
            at += 9 + length;
        }
        assertEquals(b.length, at, "whole frames");
        return frames;
    }

    private Frame lastFrame()
    {
        final List<Frame> frames = frames();
        assertFalse(frames.isEmpty(), "a frame was written");
        return frames.get(frames.size() - 1);
    }

    private static int dataBytes(final List<Frame> frames)
    {
        int n = 0;
        for (final Frame f : frames)
        {
            if (f.type() == LeanHttp2Handler.DATA)
            {
                n += f.payload().length;
            }
        }
        return n;
    }

    private static byte[] settings(final int... idValues)
    {
        final byte[] payload = new byte[idValues.length / 2 * 6];
        for (int i = 0; i < idValues.length / 2; i++)
        {
            payload[i * 6] = (byte)(idValues[2 * i] >>> 8);
            payload[i * 6 + 1] = (byte)idValues[2 * i];
            System.arraycopy(int32(idValues[2 * i + 1]), 0, payload, i * 6 + 2, 4);
        }
        return frame(LeanHttp2Handler.SETTINGS, 0, 0, payload);
    }

    static byte[] frame(final int type, final int flags, final int stream, final byte[] payload)
    {
        final byte[] f = new byte[9 + payload.length];
        ScriptedHttp2Server.frameHeader(f, 0, payload.length, type, flags, stream);
        System.arraycopy(payload, 0, f, 9, payload.length);
        return f;
    }

    private static byte[] int32(final int v)
    {
        return new byte[] {(byte)(v >>> 24), (byte)(v >>> 16), (byte)(v >>> 8), (byte)v};
    }

    private static int readInt(final byte[] b, final int at)
    {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static byte[] bytes(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] p : parts)
        {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            if (Arrays.equals(needle, Arrays.copyOfRange(haystack, i, i + needle.length)))
            {
                return i;
            }
        }
        return -1;
    }

    /** A header block as a venue's Netty server would write it (its own dynamic table, Huffman for every string). */
    private static byte[] headerBlock(final Http2Headers headers)
    {
        return new Encoder().encode(1, headers);
    }

    /** One string Huffman-coded by Netty's own (package-private) encoder. */
    private static byte[] huffman(final String text)
    {
        try
        {
            final Class<?> type = Class.forName("io.netty.handler.codec.http2.HpackHuffmanEncoder");
            final java.lang.reflect.Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            final Object encoder = constructor.newInstance();
            final java.lang.reflect.Method encode = type.getDeclaredMethod("encode", ByteBuf.class, CharSequence.class);
            encode.setAccessible(true);
            final ByteBuf out = Unpooled.buffer();
            encode.invoke(encoder, out, text);
            final byte[] b = new byte[out.readableBytes()];
            out.readBytes(b);
            out.release();
            assertTrue(b.length < text.length(), "shorter than the text: Huffman");
            return b;
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Netty's HPACK encoder with Huffman for every string and its dynamic table on. */
    private static final class Encoder
    {
        private final DefaultHttp2HeadersEncoder encoder =
            new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.NEVER_SENSITIVE, false, 16, 0);

        byte[] encode(final int stream, final Http2Headers headers)
        {
            final ByteBuf out = Unpooled.buffer();
            try
            {
                encoder.encodeHeaders(stream, headers, out);
                final byte[] b = new byte[out.readableBytes()];
                out.readBytes(b);
                return b;
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
            finally
            {
                out.release();
            }
        }
    }
}
