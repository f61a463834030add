package io.bitmm.app.chaos;

import io.bitmm.app.cli.SimProcess;
import io.bitmm.core.instrument.Amounts;
import io.bitmm.core.instrument.Instrument;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.sim.Credentials;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One chaos trial: a fresh simulated venue in its own JVM (seeded with the trial's seed, more takers than usual),
 * the engine as {@code mm run} against it (in this JVM, or in a child JVM when it is to be killed), the trial's
 * {@link FaultSchedule} played on the venue while the engine trades, then the checks ({@link Check}). In a kill
 * trial the engine is killed with SIGKILL at the drawn moment and a second engine is started against the same
 * venue for the rest of the time; the faults go on against it once it is trading. Engine start-ups run on a
 * healthy venue (faults are cleared while one starts); when the trading time is over the faults are cleared and the
 * engine stops as {@code mm run} does (stop quoting, cancel everything, wait for the venue to confirm).
 */
final class ChaosTrial
{
    /** The checks, in table order. */
    enum Check
    {
        /** Every engine started and the last one exited 0. */
        RUN("run"),
        /** No order of the account open at the venue after the last engine's shutdown. */
        NO_OPEN_ORDERS("no-open"),
        /** The engine's holdings change equals the venue's, coin by coin, to 10^-8 per fill. */
        POSITION("position"),
        /** The venue refused no REST request for a rate limit. */
        RATE_LIMITS("no-429"),
        /** No order placed while its book was invalid or resyncing (every journal of the trial). */
        BOOK_VALID("book"),
        /** Every journal readable to its last entry, without gaps, replaying to identical commands. */
        JOURNAL("journal");

        private final String label;

        Check(final String label)
        {
            this.label = label;
        }

        String label()
        {
            return label;
        }
    }

    /**
     * @param schedule  the trial's schedule.
     * @param failures  check to what went wrong; a check not in the map passed.
     * @param notes     what else happened (orphans cancelled on restart, fills).
     */
    record Outcome(FaultSchedule schedule, Map<Check, String> failures, String notes)
    {
        boolean passed()
        {
            return failures.isEmpty();
        }
    }

    private static final Pattern JOURNAL_ENTRIES = Pattern.compile("(?m)^journal: (\\d+) entries");
    private static final Pattern START_BALANCES = Pattern.compile("start balances \\{([^}]*)}");
    private static final long START_TIMEOUT_S = 120;
    /** No JIT warm-up of the order path before trading: correctness is checked here, not latency (it takes 5-10 s). */
    private static final int ORDER_WARMUP = 0;

    private final FaultSchedule schedule;
    private final Path dir;
    private final List<String> symbols;
    private final List<String> overrides;
    private final PrintStream log;
    private final Map<Check, String> failures = new TreeMap<>();
    private final StringBuilder notes = new StringBuilder();
    private VenueClient venueForDiff;
    private Runnable whenTrading = () ->
    {
    };

    ChaosTrial(final FaultSchedule schedule, final Path dir, final List<String> symbols, final List<String> overrides,
        final PrintStream log)
    {
        this.schedule = schedule;
        this.dir = dir;
        this.symbols = symbols;
        this.overrides = overrides;
        this.log = log;
    }

    /**
     * Start the trial's venue (in the background while the previous trial runs: a JVM start costs seconds here).
     *
     * @param schedule the trial's schedule.
     * @param dir      the trial's directory.
     * @param symbols  the symbols to list.
     * @return the venue, when it is ready.
     */
    static CompletableFuture<SimProcess> startVenue(final FaultSchedule schedule, final Path dir,
        final List<String> symbols)
    {
        final List<String> simArgs = new ArrayList<>(List.of("--seed=" + schedule.seed(),
            "--takers-per-second=" + schedule.takersPerSecond(), "--symbols=" + String.join(",", symbols),
            "--maker-fee=" + schedule.makerFee(), "--account-mode=classic"));
        if (schedule.wsMaxAgeMs() > 0)
        {
            simArgs.add("--ws-max-age-ms=" + schedule.wsMaxAgeMs());
        }
        return CompletableFuture.supplyAsync(() ->
        {
            try
            {
                Files.createDirectories(dir);
                return SimProcess.start(simArgs, dir.resolve("sim.log"));
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        });
    }

    /**
     * @param venueStart  the trial's venue, starting.
     * @param whenTrading called once the trial's last engine is trading (the next trial's venue may start then).
     * @return what the trial found.
     * @throws IOException          when the venue cannot be started or reached.
     * @throws InterruptedException when interrupted.
     */
    Outcome run(final CompletableFuture<SimProcess> venueStart, final Runnable whenTrading)
        throws IOException, InterruptedException
    {
        this.whenTrading = whenTrading;
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("schedule.txt"), describe(schedule), StandardCharsets.UTF_8);
        final SimProcess started;
        try
        {
            started = venueStart.get();
        }
        catch (final ExecutionException ex)
        {
            throw new IOException("the simulated venue did not start: " + ex.getCause().getMessage(), ex.getCause());
        }
        try (SimProcess sim = started)
        {
            final Credentials credentials = Credentials.fromEnvironment();
            final Path credentialsFile = dir.resolve("credentials");
            Files.writeString(credentialsFile, "BITGET_API_KEY=" + credentials.apiKey() + "\nBITGET_API_SECRET=" +
                credentials.secret() + "\nBITGET_API_PASSPHRASE=" + credentials.passphrase() + "\n",
                StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(credentialsFile, PosixFilePermissions.fromString("rw-------"));
            final VenueClient venue = new VenueClient(sim.restUri(), credentials);
            try
            {
                venue.warm();
                venueForDiff = venue;
                trade(sim, venue, credentialsFile);
            }
            finally
            {
                Files.deleteIfExists(credentialsFile);
            }
        }
        return new Outcome(schedule, failures, notes.toString().trim());
    }

    private void trade(final SimProcess sim, final VenueClient venue, final Path credentialsFile)
        throws IOException, InterruptedException
    {
        final boolean kill = schedule.killAtMs() >= 0;
        final Path firstDir = dir.resolve(kill ? "run-killed" : "run");
        final List<String> firstArgs = runArgs(sim, credentialsFile, firstDir, kill ? 600_000 : schedule.durationMs());
        final EngineProcess killable = kill ? EngineProcess.start(firstArgs, firstDir.resolve("engine.log")) : null;
        EngineRun engine = kill ? killable : InProcessEngine.start(firstArgs, firstDir.resolve("engine.log"));
        try
        {
            if (!engine.awaitRunning(START_TIMEOUT_S))
            {
                engine.destroy();
                failures.put(Check.RUN, "the engine did not start: " + firstDir.resolve("engine.log"));
                return;
            }
            if (!kill)
            {
                whenTrading.run();
            }
            long base = engine.runningNanos();
            long shift = 0;
            Path lastDir = firstDir;
            boolean killed = false;
            final java.util.Set<FaultKind> on = java.util.EnumSet.noneOf(FaultKind.class);
            for (final FaultSchedule.Event event : schedule.events())
            {
                if (kill && !killed && event.atMs() >= schedule.killAtMs())
                {
                    sleepUntil(base + TimeUnit.MILLISECONDS.toNanos(schedule.killAtMs()));
                    killable.sigkill();
                    killed = true;
                    venue.fault("{\"fault\":\"clear\"}");
                    countOrphans(venue);
                    on.clear();
                    final long rest = Math.max(6_000, schedule.durationMs() - schedule.killAtMs());
                    lastDir = dir.resolve("run-restarted");
                    engine = InProcessEngine.start(runArgs(sim, credentialsFile, lastDir, rest),
                        lastDir.resolve("engine.log"));
                    if (!engine.awaitRunning(START_TIMEOUT_S))
                    {
                        engine.destroy();
                        failures.put(Check.RUN, "the restarted engine did not start: " + lastDir.resolve("engine.log"));
                        return;
                    }
                    whenTrading.run();
                    base = engine.runningNanos();
                    shift = schedule.killAtMs();
                }
                if (event.kind().window() && !event.on() && !on.remove(event.kind()))
                {
                    continue;
                }
                if (event.kind().window() && event.on())
                {
                    on.add(event.kind());
                }
                sleepUntil(base + TimeUnit.MILLISECONDS.toNanos(event.atMs() - shift));
                for (final String command : event.json().split("\n"))
                {
                    venue.fault(command);
                }
            }
            if (kill && !killed)
            {
                sleepUntil(base + TimeUnit.MILLISECONDS.toNanos(schedule.killAtMs()));
                killable.sigkill();
                killed = true;
                venue.fault("{\"fault\":\"clear\"}");
                countOrphans(venue);
                lastDir = dir.resolve("run-restarted");
                engine = InProcessEngine.start(runArgs(sim, credentialsFile, lastDir, 6_000), lastDir.resolve("engine.log"));
                if (!engine.awaitRunning(START_TIMEOUT_S))
                {
                    engine.destroy();
                    failures.put(Check.RUN, "the restarted engine did not start: " + lastDir.resolve("engine.log"));
                    return;
                }
                whenTrading.run();
                base = engine.runningNanos();
                shift = schedule.killAtMs();
            }
            sleepUntil(base + TimeUnit.MILLISECONDS.toNanos(Math.max(0, schedule.durationMs() - shift - 1_000)));
            venue.fault("{\"fault\":\"clear\"}");
            final int status = engine.awaitExit(schedule.durationMs() / 1000 + 180);
            if (status != 0)
            {
                failures.put(Check.RUN, "the engine exited with status " + status + ": " + lastDir.resolve("engine.log"));
            }
            check(venue, killed ? firstDir : null, lastDir);
        }
        finally
        {
            engine.destroy();
        }
    }

    private void countOrphans(final VenueClient venue) throws IOException
    {
        int open = 0;
        for (final String symbol : symbols)
        {
            open += venue.openOrders(symbol).size();
        }
        notes.append("killed with ").append(open).append(" open; ");
    }

    private void check(final VenueClient venue, final Path killedDir, final Path lastDir)
        throws IOException
    {
        final List<String> open = new ArrayList<>();
        for (final String symbol : symbols)
        {
            open.addAll(venue.openOrders(symbol));
        }
        if (!open.isEmpty())
        {
            failures.put(Check.NO_OPEN_ORDERS, open.size() + " open at the venue after shutdown: " + open);
        }
        final long rejections = venue.rateLimitRejections();
        if (rejections != 0)
        {
            failures.put(Check.RATE_LIMITS, rejections + " requests refused for a rate limit: " + venue.stats()
                .get("rateLimitRejections"));
        }
        final Map<String, BigDecimal> end = venue.balances();

        final List<String> journalProblems = new ArrayList<>();
        final List<String> bookProblems = new ArrayList<>();
        if (killedDir != null)
        {
            final JournalCheck.Result killedRun = JournalCheck.check(killedDir, true);
            collect(killedRun, "killed run", journalProblems, bookProblems);
            notes.append("killed run: ").append(killedRun.events()).append(" events, ").append(killedRun.commands())
                .append(" commands readable; ");
            final Path reconcile = lastDir.resolve("reconcile.txt");
            if (Files.exists(reconcile))
            {
                final Matcher cancelled = Pattern.compile("cancelled (\\d+)").matcher(Files.readString(reconcile));
                notes.append("restart cancelled ").append(cancelled.find() ? cancelled.group(1) : "?")
                    .append(" orphans; ");
            }
        }
        final JournalCheck.Result last = JournalCheck.check(lastDir, false);
        collect(last, killedDir != null ? "restarted run" : "run", journalProblems, bookProblems);
        final Path engineLog = lastDir.resolve("engine.log");
        final Matcher written = JOURNAL_ENTRIES.matcher(Files.exists(engineLog) ? Files.readString(engineLog) : "");
        if (!written.find())
        {
            journalProblems.add("the engine did not report its journal entries (" + engineLog + ")");
        }
        else if (Long.parseLong(written.group(1)) != last.events() + last.commands())
        {
            journalProblems.add("the engine wrote " + written.group(1) + " entries, the journal holds " +
                (last.events() + last.commands()));
        }
        if (!journalProblems.isEmpty())
        {
            failures.put(Check.JOURNAL, String.join("; ", journalProblems));
        }
        if (!bookProblems.isEmpty())
        {
            failures.put(Check.BOOK_VALID, String.join("; ", bookProblems));
        }
        notes.append(last.fills()).append(" fills");
        checkPosition(last, lastDir, end);
    }

    private static void collect(final JournalCheck.Result result, final String which, final List<String> journal,
        final List<String> book)
    {
        if (result.problem() != null)
        {
            journal.add(which + ": " + result.problem());
        }
        if (result.placesWhileInvalid() > 0)
        {
            book.add(which + ": " + result.placesWhileInvalid() + " orders placed on an invalid book, first " +
                result.firstInvalidPlace());
        }
    }

    private void checkPosition(final JournalCheck.Result run, final Path runDir, final Map<String, BigDecimal> end)
        throws IOException
    {
        if (run.instruments() == null)
        {
            failures.put(Check.POSITION, "no engine position: the journal could not be replayed");
            return;
        }
        final Path reconcile = runDir.resolve("reconcile.txt");
        final Matcher matcher = START_BALANCES.matcher(Files.exists(reconcile) ? Files.readString(reconcile) : "");
        if (!matcher.find())
        {
            failures.put(Check.POSITION, "no start balances in " + reconcile);
            return;
        }
        final Map<String, BigDecimal> start = new TreeMap<>();
        for (final String entry : matcher.group(1).split(",\\s*"))
        {
            final String[] parts = entry.split("[=/]");
            if (parts.length == 3)
            {
                start.put(parts[0].trim(), new BigDecimal(parts[1]).add(new BigDecimal(parts[2])));
            }
        }
        final InstrumentTable instruments = run.instruments();
        final Map<String, Long> engineChange = new TreeMap<>();
        for (int id = 0; id < instruments.instrumentCount(); id++)
        {
            final Instrument instrument = instruments.instrument(id);
            engineChange.merge(instruments.assetName(instrument.baseAssetId()), run.baseChange()[id], Long::sum);
            engineChange.merge(instruments.assetName(instrument.quoteAssetId()), run.quoteChange()[id], Long::sum);
        }
        final BigDecimal tolerance = BigDecimal.valueOf(run.fills(), Amounts.DECIMALS);
        final List<String> gaps = new ArrayList<>();
        for (final Map.Entry<String, Long> coin : engineChange.entrySet())
        {
            final BigDecimal venueChange = end.getOrDefault(coin.getKey(), BigDecimal.ZERO)
                .subtract(start.getOrDefault(coin.getKey(), BigDecimal.ZERO));
            final BigDecimal engine = BigDecimal.valueOf(coin.getValue(), Amounts.DECIMALS);
            if (venueChange.subtract(engine).abs().compareTo(tolerance) > 0)
            {
                gaps.add(coin.getKey() + " venue " + venueChange.stripTrailingZeros().toPlainString() + " engine " +
                    engine.stripTrailingZeros().toPlainString());
            }
        }
        if (!gaps.isEmpty())
        {
            failures.put(Check.POSITION, String.join(", ", gaps) + " (" + run.fills() + " fills)" + fillsDiff(runDir));
        }
    }

    /**
     * Every fill the venue lists against the fills of the trial's journals, by trade id; written to
     * {@code fills-diff.txt}. Returns its first lines for the table.
     */
    private String fillsDiff(final Path lastRunDir)
    {
        try
        {
            final Map<Long, JournalCheck.JournalFill> journal = new TreeMap<>();
            final List<String> lines = new ArrayList<>();
            for (final String run : List.of("run-killed", "run", "run-restarted"))
            {
                if (Files.isDirectory(dir.resolve(run).resolve("journal")))
                {
                    for (final JournalCheck.JournalFill fill : JournalCheck.fills(dir.resolve(run)).values())
                    {
                        if (journal.putIfAbsent(fill.tradeId(), fill) != null)
                        {
                            lines.add("booked by both runs: trade " + fill.tradeId() + " (the killed run's fill, in the " +
                                "restarted run's start balances, booked again by it) " + fill);
                        }
                    }
                }
            }
            final java.util.Set<Long> seen = new java.util.HashSet<>();
            for (final String symbol : symbols)
            {
                for (final VenueClient.VenueFill fill : venueForDiff.fills(symbol))
                {
                    seen.add(fill.tradeId());
                    final JournalCheck.JournalFill ours = journal.get(fill.tradeId());
                    final String venueLine = symbol + " " + fill.side() + " " + fill.size().toPlainString() + " @ " +
                        fill.price().toPlainString() + " fee " + fill.fee().toPlainString() + " " + fill.feeCoin() +
                        " at " + fill.timeMs();
                    if (ours == null)
                    {
                        lines.add("venue only: trade " + fill.tradeId() + " " + venueLine);
                        continue;
                    }
                    if (ours.size().compareTo(fill.size()) != 0)
                    {
                        lines.add("size differs: trade " + fill.tradeId() + " venue " + venueLine + "; journal size " +
                            ours.size().toPlainString());
                    }
                    final BigDecimal fee = BigDecimal.valueOf(ours.fee(), Amounts.DECIMALS);
                    if (fee.subtract(fill.fee()).abs().compareTo(BigDecimal.valueOf(1, Amounts.DECIMALS)) > 0 ||
                        !fill.feeCoin().equals(ours.feeCoin()))
                    {
                        lines.add("fee differs: trade " + fill.tradeId() + " venue " + venueLine + "; journal fee " +
                            fee.toPlainString() + " " + ours.feeCoin());
                    }
                }
            }
            for (final JournalCheck.JournalFill fill : journal.values())
            {
                if (!seen.contains(fill.tradeId()))
                {
                    lines.add("journal only: " + fill);
                }
            }
            Files.writeString(dir.resolve("fills-diff.txt"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return lines.isEmpty() ? "; every venue fill is in the journal with its fee" :
                "; " + String.join("; ", lines.subList(0, Math.min(3, lines.size()))) +
                    (lines.size() > 3 ? "; ... (" + lines.size() + " in fills-diff.txt)" : "");
        }
        catch (final IOException | RuntimeException ex)
        {
            return "; (fills not compared: " + ex + ")";
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private List<String> runArgs(final SimProcess sim, final Path credentialsFile, final Path runDir,
        final long durationMs)
    {
        final List<String> args = new ArrayList<>(List.of("--venue", "bitget", "--mode", "live",
            "--duration", durationMs + "ms", "--run-dir", runDir.toString(), "--symbols", String.join(",", symbols),
            "--set", "venue.rest-url=" + sim.restUri(), "--set", "venue.ws-public-url=" + sim.wsPublicUri(),
            "--set", "venue.ws-private-url=" + sim.wsPrivateUri(), "--set", "run.credentials-file=" + credentialsFile,
            "--set", "gateway.order-warmup=" + ORDER_WARMUP, "--set", "latency.report=false",
            // the campaign checks order and fill bookkeeping under faults, so it needs fills: tick-level spreads (at the
            // sim's 0.02% maker fee the fee floor leaves a trial with no fill)
            "--set", "quoting.fee-floor=false"));
        for (final String override : overrides)
        {
            args.add("--set");
            args.add(override);
        }
        log.flush();
        return args;
    }

    private static void sleepUntil(final long nanos) throws InterruptedException
    {
        final long wait = nanos - System.nanoTime();
        if (wait > 0)
        {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    static String describe(final FaultSchedule schedule)
    {
        final StringBuilder out = new StringBuilder();
        out.append("seed ").append(schedule.seed()).append("  trading ").append(schedule.durationMs())
            .append(" ms  takers/s ").append(schedule.takersPerSecond()).append("  ws max age ")
            .append(schedule.wsMaxAgeMs() == 0 ? "off" : schedule.wsMaxAgeMs() + " ms").append("  kill at ")
            .append(schedule.killAtMs() < 0 ? "never" : schedule.killAtMs() + " ms").append("  maker fee ")
            .append(schedule.makerFee()).append('\n');
        for (final FaultSchedule.Event event : schedule.events())
        {
            out.append(String.format(java.util.Locale.ROOT, "%7d ms  %s%n", event.atMs(), event.json().replace("\n", " ")));
        }
        return out.toString();
    }
}
