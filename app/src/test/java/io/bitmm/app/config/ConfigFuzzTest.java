package io.bitmm.app.config;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Coverage-guided fuzzing of the configuration parser (Jazzer), seeded from the shipped profiles and the settings
 * table ({@code ConfigFuzzTestInputs/fuzzFile/}). Properties: a bad file is refused with a {@link ConfigException}
 * (the clear error at start), never another exception; every value of a file it accepts reads back through its
 * typed getter without throwing; the next good file parses.
 */
class ConfigFuzzTest
{
    private static final List<String> GOOD = List.of("run.duration = 10s", "quoting.order-size = 0.001",
        "engine.core-wait = yielding", "sim.maker-fee = -0.0001");

    @FuzzTest(maxDuration = "30s")
    void fuzzFile(final byte[] file)
    {
        final List<String> lines = Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n", -1));
        final Config config = EngineSettings.newConfig();
        try
        {
            config.parse("fuzz.conf", lines);
            for (final String key : config.explicitValues().keySet())
            {
                readTyped(config, key);
            }
        }
        catch (final ConfigException expected)
        {
            // the clear error at start: what a bad file must give
        }
        final Config next = EngineSettings.newConfig().parse("good.conf", GOOD);
        assertEquals(10_000, next.longValue("run.duration"));
        assertEquals("-0.0001", next.text("sim.maker-fee"));
    }

    private static void readTyped(final Config config, final String key)
    {
        switch (config.setting(key).type())
        {
            case INTEGER:
            case DURATION:
                config.longValue(key);
                break;
            case DECIMAL:
                config.decimal(key);
                config.doubleValue(key);
                break;
            case BOOLEAN:
                config.bool(key);
                break;
            case LIST:
                config.list(key);
                break;
            default:
                config.text(key);
                break;
        }
    }
}
