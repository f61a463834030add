package io.bitmm.core.instrument;

/**
 * Allocation-free grid checks and rounding for prices, sizes and notional against an {@link Instrument}'s rules.
 * Checks return a result code, never throw. Codes do not overlap {@link DecimalParser}'s, so
 * {@link #parsePrice}/{@link #parseSize} can return either kind and {@link #describe} names both.
 */
public final class InstrumentRules
{
    /** On the grid and in range. */
    public static final int OK = 0;
    /** Zero or negative. */
    public static final int NOT_POSITIVE = 10;
    /** Price not a multiple of the tick. */
    public static final int OFF_TICK = 11;
    /** Size not a multiple of the step. */
    public static final int OFF_STEP = 12;
    /** Size below the instrument's minimum size. */
    public static final int BELOW_MIN_SIZE = 13;
    /** Order value below the instrument's minimum notional. */
    public static final int BELOW_MIN_NOTIONAL = 14;

    private InstrumentRules()
    {
    }

    /**
     * @param code a result of a check.
     * @return its name (slow path).
     */
    public static String describe(final int code)
    {
        switch (code)
        {
            case OK:
                return "OK";
            case NOT_POSITIVE:
                return "NOT_POSITIVE";
            case OFF_TICK:
                return "OFF_TICK";
            case OFF_STEP:
                return "OFF_STEP";
            case BELOW_MIN_SIZE:
                return "BELOW_MIN_SIZE";
            case BELOW_MIN_NOTIONAL:
                return "BELOW_MIN_NOTIONAL";
            default:
                return DecimalParser.describe(code);
        }
    }

    /**
     * Parse a wire price and check it is on the instrument's tick grid. Allocation-free.
     *
     * @param parser     a reused parser; holds the value ({@link DecimalParser#value()}) and the decimals written.
     * @param instrument the rules.
     * @param src        ASCII bytes.
     * @param offset     where the number starts.
     * @param length     its length.
     * @return {@link #OK}, a {@link DecimalParser} code (malformed, more decimals than the price scale, out of
     * range), {@link #NOT_POSITIVE} or {@link #OFF_TICK}.
     */
    public static int parsePrice(
        final DecimalParser parser, final Instrument instrument, final byte[] src, final int offset, final int length)
    {
        final int code = parser.parse(src, offset, length, instrument.priceScale());
        return code != DecimalParser.OK ? code : checkPrice(instrument, parser.value());
    }

    /**
     * Parse a wire size and check it is on the instrument's step grid and above its minimum. Allocation-free.
     *
     * @param parser     a reused parser; holds the value and the decimals written.
     * @param instrument the rules.
     * @param src        ASCII bytes.
     * @param offset     where the number starts.
     * @param length     its length.
     * @return {@link #OK}, a {@link DecimalParser} code, {@link #NOT_POSITIVE}, {@link #OFF_STEP} or
     * {@link #BELOW_MIN_SIZE}.
     */
    public static int parseSize(
        final DecimalParser parser, final Instrument instrument, final byte[] src, final int offset, final int length)
    {
        final int code = parser.parse(src, offset, length, instrument.sizeScale());
        return code != DecimalParser.OK ? code : checkSize(instrument, parser.value());
    }

    /**
     * @param instrument the rules.
     * @param price      a price in price units.
     * @return {@link #OK}, {@link #NOT_POSITIVE} or {@link #OFF_TICK}.
     */
    public static int checkPrice(final Instrument instrument, final long price)
    {
        if (price <= 0)
        {
            return NOT_POSITIVE;
        }
        return price % instrument.tickUnits() == 0 ? OK : OFF_TICK;
    }

    /**
     * @param instrument the rules.
     * @param size       a size in size units.
     * @return {@link #OK}, {@link #NOT_POSITIVE}, {@link #OFF_STEP} or {@link #BELOW_MIN_SIZE}.
     */
    public static int checkSize(final Instrument instrument, final long size)
    {
        if (size <= 0)
        {
            return NOT_POSITIVE;
        }
        if (size % instrument.stepUnits() != 0)
        {
            return OFF_STEP;
        }
        return size < instrument.minSizeUnits() ? BELOW_MIN_SIZE : OK;
    }

