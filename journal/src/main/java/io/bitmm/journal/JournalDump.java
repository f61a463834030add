package io.bitmm.journal;

import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * A journal as a timeline: one line per event or command in journal order, with its ring sequence, wall time and
 * latency stamps, as text or JSON lines; filtered by wall-time range, symbol, entry type and clientOid.
 */
public final class JournalDump
{
    private JournalDump()
    {
    }

    /**
     * What to print. Null or empty fields do not filter.
     *
     * @param fromEpochNanos earliest wall time, inclusive ({@link Long#MIN_VALUE}: no bound).
     * @param toEpochNanos   latest wall time, exclusive ({@link Long#MAX_VALUE}: no bound).
     * @param symbol         only this product: its name ({@code USDT-FUTURES:BTCUSDT}, a spot pair bare) or bare
     *                       symbol.
     * @param type           only this event or command type, e.g. {@code BOOK_UPDATE}, {@code PLACE}.
     * @param clientOid      only entries naming this clientOid (as target or replacement).
     * @param jsonl          JSON lines instead of text.
     */
    public record Filter(long fromEpochNanos, long toEpochNanos, String symbol, String type, String clientOid,
        boolean jsonl)
    {
    }

    /**
     * @param dir    the journal's directory.
     * @param filter what to print.
     * @param out    where.
     * @return entries printed.
     */
    public static long dump(final Path dir, final Filter filter, final PrintStream out)
    {
        long printed = 0;
        try (JournalReader reader = new JournalReader(dir, (byte)0))
        {
            final JournalHeader header = reader.header();
            final EntryFormat format = new EntryFormat(header);
            if (!filter.jsonl())
            {
                out.println("# journal " + dir + "  engine " + header.engineVersion() + "  runEpochMs " +
                    header.runEpochMs() + "  instruments " + header.instruments().instrumentCount());
            }
            int kind;
            while ((kind = reader.next()) != JournalReader.END)
            {
                if (kind == JournalLayout.KIND_EVENT)
                {
                    final InboundEvent e = reader.event();
                    if (matches(filter, header.wallNanos(e.timestampNanos), format.productName(e.instrumentId),
                        e.type.name(), e.clientOid, e.clientOidLength, e.newClientOid, e.newClientOidLength))
                    {
                        out.println(filter.jsonl() ? format.eventJson(reader.ringSequence(), reader.journalNanos(), e) :
                            format.event(reader.ringSequence(), reader.journalNanos(), e));
                        printed++;
                    }
                }
                else
                {
                    final OutboundCommand c = reader.command();
                    if (matches(filter, header.wallNanos(c.triggerTimestampNanos), format.productName(c.instrumentId),
                        c.type.name(), c.clientOid, c.clientOidLength, c.newClientOid, c.newClientOidLength))
                    {
                        out.println(filter.jsonl() ?
                            format.commandJson(reader.ringSequence(), reader.journalNanos(), c) :
                            format.command(reader.ringSequence(), reader.journalNanos(), c));
                        printed++;
                    }
                }
            }
        }
        return printed;
    }

    private static boolean matches(
        final Filter filter, final long wallNanos, final String symbol, final String type, final byte[] oid,
        final int oidLength, final byte[] newOid, final int newOidLength)
    {
        if (wallNanos < filter.fromEpochNanos() || wallNanos >= filter.toEpochNanos())
        {
            return false;
        }
        // the product's name (USDT-FUTURES:BTCUSDT, bare for spot) or its bare symbol
        final String wanted = isSet(filter.symbol()) && filter.symbol().regionMatches(true, 0, "SPOT:", 0, 5) ?
            filter.symbol().substring(5) : filter.symbol();
        if (isSet(wanted) && !wanted.equalsIgnoreCase(symbol) &&
            !wanted.equalsIgnoreCase(symbol.substring(symbol.indexOf(':') + 1)))
        {
            return false;
        }
        if (isSet(filter.type()) && !filter.type().equalsIgnoreCase(type))
        {
            return false;
        }
        return !isSet(filter.clientOid()) || filter.clientOid().equals(EntryFormat.text(oid, oidLength)) ||
            filter.clientOid().equals(EntryFormat.text(newOid, newOidLength));
    }

    private static boolean isSet(final String value)
    {
        return value != null && !value.isEmpty();
    }
}
