package io.bitmm.gateway.bitget;

import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.auth.HmacSigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * A signed REST POST for the slow paths of start-up (account setup: hold mode, margin mode, leverage), the same for
 * v2 and v3 (bitget-v2-protocol.md §2: {@code ACCESS-SIGN} = base64 HMAC-SHA256 of timestamp + method + path + body).
 * The secret is copied out of the credentials only for the signer and wiped; nothing secret reaches an exception.
 */
public final class SignedRest
{
    private SignedRest()
    {
    }

    /**
     * The venue's answer.
     *
     * @param status the HTTP status.
     * @param code   the body's {@code code} ("00000" on success), "?" when the body has none.
     * @param body   the body.
     */
    public record Reply(int status, String code, String body)
    {
        /**
         * @return true for HTTP 200 with code {@code 00000}.
         */
        public boolean ok()
        {
            return status == 200 && "00000".equals(code);
        }
    }

    /**
     * @param client  the HTTP client.
     * @param context the venue's URLs, credentials, clock offset and request timeout (at least 5 s here).
     * @param path    the path, e.g. {@code /api/v3/account/set-leverage}.
     * @param body    the JSON body.
     * @return the venue's answer, whatever its code.
     * @throws IOException when the venue cannot be reached, or the thread is interrupted (interrupt flag kept).
     */
    public static Reply post(final HttpClient client, final GatewayContext context, final String path,
        final String body) throws IOException
    {
        final String timestamp = Long.toString(System.currentTimeMillis() + context.venueClock().offsetMs());
        final byte[] secret = context.credentials().secretBytes();
        final HmacSigner signer = new HmacSigner(secret);
        Arrays.fill(secret, (byte)0);
        final byte[] prehash = (timestamp + "POST" + path + body).getBytes(StandardCharsets.UTF_8);
        signer.update(prehash, 0, prehash.length);
        final byte[] sign = new byte[HmacSigner.BASE64_LENGTH];
        signer.signBase64(sign, 0);
        final HttpRequest request = HttpRequest.newBuilder(URI.create(context.restUri() + path))
            .timeout(Duration.ofMillis(Math.max(context.requestTimeoutMs(), 5000)))
            .header("ACCESS-KEY", context.credentials().apiKey())
            .header("ACCESS-SIGN", new String(sign, StandardCharsets.US_ASCII))
            .header("ACCESS-TIMESTAMP", timestamp)
            .header("ACCESS-PASSPHRASE", context.credentials().passphrase())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        final HttpResponse<String> response;
        try
        {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during POST " + path, ex);
        }
        return new Reply(response.statusCode(), code(response.body()), response.body());
    }

    private static String code(final String body)
    {
        final int at = body.indexOf("\"code\":\"");
        return at < 0 ? "?" : body.substring(at + 8, body.indexOf('"', at + 8));
    }
}
