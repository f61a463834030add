package io.bitmm.app.cli;

import io.bitmm.app.config.Bindings;
import io.bitmm.app.config.Config;
import io.bitmm.app.config.ConfigException;
import io.bitmm.app.config.EngineSettings;
import io.bitmm.app.engine.Engine;
import io.bitmm.app.engine.RunSummary;
import io.bitmm.app.journal.PnlPlot;
import io.bitmm.app.journal.RunJournal;
import io.bitmm.app.reconcile.StartPositions;
import io.bitmm.app.reconcile.VenueReconciler;
import io.bitmm.app.paper.PaperVenue;
import io.bitmm.app.stat.CountersSnapshot;
import io.bitmm.app.stat.RunCounters;
import io.bitmm.core.engine.CoreContext;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.core.instrument.ProductSymbol;
import io.bitmm.gateway.Credentials;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.InstrumentLoader;
import io.bitmm.gateway.bitget.AccountMode;
import io.bitmm.gateway.bitget.Dialect;
import io.bitmm.gateway.bitget.v3.CountdownCancelAll;
import io.bitmm.gateway.bitget.v2.ClassicFuturesDialect;
import io.bitmm.gateway.bitget.v2.MixAccountSetup;
import io.bitmm.gateway.bitget.v3.UtaAccountSetup;
import io.bitmm.gateway.bitget.v3.UtaDialect;
import io.bitmm.sim.SimVenue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code mm run}: start the simulated venue (by default), run the engine against it for a while, stop quoting,
 * cancel everything, and print the summary. Ctrl-C or SIGTERM takes the same orderly path and still exits 0.
 * In paper mode ({@code --mode paper}) only market data comes from the venue (the simulated one, or Bitget's public
 * streams: no credentials needed) and orders are matched locally by {@link PaperVenue}; nothing is sent.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the engine. With no options: against the built-in simulated venue for 30s, then a summary.")
public final class RunCommand implements Callable<Integer>
{
    private static final DateTimeFormatter RUN_NAME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Option(names = "--venue", description = "sim (default) or bitget")
    private String venue;

    @Option(names = "--mode", description = "live (default) or paper")
    private String mode;

    @Option(names = "--config", description = "configuration file (key = value lines; see docs/configuration.md)")
    private Path configFile;

    @Option(names = "--duration", description = "how long to trade, e.g. 30s, 5m, 2h (default 30s)")
    private String duration;

    @Option(names = "--run-dir", description = "where the run's files go (default runs/<UTC timestamp>)")
    private Path runDir;

    @Option(names = "--symbols", description = "products to quote, comma separated, as <category>:<symbol>: "
        + "SPOT:BTCUSDT or USDT-FUTURES:BTCUSDT (the perpetual); a bare BTCUSDT is spot (default BTCUSDT)")
    private String symbols;

    @Option(names = "--maker-fee", description = "the simulated account's maker fee rate, spot and USDT-FUTURES " +
        "(sim.maker-fee, default 0.001, and sim.futures-maker-fee, default 0.0002: Bitget's rates for a new account); " +
        "a negative rate is a market maker's rebate, e.g. -0.0001")
    private String makerFee;

