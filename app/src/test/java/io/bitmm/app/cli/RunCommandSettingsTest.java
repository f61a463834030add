package io.bitmm.app.cli;

import io.bitmm.app.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@code mm run} refuses, before it starts anything, settings that mean nothing for the products it trades.
 */
class RunCommandSettingsTest
{
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseALeverageOnASpotProductAtStart(@TempDir final Path dir)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> run("--mode", "paper", "--duration", "2s",
            "--run-dir", dir.toString(), "--symbols", "SPOT:BTCUSDT", "--set", "symbol.BTCUSDT.leverage=10"));
        assertEquals("--set: symbol.BTCUSDT.leverage = 10: leverage applies to USDT-FUTURES products only, and " +
            "run.symbols trades no USDT-FUTURES:BTCUSDT (it trades BTCUSDT): remove the setting, or trade " +
            "USDT-FUTURES:BTCUSDT", ex.getMessage());
    }

    private static Integer run(final String... args) throws Exception
    {
        final RunCommand command = new RunCommand();
        new CommandLine(command).parseArgs(args);
        return command.call();
    }
}
