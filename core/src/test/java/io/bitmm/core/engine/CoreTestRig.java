package io.bitmm.core.engine;

import io.bitmm.core.TestSupport;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Instrument;

import java.util.ArrayList;
import java.util.List;

/**
 * A core under test with the commands it sends kept (copied) in order, and one-level book snapshots numbered from
 * {@link #seq}.
 */
final class CoreTestRig
{
    /** Commands the core sent, oldest first, until {@link #drain()}. */
    final List<OutboundCommand> sent = new ArrayList<>();
    /** The next book snapshot's sequence number. */
    long seq = 1;

    TradingCore core(final CoreContext context, final Instrument instrument)
    {
        return new TradingCore(context, TestSupport.table(instrument), command ->
        {
            final OutboundCommand copy = new OutboundCommand();
            copy.copyFrom(command);
            sent.add(copy);
        });
    }

    InboundEvent snapshot(final Instrument instrument, final long nanos, final String bid, final String ask)
    {
        final InboundEvent event = TestSupport.book(
            EventType.BOOK_SNAPSHOT, instrument, seq++, new String[] {bid}, new String[] {ask});
        event.timestampNanos = nanos;
        return event;
    }

    /** @return the commands sent since the last call, oldest first. */
    List<OutboundCommand> drain()
    {
        final List<OutboundCommand> copy = new ArrayList<>(sent);
        sent.clear();
        return copy;
    }
}
