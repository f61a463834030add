package io.bitmm.core;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.event.Side;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundCommandTest
{
    @Test
    void shouldCompareEveryWireRelevantField()
    {
        final OutboundCommand a = new OutboundCommand();
        a.type = CommandType.PLACE;
        a.side = Side.SELL;
        a.price = 3_000_010;
        a.size = 1_000;
        final byte[] oid = "mm-abc-1".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(oid, 0, a.clientOid, 0, oid.length);
        a.clientOidLength = oid.length;

        final OutboundCommand b = new OutboundCommand();
        b.copyFrom(a);
        assertTrue(a.sameAs(b));

        b.clientOid[oid.length - 1] = '2';
        assertFalse(a.sameAs(b));
        b.copyFrom(a);
        b.price++;
        assertFalse(a.sameAs(b));
    }
}
