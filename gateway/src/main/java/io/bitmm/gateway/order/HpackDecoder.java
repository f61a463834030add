package io.bitmm.gateway.order;

import java.nio.charset.StandardCharsets;

/**
 * Reads the HPACK header blocks (RFC 7541) of the venue's HTTP/2 replies without allocating: indexed fields, literals
 * with and without indexing, never-indexed literals, dynamic table size updates, Huffman-coded strings. The order
 * path needs only {@code :status}, so the dynamic table keeps each entry's size and, for a {@code :status} entry, its
 * code (not the bytes): that is all a later reference can ask of it. The table's limit is the protocol default, 4096
 * bytes (the client never advertises another {@code SETTINGS_HEADER_TABLE_SIZE}); a size update above it, an index
 * outside both tables, a malformed integer, string or Huffman code is a COMPRESSION_ERROR: {@link #decode} returns
 * {@link #ERROR} and {@link #problem()} says what (a constant text; header values never appear in it).
 */
final class HpackDecoder
{
    /** {@link #decode} result for a malformed block. */
    static final int ERROR = -1;
    /** The dynamic table limit this client allows (RFC 7540 6.5.2 default, never changed). */
    static final int MAX_TABLE_SIZE = 4096;
    /** The longest header block accepted (bytes, after CONTINUATIONs are joined). */
    static final int MAX_BLOCK = 16 * 1024;

