package io.bitmm.core.instrument;

import java.nio.charset.StandardCharsets;

/**
 * One tradable symbol and the rules the venue enforces on it. Immutable; built on a slow path from the venue's
 * instrument list (spot {@code symbols}, futures {@code contracts}) or from configuration.
 * <p>
 * Prices are {@code long}s with {@link #priceScale()} decimals and must be multiples of {@link #tickUnits()};
 * sizes have {@link #sizeScale()} decimals and are multiples of {@link #stepUnits()}. Spot: tick = 10^-pricePrecision
 * (tickUnits 1), step = 10^-quantityPrecision (stepUnits 1). Futures: tick = priceEndStep x 10^-pricePlace
 * (tickUnits = priceEndStep), step = sizeMultiplier expressed in 10^-volumePlace units (v3: priceMultiplier,
 * quantityMultiplier).
 * <p>
 * A {@link InstrumentKind#USDT_PERPETUAL}'s size counts contracts; {@link #contractSizeAmount()} is the base coin
 * one whole contract stands for, in {@link Amounts} units. Bitget's USDT-M contracts are sized in base coin, so it
 * is {@link Amounts#ONE} there (ccxt's contractSize 1); notional is price x size x contract size.
 */
public final class Instrument
{
    private final int id;
    private final String symbol;
    private final byte[] symbolBytes;
    private final InstrumentKind kind;
    private final long contractSizeAmount;
    private final int baseAssetId;
    private final int quoteAssetId;
    private final int priceScale;
    private final long tickUnits;
    private final int sizeScale;
    private final long stepUnits;
    private final long minSizeUnits;
    private final long minNotionalAmount;
    private final long buyLimitPriceRatioPpm;
    private final long sellLimitPriceRatioPpm;
    private final long makerFeePpm;
    private final long takerFeePpm;
    private final int maxOpenOrders;

    /**
     * An instrument whose contract size is {@link Amounts#ONE} (spot, and Bitget's USDT-M perpetuals).
     *
     * @param id                     index in the instrument table, from 0.
     * @param symbol                 bare symbol, e.g. {@code BTCUSDT}.
     * @param kind                   spot or USDT-M perpetual.
     * @param baseAssetId            asset id of the base coin.
     * @param quoteAssetId           asset id of the quote coin.
     * @param priceScale             decimals of a price.
     * @param tickUnits              price units per tick (1 for spot).
     * @param sizeScale              decimals of a size.
     * @param stepUnits              size units per step (1 for spot).
     * @param minSizeUnits           smallest size, in size units (0 when only the notional floor applies).
     * @param minNotionalAmount      smallest order value in quote amount units ({@code minTradeUSDT}).
     * @param buyLimitPriceRatioPpm  how far above the market a buy may be, in parts per million.
     * @param sellLimitPriceRatioPpm how far below the market a sell may be, in parts per million.
     * @param makerFeePpm            maker fee rate in parts per million (negative for a rebate).
     * @param takerFeePpm            taker fee rate in parts per million.
     * @param maxOpenOrders          the venue's cap on open orders for the symbol.
     */
    public Instrument(
        final int id,
        final String symbol,
        final InstrumentKind kind,
        final int baseAssetId,
        final int quoteAssetId,
        final int priceScale,
        final long tickUnits,
        final int sizeScale,
        final long stepUnits,
        final long minSizeUnits,
        final long minNotionalAmount,
        final long buyLimitPriceRatioPpm,
        final long sellLimitPriceRatioPpm,
        final long makerFeePpm,
        final long takerFeePpm,
        final int maxOpenOrders)
    {
        this(id, symbol, kind, baseAssetId, quoteAssetId, priceScale, tickUnits, sizeScale, stepUnits, minSizeUnits,
            minNotionalAmount, buyLimitPriceRatioPpm, sellLimitPriceRatioPpm, makerFeePpm, takerFeePpm, maxOpenOrders,
            Amounts.ONE);
    }