    @Option(names = "--set", description = "override a setting: --set quoting.levels=2 (repeatable)")
    private List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() throws Exception
    {
        final Config config = resolveConfig();
        Bindings.checkProductSettings(config);
        final Instant start = Instant.now();
        final Path dir = runDirectory(config, start);
        Files.createDirectories(dir);
        writeEffectiveConfig(config, dir.resolve("config.conf"));

        final boolean simulated = "sim".equals(config.text("run.venue"));
        final boolean separate = simulated && "separate".equals(config.text("sim.process"));
        final boolean paper = "paper".equals(config.text("run.mode"));
        try (SimVenue sim = simulated && !separate ? SimVenue.start(Bindings.sim(config)) : null;
             SimProcess child = separate ? SimProcess.start(config, dir) : null)
        {
            final Bindings.VenueUrls urls = sim != null ? Bindings.VenueUrls.of(sim) :
                child != null ? child.urls() : Bindings.VenueUrls.of(config);
            final Credentials credentials = paper ? null : sim != null ? simCredentials(sim.credentials()) :
                child != null ? simCredentials(io.bitmm.sim.Credentials.fromEnvironment()) : liveCredentials(config);
            final List<ProductSymbol> products = Bindings.symbols(config);
            final boolean perpetuals = productKind(products) == InstrumentKind.USDT_PERPETUAL;
            final Dialect dialect = Bindings.dialect(config, urls.rest(), credentials);
            final GatewayContext gateway = Bindings.gateway(config, urls, dialect, credentials);
            final List<String> symbolList = new ArrayList<>();
            products.forEach(p -> symbolList.add(p.symbol()));
            final boolean uta = dialect.accountMode() == AccountMode.UTA;
            if (perpetuals)
            {
                gateway.dialect(uta ? UtaDialect.FUTURES : new ClassicFuturesDialect(config.text("venue.margin-mode")));
            }
            System.out.println("mm: account mode " + config.text("venue.account-mode") + " (" + gateway.dialect().name() +
                ")");
            final InstrumentTable instruments = InstrumentLoader.load(gateway, symbolList);
            // orphans first: a perpetual's margin mode cannot change while orders of an earlier run rest
            final VenueReconciler.Result reconciled = VenueReconciler.atStart(gateway.restUri(), gateway.credentials(),
                symbolList, CoreContext.CLIENT_OID_PREFIX_DEFAULT, gateway.dialect().accountQueries(), dir);
            final List<StartPositions.Start> venueStarts = StartPositions.perpetuals(instruments, reconciled);
            if (perpetuals && gateway.credentials() != null)
            {
                final String setup = uta ?
                    new UtaAccountSetup(gateway).apply(instruments, config.text("venue.margin-mode"),
                        symbol -> Bindings.leverage(config, symbol)) :
                    new MixAccountSetup(gateway).apply(instruments, config.text("venue.margin-mode"),
                        symbol -> Bindings.leverage(config, symbol));
                System.out.print(setup);
                // a perpetual's position is the venue's, whatever a setting says: the engine trades from it
                venueStarts.forEach(p -> System.out.print(p.line()));
            }
            else if (!perpetuals)
            {
                System.out.print(StartPositions.apply(config, instruments, reconciled));
            }
            final CoreContext coreContext = Bindings.core(config, instruments, start.toEpochMilli());
            Bindings.spreadFloorLines(config, instruments).forEach(System.out::println);
            final long[] limits = new long[instruments.instrumentCount()];
            for (int id = 0; id < limits.length; id++)
            {
                limits[id] = coreContext.limitsFor(instruments.instrument(id)).maxPosition();
            }
            final RunJournal journal = RunJournal.open(config, dir, start.toEpochMilli(), instruments);
            try
            {
                return runEngine(config, dir, start, instruments, coreContext, gateway, limits, journal, venueStarts);
            }
            finally
            {
                if (journal != null)
                {
                    journal.close();
                }
            }
        }
    }

