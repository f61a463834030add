package io.bitmm.gateway.bitget;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.auth.HmacSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code venue.account-mode = auto}: asks the venue once, at start, whether the key's account is a Unified Trading
 * Account, with a signed {@code GET /api/v3/account/settings} (bitget-v3-uta-protocol.md §1, what ccxt does).
 * {@code 00000} means UTA, {@code 40084} classic; any other answer stops the start with the code and what it usually
 * means. It never guesses.
 */
public final class AccountModeProbe
{
    /** The probe's path. */
    public static final String PATH = "/api/v3/account/settings";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"?([0-9A-Za-z]+)\"?");

    private AccountModeProbe()
    {
    }

    /**
     * @param rest        REST base URL.
     * @param credentials the API key.
     * @param venueNowMs  the venue's clock, epoch ms (for the signature's timestamp).
     * @return CLASSIC or UTA.
     * @throws IllegalStateException naming the code and its usual meaning when the answer is neither.
     * @throws IOException           when the venue cannot be reached.
     */
    public static AccountMode probe(final URI rest, final Credentials credentials, final long venueNowMs) throws IOException
    {
        final String timestamp = Long.toString(venueNowMs);
        final byte[] secret = credentials.secretBytes();
        final HmacSigner signer = new HmacSigner(secret);
        java.util.Arrays.fill(secret, (byte)0);
        final byte[] prehash = (timestamp + "GET" + PATH).getBytes(StandardCharsets.UTF_8);
        signer.update(prehash, 0, prehash.length);
        final byte[] sign = new byte[HmacSigner.BASE64_LENGTH];
        final int length = signer.signBase64(sign, 0);
        final HttpRequest request = HttpRequest.newBuilder(rest.resolve(PATH)).timeout(Duration.ofSeconds(10))
            .header("ACCESS-KEY", credentials.apiKey())
            .header("ACCESS-SIGN", new String(sign, 0, length, StandardCharsets.US_ASCII))
            .header("ACCESS-TIMESTAMP", timestamp)
            .header("ACCESS-PASSPHRASE", credentials.passphrase())
            .header("Content-Type", "application/json")
            .GET().build();
        final HttpResponse<String> response;
        try
        {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the account-mode probe", ex);
        }
        return decide(response.statusCode(), response.body());
    }

    /**
     * @param status the HTTP status.
     * @param body   the reply.
     * @return CLASSIC or UTA.
     * @throws IllegalStateException for any other answer, naming the code and what it usually means.
     */
    public static AccountMode decide(final int status, final String body)
    {
        final Matcher m = CODE.matcher(body == null ? "" : body);
        final String code = m.find() ? m.group(1) : "";
        if ("00000".equals(code) && status == 200)
        {
            return AccountMode.UTA;
        }
        if ("40084".equals(code))
        {
            return AccountMode.CLASSIC;
        }
        throw new IllegalStateException("venue.account-mode=auto: GET " + PATH + " answered HTTP " + status +
            (code.isEmpty() ? " without a code" : " code " + code) + " (" + meaning(status, code) + "); the mode is " +
            "not guessed: fix the key, or set venue.account-mode=classic or uta");
    }

    /**
     * @param status HTTP status.
     * @param code   Bitget code (may be empty).
     * @return what it usually means.
     */
    static String meaning(final int status, final String code)
    {
        switch (code)
        {
            case "40006":
            case "40037":
                return "unknown API key";
            case "40009":
                return "wrong signature: wrong API secret";
            case "40012":
                return "wrong API key or passphrase";
            case "40011":
            case "40014":
                return "the key lacks a permission (a UTA key needs 'UTA trade' read)";
            case "40005":
            case "40008":
                return "timestamp refused: check the clock";
            case "40018":
                return "the IP is not on the key's whitelist";
            case "40099":
                return "demo key on the live environment or the reverse";
            case "40404":
                return "no such URL: venue.rest-url may not point at Bitget";
            case "40085":
                return "the venue says UTA on a v2 path: unexpected on the v3 probe";
            default:
                return status == 429 ? "rate limited: try again" : status >= 500 ? "venue error: try again" :
                    "unexpected answer";
        }
    }
}