    /**
     * @param id                     index in the instrument table, from 0.
     * @param symbol                 bare symbol, e.g. {@code BTCUSDT}.
     * @param kind                   spot or USDT-M perpetual.
     * @param baseAssetId            asset id of the base coin.
     * @param quoteAssetId           asset id of the quote coin.
     * @param priceScale             decimals of a price.
     * @param tickUnits              price units per tick (1 for spot).
     * @param sizeScale              decimals of a size.
     * @param stepUnits              size units per step (1 for spot).
     * @param minSizeUnits           smallest size, in size units (0 when only the notional floor applies).
     * @param minNotionalAmount      smallest order value in quote amount units ({@code minTradeUSDT}).
     * @param buyLimitPriceRatioPpm  how far above the market a buy may be, in parts per million.
     * @param sellLimitPriceRatioPpm how far below the market a sell may be, in parts per million.
     * @param makerFeePpm            maker fee rate in parts per million (negative for a rebate).
     * @param takerFeePpm            taker fee rate in parts per million.
     * @param maxOpenOrders          the venue's cap on open orders for the symbol.
     * @param contractSizeAmount     base coin per contract ({@link Amounts} units; {@link Amounts#ONE} for spot and
     *                               Bitget's USDT-M perpetuals).
     */
    public Instrument(
        final int id,
        final String symbol,
        final InstrumentKind kind,
        final int baseAssetId,
        final int quoteAssetId,
        final int priceScale,
        final long tickUnits,
        final int sizeScale,
        final long stepUnits,
        final long minSizeUnits,
        final long minNotionalAmount,
        final long buyLimitPriceRatioPpm,
        final long sellLimitPriceRatioPpm,
        final long makerFeePpm,
        final long takerFeePpm,
        final int maxOpenOrders,
        final long contractSizeAmount)
    {
        if (id < 0 || symbol.isEmpty() || priceScale < 0 || priceScale > 18 || sizeScale < 0 || sizeScale > 18 ||
            tickUnits <= 0 || stepUnits <= 0 || minSizeUnits < 0 || minNotionalAmount < 0 || maxOpenOrders <= 0 ||
            contractSizeAmount <= 0)
        {
            throw new IllegalArgumentException("invalid instrument definition for " + symbol);
        }
        this.id = id;
        this.symbol = symbol;
        this.symbolBytes = symbol.getBytes(StandardCharsets.US_ASCII);
        this.kind = kind;
        this.contractSizeAmount = contractSizeAmount;
        this.baseAssetId = baseAssetId;
        this.quoteAssetId = quoteAssetId;
        this.priceScale = priceScale;
        this.tickUnits = tickUnits;
        this.sizeScale = sizeScale;
        this.stepUnits = stepUnits;
        this.minSizeUnits = minSizeUnits;
        this.minNotionalAmount = minNotionalAmount;
        this.buyLimitPriceRatioPpm = buyLimitPriceRatioPpm;
        this.sellLimitPriceRatioPpm = sellLimitPriceRatioPpm;
        this.makerFeePpm = makerFeePpm;
        this.takerFeePpm = takerFeePpm;
        this.maxOpenOrders = maxOpenOrders;
    }

    public int id()
    {
        return id;
    }

    public String symbol()
    {
        return symbol;
    }

    /**
     * @return the symbol as ASCII bytes; do not modify.
     */
    public byte[] symbolBytes()
    {
        return symbolBytes;
    }

    public InstrumentKind kind()
    {
        return kind;
    }

    /**
     * @return true for a USDT-M perpetual (a position, a mark price, funding, reduce-only orders).
     */
    public boolean isPerpetual()
    {
        return kind.isPerpetual();
    }

    /**
     * @return base coin one whole contract (size 1.0) stands for, {@link Amounts} units.
     */
    public long contractSizeAmount()
    {
        return contractSizeAmount;
    }

    public int baseAssetId()
    {
        return baseAssetId;
    }

    public int quoteAssetId()
    {
        return quoteAssetId;
    }

    public int priceScale()
    {
        return priceScale;
    }

    public long tickUnits()
    {
        return tickUnits;
    }

    public int sizeScale()
    {
        return sizeScale;
    }

    public long stepUnits()
    {
        return stepUnits;
    }

    public long minSizeUnits()
    {
        return minSizeUnits;
    }

    public long minNotionalAmount()
    {
        return minNotionalAmount;
    }

    public long buyLimitPriceRatioPpm()
    {
        return buyLimitPriceRatioPpm;
    }

    public long sellLimitPriceRatioPpm()
    {
        return sellLimitPriceRatioPpm;
    }

    public long makerFeePpm()
    {
        return makerFeePpm;
    }

    public long takerFeePpm()
    {
        return takerFeePpm;
    }

    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    @Override
    public String toString()
    {
        return symbol + "[" + kind + ", priceScale=" + priceScale + ", tickUnits=" + tickUnits +
            ", sizeScale=" + sizeScale + ", stepUnits=" + stepUnits + "]";
    }
}
