package io.bitmm.app.stat;

import io.bitmm.app.cli.StatCommand;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mm stat --prometheus host:port} listens where it is asked: {@code 127.0.0.2:port} only on that loopback
 * address (Linux routes all of 127/8 to the loopback interface, so 127.0.0.1 is a second address on the same host to
 * try), {@code :port} on every interface; a bad address is refused with a message saying what to write.
 */
class PrometheusBindTest
{
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldListenOnlyOnTheAddressAskedFor(@TempDir final Path dir) throws Exception
    {
        RunCounters.create(dir, System.currentTimeMillis()).runState(StatusAgent.RUNNING);
        try (CountersFile file = CountersFile.open(dir);
             HTTPServer local = StatCommand.startPrometheus(file, StatCommand.prometheusAddress("127.0.0.2:0"));
             HTTPServer every = StatCommand.startPrometheus(file, StatCommand.prometheusAddress(":0")))
        {
            assertTrue(connects("127.0.0.2", local.getPort()));
            assertThrows(ConnectException.class, () -> connects("127.0.0.1", local.getPort()),
                "127.0.0.2:port does not listen on 127.0.0.1");
            assertTrue(connects("127.0.0.1", every.getPort()));
            assertTrue(connects("127.0.0.2", every.getPort()));
        }
    }

    @Test
    void shouldReadHostAndPortAndRefuseABadAddress()
    {
        assertTrue(StatCommand.prometheusAddress(":9464").getAddress().isAnyLocalAddress());
        assertEquals(new InetSocketAddress("127.0.0.1", 9464), StatCommand.prometheusAddress("127.0.0.1:9464"));
        assertEquals(new InetSocketAddress("::1", 9464), StatCommand.prometheusAddress("[::1]:9464"));
        assertEquals("--prometheus localhost:metrics: the port is not a number from 0 to 65535; write host:port, " +
            "e.g. 127.0.0.1:9464 (this host only) or :9464 (every interface)", assertThrows(IllegalArgumentException.class,
            () -> StatCommand.prometheusAddress("localhost:metrics")).getMessage());
        assertEquals("--prometheus 9464: write host:port, e.g. 127.0.0.1:9464 (this host only) or :9464 (every " +
            "interface)", assertThrows(IllegalArgumentException.class,
            () -> StatCommand.prometheusAddress("9464")).getMessage());
    }

    private static boolean connects(final String host, final int port) throws IOException
    {
        try (Socket socket = new Socket())
        {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            return true;
        }
    }
}
