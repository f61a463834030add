package io.bitmm.gateway.bitget;

import com.fasterxml.jackson.core.JsonToken;
import io.bitmm.core.event.CancelReason;
import io.bitmm.core.event.InboundEvent;
import io.bitmm.core.event.Side;
import io.bitmm.core.event.TimeInForce;
import io.bitmm.core.event.VenueOrderStatus;
import io.bitmm.core.instrument.DecimalParser;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.json.Chars;
import io.bitmm.gateway.json.JsonFrameParser;

import java.io.IOException;

/**
 * One JSON element's scalar fields, copied into preallocated character slots while the element is read (key order is
 * free, and a price cannot be scaled before the element's symbol is known), then read as typed values when it closes.
 * The private-stream codecs of both dialects keep their element fields here; which key goes to which slot is theirs.
 * Allocation-free.
 * <p>
 * Reading rules: a missing, {@code null} or empty field is absent; a decimal that does not parse marks the element
 * {@link #invalid()}; taking a documented default counts {@link GatewayCounters#FIELD_DEFAULTS}. The order
 * vocabulary ({@code status}, {@code force}/{@code timeInForce}, {@code cancelReason}, {@code tradeScope}) is the same
 * on v2 and v3 and is read here too.
 */
public final class ElementStash
{
    /** A dialect's element keys: which slot a key goes to. */
    public interface SlotMap
    {
        /**
         * @param name a key of the element.
         * @return its slot, -1 to skip it.
         */
        int slotOf(String name);
    }

    private final InstrumentTable instruments;
    private final GatewayCounters counters;
    private final DecimalParser decimal = new DecimalParser();
    private final char[][] chars;
    private final int[] lengths;
    private final boolean[] present;
    private final int slotChars;
    private boolean invalid;
    private SlotMap slots;
    private int feeDetailSlot = -1;
    private String feeKey;
    private int feeSlot;
    private int feeCoinSlot;
    private int deductionSlot;

    /**
     * @param slots       how many fields an element may keep.
     * @param slotChars   the longest value kept (longer ones are cut).
     * @param instruments the traded instruments and assets (symbol and coin lookups).
     * @param counters    where defaults are counted.
     */
    public ElementStash(final int slots, final int slotChars, final InstrumentTable instruments,
        final GatewayCounters counters)
    {
        this.instruments = instruments;
        this.counters = counters;
        this.chars = new char[slots][slotChars];
        this.lengths = new int[slots];
        this.present = new boolean[slots];
        this.slotChars = slotChars;
    }

    /**
     * Which key goes to which slot, and where the first {@code feeDetail} item's fields go.
     *
     * @param map           the dialect's key-to-slot map.
     * @param feeDetailSlot the slot {@code slotOf} gives the {@code feeDetail} array (-1: none).
     * @param feeKey        the fee's key inside a feeDetail item ({@code totalFee} v2, {@code fee} v3).
     * @param feeSlot       where the fee goes.
     * @param feeCoinSlot   where {@code feeCoin} goes.
     * @param deductionSlot where {@code deduction} goes.
     * @return this.
     */
    public ElementStash keys(final SlotMap map, final int feeDetailSlot, final String feeKey, final int feeSlot,
        final int feeCoinSlot, final int deductionSlot)
    {
        this.slots = map;
        this.feeDetailSlot = feeDetailSlot;
        this.feeKey = feeKey;
        this.feeSlot = feeSlot;
        this.feeCoinSlot = feeCoinSlot;
        this.deductionSlot = deductionSlot;
        return this;
    }

