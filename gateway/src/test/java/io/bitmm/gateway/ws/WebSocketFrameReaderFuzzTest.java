package io.bitmm.gateway.ws;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the WebSocket frame reader (Jazzer), seeded from server frames carrying messages
 * recorded from the sim ({@code WebSocketFrameReaderFuzzTestInputs/fuzzStream/}: raw wire bytes, then the fuzzer's
 * choice bytes). The bytes arrive in up to three reads split at fuzzed points, followed by one good text frame.
 * Properties: nothing thrown in the pipeline, every buffer released; a protocol violation is reported (counted by
 * the session) and closes the connection; while the connection stays open and the stream ended on a frame boundary,
 * the good frame that follows is delivered intact.
 */
class WebSocketFrameReaderFuzzTest
{
    private static final byte[] GOOD_TEXT = "{\"event\":\"subscribe\",\"arg\":{\"channel\":\"books\"}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GOOD = WebSocketFrameReaderTest.frame(true, 1, GOOD_TEXT, null);

    @FuzzTest(maxDuration = "30s")
    void fuzzStream(final FuzzedDataProvider data)
    {
        final int cut1 = data.consumeInt(0, 1 << 16);
        final int cut2 = data.consumeInt(0, 1 << 16);
        final byte[] stream = data.consumeRemainingAsBytes();
        final List<String> texts = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final WebSocketFrameReader reader = new WebSocketFrameReader(new WebSocketFrameReader.Sink()
        {
            @Override
            public void onText(final byte[] buffer, final int offset, final int length, final long rxNanos)
            {
                texts.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
            }

            @Override
            public void onProblem(final String problem)
            {
                problems.add(problem);
            }
        }, 16, 1 << 20);
        final EmbeddedChannel channel = new EmbeddedChannel(reader);
        final int a = Math.min(cut1, stream.length);
        final int b = Math.min(Math.max(a, cut2), stream.length);
        final List<ByteBuf> reads = new ArrayList<>();
        reads.add(Unpooled.copiedBuffer(stream, 0, a));
        reads.add(Unpooled.copiedBuffer(stream, a, b - a));
        reads.add(Unpooled.copiedBuffer(stream, b, stream.length - b));
        for (final ByteBuf read : reads)
        {
            if (channel.isOpen())
            {
                channel.writeInbound(read);
            }
            else
            {
                read.release();
            }
        }
        channel.checkException();
        for (final ByteBuf read : reads)
        {
            assertEquals(read.capacity() == 0 ? read.refCnt() : 0, read.refCnt(), "every read buffer is released");
        }
        if (problems.stream().anyMatch(p -> !p.startsWith("binary")))
        {
            assertFalse(channel.isOpen(), "a protocol violation closes the connection: " + problems);
        }
        if (channel.isOpen() && reader.betweenFrames())
        {
            final int before = texts.size();
            channel.writeInbound(Unpooled.wrappedBuffer(GOOD));
            channel.checkException();
            assertTrue(texts.size() > before, "the next good frame is delivered");
            assertEquals(new String(GOOD_TEXT, StandardCharsets.UTF_8), texts.get(texts.size() - 1));
        }
        drain(channel);
        channel.finishAndReleaseAll();
    }

    private static void drain(final EmbeddedChannel channel)
    {
        Object out;
        while ((out = channel.readOutbound()) != null)
        {
            io.netty.util.ReferenceCountUtil.release(out);
        }
    }
}
