package io.bitmm.journal;

import io.bitmm.core.event.CommandType;
import io.bitmm.core.event.EventType;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.OutboundCommand;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.InstrumentTable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One line per entry, as text or as JSON: what {@code mm dump} prints and what replay shows around a divergence.
 * Slow path (allocates): for people and tools, not for the engine.
 */
public final class EntryFormat
{
    private static final DateTimeFormatter TIME =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final JournalHeader header;

    /**
     * @param header the journal's header (wall-clock anchor, instruments).
     */
    public EntryFormat(final JournalHeader header)
    {
        this.header = header;
    }

    /**
     * @param stamp a monotonic stamp of the run.
     * @return its wall-clock time, ISO-8601 with microseconds.
     */
    public String wallTime(final long stamp)
    {
        final long wall = header.wallNanos(stamp);
        return TIME.format(Instant.ofEpochSecond(Math.floorDiv(wall, 1_000_000_000L), Math.floorMod(wall, 1_000_000_000L)));
    }

    /**
     * @param id an instrument id.
     * @return its symbol, or "-".
     */
    public String symbol(final int id)
    {
        final InstrumentTable instruments = header.instruments();
        return id >= 0 && id < instruments.instrumentCount() ? instruments.instrument(id).symbol() : "-";
    }

    /**
     * @param id an instrument id.
     * @return its product name ({@code USDT-FUTURES:BTCUSDT} for a perpetual, the bare symbol for spot), or "-".
     */
    public String productName(final int id)
    {
        final InstrumentTable instruments = header.instruments();
        return id >= 0 && id < instruments.instrumentCount() ?
            io.bitmm.core.instrument.ProductSymbol.displayName(instruments.instrument(id)) : "-";
    }

    /**
     * @param ringSequence inbound ring sequence.
     * @param journalNanos when the journal wrote it.
     * @param e            the event.
     * @return one line.
     */
    public String event(final long ringSequence, final long journalNanos, final InboundEvent e)
    {
        final StringBuilder out = new StringBuilder(160);
        out.append("E ").append(ringSequence).append(' ').append(wallTime(e.timestampNanos)).append(' ')
            .append(e.type).append(' ').append(symbol(e.instrumentId))
            .append(" publish+").append(e.publishNanos - e.timestampNanos).append("ns journal+")
            .append(journalNanos - e.timestampNanos).append("ns");
        appendEventDetail(out, e);
        return out.toString();
    }

    /**
     * @param ringSequence outbound ring sequence.
     * @param journalNanos when the journal wrote it.
     * @param c            the command.
     * @return one line.
     */
    public String command(final long ringSequence, final long journalNanos, final OutboundCommand c)
    {
        final StringBuilder out = new StringBuilder(160);
        out.append("C ").append(ringSequence).append(' ').append(wallTime(c.triggerTimestampNanos)).append(' ')
            .append(c.type).append(' ').append(symbol(c.instrumentId))
            .append(" #").append(c.commandSequence)
            .append(" journal+").append(journalNanos - c.triggerTimestampNanos).append("ns");
        if (c.type == CommandType.MODEL_FIT)
        {
            return out.append(modelFit(c)).toString();
        }
        out.append(" oid=").append(text(c.clientOid, c.clientOidLength));
        if (c.newClientOidLength > 0)
        {
            out.append(" newOid=").append(text(c.newClientOid, c.newClientOidLength));
        }
        out.append(" orderId=").append(c.orderId).append(' ').append(c.side).append(" px=")
            .append(price(c.instrumentId, c.price)).append(" sz=").append(size(c.instrumentId, c.size)).append(' ')
            .append(c.timeInForce);
        if (c.reduceOnly)
        {
            out.append(" reduceOnly");
        }
        return out.toString();
    }

