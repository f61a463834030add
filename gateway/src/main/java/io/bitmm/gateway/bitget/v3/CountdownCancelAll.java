package io.bitmm.gateway.bitget.v3;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.VenueClock;
import io.bitmm.gateway.auth.HmacSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The UTA dead-man switch (bitget-v3-uta-protocol.md §5.7): {@code POST /api/v3/trade/countdown-cancel-all}
 * {@code {"countdown":"15"}} arms it; unless it is sent again within the countdown, the venue cancels every order of
 * the account. Armed at start, refreshed every third of the countdown from its own daemon timer thread (never the
 * trading threads), disarmed ({@code "0"}) after an orderly stop. If the engine dies or hangs, the refreshes stop and
 * the venue cancels the quotes. Classic accounts have no such endpoint. Slow path: a plain JDK {@link HttpClient}.
 */
public final class CountdownCancelAll implements AutoCloseable
{
    /** The endpoint. */
    public static final String PATH = "/api/v3/trade/countdown-cancel-all";
    /** Bitget's bounds for the countdown, seconds (0 disarms). */
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 60;
    private static final int DISARM_ATTEMPTS = 3;

    private final URI rest;
    private final Credentials credentials;
    private final VenueClock clock;
    private final DistinctErrorLog errorLog;
    private final int seconds;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "bitmm-dead-man");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param rest        REST base.
     * @param credentials the API key.
     * @param clock       the venue clock (signature timestamps).
     * @param errorLog    where failed refreshes are reported.
     * @param seconds     the countdown, {@value #MIN_SECONDS} to {@value #MAX_SECONDS}.
     */
    public CountdownCancelAll(final URI rest, final Credentials credentials, final VenueClock clock,
        final DistinctErrorLog errorLog, final int seconds)
    {
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS)
        {
            throw new IllegalArgumentException("the dead-man switch's countdown must be " + MIN_SECONDS + " to " +
                MAX_SECONDS + " s (Bitget's bounds), was " + seconds);
        }
        this.rest = rest;
        this.credentials = credentials;
        this.clock = clock;
        this.errorLog = errorLog;
        this.seconds = seconds;
    }

    /**
     * Arm it now (the caller learns at once when the venue refuses, e.g. a key without access), then keep it armed.
     *
     * @throws IOException when the venue refuses or cannot be reached.
     */
    public void start() throws IOException
    {
        send(seconds);
        refreshes.incrementAndGet();
        final long period = Math.max(1, seconds * 1000L / 3);
        timer.scheduleAtFixedRate(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    private void refresh()
    {
        try
        {
            send(seconds);
            refreshes.incrementAndGet();
        }
        catch (final IOException | RuntimeException ex)
        {
            failures.incrementAndGet();
            errorLog.record("dead-man switch: refresh failed", ex.getClass().getSimpleName());
        }
    }

    /**
     * Stop refreshing and disarm it (after an orderly stop: every order is already closed).
     */
    @Override
    public void close()
    {
        timer.shutdownNow();
        // the endpoint allows 1 request/s: a refresh may have just gone out, so a refused disarm is tried again
        for (int attempt = 0; attempt < DISARM_ATTEMPTS; attempt++)
        {
            try
            {
                send(0);
                return;
            }
            catch (final IOException | RuntimeException ex)
            {
                if (attempt == DISARM_ATTEMPTS - 1)
                {
                    errorLog.record("dead-man switch: disarm failed", ex.getMessage());
                }
                sleepMs(1_100);
            }
        }
    }

    private static void sleepMs(final long ms)
    {
        try
        {
            Thread.sleep(ms);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return successful arms and refreshes.
     */
    public long refreshes()
    {
        return refreshes.get();
    }

    /**
     * @return failed refreshes (each reported once per kind in the error log).
     */
    public long failures()
    {
        return failures.get();
    }

    private void send(final int countdown) throws IOException
    {
        final String body = "{\"countdown\":\"" + countdown + "\"}";
        final String timestamp = Long.toString(clock.epochMs());
        final byte[] secret = credentials.secretBytes();
        final HmacSigner signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        final byte[] prehash = (timestamp + "POST" + PATH + body).getBytes(StandardCharsets.UTF_8);
        signer.update(prehash, 0, prehash.length);
        final byte[] sign = new byte[HmacSigner.BASE64_LENGTH];
        final int length = signer.signBase64(sign, 0);
        final HttpRequest request = HttpRequest.newBuilder(rest.resolve(PATH)).timeout(Duration.ofSeconds(5))
            .header("ACCESS-KEY", credentials.apiKey())
            .header("ACCESS-SIGN", new String(sign, 0, length, StandardCharsets.US_ASCII))
            .header("ACCESS-TIMESTAMP", timestamp)
            .header("ACCESS-PASSPHRASE", credentials.passphrase())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        final HttpResponse<String> response;
        try
        {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
        if (response.statusCode() != 200 || !response.body().contains("\"00000\""))
        {
            final String text = response.body();
            throw new IOException("POST " + PATH + " answered HTTP " + response.statusCode() + " " +
                text.substring(0, Math.min(200, text.length())));
        }
    }
}
