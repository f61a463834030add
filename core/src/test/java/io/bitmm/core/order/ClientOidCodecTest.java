package io.bitmm.core.order;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientOidCodecTest
{
    @Test
    void shouldEncodeShortValidIdsAndDecodeThemBack()
    {
        final ClientOidCodec codec = new ClientOidCodec("mm", 1_700_000_000_000L);
        final byte[] buffer = new byte[32];
        for (final long counter : new long[] {0, 1, 35, 36, 123_456_789, Long.MAX_VALUE})
        {
            final int length = codec.encode(counter, buffer);
            final String id = new String(buffer, 0, length, StandardCharsets.US_ASCII);
            assertTrue(id.matches("[A-Za-z0-9._:-]{1,32}"), id);
            assertEquals(counter, codec.decode(buffer, length));
        }
        assertEquals("mm-" + Long.toString(1_700_000_000_000L, 36) + "-", codec.header());
    }

    @Test
    void shouldDifferAcrossRunsAndRefuseOtherIds()
    {
        final ClientOidCodec first = new ClientOidCodec("mm", 1_700_000_000_000L);
        final ClientOidCodec second = new ClientOidCodec("mm", 1_700_000_000_001L);
        final byte[] a = new byte[32];
        final byte[] b = new byte[32];
        final int lengthA = first.encode(5, a);
        final int lengthB = second.encode(5, b);
        assertNotEquals(new String(a, 0, lengthA, StandardCharsets.US_ASCII), new String(b, 0, lengthB, StandardCharsets.US_ASCII));
        assertEquals(-1, second.decode(a, lengthA));
        final byte[] foreign = ("mm-" + Long.toString(1_700_000_000_000L, 36) + "-ZZ").getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, first.decode(foreign, foreign.length));
    }

    @Test
    void shouldRefuseBadPrefix()
    {
        assertNotNull(ClientOidCodec.checkPrefix("m m"));
        assertNotNull(ClientOidCodec.checkPrefix("waytoolongprefix"));
        assertThrows(IllegalArgumentException.class, () -> new ClientOidCodec("", 1));
    }
}