    private static final int ENTRY_OVERHEAD = 32;
    private static final int STATIC_COUNT = 61;
    private static final int NOT_STATUS = -2;
    private static final byte[] STATUS_NAME = ":status".getBytes(StandardCharsets.US_ASCII);
    /** RFC 7541 Appendix A: names and values of the static table, index 1-61. */
    private static final String[][] STATIC_TABLE = {
        {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
        {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
        {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
        {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
        {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
        {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
        {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
        {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
        {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
        {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
        {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
        {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
        {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""},
    };
    private static final int[] STATIC_NAME_LENGTH = new int[STATIC_COUNT + 1];
    private static final int[] STATIC_VALUE_LENGTH = new int[STATIC_COUNT + 1];
    /** The status of a static entry, or NOT_STATUS; STATIC_NAME_IS_STATUS: its name is :status. */
    private static final int[] STATIC_STATUS = new int[STATIC_COUNT + 1];
    private static final boolean[] STATIC_NAME_IS_STATUS = new boolean[STATIC_COUNT + 1];

    /** RFC 7541 Appendix B: the code of each symbol (0-255, 256 = EOS), right-aligned. */
    private static final int[] HUFFMAN_CODES = {
        0x1ff8, 0x7fffd8, 0xfffffe2, 0xfffffe3, 0xfffffe4, 0xfffffe5, 0xfffffe6, 0xfffffe7,
        0xfffffe8, 0xffffea, 0x3ffffffc, 0xfffffe9, 0xfffffea, 0x3ffffffd, 0xfffffeb, 0xfffffec,
        0xfffffed, 0xfffffee, 0xfffffef, 0xffffff0, 0xffffff1, 0xffffff2, 0x3ffffffe, 0xffffff3,
        0xffffff4, 0xffffff5, 0xffffff6, 0xffffff7, 0xffffff8, 0xffffff9, 0xffffffa, 0xffffffb,
        0x14, 0x3f8, 0x3f9, 0xffa, 0x1ff9, 0x15, 0xf8, 0x7fa,
        0x3fa, 0x3fb, 0xf9, 0x7fb, 0xfa, 0x16, 0x17, 0x18,
        0x0, 0x1, 0x2, 0x19, 0x1a, 0x1b, 0x1c, 0x1d,
        0x1e, 0x1f, 0x5c, 0xfb, 0x7ffc, 0x20, 0xffb, 0x3fc,
        0x1ffa, 0x21, 0x5d, 0x5e, 0x5f, 0x60, 0x61, 0x62,
        0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a,
        0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72,
        0xfc, 0x73, 0xfd, 0x1ffb, 0x7fff0, 0x1ffc, 0x3ffc, 0x22,
        0x7ffd, 0x3, 0x23, 0x4, 0x24, 0x5, 0x25, 0x26,
        0x27, 0x6, 0x74, 0x75, 0x28, 0x29, 0x2a, 0x7,
        0x2b, 0x76, 0x2c, 0x8, 0x9, 0x2d, 0x77, 0x78,
        0x79, 0x7a, 0x7b, 0x7ffe, 0x7fc, 0x3ffd, 0x1ffd, 0xffffffc,
        0xfffe6, 0x3fffd2, 0xfffe7, 0xfffe8, 0x3fffd3, 0x3fffd4, 0x3fffd5, 0x7fffd9,
        0x3fffd6, 0x7fffda, 0x7fffdb, 0x7fffdc, 0x7fffdd, 0x7fffde, 0xffffeb, 0x7fffdf,
        0xffffec, 0xffffed, 0x3fffd7, 0x7fffe0, 0xffffee, 0x7fffe1, 0x7fffe2, 0x7fffe3,
        0x7fffe4, 0x1fffdc, 0x3fffd8, 0x7fffe5, 0x3fffd9, 0x7fffe6, 0x7fffe7, 0xffffef,
        0x3fffda, 0x1fffdd, 0xfffe9, 0x3fffdb, 0x3fffdc, 0x7fffe8, 0x7fffe9, 0x1fffde,
        0x7fffea, 0x3fffdd, 0x3fffde, 0xfffff0, 0x1fffdf, 0x3fffdf, 0x7fffeb, 0x7fffec,
        0x1fffe0, 0x1fffe1, 0x3fffe0, 0x1fffe2, 0x7fffed, 0x3fffe1, 0x7fffee, 0x7fffef,
        0xfffea, 0x3fffe2, 0x3fffe3, 0x3fffe4, 0x7ffff0, 0x3fffe5, 0x3fffe6, 0x7ffff1,
        0x3ffffe0, 0x3ffffe1, 0xfffeb, 0x7fff1, 0x3fffe7, 0x7ffff2, 0x3fffe8, 0x1ffffec,
        0x3ffffe2, 0x3ffffe3, 0x3ffffe4, 0x7ffffde, 0x7ffffdf, 0x3ffffe5, 0xfffff1, 0x1ffffed,
        0x7fff2, 0x1fffe3, 0x3ffffe6, 0x7ffffe0, 0x7ffffe1, 0x3ffffe7, 0x7ffffe2, 0xfffff2,
        0x1fffe4, 0x1fffe5, 0x3ffffe8, 0x3ffffe9, 0xffffffd, 0x7ffffe3, 0x7ffffe4, 0x7ffffe5,
        0xfffec, 0xfffff3, 0xfffed, 0x1fffe6, 0x3fffe9, 0x1fffe7, 0x1fffe8, 0x7ffff3,
        0x3fffea, 0x3fffeb, 0x1ffffee, 0x1ffffef, 0xfffff4, 0xfffff5, 0x3ffffea, 0x7ffff4,
        0x3ffffeb, 0x7ffffe6, 0x3ffffec, 0x3ffffed, 0x7ffffe7, 0x7ffffe8, 0x7ffffe9, 0x7ffffea,
        0x7ffffeb, 0xffffffe, 0x7ffffec, 0x7ffffed, 0x7ffffee, 0x7ffffef, 0x7fffff0, 0x3ffffee,
        0x3fffffff,
    };
    /** RFC 7541 Appendix B: the code lengths in bits. */
    private static final byte[] HUFFMAN_LENGTHS = {
        13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
        28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
        6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
        5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
        13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
        7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
        15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
        6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
        20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
        24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
        22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
        21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
        26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
        19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
        20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
        26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
        30,
    };

    /** The Huffman decoding tree: children by bit; a negative child is a leaf, -(symbol + 1). */
    private static final short[] ZERO = new short[512];
    private static final short[] ONE = new short[512];
    private static final int EOS = 256;

    static
    {
        for (int i = 1; i <= STATIC_COUNT; i++)
        {
            final String name = STATIC_TABLE[i - 1][0];
            final String value = STATIC_TABLE[i - 1][1];
            STATIC_NAME_LENGTH[i] = name.length();
            STATIC_VALUE_LENGTH[i] = value.length();
            STATIC_NAME_IS_STATUS[i] = ":status".equals(name);
            STATIC_STATUS[i] = STATIC_NAME_IS_STATUS[i] ? Integer.parseInt(value) : NOT_STATUS;
        }
        int nodes = 1;
        for (int symbol = 0; symbol <= EOS; symbol++)
        {
            final int code = HUFFMAN_CODES[symbol];
            final int length = HUFFMAN_LENGTHS[symbol];
            int node = 0;
            for (int bit = length - 1; bit >= 0; bit--)
            {
                final short[] children = ((code >>> bit) & 1) == 0 ? ZERO : ONE;
                if (bit == 0)
                {
                    children[node] = (short)-(symbol + 1);
                }
                else
                {
                    if (children[node] == 0)
                    {
                        children[node] = (short)nodes++;
                    }
                    node = children[node];
                }
            }
        }
    }

    /** The dynamic table as a ring, newest at head - 1: entry sizes and :status codes (NOT_STATUS for others). */
    private final int[] entrySize = new int[MAX_TABLE_SIZE / ENTRY_OVERHEAD];
    private final int[] entryStatus = new int[MAX_TABLE_SIZE / ENTRY_OVERHEAD];
    private final boolean[] entryNameIsStatus = new boolean[MAX_TABLE_SIZE / ENTRY_OVERHEAD];
    private final int[] entryValueLength = new int[MAX_TABLE_SIZE / ENTRY_OVERHEAD];
    private int head;
    private int count;
    private int tableSize;
    private int maxTableSize = MAX_TABLE_SIZE;
    private final byte[] scratch = new byte[MAX_BLOCK * 8 / 5 + 8];
    private int position;
    private byte[] stringBytes;
    private int stringOffset;
    private int stringLength;
    private String problem;

    /**
     * Decode one complete header block, updating the dynamic table.
     *
     * @param block  the bytes (fragments of HEADERS and CONTINUATION joined, padding and priority removed).
     * @param offset where the block starts.
     * @param length its length.
     * @return the {@code :status} code (the last one in the block), 0 when there is none, {@link #ERROR} when the
     * block is malformed (the connection must end with COMPRESSION_ERROR: the table is no longer in step).
     */
    int decode(final byte[] block, final int offset, final int length)
    {
        final int end = offset + length;
        position = offset;
        int status = 0;
        boolean fieldSeen = false;
        while (position < end)
        {
            final int b = block[position] & 0xff;
            if ((b & 0x80) != 0)
            {
                final int index = readInt(block, end, 7);
                if (index <= 0)
                {
                    return fail(index == 0 ? "indexed field 0" : problem);
                }
                final int entryStatusCode = statusOf(index);
                if (entryStatusCode == ERROR)
                {
                    return ERROR;
                }
                if (entryStatusCode != NOT_STATUS)
                {
                    status = entryStatusCode;
                }
                fieldSeen = true;
            }
            else if ((b & 0xe0) == 0x20)
            {
                if (fieldSeen)
                {
                    return fail("dynamic table size update after a field");
                }
                final int size = readInt(block, end, 5);
                if (size < 0 || size > MAX_TABLE_SIZE)
                {
                    return fail(size < 0 ? problem : "dynamic table size update above 4096");
                }
                maxTableSize = size;
                evictTo(maxTableSize);
            }
            else
            {
                final boolean indexing = (b & 0xc0) == 0x40;
                final int nameIndex = readInt(block, end, indexing ? 6 : 4);
                if (nameIndex < 0)
                {
                    return ERROR;
                }
                final int nameLength;
                final boolean nameIsStatus;
                if (nameIndex == 0)
                {
                    if (readString(block, end) < 0)
                    {
                        return ERROR;
                    }
                    nameLength = stringLength;
                    nameIsStatus = isStatusName();
                }
                else
                {
                    nameLength = nameLengthOf(nameIndex);
                    if (nameLength < 0)
                    {
                        return ERROR;
                    }
                    nameIsStatus = nameIsStatus(nameIndex);
                }
                if (readString(block, end) < 0)
                {
                    return ERROR;
                }
                final int value = nameIsStatus ? parseStatus() : NOT_STATUS;
                if (nameIsStatus)
                {
                    status = value;
                }
                if (indexing)
                {
                    insert(nameLength + stringLength + ENTRY_OVERHEAD, nameIsStatus, value);
                }
                fieldSeen = true;
            }
        }
        return status;
    }

    /**
     * @return why the last {@link #decode} failed (a constant text).
     */
    String problem()
    {
        return problem;
    }

    /**
     * @return the dynamic table's size in RFC 7541 terms (entry lengths plus 32 each).
     */
    int tableSize()
    {
        return tableSize;
    }

    /**
     * @return entries in the dynamic table.
     */
    int tableEntries()
    {
        return count;
    }

    private int fail(final String why)
    {
        problem = why;
        return ERROR;
    }

    /** An HPACK integer with an N-bit prefix at position; -1 when it runs past end or over 2^28. */
    private int readInt(final byte[] block, final int end, final int prefixBits)
    {
        final int mask = (1 << prefixBits) - 1;
        int value = block[position++] & mask;
        if (value < mask)
        {
            return value;
        }
        int shift = 0;
        while (true)
        {
            if (position >= end)
            {
                problem = "integer runs past the block";
                return -1;
            }
            final int b = block[position++] & 0xff;
            value += (b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
            shift += 7;
            if (shift > 21)
            {
                problem = "integer too large";
                return -1;
            }
        }
    }

    /** A string literal at position into stringBytes/Offset/Length (Huffman-decoded into scratch); -1: malformed. */
    private int readString(final byte[] block, final int end)
    {
        if (position >= end)
        {
            problem = "string runs past the block";
            return -1;
        }
        final boolean huffman = (block[position] & 0x80) != 0;
        final int length = readInt(block, end, 7);
        if (length < 0)
        {
            return -1;
        }
        if (length > end - position)
        {
            problem = "string runs past the block";
            return -1;
        }
        if (huffman)
        {
            final int decoded = huffmanDecode(block, position, length);
            if (decoded < 0)
            {
                return -1;
            }
            stringBytes = scratch;
            stringOffset = 0;
            stringLength = decoded;
        }
        else
        {
            stringBytes = block;
            stringOffset = position;
            stringLength = length;
        }
        position += length;
        return stringLength;
    }

    private int huffmanDecode(final byte[] src, final int offset, final int length)
    {
        int out = 0;
        int node = 0;
        int bitsSinceSymbol = 0;
        boolean allOnes = true;
        for (int i = offset; i < offset + length; i++)
        {
            final int b = src[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--)
            {
                final boolean one = ((b >>> bit) & 1) != 0;
                final int next = one ? ONE[node] : ZERO[node];
                if (next < 0)
                {
                    final int symbol = -next - 1;
                    if (symbol == EOS)
                    {
                        problem = "Huffman EOS in a string";
                        return -1;
                    }
                    scratch[out++] = (byte)symbol;
                    node = 0;
                    bitsSinceSymbol = 0;
                    allOnes = true;
                }
                else
                {
                    node = next;
                    bitsSinceSymbol++;
                    allOnes &= one;
                }
            }
        }
        if (bitsSinceSymbol > 7 || !allOnes)
        {
            problem = "Huffman padding invalid";
            return -1;
        }
        return out;
    }

    private boolean isStatusName()
    {
        if (stringLength != STATUS_NAME.length)
        {
            return false;
        }
        for (int i = 0; i < stringLength; i++)
        {
            if (stringBytes[stringOffset + i] != STATUS_NAME[i])
            {
                return false;
            }
        }
        return true;
    }

    /** Three ASCII digits, or 0 when the value is not a status code. */
    private int parseStatus()
    {
        if (stringLength != 3)
        {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 3; i++)
        {
            final int digit = stringBytes[stringOffset + i] - '0';
            if (digit < 0 || digit > 9)
            {
                return 0;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The ring slot of dynamic index (62 = newest), or -1. */
    private int slot(final int index)
    {
        final int age = index - STATIC_COUNT - 1;
        if (age >= count)
        {
            problem = "index outside both tables";
            return -1;
        }
        return (head - 1 - age + entrySize.length) % entrySize.length;
    }

    private int statusOf(final int index)
    {
        if (index <= STATIC_COUNT)
        {
            return STATIC_STATUS[index];
        }
        final int slot = slot(index);
        return slot < 0 ? ERROR : entryStatus[slot];
    }

    private int nameLengthOf(final int index)
    {
        if (index <= STATIC_COUNT)
        {
            return STATIC_NAME_LENGTH[index];
        }
        final int slot = slot(index);
        if (slot < 0)
        {
            return -1;
        }
        return entrySize[slot] - ENTRY_OVERHEAD - entryValueLength[slot];
    }

    private boolean nameIsStatus(final int index)
    {
        return index <= STATIC_COUNT ? STATIC_NAME_IS_STATUS[index] : entryNameIsStatus[slot(index)];
    }

    private void insert(final int size, final boolean nameIsStatus, final int status)
    {
        if (size > maxTableSize)
        {
            evictTo(0);
            return;
        }
        evictTo(maxTableSize - size);
        entrySize[head] = size;
        entryValueLength[head] = stringLength;
        entryNameIsStatus[head] = nameIsStatus;
        entryStatus[head] = nameIsStatus ? status : NOT_STATUS;
        head = (head + 1) % entrySize.length;
        count++;
        tableSize += size;
    }

    private void evictTo(final int limit)
    {
        while (tableSize > limit && count > 0)
        {
            final int oldest = (head - count + entrySize.length) % entrySize.length;
            tableSize -= entrySize[oldest];
            count--;
        }
    }
}