    /**
     * Check a whole order: price grid, size grid and minimum size, minimum notional.
     *
     * @param instrument the rules.
     * @param price      price units.
     * @param size       size units.
     * @return {@link #OK} or the first failing code.
     */
    public static int checkOrder(final Instrument instrument, final long price, final long size)
    {
        final int priceCode = checkPrice(instrument, price);
        if (priceCode != OK)
        {
            return priceCode;
        }
        final int sizeCode = checkSize(instrument, size);
        if (sizeCode != OK)
        {
            return sizeCode;
        }
        return notionalAmount(instrument, price, size) < instrument.minNotionalAmount() ? BELOW_MIN_NOTIONAL : OK;
    }

    /**
     * @param instrument the rules.
     * @param price      a positive price in price units.
     * @return the largest price on the tick grid not above it (bids round away from the touch).
     */
    public static long roundPriceDown(final Instrument instrument, final long price)
    {
        return Math.floorDiv(price, instrument.tickUnits()) * instrument.tickUnits();
    }

    /**
     * @param instrument the rules.
     * @param price      a positive price in price units.
     * @return the smallest price on the tick grid not below it (asks round away from the touch).
     */
    public static long roundPriceUp(final Instrument instrument, final long price)
    {
        return -Math.floorDiv(-price, instrument.tickUnits()) * instrument.tickUnits();
    }

    /**
     * @param instrument the rules.
     * @param size       a size in size units.
     * @return the largest size on the step grid not above it.
     */
    public static long roundSizeDown(final Instrument instrument, final long size)
    {
        return Math.floorDiv(size, instrument.stepUnits()) * instrument.stepUnits();
    }

    /**
     * Order value {@code price x size x contract size} in quote {@link Amounts} units, truncated toward zero; saturates at
     * {@link Long#MAX_VALUE} (or {@link Long#MIN_VALUE}) when it does not fit.
     *
     * @param instrument the scales.
     * @param price      price units.
     * @param size       size units (may be negative).
     * @return the notional in amount units.
     */
    public static long notionalAmount(final Instrument instrument, final long price, final long size)
    {
        return perContract(instrument, scaledProduct(price, size, instrument.priceScale() + instrument.sizeScale()));
    }

    /**
     * Convert a size (x contract size) to {@link Amounts} units of the base asset.
     *
     * @param instrument the scales.
     * @param size       size units (may be negative).
     * @return base amount units.
     */
    public static long sizeToAmount(final Instrument instrument, final long size)
    {
        return perContract(instrument, scaledProduct(size, 1, instrument.sizeScale()));
    }

    /** Scale a value computed for a contract of one whole base coin by the instrument's contract size. */
    private static long perContract(final Instrument instrument, final long value)
    {
        final long contractSize = instrument.contractSizeAmount();
        if (contractSize == Amounts.ONE || value == Long.MAX_VALUE || value == Long.MIN_VALUE)
        {
            return value;
        }
        final double scaled = (double)value * (double)contractSize / (double)Amounts.ONE;
        return scaled >= (double)Long.MAX_VALUE ? Long.MAX_VALUE :
            scaled <= (double)Long.MIN_VALUE ? Long.MIN_VALUE : (long)scaled;
    }

    private static long scaledProduct(final long a, final long b, final int scale)
    {
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if (high != (low >> 63))
        {
            return high < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (scale >= Amounts.DECIMALS)
        {
            return low / DecimalParser.powerOfTen(scale - Amounts.DECIMALS);
        }
        final long multiplier = DecimalParser.powerOfTen(Amounts.DECIMALS - scale);
        if (Math.abs(low) > Long.MAX_VALUE / multiplier)
        {
            return low < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return low * multiplier;
    }
}
