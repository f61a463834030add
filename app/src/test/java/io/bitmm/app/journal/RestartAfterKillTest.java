package io.bitmm.app.journal;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.sim.OpenOrder;
import io.bitmm.sim.SimVenue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine is SIGKILLed with quotes resting at a venue that outlives it (the sim, in this JVM). The next engine
 * reconciles with the venue on start: it cancels the orders that carry the engine's clientOid prefix but that it
 * does not own, takes the balances as its baseline, trades, and leaves nothing open. Its journal holds no
 * credential.
 */
@Tag("slow")
class RestartAfterKillTest
{
    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldCancelTheKilledRunsOrdersOnRestart(@TempDir final Path dir) throws Exception
    {
        try (SimVenue sim = SimVenue.start(Bindings.sim(EngineSettings.newConfig().override("test",
            List.of("sim.account-mode=classic", "venue.account-mode=classic", "sim.books-interval=50ms")))))
        {
            final Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "BITGET_API_KEY=" + sim.credentials().apiKey() + "\nBITGET_API_SECRET=" +
                sim.credentials().secret() + "\nBITGET_API_PASSPHRASE=" + sim.credentials().passphrase() + "\n",
                StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));

            // the first engine quotes wide (1.6%) so that its orphans rest until the restart, safe from taker flow
            final List<String> firstArgs = new ArrayList<>(args(sim, credentials, dir.resolve("first"), "10m"));
            firstArgs.addAll(List.of("--set", "quoting.spread-floor-ticks=100000"));
            final ChildEngine first = new ChildEngine(firstArgs);
            assertTrue(first.awaitRunning(60), first.output());
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ours(sim).isEmpty() && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
            }
            first.sigkill();
            final List<String> orphans = ours(sim);
            assertFalse(orphans.isEmpty(), "the killed engine left quotes resting: " + first.output());

            // the restart takes the venue's balance as its position: holding - target = 0.003 BTC
            final java.math.BigDecimal holding = sim.balance("BTC").available().add(sim.balance("BTC").frozen());
            final List<String> secondArgs = new ArrayList<>(args(sim, credentials, dir.resolve("second"), "5s"));
            secondArgs.addAll(List.of("--set", "symbol.BTCUSDT.inventory-target=" +
                holding.subtract(new java.math.BigDecimal("0.003")).toPlainString()));
            final ChildEngine second = new ChildEngine(secondArgs);
            assertEquals(0, second.awaitExit(120), second.output());
            assertTrue(second.output().contains("reconcile: BTCUSDT start position 0.003000 BTC"), second.output());
            final String reconcile = Files.readString(dir.resolve("second").resolve("reconcile.txt"));
            for (final String oid : orphans)
            {
                assertTrue(reconcile.contains(oid), oid + " cancelled: " + reconcile);
            }
            assertTrue(reconcile.contains("start balances"), reconcile);
            assertTrue(ours(sim).isEmpty(), "nothing left open: " + ours(sim));
            assertTrue(second.output().contains("every order confirmed closed"), second.output());
            assertNoCredentials(dir.resolve("second").resolve("journal"), sim);

            // the start position is in the journal: a replay starts from it and reproduces every command
            final ChildEngine replay = new ChildEngine(List.of("replay", dir.resolve("second").toString()));
            assertEquals(0, replay.awaitExit(60), replay.output());
        }
    }

    private static void assertNoCredentials(final Path journal, final SimVenue sim) throws Exception
    {
        try (java.util.stream.Stream<Path> files = Files.list(journal))
        {
            for (final Path file : files.toList())
            {
                final String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(sim.credentials().secret()), "secret in " + file);
                assertFalse(bytes.contains(sim.credentials().apiKey()), "api key in " + file);
                assertFalse(bytes.contains(sim.credentials().passphrase()), "passphrase in " + file);
                assertFalse(bytes.contains("credentials-file"), "credentials file path in " + file);
            }
        }
    }

    private static List<String> ours(final SimVenue sim)
    {
        final List<String> oids = new ArrayList<>();
        for (final OpenOrder order : sim.openOrders("BTCUSDT"))
        {
            if (order.clientOid().startsWith("mm-"))
            {
                oids.add(order.clientOid());
            }
        }
        return oids;
    }

    private static List<String> args(final SimVenue sim, final Path credentials, final Path runDir,
        final String duration)
    {
        return List.of("run", "--venue", "bitget", "--duration", duration, "--run-dir", runDir.toString(),
            "--set", "venue.rest-url=" + sim.restUri(), "--set", "venue.ws-public-url=" + sim.wsPublicUri(),
            "--set", "venue.ws-private-url=" + sim.wsPrivateUri(), "--set", "run.credentials-file=" + credentials,
            // no JIT warm-up of the order path: on a busy box it alone took up to 40 s of the 60 s start budget
            "--set", "gateway.order-warmup=0");
    }
}
