package io.bitmm.gateway.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebSocketFrameReaderTest
{
    private static final int LIMIT = 1 << 20;

    private final List<String> texts = new ArrayList<>();
    private final List<Long> stamps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final WebSocketFrameReader reader = new WebSocketFrameReader(new WebSocketFrameReader.Sink()
    {
        @Override
        public void onText(final byte[] buffer, final int offset, final int length, final long rxNanos)
        {
            texts.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
            stamps.add(rxNanos);
        }

        @Override
        public void onProblem(final String problem)
        {
            problems.add(problem);
        }
    }, 16, LIMIT);
    private final EmbeddedChannel channel = new EmbeddedChannel(reader);

    static byte[] frame(final boolean fin, final int opcode, final byte[] payload, final byte[] mask)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        final int maskBit = mask != null ? 0x80 : 0;
        if (payload.length < 126)
        {
            out.write(maskBit | payload.length);
        }
        else if (payload.length < 65536)
        {
            out.write(maskBit | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        }
        else
        {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                out.write((int)(((long)payload.length >>> shift) & 0xFF));
            }
        }
        if (mask != null)
        {
            out.write(mask, 0, 4);
            for (int i = 0; i < payload.length; i++)
            {
                out.write(payload[i] ^ mask[i & 3]);
            }
        }
        else
        {
            out.write(payload, 0, payload.length);
        }
        return out.toByteArray();
    }

    static byte[] text(final String text)
    {
        return frame(true, WebSocketFrameReader.OP_TEXT, text.getBytes(StandardCharsets.UTF_8), null);
    }

    static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.write(part, 0, part.length);
        }
        return out.toByteArray();
    }

    private void read(final long nanos, final byte[] bytes, final int from, final int to)
    {
        reader.readNanos(nanos);
        final ByteBuf buf = channel.alloc().directBuffer(Math.max(1, to - from));
        buf.writeBytes(bytes, from, to - from);
        channel.writeInbound(buf);
        assertEquals(0, buf.refCnt(), "every read buffer is released");
    }

    private static String repeat(final char c, final int n)
    {
        final char[] chars = new char[n];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    @Test
    void shouldDeliverEveryMessageWhateverTheReadBoundaries()
    {
        final String big = repeat('x', 300);
        final String huge = repeat('y', 70_000);
        final byte[] stream = concat(text("{\"a\":1}"), text(big), text("pong"), text(huge), text(""), text("z"));
        for (int cut = 0; cut <= stream.length; cut += cut < 400 ? 1 : 997)
        {
            texts.clear();
            read(1, stream, 0, cut);
            read(2, stream, cut, stream.length);
            assertEquals(List.of("{\"a\":1}", big, "pong", huge, "", "z"), texts, "cut at " + cut);
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void shouldDeliverByteByByte()
    {
        final byte[] stream = concat(text("first"), text(repeat('q', 200)), text("last"));
        for (int i = 0; i < stream.length; i++)
        {
            read(i, stream, i, i + 1);
        }
        assertEquals(List.of("first", repeat('q', 200), "last"), texts);
    }

    @Test
    void shouldStampEachMessageWithTheReadThatBroughtItsFirstByte()
    {
        final byte[] a = text("message-a");
        final byte[] b = text("message-b");
        final byte[] c = text("message-c");
        final byte[] stream = concat(a, b, c);
        read(100, stream, 0, 3);
        read(200, stream, 3, a.length + 2);
        read(300, stream, a.length + 2, stream.length);
        assertEquals(List.of("message-a", "message-b", "message-c"), texts);
        assertEquals(List.of(100L, 200L, 300L), stamps);
    }

    @Test
    void shouldUnmaskMaskedFrames()
    {
        final byte[] mask = {0x12, 0x34, 0x56, 0x78};
        final byte[] stream = frame(true, WebSocketFrameReader.OP_TEXT, "masked text!".getBytes(StandardCharsets.UTF_8), mask);
        read(1, stream, 0, stream.length);
        assertEquals(List.of("masked text!"), texts);
    }

    @Test
    void shouldReassembleFragmentsAndAnswerAPingInBetween()
    {
        final byte[] stream = concat(
            frame(false, WebSocketFrameReader.OP_TEXT, "{\"part\":".getBytes(StandardCharsets.UTF_8), null),
            frame(true, WebSocketFrameReader.OP_PING, new byte[]{1, 2, 3}, null),
            frame(false, WebSocketFrameReader.OP_CONTINUATION, "\"one\",".getBytes(StandardCharsets.UTF_8), null),
            frame(true, WebSocketFrameReader.OP_CONTINUATION, "\"two\":2}".getBytes(StandardCharsets.UTF_8), null),
            text("after"));
        read(7, stream, 0, 5);
        read(8, stream, 5, stream.length);
        assertEquals(List.of("{\"part\":\"one\",\"two\":2}", "after"), texts);
        assertEquals(List.of(7L, 8L), stamps);
        final Object pong = channel.readOutbound();
        assertInstanceOf(PongWebSocketFrame.class, pong);
        final ByteBuf content = ((PongWebSocketFrame)pong).content();
        final byte[] payload = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), payload);
        assertArrayEquals(new byte[]{1, 2, 3}, payload);
        ((PongWebSocketFrame)pong).release();
        assertTrue(channel.isOpen());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void shouldSkipBinaryMessagesAndCarryOn()
    {
        final byte[] stream = concat(frame(true, WebSocketFrameReader.OP_BINARY, new byte[]{9, 9}, null), text("text"),
            frame(true, WebSocketFrameReader.OP_PONG, new byte[0], null));
        read(1, stream, 0, stream.length);
        assertEquals(List.of("text"), texts);
        assertEquals(List.of("binary message skipped"), problems);
        assertTrue(channel.isOpen());
        assertNull(channel.readOutbound());
    }

    @Test
    void shouldEchoACloseAndCloseTheConnection()
    {
        final byte[] stream = concat(text("before"), frame(true, WebSocketFrameReader.OP_CLOSE, new byte[]{0x03, (byte)0xE9}, null),
            text("after close"));
        read(1, stream, 0, stream.length);
        assertEquals(List.of("before"), texts);
        final Object close = channel.readOutbound();
        assertInstanceOf(CloseWebSocketFrame.class, close);
        assertEquals(1001, ((CloseWebSocketFrame)close).statusCode());
        ((CloseWebSocketFrame)close).release();
        assertFalse(channel.isOpen());
    }

    @Test
    void shouldCloseWithAProtocolErrorOnReservedBits()
    {
        final byte[] bad = text("compressed?");
        bad[0] |= 0x40;
        assertProtocolError(concat(text("ok"), bad, text("never")), 1002, "reserved bits");
    }

    @Test
    void shouldCloseWithAProtocolErrorOnAContinuationWithoutAStart()
    {
        assertProtocolError(frame(true, WebSocketFrameReader.OP_CONTINUATION, new byte[]{1}, null), 1002, "continuation");
    }

    @Test
    void shouldCloseWithAProtocolErrorOnANewMessageInsideAFragmentedOne()
    {
        assertProtocolError(concat(frame(false, WebSocketFrameReader.OP_TEXT, new byte[]{'a'}, null), text("b")), 1002,
            "new message");
    }

    @Test
    void shouldCloseWithAProtocolErrorOnAnUnknownOpcode()
    {
        assertProtocolError(frame(true, 0x3, new byte[]{1}, null), 1002, "unknown opcode");
    }

    @Test
    void shouldCloseWithAProtocolErrorOnAFragmentedControlFrame()
    {
        assertProtocolError(frame(false, WebSocketFrameReader.OP_PING, new byte[]{1}, null), 1002, "control frame");
    }

    @Test
    void shouldCloseWithTooBigOnAFrameOverTheLimitBeforeItsPayloadArrives()
    {
        final byte[] header = {(byte)0x81, 127, 0, 0, 0, 0, 0x7F, 0, 0, 0};
        assertProtocolError(header, 1009, "longer than the message limit");
    }

    @Test
    void shouldCloseWithTooBigOnAFragmentedMessageOverTheLimit()
    {
        final byte[] part = new byte[LIMIT / 2 + 1];
        assertProtocolError(concat(frame(false, WebSocketFrameReader.OP_TEXT, part, null),
            frame(true, WebSocketFrameReader.OP_CONTINUATION, part, null)), 1009, "longer than the message limit");
    }

    private void assertProtocolError(final byte[] stream, final int status, final String problem)
    {
        read(1, stream, 0, stream.length);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains(problem), problems.get(0));
        assertFalse(texts.contains("never"));
        final Object close = channel.readOutbound();
        assertInstanceOf(CloseWebSocketFrame.class, close);
        assertEquals(status, ((CloseWebSocketFrame)close).statusCode());
        ((CloseWebSocketFrame)close).release();
        assertFalse(channel.isOpen());
    }
}
