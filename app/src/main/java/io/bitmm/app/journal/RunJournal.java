package io.bitmm.app.journal;

import io.bitmm.app.config.Config;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.config.Setting;
import io.bitmm.app.config.SettingType;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.journal.Journal;
import io.bitmm.journal.JournalHeader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's journal as the engine uses it: opened in {@code <run-dir>/journal} with the header written, plus the
 * lag threshold; and the way back, from a header to a {@link Config} for replay.
 *
 * @param journal        the open journal.
 * @param lagThreshold   journal lag (ring entries) beyond which quoting stops.
 */
public record RunJournal(Journal journal, long lagThreshold)
{
    /** Engine version written in the header. */
    public static final String ENGINE_VERSION = "bitmm 0.1.0";
    /** Keys never written: nothing secret is in the configuration, but a credentials file's path is not needed. */
    private static final List<String> NOT_RECORDED = List.of("run.credentials-file");

    /**
     * @param runDir the run's directory.
     * @return where its journal lives.
     */
    public static Path journalDir(final Path runDir)
    {
        return runDir.resolve("journal");
    }

    /**
     * @param config      the run's configuration.
     * @param runDir      the run's directory.
     * @param runEpochMs  the run's wall-clock start (seeds clientOids).
     * @param instruments what is traded.
     * @return the open journal with its header written, or null when {@code journal.enabled} is false.
     */
    public static RunJournal open(final Config config, final Path runDir, final long runEpochMs,
        final InstrumentTable instruments)
    {
        if (!config.bool("journal.enabled"))
        {
            return null;
        }
        final Journal journal = Journal.open(journalDir(runDir), config.text("journal.roll-cycle"),
            config.intValue("journal.retention-cycles"));
        journal.writeHeader(new JournalHeader(runEpochMs, System.currentTimeMillis(), System.nanoTime(),
            ENGINE_VERSION, effectiveSettings(config), instruments));
        return new RunJournal(journal, config.longValue("journal.lag-threshold"));
    }

    /**
     * @param config a configuration.
     * @return every setting's effective value (defaults included) and every per-symbol value given.
     */
    public static Map<String, String> effectiveSettings(final Config config)
    {
        final Map<String, String> settings = new TreeMap<>();
        for (final Setting setting : config.registry())
        {
            if (!setting.key().contains("*"))
            {
                settings.put(setting.key(), config.text(setting.key()));
            }
        }
        settings.putAll(config.explicitValues());
        NOT_RECORDED.forEach(settings::remove);
        return settings;
    }

    /**
     * Rebuild the run's configuration from a journal header, then apply {@code overrides}.
     *
     * @param header    the journal's header.
     * @param overrides {@code key=value} items, e.g. from {@code --set}.
     * @return the configuration.
     */
    public static Config config(final JournalHeader header, final List<String> overrides)
    {
        final Config config = EngineSettings.newConfig();
        for (final Map.Entry<String, String> entry : header.settings().entrySet())
        {
            final Setting setting = config.setting(entry.getKey());
            if (setting == null)
            {
                continue;
            }
            final String value = setting.type() == SettingType.DURATION ? entry.getValue() + "ms" : entry.getValue();
            config.set("journal header", entry.getKey(), value);
        }
        config.override("--set", overrides);
        return config;
    }

    /**
     * Close the journal.
     */
    public void close()
    {
        journal.close();
    }
}
