package io.bitmm.sim.net;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * TLS for h2 (ALPN) and https/wss on the same port. Uses the self-signed loopback certificate bundled in
 * resources ({@code io/bitmm/sim/tls/cert.pem}, CN=localhost, SAN 127.0.0.1); it protects nothing and is for
 * tests only.
 */
public final class Tls
{
    /** Classpath location of the bundled certificate. */
    public static final String CERT_RESOURCE = "/io/bitmm/sim/tls/cert.pem";
    private static final String KEY_RESOURCE = "/io/bitmm/sim/tls/key.pem";

    private Tls()
    {
    }

    /** A server context offering h2 then http/1.1 by ALPN. */
    public static SslContext serverContext()
    {
        try (InputStream cert = Tls.class.getResourceAsStream(CERT_RESOURCE);
            InputStream key = Tls.class.getResourceAsStream(KEY_RESOURCE))
        {
            return SslContextBuilder.forServer(cert, key)
                .sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                    ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                .build();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