    private int runEngine(
        final Config config,
        final Path dir,
        final Instant start,
        final InstrumentTable instruments,
        final CoreContext coreContext,
        final GatewayContext gateway,
        final long[] limits,
        final RunJournal journal,
        final List<StartPositions.Start> venueStarts) throws IOException, InterruptedException
    {
        final CountDownLatch stopRequested = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);
        final AtomicInteger exitStatus = new AtomicInteger(1);
        final Thread hook = new Thread(() ->
        {
            stopRequested.countDown();
            try
            {
                finished.await(config.longValue("engine.shutdown-timeout") + 10_000, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException ignore)
            {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(exitStatus.get());
        }, "mm-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        final RunCounters counters = RunCounters.create(dir, start.toEpochMilli());
        gateway.errorLog(new DistinctErrorLog(counters.errorLog()));
        final Engine engine = new Engine(Bindings.engine(config), coreContext, gateway, instruments,
            "paper".equals(config.text("run.mode")) ? ring -> new PaperVenue(instruments, ring) : null, journal);
        engine.counters(counters, limits);
        venueStarts.forEach(p -> engine.startPosition(p.instrumentId(), p.sizeUnits(), p.entryPriceUnits()));
        final RunLatencyLog latencyLog = RunLatencyLog.start(config, engine, dir);
        latencyLog.intervalListener(counters);
        CountdownCancelAll deadMan = null;
        try
        {
            engine.start();
            deadMan = deadManSwitch(config, gateway);
            if (!engine.orderWarmupNote().isEmpty())
            {
                System.out.println("mm: " + engine.orderWarmupNote());
            }
            System.out.println("mm: running " + String.join(",", config.list("run.symbols")) + " on " +
                config.text("run.venue") + " (" + config.text("run.mode") + ") for " +
                config.longValue("run.duration") / 1000 + "s; files in " + dir + " (Ctrl-C stops cleanly)");
            stopRequested.await(config.longValue("run.duration"), TimeUnit.MILLISECONDS);
            latencyLog.endCpuWindow();
            final boolean allClosed = engine.stop();
            if (deadMan != null && allClosed)
            {
                // disarmed only once every order is closed: until then the venue still cancels them if we die here
                deadMan.close();
                deadMan = null;
            }
            final String header = "bitmm run " + dir.getFileName() + "  venue=" + config.text("run.venue") +
                "  mode=" + config.text("run.mode") + "  account=" + config.text("venue.account-mode") + " (" +
                gateway.dialect().name() + ")  symbols=" + String.join(",", config.list("run.symbols")) +
                "  started=" + start;
            final String summary = RunSummary.render(header, CountersSnapshot.read(counters.file()), allClosed,
                "paper".equals(config.text("run.mode"))) +
                RunSummary.quoting(engine.core(), instruments) +
                journalLine(engine, dir, journal) +
                latencyLog.finish();
            Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            System.out.print(summary);
            System.out.print(pnlPlotLines(dir));
            System.out.flush();
            exitStatus.set(0);
            return 0;
        }
        finally
        {
            if (deadMan != null)
            {
                deadMan.close();
            }
            engine.close();
            latencyLog.close();
            // The counters file is not unmapped: a late gateway thread writing to an unmapped page would crash the
            // JVM; the mapping goes with the process (or the garbage collector).
            finished.countDown();
            if (stopRequested.getCount() > 0)
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private static String pnlPlotLines(final Path dir)
    {
        try
        {
            final StringBuilder out = new StringBuilder();
            for (final Path png : PnlPlot.write(dir))
            {
                out.append("pnl plot: ").append(png).append('\n');
            }
            return out.toString();
        }
        catch (final IOException | RuntimeException ex)
        {
            return "pnl plot: not written (" + ex + "); try scripts/mm report " + dir + "\n";
        }
    }

    /**
     * {@code risk.dead-man-switch}: on a UTA account with credentials, arm the venue's countdown-cancel-all; on a
     * classic account say that there is none.
     */
    private static CountdownCancelAll deadManSwitch(final Config config, final GatewayContext gateway) throws IOException
    {
        final long ms = config.longValue("risk.dead-man-switch");
        if (ms == 0 || gateway.credentials() == null || "paper".equals(config.text("run.mode")))
        {
            return null;
        }
        if (gateway.dialect().accountMode() != AccountMode.UTA)
        {
            System.out.println("mm: dead-man switch: none on a classic account (countdown-cancel-all is UTA only); " +
                "orders stay at the venue if this process dies");
            return null;
        }
        final CountdownCancelAll deadMan = new CountdownCancelAll(gateway.restUri(), gateway.credentials(),
            gateway.venueClock(), gateway.errorLog(), (int)(ms / 1000));
        deadMan.start();
        System.out.println("mm: dead-man switch armed: the venue cancels every order " + ms / 1000 +
            "s after this engine stops refreshing it");
        return deadMan;
    }

    /**
     * @return the one product kind of {@code run.symbols}.
     * @throws ConfigException when spot and perpetuals are mixed (one dialect per run on a classic account for now).
     */
    private static InstrumentKind productKind(final List<ProductSymbol> symbols)
    {
        final InstrumentKind kind = symbols.get(0).kind();
        for (final ProductSymbol symbol : symbols)
        {
            if (symbol.kind() != kind)
            {
                throw new ConfigException("run.symbols: " + symbols + " mixes SPOT and USDT-FUTURES; this build trades one " +
                    "product per run: start one run per product");
            }
        }
        return kind;
    }

    private static String journalLine(final Engine engine, final Path dir, final RunJournal journal)
    {
        return journal == null ? "journal: off\n" : "journal: " + engine.journalEntries() + " entries in " +
            RunJournal.journalDir(dir) + (engine.journalLagged() ? " (fell behind: quoting was stopped)" : "") + "\n";
    }

    private Config resolveConfig()
    {
        final Config config = EngineSettings.newConfig();
        if (configFile != null)
        {
            config.load(configFile);
        }
        final List<String> cli = new ArrayList<>();
        addIfSet(cli, "run.venue", venue);
        addIfSet(cli, "run.mode", mode);
        addIfSet(cli, "run.duration", duration);
        addIfSet(cli, "run.symbols", symbols);
        addIfSet(cli, "sim.maker-fee", makerFee);
        addIfSet(cli, "sim.futures-maker-fee", makerFee);
        addIfSet(cli, "run.dir", runDir == null ? null : runDir.toString());
        config.override("command line", cli);
        config.override("--set", overrides);
        return config;
    }

    private static void addIfSet(final List<String> out, final String key, final String value)
    {
        if (value != null)
        {
            out.add(key + "=" + value);
        }
    }

    private static Path runDirectory(final Config config, final Instant start)
    {
        final String configured = config.text("run.dir");
        return configured.isEmpty() ? Path.of("runs", RUN_NAME.format(start)) : Path.of(configured);
    }

    private static Credentials simCredentials(final io.bitmm.sim.Credentials accepted)
    {
        return new Credentials(accepted.apiKey(), accepted.secret(), accepted.passphrase());
    }

    private static Credentials liveCredentials(final Config config) throws IOException
    {
        final String file = config.text("run.credentials-file");
        try
        {
            return file.isEmpty() ? Credentials.fromEnvironment() : Credentials.fromFile(Path.of(file));
        }
        catch (final IllegalStateException ex)
        {
            throw new ConfigException("missing credential for live trading: " + ex.getMessage());
        }
    }

    private static void writeEffectiveConfig(final Config config, final Path file) throws IOException
    {
        Files.writeString(file, config.fileText("settings given for this run; every other setting has its default"),
            StandardCharsets.UTF_8);
    }
}
