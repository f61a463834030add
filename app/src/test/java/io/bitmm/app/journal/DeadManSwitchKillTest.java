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

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UTA dead-man switch: an engine (a child JVM, {@code risk.dead-man-switch=5s}) quotes wide on the simulated UTA
 * account and is killed with SIGKILL while its quotes rest; nothing of it cancels them, yet the venue does, within the
 * countdown, because the refreshes of {@code countdown-cancel-all} stopped.
 */
@Tag("slow")
class DeadManSwitchKillTest
{
    private static final String PATH = "/api/v3/trade/countdown-cancel-all";
    private static final long COUNTDOWN_MS = 5_000;
    /** The sim's timer, a busy 2-core box, the last refresh's round trip. */
    private static final long MARGIN_MS = 3_000;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldHaveTheVenueCancelAKilledEnginesQuotesWithinTheCountdown(@TempDir final Path dir) throws Exception
    {
        try (SimVenue sim = SimVenue.start(Bindings.sim(EngineSettings.newConfig().override("test",
            List.of("sim.account-mode=uta", "sim.books-interval=50ms")))))
        {
            final Path credentials = dir.resolve("credentials");
            Files.writeString(credentials, "BITGET_API_KEY=" + sim.credentials().apiKey() + "\nBITGET_API_SECRET=" +
                sim.credentials().secret() + "\nBITGET_API_PASSPHRASE=" + sim.credentials().passphrase() + "\n",
                StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
            final ChildEngine engine = new ChildEngine(List.of("run", "--venue", "bitget", "--duration", "10m",
                "--run-dir", dir.resolve("run").toString(),
                "--set", "venue.rest-url=" + sim.restUri(), "--set", "venue.ws-public-v3-url=" + sim.wsPublicV3Uri(),
                "--set", "venue.ws-private-v3-url=" + sim.wsPrivateV3Uri(), "--set", "run.credentials-file=" + credentials,
                "--set", "risk.dead-man-switch=5s", "--set", "gateway.order-warmup=0",
                // wide quotes (1.6%): they rest, safe from the taker flow, until the venue cancels them
                "--set", "quoting.spread-floor-ticks=100000"));
            assertTrue(engine.awaitRunning(90), engine.output());
            assertTrue(engine.output().contains("account mode uta"), engine.output());
            assertTrue(engine.output().contains("dead-man switch armed"), engine.output());
            // alive, the engine keeps the switch armed past its countdown: arm + 4 refreshes (every 5/3 s) > 5 s
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // what the loop saw when it ended: read again, the venue may be between a requote's cancel and place
            List<String> resting = ours(sim);
            while ((resting.size() < 2 || sim.requestCount(PATH) < 5) && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
                resting = ours(sim);
            }
            assertTrue(sim.requestCount(PATH) >= 5, "armed and refreshed: " + sim.requestCount(PATH));
            assertTrue(resting.size() >= 2, "both quotes rest past one countdown while the engine refreshes: " +
                resting + "\n" + engine.output());

            engine.sigkill();
            final long killed = System.nanoTime();
            final List<String> orphans = ours(sim);
            assertFalse(orphans.isEmpty(), "the killed engine's quotes rest at the venue");
            while (!ours(sim).isEmpty() && System.nanoTime() - killed < TimeUnit.MILLISECONDS.toNanos(COUNTDOWN_MS + MARGIN_MS))
            {
                Thread.sleep(20);
            }
            final long goneAfterMs = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("dead-man switch: " + orphans + " cancelled by the venue " + goneAfterMs +
                " ms after SIGKILL (countdown " + COUNTDOWN_MS + " ms; refreshes " +
                sim.requestCount(PATH) + ")");
            assertTrue(ours(sim).isEmpty(), "still open " + goneAfterMs + " ms after the kill: " + ours(sim));
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
}
