package io.bitmm.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A plain JDK HTTP/1.1 client that signs like Bitget's docs (written independently of the venue's Signer). */
final class TestHttp
{
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    String key;
    String secret;
    String passphrase;

    TestHttp(final URI base, final Credentials c)
    {
        this.base = base;
        this.key = c.apiKey();
        this.secret = c.secret();
        this.passphrase = c.passphrase();
    }

    static String hmac(final String secret, final String prehash)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(prehash.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> get(final String pathAndQuery) throws Exception
    {
        return client.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signedGet(final String pathAndQuery, final long ts) throws Exception
    {
        return signedGet(pathAndQuery, ts, hmac(secret, ts + "GET" + pathAndQuery));
    }

    HttpResponse<String> signedGet(final String pathAndQuery, final long ts, final String sign) throws Exception
    {
        final HttpRequest req = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET()
            .header("ACCESS-KEY", key).header("ACCESS-SIGN", sign).header("ACCESS-TIMESTAMP", Long.toString(ts))
            .header("ACCESS-PASSPHRASE", passphrase).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signedPost(final String path, final String body) throws Exception
    {
        final long ts = System.currentTimeMillis();
        return signedPost(path, body, ts, hmac(secret, ts + "POST" + path + body));
    }

    HttpResponse<String> signedPost(final String path, final String body, final long ts, final String sign) throws Exception
    {
        final HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("ACCESS-KEY", key).header("ACCESS-SIGN", sign).header("ACCESS-TIMESTAMP", Long.toString(ts))
            .header("ACCESS-PASSPHRASE", passphrase).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(final String path, final String body) throws Exception
    {
        final HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build();
        return client.send(req, HttpResponse.BodyHandlers.ofString());
    }
}
