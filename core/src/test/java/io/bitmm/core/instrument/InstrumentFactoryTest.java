package io.bitmm.core.instrument;

import io.bitmm.core.TestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentFactoryTest
{
    @Test
    void shouldBuildSpotInstrumentFromSymbolFields()
    {
        final Instrument btc = TestSupport.spotBtc();
        assertEquals(InstrumentKind.SPOT, btc.kind());
        assertEquals(2, btc.priceScale());
        assertEquals(1, btc.tickUnits());
        assertEquals(6, btc.sizeScale());
        assertEquals(1, btc.stepUnits());
        assertEquals(Amounts.ONE, btc.minNotionalAmount());
        assertEquals(50_000, btc.buyLimitPriceRatioPpm());
        assertEquals(50_000, btc.sellLimitPriceRatioPpm());
        assertEquals(2_000, btc.makerFeePpm());
        assertEquals(2_000, btc.takerFeePpm());
        assertEquals(200, btc.maxOpenOrders());
    }

    @Test
    void shouldBuildFuturesInstrumentFromContractFields()
    {
        final Instrument btc = InstrumentFactory.futures(
            0, "BTCUSDT", 0, 1, "1", "1", "3", "0.001", "0.001", "5", "0.9", "0.9", "0.0002", "0.0006", "200");
        assertEquals(InstrumentKind.USDT_PERPETUAL, btc.kind());
        assertEquals(1, btc.priceScale());
        assertEquals(1, btc.tickUnits());
        assertEquals(3, btc.sizeScale());
        assertEquals(1, btc.stepUnits());
        assertEquals(1, btc.minSizeUnits());
        assertEquals(5 * Amounts.ONE, btc.minNotionalAmount());
        assertEquals(900_000, btc.buyLimitPriceRatioPpm());
        assertEquals(200, btc.makerFeePpm());
        assertEquals(600, btc.takerFeePpm());
    }

    @Test
    void shouldComputeFuturesTickFromPriceEndStep()
    {
        final Instrument eth = InstrumentFactory.futures(
            0, "ETHUSDT", 0, 1, "2", "5", "2", "0.01", "0.01", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
        assertEquals(2, eth.priceScale());
        assertEquals(5, eth.tickUnits());
        assertEquals(InstrumentRules.OK, InstrumentRules.checkPrice(eth, 300_005));
        assertEquals(InstrumentRules.OFF_TICK, InstrumentRules.checkPrice(eth, 300_003));
        assertEquals(300_000, InstrumentRules.roundPriceDown(eth, 300_004));
        assertEquals(300_005, InstrumentRules.roundPriceUp(eth, 300_001));
    }

    @Test
    void shouldRefuseMalformedFieldWithItsName()
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () ->
            InstrumentFactory.spot(0, "BTCUSDT", 0, 1, "2", "six", "1", "0.05", "0.05", "0.002", "0.002", "200"));
        assertTrue(error.getMessage().contains("quantityPrecision"), error.getMessage());
    }

    @Test
    void shouldCheckGridAndNotionalWithResultCodes()
    {
        final Instrument btc = TestSupport.spotBtc();
        final Instrument futures = InstrumentFactory.futures(
            1, "BTCUSDT", 0, 1, "1", "1", "3", "0.002", "0.004", "5", "0.9", "0.9", "0.0002", "0.0006", "200");
        assertEquals(InstrumentRules.OK, InstrumentRules.checkOrder(btc, 3_000_010, 100));
        assertEquals(InstrumentRules.NOT_POSITIVE, InstrumentRules.checkPrice(btc, 0));
        assertEquals(InstrumentRules.BELOW_MIN_NOTIONAL, InstrumentRules.checkOrder(btc, 3_000_010, 10));
        assertEquals(InstrumentRules.OFF_STEP, InstrumentRules.checkSize(futures, 3));
        assertEquals(InstrumentRules.BELOW_MIN_SIZE, InstrumentRules.checkSize(futures, 2));
        assertEquals(InstrumentRules.OK, InstrumentRules.checkSize(futures, 4));
        // 30000.10 x 1.5 = 45000.15 USDT
        assertEquals(4_500_015_000_000L, InstrumentRules.notionalAmount(btc, 3_000_010, 1_500_000));
        assertEquals(150_000_000L, InstrumentRules.sizeToAmount(btc, 1_500_000));
        assertEquals(Long.MAX_VALUE, InstrumentRules.notionalAmount(btc, Long.MAX_VALUE / 2, 1_000_000));
    }

    @Test
    void shouldParseWireBytesOntoTheGridWithClearCodes()
    {
        final Instrument eth = InstrumentFactory.futures(
            0, "ETHUSDT", 0, 1, "2", "5", "2", "0.01", "0.02", "5", "0.05", "0.05", "0.0002", "0.0006", "200");
        final DecimalParser parser = new DecimalParser();
        final byte[] wire = "3000.05 3000.03 3000.055 0.03 0.01 x".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(InstrumentRules.OK, InstrumentRules.parsePrice(parser, eth, wire, 0, 7));
        assertEquals(300_005, parser.value());
        assertEquals(InstrumentRules.OFF_TICK, InstrumentRules.parsePrice(parser, eth, wire, 8, 7));
        assertEquals(DecimalParser.OFF_GRID, InstrumentRules.parsePrice(parser, eth, wire, 16, 8));
        assertEquals(InstrumentRules.OK, InstrumentRules.parseSize(parser, eth, wire, 25, 4));
        assertEquals(InstrumentRules.BELOW_MIN_SIZE, InstrumentRules.parseSize(parser, eth, wire, 30, 4));
        assertEquals(DecimalParser.MALFORMED, InstrumentRules.parseSize(parser, eth, wire, 35, 1));
        assertEquals("OFF_TICK", InstrumentRules.describe(InstrumentRules.OFF_TICK));
        assertEquals("OFF_GRID", InstrumentRules.describe(DecimalParser.OFF_GRID));
    }

    @Test
    void shouldRefuseWireValuesOffGridOrOutOfRange()
    {
        final DecimalParser parser = new DecimalParser();
        assertEquals(DecimalParser.OFF_GRID, parser.parse("30000.123", 2));
        assertEquals(DecimalParser.OUT_OF_RANGE, parser.parse("99999999999999999999", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse("1e5", 2));
        assertEquals(DecimalParser.OK, parser.parse("30000.100", 2));
        assertEquals(3_000_010, parser.value());
        assertEquals(3, parser.decimals());
    }

    @Test
    void shouldBuildPerpetualFromDecimalGridFields()
    {
        final Instrument btc = InstrumentFactory.usdtPerpetual(
            0, "BTCUSDT", 0, 1, "1", "0.5", "4", "0.0002", "0.0001", "5", "", "", "0.0002", "0.0006", "200", "");
        assertEquals(InstrumentKind.USDT_PERPETUAL, btc.kind());
        assertEquals(true, btc.isPerpetual());
        assertEquals(5, btc.tickUnits(), "0.5 at one decimal");
        assertEquals(2, btc.stepUnits());
        assertEquals(1, btc.minSizeUnits());
        assertEquals(0, btc.buyLimitPriceRatioPpm());
        assertEquals(Amounts.ONE, btc.contractSizeAmount());
        assertEquals(InstrumentRules.OFF_TICK, InstrumentRules.checkPrice(btc, 600_003));
        assertEquals(InstrumentRules.OK, InstrumentRules.checkPrice(btc, 600_005));
    }

    @Test
    void shouldScaleNotionalByContractSize()
    {
        final Instrument tenth = InstrumentFactory.usdtPerpetual(
            0, "BTCUSDT", 0, 1, "1", "0.1", "0", "1", "1", "5", "", "", "0.0002", "0.0006", "200", "0.1");
        assertEquals(Amounts.ONE / 10, tenth.contractSizeAmount());
        // 3 contracts of 0.1 BTC at 60000.0: 18000 USDT
        assertEquals(18_000 * Amounts.ONE, InstrumentRules.notionalAmount(tenth, 600_000, 3));
        assertEquals(3 * Amounts.ONE / 10, InstrumentRules.sizeToAmount(tenth, 3));
        assertThrows(IllegalArgumentException.class, () -> InstrumentFactory.usdtPerpetual(
            0, "BTCUSDT", 0, 1, "1", "0.05", "0", "1", "1", "5", "", "", "0.0002", "0.0006", "200", ""));
    }
}