    /**
     * @param ringSequence inbound ring sequence.
     * @param journalNanos when the journal wrote it.
     * @param e            the event.
     * @return one JSON object.
     */
    public String eventJson(final long ringSequence, final long journalNanos, final InboundEvent e)
    {
        final StringBuilder out = new StringBuilder(200);
        out.append("{\"kind\":\"event\",\"ringSeq\":").append(ringSequence)
            .append(",\"wallTime\":\"").append(wallTime(e.timestampNanos))
            .append("\",\"type\":\"").append(e.type).append("\",\"symbol\":\"").append(symbol(e.instrumentId))
            .append("\",\"timestampNanos\":").append(e.timestampNanos)
            .append(",\"publishNanos\":").append(e.publishNanos)
            .append(",\"journalNanos\":").append(journalNanos)
            .append(",\"venueTimeMs\":").append(e.venueTimeMs)
            .append(",\"clientOid\":\"").append(text(e.clientOid, e.clientOidLength))
            .append("\",\"orderId\":").append(e.orderId)
            .append(",\"side\":\"").append(e.side).append("\",\"price\":").append(e.price)
            .append(",\"size\":").append(e.size).append(",\"px\":\"").append(price(e.instrumentId, e.price))
            .append("\",\"sz\":\"").append(size(e.instrumentId, e.size)).append('"')
            .append(",\"fee\":").append(e.fee).append(",\"feeText\":\"").append(amount(e.fee))
            .append("\",\"feeAsset\":\"").append(e.feeAssetId == -1 ? "" : assetName(e.feeAssetId))
            .append("\",\"asset\":\"").append(e.assetId < 0 ? "" : assetName(e.assetId))
            .append("\",\"available\":").append(e.available).append(",\"frozen\":").append(e.frozen)
            .append(",\"amount\":").append(e.amount).append(",\"seq\":").append(e.seq)
            .append(",\"bids\":").append(e.bidCount).append(",\"asks\":").append(e.askCount).append('}');
        return out.toString();
    }

    /**
     * @param ringSequence outbound ring sequence.
     * @param journalNanos when the journal wrote it.
     * @param c            the command.
     * @return one JSON object.
     */
    public String commandJson(final long ringSequence, final long journalNanos, final OutboundCommand c)
    {
        final StringBuilder out = new StringBuilder(200);
        out.append("{\"kind\":\"command\",\"ringSeq\":").append(ringSequence)
            .append(",\"wallTime\":\"").append(wallTime(c.triggerTimestampNanos))
            .append("\",\"type\":\"").append(c.type).append("\",\"symbol\":\"").append(symbol(c.instrumentId))
            .append("\",\"commandSequence\":").append(c.commandSequence)
            .append(",\"triggerTimestampNanos\":").append(c.triggerTimestampNanos)
            .append(",\"journalNanos\":").append(journalNanos)
            .append(",\"clientOid\":\"").append(text(c.clientOid, c.clientOidLength))
            .append("\",\"newClientOid\":\"").append(text(c.newClientOid, c.newClientOidLength))
            .append("\",\"orderId\":").append(c.orderId)
            .append(",\"side\":\"").append(c.side).append("\",\"price\":").append(c.price)
            .append(",\"size\":").append(c.size).append(",\"px\":\"").append(price(c.instrumentId, c.price))
            .append("\",\"sz\":\"").append(size(c.instrumentId, c.size)).append('"')
            .append(",\"timeInForce\":\"").append(c.timeInForce)
            .append("\",\"reduceOnly\":").append(c.reduceOnly).append('}');
        return out.toString();
    }

    /**
     * @param c a {@link CommandType#MODEL_FIT} command.
     * @return its fitted values with their units (" sigma=... bp/sqrt(s) A=... /s k=... /bp").
     */
    public static String modelFit(final OutboundCommand c)
    {
        return String.format(Locale.ROOT, " sigma=%.6f bp/sqrt(s) A=%.6f /s k=%.6f /bp", c.price / 1e6, c.size / 1e6,
            c.orderId / 1e6);
    }

