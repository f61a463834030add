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
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).wsMaxAgeMs(300));
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
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).wsIdleTimeoutMs(1000));
            WsClient idle = WsClient.connect(venue.wsPublicUri(), t ->
            {
            });
            WsClient pinging = WsClient.connect(venue.wsPublicUri(), t ->
            {
            }))
        {
            for (int i = 0; i < 25; i++)
            {
                pinging.send("ping");
                Thread.sleep(100);
            }
            assertFalse(idle.isOpen());
            assertTrue(pinging.isOpen());
        }
    }

    @Test
    void shouldRefuseConnectionsBeyondPerIpLimit() throws Exception
    {
        final BlockingQueue<String> q = new LinkedBlockingQueue<>();
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).wsMaxConnectionsPerIp(1));
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
        try (SimVenue venue = SimVenue.start(new SimContext().port(0).marketGenerator(false).wsConnectAttemptsPer5Min(2)))
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
