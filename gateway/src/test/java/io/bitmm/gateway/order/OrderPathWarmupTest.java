package io.bitmm.gateway.order;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.Http2Client;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.bitget.v2.SpotOrderEncoder;
import io.bitmm.gateway.auth.HmacSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderPathWarmupTest
{
    private static final Credentials CREDENTIALS = new Credentials("key-1", "secret-1", "pass-1");

    private static OrderPathWarmup warmup()
    {
        return warmup(Http2Client.NETTY);
    }

    private static OrderPathWarmup warmup(final Http2Client client)
    {
        return new OrderPathWarmup(new SpotOrderEncoder(new HmacSigner("secret-1".getBytes(StandardCharsets.US_ASCII))),
            io.bitmm.gateway.bitget.v2.ClassicSpotDialect.INSTANCE,
            TestInstruments.table(), URI.create("https://api.bitget.com"), CREDENTIALS, client);
    }

    @ParameterizedTest
    @EnumSource(Http2Client.class)
    void shouldSendEveryRequestThroughTheHttp2PathAndDecodeItsReply(final Http2Client client)
    {
        final OrderPathWarmup warmup = warmup(client);
        assertEquals(2_000, warmup.run(2_000), "requests answered (place, cancel, batch place, batch cancel)");
        assertEquals(0, warmup.failures());
    }

    @ParameterizedTest
    @EnumSource(Http2Client.class)
    void shouldBeRepeatable(final Http2Client client)
    {
        final OrderPathWarmup warmup = warmup(client);
        assertEquals(101, warmup.run(101));
        assertEquals(3, warmup.run(3));
    }

    @Test
    void shouldDoNothingForZeroRequests()
    {
        assertEquals(0, warmup().run(0));
    }
}
