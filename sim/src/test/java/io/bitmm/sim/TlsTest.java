package io.bitmm.sim;

import io.bitmm.sim.net.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** h2 over TLS with ALPN, on the same port as cleartext HTTP and the WebSockets. */
@Timeout(30)
class TlsTest
{
    @Test
    void shouldNegotiateH2OverTls() throws Exception
    {
        try (SimVenue venue = SimVenue.start(new SimContext().accountMode("classic").port(0).marketGenerator(false)))
        {
            final KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            try (InputStream in = Tls.class.getResourceAsStream(Tls.CERT_RESOURCE))
            {
                ks.setCertificateEntry("sim", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            final SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            final HttpClient client = HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
            final HttpResponse<String> resp = client.send(HttpRequest.newBuilder(venue.restTlsUri().resolve("/api/v2/public/time")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, resp.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, resp.version());
            assertTrue(resp.body().contains("serverTime"));
            final HttpResponse<String> plain = new TestHttp(venue.restUri(), venue.credentials()).get("/api/v2/public/time");
            assertEquals(200, plain.statusCode());
        }
    }
}
