package io.bitmm.gateway.order;

import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.TestInstruments;
import io.bitmm.gateway.bitget.v2.SpotOrderEncoder;
import io.bitmm.gateway.auth.HmacSigner;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OrderPathWarmupTest
{
    private static final Credentials CREDENTIALS = new Credentials("key-1", "secret-1", "pass-1");

    private static OrderPathWarmup warmup()
    {
        return new OrderPathWarmup(new SpotOrderEncoder(new HmacSigner("secret-1".getBytes(StandardCharsets.US_ASCII))),
            io.bitmm.gateway.bitget.v2.ClassicSpotDialect.INSTANCE,
            TestInstruments.table(), URI.create("https://api.bitget.com"), CREDENTIALS);
    }

    @Test
    void shouldSendEveryRequestThroughTheHttp2PathAndDecodeItsReply()
    {
        final OrderPathWarmup warmup = warmup();
        assertEquals(2_000, warmup.run(2_000), "requests answered (place, cancel, batch place, batch cancel)");
        assertEquals(0, warmup.failures());
    }

    @Test
    void shouldBeRepeatable()
    {
        final OrderPathWarmup warmup = warmup();
        assertEquals(101, warmup.run(101));
        assertEquals(3, warmup.run(3));
    }

    @Test
    void shouldDoNothingForZeroRequests()
    {
        assertEquals(0, warmup().run(0));
    }
}
