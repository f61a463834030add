package io.bitmm.gateway.order;

import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.handler.ssl.util.SelfSignedCertificate;

/**
 * A self-signed {@code localhost} certificate and server TLS contexts for loopback tests (Netty's deprecated
 * {@code SelfSignedCertificate} is fine for tests: the module has no PKI-testing dependency).
 */
@SuppressWarnings("deprecation")
public final class TestTls
{
    private static SelfSignedCertificate certificate;

    private TestTls()
    {
    }

    private static synchronized SelfSignedCertificate certificate() throws Exception
    {
        if (certificate == null)
        {
            certificate = new SelfSignedCertificate("localhost");
        }
        return certificate;
    }

    /**
     * @param protocols ALPN protocols the server accepts, most preferred first; none for no ALPN.
     * @return a server context.
     * @throws Exception when the certificate cannot be made.
     */
    public static SslContext server(final String... protocols) throws Exception
    {
        final SslContextBuilder builder = SslContextBuilder.forServer(certificate().certificate(), certificate().privateKey());
        if (protocols.length > 0)
        {
            builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols));
        }
        return builder.build();
    }

    /**
     * @return a trust manager factory that trusts the test certificate.
     * @throws Exception when the certificate cannot be made.
     */
    public static javax.net.ssl.TrustManagerFactory trust() throws Exception
    {
        final java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("localhost", certificate().cert());
        final javax.net.ssl.TrustManagerFactory factory =
            javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    /**
     * @return h2 then http/1.1.
     */
    public static String[] h2AndHttp1()
    {
        return new String[]{ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1};
    }
}