    /**
     * @param instrumentId an instrument id.
     * @param price        fixed-point price in the instrument's price scale.
     * @return the decimal price ("60001.63"), or the raw number when the instrument is unknown.
     */
    public String price(final int instrumentId, final long price)
    {
        final InstrumentTable instruments = header.instruments();
        return instrumentId >= 0 && instrumentId < instruments.instrumentCount() ?
            BigDecimal.valueOf(price, instruments.instrument(instrumentId).priceScale()).toPlainString() :
            Long.toString(price);
    }

    /**
     * @param instrumentId an instrument id.
     * @param size         fixed-point size in the instrument's size scale (base coin, or contracts).
     * @return the decimal size, or the raw number when the instrument is unknown.
     */
    public String size(final int instrumentId, final long size)
    {
        final InstrumentTable instruments = header.instruments();
        return instrumentId >= 0 && instrumentId < instruments.instrumentCount() ?
            BigDecimal.valueOf(size, instruments.instrument(instrumentId).sizeScale()).toPlainString() :
            Long.toString(size);
    }

    private static String amount(final long amount)
    {
        return BigDecimal.valueOf(amount, Amounts.DECIMALS).stripTrailingZeros().toPlainString();
    }

    private String assetName(final int assetId)
    {
        final InstrumentTable instruments = header.instruments();
        if (assetId == InboundEvent.FEE_ASSET_OTHER)
        {
            return "other";
        }
        return assetId >= 0 && assetId < instruments.assetCount() ? instruments.assetName(assetId) :
            Integer.toString(assetId);
    }

    static String text(final byte[] bytes, final int length)
    {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private void appendEventDetail(final StringBuilder out, final InboundEvent e)
    {
        if (e.type == EventType.BOOK_SNAPSHOT || e.type == EventType.BOOK_UPDATE)
        {
            out.append(" seq=").append(e.seq).append(" bids=").append(e.bidCount).append(" asks=").append(e.askCount);
            if (e.bidCount > 0)
            {
                out.append(" bid0=").append(price(e.instrumentId, e.bidPrices[0])).append('x')
                    .append(size(e.instrumentId, e.bidSizes[0]));
            }
            if (e.askCount > 0)
            {
                out.append(" ask0=").append(price(e.instrumentId, e.askPrices[0])).append('x')
                    .append(size(e.instrumentId, e.askSizes[0]));
            }
            return;
        }
        if (e.clientOidLength > 0)
        {
            out.append(" oid=").append(text(e.clientOid, e.clientOidLength));
        }
        if (e.orderId != 0)
        {
            out.append(" orderId=").append(e.orderId);
        }
        if (e.price != 0 || e.size != 0)
        {
            out.append(' ').append(e.side).append(" px=").append(price(e.instrumentId, e.price))
                .append(" sz=").append(size(e.instrumentId, e.size));
        }
        if (e.type == EventType.FILL && (e.fee != 0 || e.feeAssetId >= 0))
        {
            out.append(" fee=").append(amount(e.fee)).append(' ').append(assetName(e.feeAssetId));
        }
        if (e.type == EventType.BALANCE)
        {
            out.append(" asset=").append(assetName(e.assetId)).append(" available=").append(amount(e.available))
                .append(" frozen=").append(amount(e.frozen));
        }
        if (e.type == EventType.FUNDING || e.type == EventType.POSITION_SNAPSHOT)
        {
            out.append(" amount=").append(amount(e.amount));
        }
        if (e.type == EventType.POSITION_SNAPSHOT)
        {
            out.append(" entry=").append(price(e.instrumentId, e.averagePrice));
        }
        if (e.commandType != CommandType.NONE)
        {
            out.append(" cmd=").append(e.commandType);
        }
        if (e.rejectCode != 0)
        {
            out.append(" reject=").append(e.rejectCode);
        }
    }
}
