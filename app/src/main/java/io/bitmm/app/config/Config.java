package io.bitmm.app.config;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A resolved configuration: every setting's value, from (lowest first) its default, the file, then overrides such
 * as command-line options. Values are validated as they arrive, so a {@code Config} that exists is valid setting by
 * setting; cross-setting rules are checked by the contexts that consume it.
 * <p>
 * File format: one {@code key = value} per line, {@code #} starts a comment, blank lines are ignored. Keys are
 * listed in the docs table (docs/configuration.md), which is generated from the same registry.
 */
public final class Config
{
    private final List<Setting> registry;
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, String> origins = new TreeMap<>();

    /**
     * @param registry every known setting.
     */
    public Config(final List<Setting> registry)
    {
        this.registry = List.copyOf(registry);
    }

    /**
     * Read a configuration file.
     *
     * @param file the file.
     * @return this.
     * @throws ConfigException on the first bad line, with the file name and line number.
     */
    public Config load(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read configuration file " + file + ": " + ex.getMessage());
        }
        return parse(file.getFileName().toString(), lines);
    }

    /**
     * Parse configuration lines.
     *
     * @param name  name of the source, for messages.
     * @param lines the lines.
     * @return this.
     */
    public Config parse(final String name, final List<String> lines)
    {
        final Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++)
        {
            final String where = name + ":" + (i + 1);
            final String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty())
            {
                continue;
            }
            final int equals = line.indexOf('=');
            if (equals <= 0)
            {
                throw new ConfigException(where + ": expected 'key = value', found '" + line + "'");
            }
            final String key = line.substring(0, equals).trim();
            final Integer previous = seen.put(key, i + 1);
            if (previous != null)
            {
                throw new ConfigException(where + ": " + key + " is set twice (first at line " + previous + ")");
            }
            set(where, key, line.substring(equals + 1));
        }
        return this;
    }

    /**
     * Set one value, validating it.
     *
     * @param where where it came from, for messages.
     * @param key   the key.
     * @param value the value as written.
     * @return this.
     * @throws ConfigException for an unknown key or a bad value.
     */
    public Config set(final String where, final String key, final String value)
    {
        final Setting setting = setting(key);
        if (setting == null)
        {
            throw new ConfigException(where + ": unknown setting '" + key + "'" + suggestion(key) +
                " (every setting is listed in docs/configuration.md)");
        }
        values.put(key, setting.validate(where, key, value));
        origins.put(key, where);
        return this;
    }

    /**
     * Apply {@code key=value} overrides, e.g. from {@code --set}.
     *
     * @param where       for messages.
     * @param assignments {@code key=value} items.
     * @return this.
     */
    public Config override(final String where, final List<String> assignments)
    {
        for (final String assignment : assignments)
        {
            final int equals = assignment.indexOf('=');
            if (equals <= 0)
            {
                throw new ConfigException(where + ": expected key=value, found '" + assignment + "'");
            }
            set(where, assignment.substring(0, equals).trim(), assignment.substring(equals + 1));
        }
        return this;
    }

    /**
     * @param key a concrete key.
     * @return the setting that covers it, or null.
     */
    public Setting setting(final String key)
    {
        for (final Setting setting : registry)
        {
            if (setting.matches(key))
            {
                return setting;
            }
        }
        return null;
    }

    /**
     * @param key a concrete key.
     * @return true when a value was given for it (not just the default).
     */
    public boolean isSet(final String key)
    {
        return values.containsKey(key);
    }

    /**
     * @param key a concrete key.
     * @return its value, or its default.
     */
    public String text(final String key)
    {
        final String value = values.get(key);
        if (value != null)
        {
            return value;
        }
        final Setting setting = setting(key);
        if (setting == null)
        {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        return setting.validate("default", key, setting.defaultValue());
    }

    /**
     * @param key a concrete key.
     * @return its value as a long (integers, and durations in ms).
     */
    public long longValue(final String key)
    {
        return Long.parseLong(text(key));
    }

    /**
     * @param key a concrete key.
     * @return its value as an int.
     */
    public int intValue(final String key)
    {
        return Math.toIntExact(longValue(key));
    }

    /**
     * @param key a concrete key.
     * @return its value as a decimal.
     */
    public BigDecimal decimal(final String key)
    {
        return new BigDecimal(text(key));
    }

    /**
     * @param key a concrete key.
     * @return its value as a double (model coefficients).
     */
    public double doubleValue(final String key)
    {
        return Double.parseDouble(text(key));
    }

    /**
     * @param key a concrete key.
     * @return its value as a boolean.
     */
    public boolean bool(final String key)
    {
        return Boolean.parseBoolean(text(key));
    }

    /**
     * @param key a concrete key.
     * @return its items, empty when the value is empty.
     */
    public List<String> list(final String key)
    {
        final String value = text(key);
        if (value.isEmpty())
        {
            return List.of();
        }
        final List<String> items = new ArrayList<>();
        for (final String item : value.split(","))
        {
            items.add(item.trim());
        }
        return Collections.unmodifiableList(items);
    }

    /**
     * @param key a concrete key.
     * @return where its value was given ({@code run.conf:3}, {@code --set}, {@code command line}), or null for a default.
     */
    public String origin(final String key)
    {
        return origins.get(key);
    }

    /**
     * @return every value given explicitly (not defaults), by key: what a journal records next to the defaults.
     */
    public Map<String, String> explicitValues()
    {
        return Collections.unmodifiableMap(values);
    }

    /**
     * The explicitly set values as a settings file that {@link #parse} (and {@code mm run --config}) reads back to the
     * same values: a duration is stored in milliseconds and written with its unit ({@code run.duration = 20000ms}).
     *
     * @param heading a comment line for the top of the file, without the {@code #}.
     * @return the file's text, one {@code key = value} line per explicit setting.
     */
    public String fileText(final String heading)
    {
        final StringBuilder out = new StringBuilder("# ").append(heading).append('\n');
        for (final Map.Entry<String, String> entry : values.entrySet())
        {
            final Setting setting = setting(entry.getKey());
            out.append(entry.getKey()).append(" = ").append(entry.getValue())
                .append(setting != null && setting.type() == SettingType.DURATION ? "ms" : "").append('\n');
        }
        return out.toString();
    }

    /**
     * @return the registry.
     */
    public List<Setting> registry()
    {
        return registry;
    }

    private static String stripComment(final String line)
    {
        final int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private String suggestion(final String key)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final Setting setting : registry)
        {
            final int distance = distance(key, setting.key());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = setting.key();
            }
        }
        return best != null && bestDistance <= Math.max(3, key.length() / 4) ? "; did you mean '" + best + "'?" : "";
    }

    private static int distance(final String a, final String b)
    {
        final int[] previous = new int[b.length() + 1];
        final int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            System.arraycopy(current, 0, previous, 0, current.length);
        }
        return previous[b.length()];
    }

    /**
     * Render the registry as a Markdown table: the docs are generated from the code, so they cannot drift.
     *
     * @param registry the settings.
     * @return the table.
     */
    public static String markdownTable(final List<Setting> registry)
    {
        final StringBuilder out = new StringBuilder();
        out.append("| key | type | default | unit / range | meaning |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (final Setting setting : registry)
        {
            final String range = setting.rangeText();
            final String unit = setting.unit().isEmpty() || setting.type() == SettingType.DURATION ? range :
                setting.unit() + (range.isEmpty() ? "" : "; " + range);
            out.append("| `").append(setting.key()).append("` | ")
                .append(setting.type().name().toLowerCase(java.util.Locale.ROOT)).append(" | `")
                .append(setting.defaultValue()).append("` | ").append(unit).append(" | ")
                .append(setting.description()).append(" |\n");
        }
        return out.toString();
    }
}
