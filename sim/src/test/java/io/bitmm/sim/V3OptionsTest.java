package io.bitmm.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class V3OptionsTest
{
    @Test
    void shouldSetOptionsByName()
    {
        final V3Options o = new V3Options();
        assertEquals(V3Options.BooksChecksum.ABSENT, o.booksChecksum());
        assertNull(o.set("booksChecksum=crc32"));
        assertEquals(V3Options.BooksChecksum.CRC32, o.booksChecksum());
        assertNull(o.set("batchTopics=LONG"));
        assertEquals(V3Options.BatchTopics.LONG, o.batchTopics());
        assertNull(o.set("feePositive=false"));
        assertFalse(o.feePositive());
        assertNotNull(o.set("feePositive=maybe"));
        assertNotNull(o.set("nope=true"));
        assertNotNull(o.set("booksChecksum"));
    }

    @Test
    void shouldRefuseBadValuesOnConclude()
    {
        final SimContext ctx = new SimContext();
        ctx.v3().booksSnapshotDepth(-1);
        assertThrows(IllegalArgumentException.class, ctx::conclude);
    }
}
