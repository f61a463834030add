package io.bitmm.gateway.order;

import com.sun.management.ThreadMXBean;
import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.Http2Client;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.bitget.v2.SpotOrderEncoder;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.FastThreadLocalThread;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one order request and its reply allocate on the client side of the HTTP/2 connection once warm, against
 * {@link ScriptedHttp2Server} (which allocates nothing itself): encode, HEADERS and DATA frames, flush, reply frames,
 * HPACK decode, completion. The lean client must allocate 0 bytes per request.
 */
class HttpConnectionAllocationTest
{
    private static final Credentials CREDENTIALS = new Credentials("key-1", "secret-1", "pass-1");

    @Test
    void shouldAllocateNothingPerRequestWithTheLeanClient()
    {
        assertEquals(0, bytesPerRequest(Http2Client.LEAN, 20_000), "bytes per request, client side, once warm");
    }

    @Test
    void shouldShowWhatNettysClientAllocatesPerRequest()
    {
        // the figure the lean client removes (measured ~3,060 B); asserted only as clearly above zero
        assertTrue(bytesPerRequest(Http2Client.NETTY, 5_000) > 1_000, "Netty's Http2FrameCodec allocates per request");
    }

    /**
     * Run on a Netty thread, as the order I/O thread is (Netty recycles buffers and their handles per
     * FastThreadLocalThread; a plain thread gets new ones).
     */
    static long bytesPerRequest(final Http2Client kind, final int requests)
    {
        final long[] result = new long[1];
        final Throwable[] failure = new Throwable[1];
        final Thread thread = new FastThreadLocalThread(() ->
        {
            try
            {
                result[0] = measure(kind, requests);
            }
            catch (final Throwable t)
            {
                failure[0] = t;
            }
        }, "allocation-probe");
        thread.start();
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            throw new IllegalStateException(ex);
        }
        if (failure[0] instanceof Error)
        {
            throw (Error)failure[0];
        }
        if (failure[0] != null)
        {
            throw new IllegalStateException(failure[0]);
        }
        return result[0];
    }

    private static long measure(final Http2Client kind, final int requests)
    {
        final ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        final ThreadMXBean mx = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        final int[] answered = new int[1];
        final HttpConnection connection = new HttpConnection(-1, URI.create("https://api.bitget.com"), true, true,
            kind == Http2Client.LEAN, CREDENTIALS, new HttpConnection.Listener()
            {
                @Override
                public void onProtocolReady(final HttpConnection c)
                {
                }

                @Override
                public void onResponse(final HttpConnection c, final OrderRequest r)
                {
                    answered[0]++;
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
        final EmbeddedChannel client = new EmbeddedChannel();
        try
        {
            connection.attach(client);
            final ScriptedHttp2Server server = new ScriptedHttp2Server(client);
            server.discardOutbound();
            server.preface();
            server.discardOutbound();
            final OrderCodec encoder = new SpotOrderEncoder(new HmacSigner("secret-1".getBytes(StandardCharsets.US_ASCII)));
            final InstrumentTable instruments = TestInstruments.table();
            final Instrument instrument = instruments.instrument(0);
            final OutboundCommand command = new OutboundCommand();
            command.type = CommandType.PLACE;
            command.instrumentId = 0;
            command.side = Side.BUY;
            command.size = 10_000;
            command.price = 1_000_000;
            final byte[] oid = "mm-probe-0".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(oid, 0, command.clientOid, 0, oid.length);
            command.clientOidLength = oid.length;
            final OrderRequest r = new OrderRequest(0);
            final long wallMs = 1_700_000_000_000L;
            final int warmup = requests;
            long before = 0;
            for (int i = 0; i < warmup + requests; i++)
            {
                if (i == warmup)
                {
                    before = mx.getCurrentThreadAllocatedBytes();
                }
                r.clear();
                command.price = 1_000_000 + (i & 63);
                encoder.encode(r, command, instrument, wallMs + i);
                connection.send(r);
                connection.flush();
                server.discardOutbound();
                server.answer(r.streamId);
                server.discardOutbound();
            }
            final long bytes = mx.getCurrentThreadAllocatedBytes() - before;
            assertEquals(warmup + requests, answered[0], "requests answered");
            final long perRequest = bytes / requests;
            System.out.printf(Locale.ROOT, "order path client side (%s): %d bytes over %d requests (%.1f B/request)%n",
                kind, bytes, requests, (double)bytes / requests);
            return perRequest;
        }
        finally
        {
            client.finishAndReleaseAll();
            ResourceLeakDetector.setLevel(level);
        }
    }
}
