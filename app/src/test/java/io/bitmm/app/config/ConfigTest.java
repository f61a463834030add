package io.bitmm.app.config;

import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.ProductSymbol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest
{
    private static final List<Setting> REGISTRY = List.of(
        Setting.integer("engine.inbound-ring-size", 4096, "slots", 64, 1 << 22, "inbound ring size"),
        Setting.duration("run.duration", "30s", "1s", "24h", "how long a run lasts"),
        Setting.choice("engine.core-wait", "yielding", List.of("busy-spin", "yielding", "sleeping", "blocking"), "wait"),
        Setting.decimal("symbol.*.order-size", "0.001", "base coin", "0", "1000000", "order size"),
        Setting.bool("journal.enabled", true, "journal"),
        Setting.list("run.symbols", "BTCUSDT", "symbols"));

    @Test
    void shouldReadValuesAndFallBackToDefaults()
    {
        final Config config = new Config(REGISTRY).parse("run.conf", List.of(
            "# a comment",
            "",
            "engine.inbound-ring-size = 8192   # trailing comment",
            "run.duration = 2m",
            "engine.core-wait = BUSY-SPIN",
            "symbol.ETHUSDT.order-size = 0.05",
            "run.symbols = BTCUSDT, ETHUSDT"));
        assertEquals(8192, config.intValue("engine.inbound-ring-size"));
        assertEquals(120_000L, config.longValue("run.duration"));
        assertEquals("busy-spin", config.text("engine.core-wait"));
        assertEquals("0.05", config.text("symbol.ETHUSDT.order-size"));
        assertEquals("0.001", config.text("symbol.BTCUSDT.order-size"));
        assertEquals(List.of("BTCUSDT", "ETHUSDT"), config.list("run.symbols"));
        assertTrue(config.bool("journal.enabled"));
        assertTrue(config.isSet("run.duration"));
        assertFalse(config.isSet("journal.enabled"));
    }

    @Test
    void shouldSayExactlyWhatIsWrong()
    {
        assertMessage("run.conf:1: unknown setting 'engine.inbound-ring-sise'; did you mean 'engine.inbound-ring-size'?",
            "engine.inbound-ring-sise = 10");
        assertMessage("run.conf:1: engine.inbound-ring-size = 10 is out of range: allowed 64 to 4194304",
            "engine.inbound-ring-size = 10");
        assertMessage("run.conf:1: engine.inbound-ring-size = 'lots' is not a whole number (slots)",
            "engine.inbound-ring-size = lots");
        assertMessage("run.conf:1: run.duration: '30' is not a duration", "run.duration = 30");
        assertMessage("run.conf:1: engine.core-wait = 'spin' must be one of busy-spin, yielding, sleeping, blocking",
            "engine.core-wait = spin");
        assertMessage("run.conf:2: run.duration is set twice (first at line 1)", "run.duration = 1s", "run.duration = 2s");
        assertMessage("run.conf:1: expected 'key = value', found 'nonsense'", "nonsense");
        assertMessage("run.conf:1: unknown setting 'symbol.btcusdt.order-size'", "symbol.btcusdt.order-size = 1");
    }

    @Test
    void shouldReadRunSymbolsAsCategoryAndSymbol()
    {
        final Config config = EngineSettings.newConfig().parse("run.conf",
            List.of("run.symbols = SPOT:BTCUSDT, usdt-futures:ethusdt, USDT-FUTURES:BTCUSDT"));
        assertEquals(List.of("BTCUSDT", "USDT-FUTURES:ETHUSDT", "USDT-FUTURES:BTCUSDT"), config.list("run.symbols"));
        assertEquals(List.of(new ProductSymbol(InstrumentKind.SPOT, "BTCUSDT"),
            new ProductSymbol(InstrumentKind.USDT_PERPETUAL, "ETHUSDT"),
            new ProductSymbol(InstrumentKind.USDT_PERPETUAL, "BTCUSDT")), Bindings.symbols(config));
        assertEquals(List.of(new ProductSymbol(InstrumentKind.SPOT, "BTCUSDT")),
            Bindings.symbols(EngineSettings.newConfig()), "the default, a bare BTCUSDT, is spot");
        final ConfigException bad = assertThrows(ConfigException.class, () -> EngineSettings.newConfig().parse("run.conf",
            List.of("run.symbols = COIN-FUTURES:BTCUSD")));
        assertEquals("run.conf:1: run.symbols: \"COIN-FUTURES:BTCUSD\" is not <category>:<symbol>: write SPOT:BTCUSDT or " +
            "USDT-FUTURES:BTCUSDT (a bare BTCUSDT is SPOT:BTCUSDT); categories SPOT and USDT-FUTURES are traded",
            bad.getMessage());
        final ConfigException twice = assertThrows(ConfigException.class, () -> EngineSettings.newConfig().parse("run.conf",
            List.of("run.symbols = BTCUSDT,SPOT:BTCUSDT")));
        assertEquals("run.conf:1: run.symbols names SPOT:BTCUSDT twice", twice.getMessage());
    }

    /**
     * Leverage and margin mode are a perpetual's: on a product or a run that trades none they would be ignored
     * silently, so they are refused, naming the key and where it was set.
     */
    @Test
    void shouldRefuseLeverageAndMarginModeWhereNoPerpetualIsTraded()
    {
        final ConfigException spot = assertThrows(ConfigException.class, () -> Bindings.checkProductSettings(
            EngineSettings.newConfig().parse("run.conf", List.of("run.symbols = SPOT:BTCUSDT",
                "symbol.BTCUSDT.leverage = 10"))));
        assertEquals("run.conf:2: symbol.BTCUSDT.leverage = 10: leverage applies to USDT-FUTURES products only, and " +
            "run.symbols trades no USDT-FUTURES:BTCUSDT (it trades BTCUSDT): remove the setting, or trade " +
            "USDT-FUTURES:BTCUSDT", spot.getMessage());
        final ConfigException venue = assertThrows(ConfigException.class, () -> Bindings.checkProductSettings(
            EngineSettings.newConfig().parse("run.conf", List.of("venue.leverage = 3"))));
        assertEquals("run.conf:1: venue.leverage = 3: leverage and margin mode apply to USDT-FUTURES products only, " +
            "and run.symbols trades none (it trades BTCUSDT): remove the setting, or trade USDT-FUTURES:<symbol>",
            venue.getMessage());
        final ConfigException margin = assertThrows(ConfigException.class, () -> Bindings.checkProductSettings(
            EngineSettings.newConfig().parse("run.conf", List.of("venue.margin-mode = isolated"))));
        assertTrue(margin.getMessage().startsWith("run.conf:1: venue.margin-mode = isolated: leverage and margin mode " +
            "apply to USDT-FUTURES products only"), margin.getMessage());
        // a perpetual run takes them, also beside a spot product of another symbol's settings
        Bindings.checkProductSettings(EngineSettings.newConfig().parse("run.conf", List.of(
            "run.symbols = USDT-FUTURES:BTCUSDT, USDT-FUTURES:ETHUSDT", "symbol.ETHUSDT.leverage = 10",
            "venue.leverage = 3", "venue.margin-mode = isolated")));
        final ConfigException other = assertThrows(ConfigException.class, () -> Bindings.checkProductSettings(
            EngineSettings.newConfig().parse("run.conf", List.of("run.symbols = USDT-FUTURES:BTCUSDT",
                "symbol.ETHUSDT.leverage = 10"))));
        assertTrue(other.getMessage().startsWith("run.conf:2: symbol.ETHUSDT.leverage = 10: leverage applies to " +
            "USDT-FUTURES products only, and run.symbols trades no USDT-FUTURES:ETHUSDT"), other.getMessage());
        // the defaults (venue.leverage 5, crossed) are no setting given: a spot run starts
        Bindings.checkProductSettings(EngineSettings.newConfig());
    }

    @Test
    void shouldApplyOverridesAfterTheFile()
    {
        final Config config = new Config(REGISTRY).parse("run.conf", List.of("run.duration = 10s"));
        config.override("--set", List.of("run.duration=20s"));
        assertEquals(20_000L, config.longValue("run.duration"));
        assertThrows(ConfigException.class, () -> config.override("--set", List.of("run.duration")));
    }

    @Test
    void shouldRenderEverySettingInTheDocsTable()
    {
        final String table = Config.markdownTable(REGISTRY);
        for (final Setting setting : REGISTRY)
        {
            assertTrue(table.contains("`" + setting.key() + "`"), setting.key());
        }
        assertTrue(table.contains("| `engine.inbound-ring-size` | integer | `4096` | slots; 64 to 4194304 | inbound ring size |"));
    }

    private static void assertMessage(final String expectedPrefix, final String... lines)
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> new Config(REGISTRY).parse("run.conf", List.of(lines)));
        assertTrue(ex.getMessage().startsWith(expectedPrefix), ex.getMessage());
    }

    @Test
    void shouldWriteASettingsFileThatReadsBackToTheSameValues()
    {
        // a run's config.conf wrote run.duration = 20000, which --config then refused as a duration without a unit
        final Config written = EngineSettings.newConfig().override("test",
            List.of("run.duration=20s", "quoting.levels=2", "sim.maker-fee=-0.0001"));
        final String text = written.fileText("settings given for this run");
        assertTrue(text.contains("run.duration = 20000ms"), text);
        final Config read = EngineSettings.newConfig().parse("config.conf", List.of(text.split("\n")));
        assertEquals(written.explicitValues(), read.explicitValues());
        assertEquals(20_000, read.longValue("run.duration"));
    }

    @Test
    void shouldGiveTheSimulatedAccountItsFuturesFees()
    {
        // --maker-fee set only the spot fee, so a perpetual run could not be given a market maker's tier
        final Config defaults = EngineSettings.newConfig();
        assertEquals(0, new java.math.BigDecimal("0.0002").compareTo(Bindings.sim(defaults).futuresMakerFee()));
        assertEquals(0, new java.math.BigDecimal("0.0006").compareTo(Bindings.sim(defaults).futuresTakerFee()));
        final Config rebate = EngineSettings.newConfig().override("test", List.of("sim.futures-maker-fee=-0.0001"));
        assertEquals(0, new java.math.BigDecimal("-0.0001").compareTo(Bindings.sim(rebate).futuresMakerFee()));
    }
}
