package io.bitmm.tuning.bench;

import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.bitget.v2.SpotMarketDataDecoder;
import io.bitmm.gateway.bitget.v3.UtaMarketDataDecoder;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Records the spot BTCUSDT {@code books} frames a venue streams (the sim, usually) into a gzip file, one frame per
 * line, starting with the snapshot: the tapes {@link RecordedBooksBenchmark} replays. Slow path, a tool.
 *
 * <pre>
 * scripts/mm sim [--stress]          # prints the ready line with ws-public= and ws-public-v3=
 * java -cp tuning/target/benchmarks.jar io.bitmm.tuning.bench.BooksRecorder \
 *     ws://127.0.0.1:PORT/v2/ws/public v2 2000 tuning/src/main/resources/tapes/books-v2-5ms.txt.gz
 * </pre>
 */
public final class BooksRecorder
{
    private BooksRecorder()
    {
    }

    /**
     * @param args URL of the public WebSocket, dialect {@code v2} or {@code v3}, frames to record, output file.
     * @throws Exception when the venue cannot be reached or does not stream in 60 s.
     */
    public static void main(final String[] args) throws Exception
    {
        if (args.length != 4)
        {
            System.err.println("usage: BooksRecorder <ws-public-url> v2|v3 <frames> <out.txt.gz>");
            System.exit(2);
        }
        final String dialect = args[1];
        final int frames = Integer.parseInt(args[2]);
        final Path out = Path.of(args[3]);
        final String subscribe = decoder(dialect).subscription("subscribe", -1, false);
        final CountDownLatch done = new CountDownLatch(1);
        if (out.getParent() != null)
        {
            Files.createDirectories(out.getParent());
        }
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8)))
        {
            final Listener listener = new Listener(writer, frames, done);
            final WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(args[0]), listener).get(10, TimeUnit.SECONDS);
            ws.sendText(subscribe, true).get(10, TimeUnit.SECONDS);
            if (!done.await(60, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("recorded " + listener.recorded + " of " + frames + " frames in 60 s");
            }
            ws.abort();
            System.out.println("recorded " + listener.recorded + " books frames (" + dialect + ") to " + out);
        }
    }

    static MarketDataCodec decoder(final String dialect)
    {
        return decoder(dialect, RecordedBooksBenchmark.instruments(), new RecordedBooksBenchmark.BookPublisher(null));
    }

    static MarketDataCodec decoder(
        final String dialect, final InstrumentTable table, final RecordedBooksBenchmark.BookPublisher publisher)
    {
        return switch (dialect)
        {
            case "v2" -> new SpotMarketDataDecoder(table, publisher, new GatewayCounters(), new DistinctErrorLog());
            case "v3" -> new UtaMarketDataDecoder(table, publisher, new GatewayCounters(), new DistinctErrorLog());
            default -> throw new IllegalArgumentException("dialect must be v2 or v3, not " + dialect);
        };
    }

    private static final class Listener implements WebSocket.Listener
    {
        private final Writer writer;
        private final int frames;
        private final CountDownLatch done;
        private final StringBuilder partial = new StringBuilder();
        private int recorded;

        Listener(final Writer writer, final int frames, final CountDownLatch done)
        {
            this.writer = writer;
            this.frames = frames;
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final String frame = partial.toString();
                partial.setLength(0);
                record(frame);
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void record(final String frame)
        {
            final boolean books = frame.contains("\"books\"");
            final boolean snapshot = frame.contains("\"action\":\"snapshot\"");
            if (!books || recorded >= frames || (recorded == 0 && !snapshot))
            {
                return;
            }
            try
            {
                writer.write(frame);
                writer.write('\n');
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException(ex);
            }
            if (++recorded == frames)
            {
                done.countDown();
            }
        }
    }
}
