package io.bitmm.sim;

import io.bitmm.sim.bench.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class WebSocketLimitsTest
{
    private static boolean closesWithin(final WsClient c, final long ms) throws InterruptedException
    {
        final long end = System.currentTimeMillis() + ms;
        while (c.isOpen() && System.currentTimeMillis() < end)
        {
            Thread.sleep(10);
        }
        return !c.isOpen();
    }

    @Test
    void shouldForceDisconnectAfterMaxAge() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).wsMaxAgeMs(300));
            WsClient c = WsClient.connect(venue.wsPublicUri(), t ->
            {
            }))
        {
            assertTrue(c.isOpen());
            assertTrue(closesWithin(c, 5000));
        }
    }

    @Test
    void shouldDisconnectIdleConnection() throws Exception
    {
        // The idle window (3 s) is wide against the ping interval (200 ms, within 10 messages/s), so a busy
        // 2-core box stalling this thread for a moment does not make the pinging client look idle; the idle
        // connection is polled for, not assumed closed.
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false).wsIdleTimeoutMs(3000));
            WsClient idle = WsClient.connect(venue.wsPublicUri(), t ->
            {
            });
            WsClient pinging = WsClient.connect(venue.wsPublicUri(), t ->
            {
            }))
        {
            final long deadline = System.currentTimeMillis() + 30_000;
            while (idle.isOpen() && System.currentTimeMillis() < deadline)
            {
                pinging.send("ping");
                Thread.sleep(200);
            }
            assertFalse(idle.isOpen(), "the idle connection was closed");
            assertTrue(pinging.isOpen(), "the pinging connection stayed open");
        }
    }

    @Test
    void shouldRefuseConnectionsBeyondPerIpLimit() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)
            .wsMaxConnectionsPerIp(1));
            WsClient first = WsClient.connect(venue.wsPublicUri(), t ->
            {
            });
            WsClient second = WsClient.connect(venue.wsPublicUri(), q::add))
        {
            assertTrue(closesWithin(second, 5000));
            assertTrue(first.isOpen());
        }
    }

    @Test
    void shouldRefuseConnectionAttemptsBeyondLimit() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)
            .wsConnectAttemptsPer5Min(2)))
        {
            for (int i = 0; i < 2; i++)
            {
                try (WsClient c = WsClient.connect(venue.wsPublicUri(), t ->
                {
                }))
                {
                    assertTrue(c.isOpen());
                }
            }
            try (WsClient third = WsClient.connect(venue.wsPublicUri(), t ->
            {
            }))
            {
                assertTrue(closesWithin(third, 5000));
            }
        }
    }
}
