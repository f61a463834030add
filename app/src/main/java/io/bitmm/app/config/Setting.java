package io.bitmm.app.config;

import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.ProductSymbol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One documented setting: its key (a {@code *} in a key stands for a symbol), type, default, unit, range and
 * meaning. Parsing and range checks live here so every value is checked the same way, wherever it came from
 * (file, command line or replay).
 */
public final class Setting
{
    private final String key;
    private final SettingType type;
    private final String defaultValue;
    private final String unit;
    private final BigDecimal min;
    private final BigDecimal max;
    private final List<String> choices;
    private final String description;
    /** A list of {@code run.symbols} entries ({@link ProductSymbol}). */
    private boolean productSymbols;

    private Setting(
        final String key,
        final SettingType type,
        final String defaultValue,
        final String unit,
        final BigDecimal min,
        final BigDecimal max,
        final List<String> choices,
        final String description)
    {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.description = description;
    }

    /**
     * @param key         the key.
     * @param defaultValue default.
     * @param unit        unit, for the docs.
     * @param min         smallest allowed.
     * @param max         largest allowed.
     * @param description meaning.
     * @return an integer setting.
     */
    public static Setting integer(
        final String key, final long defaultValue, final String unit, final long min, final long max,
        final String description)
    {
        return new Setting(key, SettingType.INTEGER, Long.toString(defaultValue), unit,
            BigDecimal.valueOf(min), BigDecimal.valueOf(max), List.of(), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default, as written.
     * @param unit         unit, for the docs.
     * @param min          smallest allowed, as written.
     * @param max          largest allowed, as written.
     * @param description  meaning.
     * @return a decimal setting.
     */
    public static Setting decimal(
        final String key, final String defaultValue, final String unit, final String min, final String max,
        final String description)
    {
        return new Setting(key, SettingType.DECIMAL, defaultValue, unit, new BigDecimal(min), new BigDecimal(max),
            List.of(), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default, with a unit suffix.
     * @param min          shortest allowed, with a unit suffix.
     * @param max          longest allowed, with a unit suffix.
     * @param description  meaning.
     * @return a duration setting (milliseconds once parsed).
     */
    public static Setting duration(
        final String key, final String defaultValue, final String min, final String max, final String description)
    {
        return new Setting(key, SettingType.DURATION, defaultValue, "duration",
            BigDecimal.valueOf(parseDurationMs(key, min)), BigDecimal.valueOf(parseDurationMs(key, max)), List.of(),
            description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default.
     * @param description  meaning.
     * @return a boolean setting.
     */
    public static Setting bool(final String key, final boolean defaultValue, final String description)
    {
        return new Setting(key, SettingType.BOOLEAN, Boolean.toString(defaultValue), "", null, null, List.of(),
            description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default, one of the choices.
     * @param choices      allowed words.
     * @param description  meaning.
     * @return a choice setting.
     */
    public static Setting choice(
        final String key, final String defaultValue, final List<String> choices, final String description)
    {
        return new Setting(key, SettingType.CHOICE, defaultValue, "", null, null, List.copyOf(choices), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default (may be empty).
     * @param description  meaning.
     * @return a text setting.
     */
    public static Setting text(final String key, final String defaultValue, final String description)
    {
        return new Setting(key, SettingType.TEXT, defaultValue, "", null, null, List.of(), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default, comma separated.
     * @param description  meaning.
     * @return a list setting.
     */
    public static Setting list(final String key, final String defaultValue, final String description)
    {
        return new Setting(key, SettingType.LIST, defaultValue, "", null, null, List.of(), description);
    }

    /**
     * @param key          the key.
     * @param defaultValue default, comma separated.
     * @param description  meaning.
     * @return a list setting whose items are {@code <category>:<symbol>} ({@link ProductSymbol}); canonical form: a
     *         spot entry is the bare symbol, a perpetual {@code USDT-FUTURES:SYMBOL}, upper case.
     */
    public static Setting productSymbols(final String key, final String defaultValue, final String description)
    {
        final Setting setting = list(key, defaultValue, description);
        setting.productSymbols = true;
        return setting;
    }

    public String key()
    {
        return key;
    }

    public SettingType type()
    {
        return type;
    }

    public String defaultValue()
    {
        return defaultValue;
    }

    public String unit()
    {
        return unit;
    }

    public String description()
    {
        return description;
    }

    public List<String> choices()
    {
        return choices;
    }

    /**
     * @param concreteKey a key as written, e.g. {@code symbol.BTCUSDT.order-size}.
     * @return true when this setting's key pattern covers it.
     */
    public boolean matches(final String concreteKey)
    {
        final int star = key.indexOf('*');
        if (star < 0)
        {
            return key.equals(concreteKey);
        }
        final String prefix = key.substring(0, star);
        final String suffix = key.substring(star + 1);
        return concreteKey.length() > prefix.length() + suffix.length() && concreteKey.startsWith(prefix) &&
            concreteKey.endsWith(suffix) &&
            concreteKey.substring(prefix.length(), concreteKey.length() - suffix.length()).matches("[A-Z0-9]+");
    }

    /**
     * Check a value and return it in canonical form (durations in milliseconds, words lower-cased for choices).
     *
     * @param where      where the value came from, for the message (e.g. {@code run.conf:12}).
     * @param concreteKey the key as written.
     * @param raw        the value as written.
     * @return the canonical value.
     * @throws ConfigException saying what is wrong.
     */
    public String validate(final String where, final String concreteKey, final String raw)
    {
        final String value = raw.trim();
        switch (type)
        {
            case INTEGER:
                return checkRange(where, concreteKey, value, parseNumber(where, concreteKey, value, true)).toPlainString();
            case DECIMAL:
                checkRange(where, concreteKey, value, parseNumber(where, concreteKey, value, false));
                return value;
            case DURATION:
                return checkRange(where, concreteKey, value,
                    BigDecimal.valueOf(parseDurationMs(where + ": " + concreteKey, value))).toPlainString();
            case BOOLEAN:
                if (!value.equals("true") && !value.equals("false"))
                {
                    throw new ConfigException(where + ": " + concreteKey + " = '" + value + "' must be true or false");
                }
                return value;
            case CHOICE:
                final String word = value.toLowerCase(Locale.ROOT);
                if (!choices.contains(word))
                {
                    throw new ConfigException(where + ": " + concreteKey + " = '" + value + "' must be one of " +
                        String.join(", ", choices));
                }
                return word;
            case LIST:
                for (final String item : value.split(","))
                {
                    if (!value.isEmpty() && item.trim().isEmpty())
                    {
                        throw new ConfigException(where + ": " + concreteKey + " = '" + value + "' has an empty item");
                    }
                }
                return productSymbols ? canonicalSymbols(where, concreteKey, value) : value.replace(" ", "");
            case TEXT:
            default:
                return value;
        }
    }

    private static String canonicalSymbols(final String where, final String concreteKey, final String value)
    {
        final List<String> out = new ArrayList<>();
        for (final String item : value.split(","))
        {
            if (item.trim().isEmpty())
            {
                continue;
            }
            final ProductSymbol symbol;
            try
            {
                symbol = ProductSymbol.parse(item);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new ConfigException(where + ": " + concreteKey + ": " + ex.getMessage());
            }
            final String canonical = symbol.kind() == InstrumentKind.SPOT ? symbol.symbol() : symbol.toString();
            if (out.contains(canonical))
            {
                throw new ConfigException(where + ": " + concreteKey + " names " + symbol + " twice");
            }
            out.add(canonical);
        }
        return String.join(",", out);
    }

    /**
     * Parse a duration such as {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}.
     *
     * @param where for the message.
     * @param value the text.
     * @return milliseconds.
     * @throws ConfigException when it is not a duration.
     */
    public static long parseDurationMs(final String where, final String value)
    {
        final String v = value.trim().toLowerCase(Locale.ROOT);
        final long multiplier;
        final String digits;
        if (v.endsWith("ms"))
        {
            multiplier = 1;
            digits = v.substring(0, v.length() - 2);
        }
        else if (v.endsWith("s"))
        {
            multiplier = 1_000;
            digits = v.substring(0, v.length() - 1);
        }
        else if (v.endsWith("m"))
        {
            multiplier = 60_000;
            digits = v.substring(0, v.length() - 1);
        }
        else if (v.endsWith("h"))
        {
            multiplier = 3_600_000;
            digits = v.substring(0, v.length() - 1);
        }
        else if (v.endsWith("d"))
        {
            multiplier = 86_400_000;
            digits = v.substring(0, v.length() - 1);
        }
        else
        {
            throw new ConfigException(where + ": '" + value + "' is not a duration: write a number with a unit, " +
                "such as 250ms, 30s, 5m, 2h or 1d");
        }
        if (!digits.matches("[0-9]{1,12}"))
        {
            throw new ConfigException(where + ": '" + value + "' is not a duration: write a whole number with a " +
                "unit, such as 250ms, 30s, 5m or 2h");
        }
        return Long.parseLong(digits) * multiplier;
    }

    private BigDecimal parseNumber(final String where, final String concreteKey, final String value, final boolean whole)
    {
        final String pattern = whole ? "-?[0-9]{1,18}" : "-?[0-9]{1,18}(\\.[0-9]{1,18})?";
        if (!value.matches(pattern))
        {
            throw new ConfigException(where + ": " + concreteKey + " = '" + value + "' is not a " +
                (whole ? "whole number" : "decimal number") + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
        return new BigDecimal(value);
    }

    private BigDecimal checkRange(final String where, final String concreteKey, final String value, final BigDecimal number)
    {
        if (min != null && (number.compareTo(min) < 0 || number.compareTo(max) > 0))
        {
            throw new ConfigException(where + ": " + concreteKey + " = " + value + " is out of range: allowed " +
                rangeText());
        }
        return number;
    }

    /**
     * @return the allowed range for the docs, or empty.
     */
    public String rangeText()
    {
        if (min == null)
        {
            return choices.isEmpty() ? "" : String.join(" \\| ", choices);
        }
        if (type == SettingType.DURATION)
        {
            return min.toPlainString() + "ms to " + max.toPlainString() + "ms";
        }
        return min.toPlainString() + " to " + max.toPlainString();
    }
}
