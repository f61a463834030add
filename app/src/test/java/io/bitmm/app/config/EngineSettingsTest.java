package io.bitmm.app.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineSettingsTest
{
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    private static final String BEGIN = "<!-- settings table: generated from EngineSettings; MM_UPDATE_DOCS=1 mvn test rewrites it -->\n";
    private static final String END = "<!-- end of settings table -->";

    @Test
    void shouldHaveValidDefaults()
    {
        final Config config = EngineSettings.newConfig();
        for (final Setting setting : EngineSettings.ALL)
        {
            if (!setting.key().contains("*"))
            {
                assertDoesNotThrow(() -> config.text(setting.key()), setting.key());
            }
        }
    }

    @Test
    void shouldLoadEveryShippedProfile() throws Exception
    {
        try (var files = Files.list(ROOT.resolve("config/profiles")))
        {
            files.filter(f -> f.toString().endsWith(".conf")).forEach(
                f -> assertDoesNotThrow(() -> EngineSettings.newConfig().load(f), f.toString()));
        }
    }

    @Test
    void shouldDocumentEverySettingInDocsConfiguration() throws Exception
    {
        final Path docs = ROOT.resolve("docs/configuration.md");
        final String text = Files.readString(docs, StandardCharsets.UTF_8);
        final int begin = text.indexOf(BEGIN);
        final int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/configuration.md lacks the generated-table markers");
        final String expected = Config.markdownTable(EngineSettings.ALL);
        final String actual = text.substring(begin + BEGIN.length(), end);
        if ("1".equals(System.getenv("MM_UPDATE_DOCS")))
        {
            Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end),
                StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual, "docs/configuration.md is stale: run MM_UPDATE_DOCS=1 mvn test -pl app " +
            "-Dtest=EngineSettingsTest");
    }
}
