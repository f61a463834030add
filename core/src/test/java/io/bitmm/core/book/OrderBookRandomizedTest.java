package io.bitmm.core.book;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.instrument.Instrument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book against a reference model (TreeMaps of the venue's strings) over random snapshots and updates, with
 * the reference checksum computed independently from the strings.
 */
class OrderBookRandomizedTest
{
    private static final int OPERATIONS = 120_000;
    private static final long MID_TICKS = 3_000_000;

    private final Instrument btc = TestSupport.spotBtc();
    private Random random = new Random(42);
    private final TreeMap<Long, String[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, String[]> asks = new TreeMap<>();
    private final InboundEvent event = new InboundEvent();
    private long seq = 1;

    @Test
    void shouldMatchReferenceModelOverRandomSnapshotsAndUpdates()
    {
        run(42, OPERATIONS);
    }

    @Test
    @Tag("slow")
    void shouldMatchReferenceModelOverManyMoreOperations()
    {
        run(7, 10 * OPERATIONS);
    }

    private void run(final long seed, final int operations)
    {
        random = new Random(seed);
        final OrderBook book = new OrderBook(btc, 1024);
        int mismatchesInjected = 0;
        int applied = 0;
        for (int op = 0; op < operations; op++)
        {
            final boolean snapshot = op == 0 || random.nextInt(200) == 0 || !book.isValid();
            final boolean corrupt = random.nextInt(500) == 0;
            if (snapshot)
            {
                randomSnapshot();
            }
            else
            {
                randomUpdate();
            }
            final int reference = referenceChecksum();
            event.checksumPresent = true;
            event.checksum = corrupt ? reference ^ 1 : reference;
            event.seq = seq++;
            final BookResult result = snapshot ? book.applySnapshot(event) : book.applyUpdate(event);
            if (corrupt)
            {
                assertEquals(BookResult.CHECKSUM_MISMATCH, result, "op " + op);
                mismatchesInjected++;
                continue;
            }
            assertEquals(BookResult.APPLIED, result, "op " + op);
            applied++;
            assertSameAsReference(book, op);
        }
        assertTrue(mismatchesInjected > operations / 2_000);
        assertTrue(applied > operations * 8 / 10);
    }

    private void assertSameAsReference(final OrderBook book, final int op)
    {
        assertEquals(bids.size(), book.bidCount(), "bids at op " + op);
        assertEquals(asks.size(), book.askCount(), "asks at op " + op);
        int depth = 0;
        for (final Map.Entry<Long, String[]> level : bids.entrySet())
        {
            if (depth == 30)
            {
                break;
            }
            assertEquals(level.getKey().longValue(), book.bidPrice(depth), "bid price at op " + op);
            depth++;
        }
        if (!asks.isEmpty())
        {
            assertEquals(asks.firstKey().longValue(), book.askPrice(0));
        }
    }

    private void randomSnapshot()
    {
        bids.clear();
        asks.clear();
        final int bidCount = random.nextInt(120);
        final int askCount = random.nextInt(120);
        for (int i = 0; i < bidCount; i++)
        {
            putLevel(bids, MID_TICKS - 1 - random.nextInt(400));
        }
        for (int i = 0; i < askCount; i++)
        {
            putLevel(asks, MID_TICKS + 1 + random.nextInt(400));
        }
        fill(EventType.BOOK_SNAPSHOT, new ArrayList<>(toLevels(bids)), new ArrayList<>(toLevels(asks)));
    }

    private void randomUpdate()
    {
        final List<String[]> bidChanges = new ArrayList<>();
        final List<String[]> askChanges = new ArrayList<>();
        final int changes = random.nextInt(6);
        for (int i = 0; i < changes; i++)
        {
            final boolean bid = random.nextBoolean();
            final TreeMap<Long, String[]> side = bid ? bids : asks;
            final long price = bid ? MID_TICKS - 1 - random.nextInt(60) : MID_TICKS + 1 + random.nextInt(60);
            final String[] change;
            if (random.nextInt(3) == 0 || (side.containsKey(price) && random.nextBoolean()))
            {
                change = new String[] {priceString(price), zeroString()};
                side.remove(price);
            }
            else
            {
                change = putLevel(side, price);
            }
            (bid ? bidChanges : askChanges).add(change);
        }
        fill(EventType.BOOK_UPDATE, bidChanges, askChanges);
    }

    private String[] putLevel(final TreeMap<Long, String[]> side, final long price)
    {
        final String[] level = {priceString(price), sizeString(1 + random.nextInt(5_000_000))};
        side.put(price, level);
        return level;
    }

    private List<String[]> toLevels(final TreeMap<Long, String[]> side)
    {
        return new ArrayList<>(side.values());
    }

    private void fill(final EventType type, final List<String[]> bidLevels, final List<String[]> askLevels)
    {
        final String[] bidStrings = new String[bidLevels.size()];
        for (int i = 0; i < bidStrings.length; i++)
        {
            bidStrings[i] = bidLevels.get(i)[0] + ":" + bidLevels.get(i)[1];
        }
        final String[] askStrings = new String[askLevels.size()];
        for (int i = 0; i < askStrings.length; i++)
        {
            askStrings[i] = askLevels.get(i)[0] + ":" + askLevels.get(i)[1];
        }
        TestSupport.fillBook(event, type, btc, 0, bidStrings, askStrings);
    }

    /** Prices written with 1 to 4 decimals (trailing zeros vary, as a venue may write them). */
    private String priceString(final long ticks)
    {
        final BigDecimal value = BigDecimal.valueOf(ticks, 2);
        final int decimals = ticks % 10 == 0 ? 1 + random.nextInt(4) : 2 + random.nextInt(3);
        return value.setScale(decimals).toPlainString();
    }

    private String sizeString(final long units)
    {
        final BigDecimal value = BigDecimal.valueOf(units, 6).stripTrailingZeros();
        final int minimum = Math.max(0, value.scale());
        return value.setScale(minimum + random.nextInt(3)).toPlainString();
    }

    private String zeroString()
    {
        final String[] zeros = {"0", "0.0", "0.0000"};
        return zeros[random.nextInt(zeros.length)];
    }

    private int referenceChecksum()
    {
        final List<String> parts = new ArrayList<>();
        final List<String[]> bidLevels = new ArrayList<>(bids.values());
        final List<String[]> askLevels = new ArrayList<>(asks.values());
        for (int i = 0; i < 25; i++)
        {
            if (i < bidLevels.size())
            {
                parts.add(bidLevels.get(i)[0]);
                parts.add(bidLevels.get(i)[1]);
            }
            if (i < askLevels.size())
            {
                parts.add(askLevels.get(i)[0]);
                parts.add(askLevels.get(i)[1]);
            }
        }
        final CRC32 crc = new CRC32();
        crc.update(String.join(":", parts).getBytes(StandardCharsets.UTF_8));
        return (int)crc.getValue();
    }
}