    /**
     * Keep one element's scalar fields (the parser is after its START_OBJECT; nested values are skipped, except the
     * first {@code feeDetail} item's).
     *
     * @param p the parser.
     * @return false when the element is truncated.
     * @throws IOException on malformed JSON.
     */
    public boolean readObject(final JsonFrameParser p) throws IOException
    {
        clear();
        JsonToken token;
        while ((token = p.next()) == JsonToken.FIELD_NAME)
        {
            final int slot = slots.slotOf(p.name());
            final JsonToken value = p.next();
            if (slot == feeDetailSlot && slot >= 0)
            {
                if (!feeDetail(p, value))
                {
                    return false;
                }
            }
            else if (slot >= 0 && PrivateFrames.isScalar(value))
            {
                store(p, slot);
            }
            else if (!p.skip(value))
            {
                return false;
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    private boolean feeDetail(final JsonFrameParser p, final JsonToken value) throws IOException
    {
        if (value != JsonToken.START_ARRAY)
        {
            return p.skip(value);
        }
        JsonToken token;
        boolean first = true;
        while ((token = p.next()) == JsonToken.START_OBJECT)
        {
            JsonToken inner;
            while ((inner = p.next()) == JsonToken.FIELD_NAME)
            {
                final String name = p.name();
                final JsonToken v = p.next();
                if (first && "feeCoin".equals(name) && PrivateFrames.isScalar(v))
                {
                    store(p, feeCoinSlot);
                }
                else if (first && feeKey.equals(name) && PrivateFrames.isScalar(v))
                {
                    store(p, feeSlot);
                }
                else if (first && "deduction".equals(name) && PrivateFrames.isScalar(v))
                {
                    store(p, deductionSlot);
                }
                else if (!p.skip(v))
                {
                    return false;
                }
            }
            if (inner != JsonToken.END_OBJECT)
            {
                return false;
            }
            first = false;
        }
        return token == JsonToken.END_ARRAY;
    }

    /** Forget every field (a new element starts). */
    public void clear()
    {
        for (int i = 0; i < present.length; i++)
        {
            present[i] = false;
        }
    }

    /**
     * Keep the parser's current scalar in a slot.
     *
     * @param p    the parser, on a scalar value.
     * @param slot the slot.
     * @throws IOException never in practice.
     */
    public void store(final JsonFrameParser p, final int slot) throws IOException
    {
        final int length = Math.min(p.length(), slotChars);
        System.arraycopy(p.chars(), p.offset(), chars[slot], 0, length);
        lengths[slot] = length;
        present[slot] = true;
    }

    /**
     * @param slot a slot.
     * @return true when the element had the key (even {@code null} or empty).
     */
    public boolean present(final int slot)
    {
        return present[slot];
    }

    /**
     * @param slot a slot.
     * @return true when the element had the key with a non-empty value.
     */
    public boolean has(final int slot)
    {
        return present[slot] && lengths[slot] > 0;
    }

    /**
     * @param slot  a slot.
     * @param value ASCII text.
     * @return true when the field is exactly that text.
     */
    public boolean is(final int slot, final String value)
    {
        return present[slot] && Chars.equalsAscii(chars[slot], 0, lengths[slot], value);
    }

    /**
     * @param slot   a slot.
     * @param bytes  ASCII bytes.
     * @param length how many.
     * @return true when the field is present and exactly those bytes.
     */
    public boolean is(final int slot, final byte[] bytes, final int length)
    {
        if (!present[slot] || lengths[slot] != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (chars[slot][i] != bytes[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return true when a read since {@link #clearInvalid()} met a value it could not read.
     */
    public boolean invalid()
    {
        return invalid;
    }

    /** Start a new element's validity. */
    public void clearInvalid()
    {
        invalid = false;
    }

    /**
     * @param invalid the validity to restore (after a read whose failure is handled apart).
     */
    public void invalid(final boolean invalid)
    {
        this.invalid = invalid;
    }

    /**
     * @param condition when true, the element is invalid.
     */
    public void invalidIf(final boolean condition)
    {
        invalid |= condition;
    }

    /** Count a documented default taken. */
    public void defaulted()
    {
        counters.increment(GatewayCounters.FIELD_DEFAULTS);
    }

    /**
     * A decimal field: absent reads as 0 (the caller decides whether 0 is a usable default); text that is not a
     * decimal marks the element invalid.
     *
     * @param slot  a slot.
     * @param scale the fixed-point scale.
     * @return the value in that scale (digits beyond it truncated).
     */
    public long decimalOf(final int slot, final int scale)
    {
        if (!has(slot))
        {
            return 0;
        }
        if (Chars.parseTruncating(decimal, chars[slot], 0, lengths[slot], scale) != DecimalParser.OK)
        {
            invalid = true;
            return 0;
        }
        return decimal.value();
    }

    /**
     * A signed decimal (fees, PnL, funding): as {@link #decimalOf}, with a leading sign.
     *
     * @param slot  a slot.
     * @param scale the fixed-point scale.
     * @return the signed value.
     */
    public long signedDecimalOf(final int slot, final int scale)
    {
        if (!has(slot))
        {
            return 0;
        }
        final boolean negative = chars[slot][0] == '-';
        final int from = negative || chars[slot][0] == '+' ? 1 : 0;
        if (Chars.parseTruncating(decimal, chars[slot], from, lengths[slot] - from, scale) != DecimalParser.OK)
        {
            invalid = true;
            return 0;
        }
        return negative ? -decimal.value() : decimal.value();
    }

    /**
     * A decimal field the element cannot do without: absent, malformed or not positive is invalid.
     *
     * @param slot  a slot.
     * @param scale the fixed-point scale.
     * @return the value.
     */
    public long requiredPositive(final int slot, final int scale)
    {
        final long value = decimalOf(slot, scale);
        if (value <= 0)
        {
            invalid = true;
        }
        return value;
    }

    /**
     * A decimal field with a documented default of 0: counted when the default is taken.
     *
     * @param slot  a slot.
     * @param scale the fixed-point scale.
     * @return the value.
     */
    public long defaultZero(final int slot, final int scale)
    {
        if (!has(slot))
        {
            defaulted();
            return 0;
        }
        return decimalOf(slot, scale);
    }

    /**
     * The primary field, else (counted) the older field Bitget wrote before it.
     *
     * @param primary  the current key's slot.
     * @param fallback the older key's slot.
     * @param scale    the fixed-point scale.
     * @return the value.
     */
    public long withFallback(final int primary, final int fallback, final int scale)
    {
        if (has(primary))
        {
            return decimalOf(primary, scale);
        }
        defaulted();
        return decimalOf(fallback, scale);
    }

    /**
     * @param slot a slot.
     * @return the integer, 0 when absent or not an integer.
     */
    public long longOf(final int slot)
    {
        if (!has(slot))
        {
            return 0;
        }
        final long value = Chars.parseLong(chars[slot], 0, lengths[slot]);
        return value == Chars.NOT_A_NUMBER ? 0 : value;
    }

    /**
     * A numeric field with a documented default of 0 (orderId: the core keeps the ack's; times): counted.
     *
     * @param slot a slot.
     * @return the integer or 0.
     */
    public long countedLongOf(final int slot)
    {
        final long value = longOf(slot);
        if (value == 0)
        {
            defaulted();
        }
        return value;
    }

    /**
     * @param slot the clientOid's slot.
     * @return true when present, non-empty and short enough for an event.
     */
    public boolean hasId(final int slot)
    {
        return has(slot) && lengths[slot] <= InboundEvent.MAX_ID_LENGTH;
    }

    /**
     * Copy an id into an event's clientOid.
     *
     * @param slot the id's slot.
     * @param dst  the event's clientOid bytes.
     * @param e    the event (its clientOidLength is set).
     */
    public void copyId(final int slot, final byte[] dst, final InboundEvent e)
    {
        if (has(slot))
        {
            final int length = Chars.copyAscii(chars[slot], 0, lengths[slot], dst);
            e.clientOidLength = Math.max(length, 0);
        }
    }

    /**
     * @param slot the symbol's slot.
     * @return the element's instrument, -1 when it names none (absent), -2 when it names one not traded here.
     */
    public int instrumentOf(final int slot)
    {
        if (!has(slot))
        {
            return -1;
        }
        final int id = instruments.instrumentId(chars[slot], 0, lengths[slot]);
        return id >= 0 ? id : -2;
    }

    /**
     * @param slot a coin's slot (present).
     * @return its asset id, -1 when not traded here.
     */
    public int assetOf(final int slot)
    {
        return instruments.assetId(chars[slot], 0, lengths[slot]);
    }

    /**
     * The fee's asset: the named coin when the table has it, {@link InboundEvent#FEE_ASSET_OTHER} for another coin
     * (BGB), and when the element names none (counted): on spot the received coin (Bitget charges spot fees in it), on a
     * USDT-M perpetual the margin coin (USDT, the quote asset), as the fill-history readers do.
     *
     * @param slot       the fee coin's slot.
     * @param instrument the fill's instrument.
     * @param side       the fill's side.
     * @return an asset id.
     */
    public int feeAsset(final int slot, final Instrument instrument, final Side side)
    {
        if (!has(slot))
        {
            defaulted();
            return side == Side.BUY && instrument.kind() != InstrumentKind.USDT_PERPETUAL ? instrument.baseAssetId() :
                instrument.quoteAssetId();
        }
        final int assetId = assetOf(slot);
        return assetId >= 0 ? assetId : InboundEvent.FEE_ASSET_OTHER;
    }

    /**
     * {@code T}/{@code taker} is taker; {@code M}/{@code maker} (and the docs' {@code marker}) maker; else maker,
     * counted.
     *
     * @param slot the trade scope's slot.
     * @return true for a taker fill.
     */
    public boolean isTaker(final int slot)
    {
        final boolean taker = is(slot, "T") || is(slot, "taker");
        if (!taker && !is(slot, "M") && !is(slot, "maker") && !is(slot, "marker"))
        {
            defaulted();
        }
        return taker;
    }

    /**
     * @param slot the order status's slot.
     * @return the venue status, UNKNOWN when absent or unknown.
     */
    public VenueOrderStatus status(final int slot)
    {
        if (is(slot, "live") || is(slot, "new") || is(slot, "init"))
        {
            return VenueOrderStatus.LIVE;
        }
        if (is(slot, "partially_filled"))
        {
            return VenueOrderStatus.PARTIALLY_FILLED;
        }
        if (is(slot, "filled"))
        {
            return VenueOrderStatus.FILLED;
        }
        return is(slot, "cancelled") || is(slot, "canceled") ? VenueOrderStatus.CANCELLED : VenueOrderStatus.UNKNOWN;
    }

    /**
     * @param slot the time in force's slot.
     * @return its value, GTC (counted when not {@code gtc}) by default.
     */
    public TimeInForce force(final int slot)
    {
        if (is(slot, "post_only"))
        {
            return TimeInForce.POST_ONLY;
        }
        if (is(slot, "ioc"))
        {
            return TimeInForce.IOC;
        }
        if (is(slot, "fok"))
        {
            return TimeInForce.FOK;
        }
        if (!is(slot, "gtc"))
        {
            defaulted();
        }
        return TimeInForce.GTC;
    }

    /**
     * @param slot   the cancel reason's slot.
     * @param status the order's status.
     * @param tif    its time in force.
     * @return why it was cancelled (a post-only order cancelled with an empty reason would have taken).
     */
    public CancelReason cancelReason(final int slot, final VenueOrderStatus status, final TimeInForce tif)
    {
        if (is(slot, "normal_cancel"))
        {
            return CancelReason.NORMAL;
        }
        if (is(slot, "stp_cancel"))
        {
            return CancelReason.SELF_TRADE_PREVENTION;
        }
        if (is(slot, "post_only_fill_cancel"))
        {
            return CancelReason.POST_ONLY_WOULD_TAKE;
        }
        if (has(slot))
        {
            return CancelReason.OTHER;
        }
        return status == VenueOrderStatus.CANCELLED && tif == TimeInForce.POST_ONLY && present[slot] ?
            CancelReason.POST_ONLY_WOULD_TAKE : CancelReason.NONE;
    }
}
