package io.bitmm.sim.cli;

import io.bitmm.sim.SimContext;
import io.bitmm.sim.SimVenue;
import io.bitmm.sim.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code sim}: runs the simulated venue until stopped; prints one {@code ready ...} line when it accepts connections. */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Simulated Bitget venue (classic v2, UTA v3) on loopback")
public final class SimCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port, 0 picks a free one (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = SimContext.DEFAULT_SEED;

    @Option(names = "--stress", description = "stream books updates as fast as subscribers read")
    boolean stress;

    @Option(names = "--stress-rate", description = "with --stress: book updates per second to each subscriber, "
        + "paced at a fixed interval; 0 = as fast as they read (default ${DEFAULT-VALUE})")
    long stressRate;

    @Option(names = "--exit-with", description = "exit when the process with this pid exits (a parent that starts "
        + "the sim as a child process: the sim never outlives it, even when it is killed)")
    long exitWith;

    @Option(names = "--books-interval-ms", description = "books push cadence (default ${DEFAULT-VALUE})")
    long booksIntervalMs = SimContext.DEFAULT_BOOKS_INTERVAL_MS;

    @Option(names = "--symbols", description = "comma-separated default symbols to list (default BTCUSDT,ETHUSDT)")
    String symbols;

    @Option(names = "--no-rate-limits", description = "disable the REST rate limits")
    boolean noRateLimits;

    @Option(names = "--takers-per-second", description = "synthetic takers per second per symbol (default ${DEFAULT-VALUE})")
    double takersPerSecond = SimContext.DEFAULT_TAKERS_PER_SECOND;

    @Option(names = "--ws-max-age-ms", description = "forced WebSocket disconnect after (default ${DEFAULT-VALUE})")
    long wsMaxAgeMs = SimContext.DEFAULT_WS_MAX_AGE_MS;

    @Option(names = "--maker-fee", description = "maker fee rate; negative pays a maker rebate (default ${DEFAULT-VALUE})")
    String makerFee = SimContext.DEFAULT_MAKER_FEE;

    @Option(names = "--taker-fee", description = "taker fee rate (default ${DEFAULT-VALUE})")
    String takerFee = SimContext.DEFAULT_TAKER_FEE;

    @Option(names = "--futures-maker-fee", description = "USDT-FUTURES maker fee rate; negative pays a maker rebate "
        + "(default ${DEFAULT-VALUE}, Bitget's futures rate for a new account)")
    String futuresMakerFee = SimContext.DEFAULT_FUTURES_MAKER_FEE;

    @Option(names = "--futures-taker-fee", description = "USDT-FUTURES taker fee rate (default ${DEFAULT-VALUE})")
    String futuresTakerFee = SimContext.DEFAULT_FUTURES_TAKER_FEE;

    @Option(names = "--account-mode", description = "uta (a new Bitget user: v2 private REST refused with 40085) or "
        + "classic (v3 private refused with 40084) (default ${DEFAULT-VALUE})")
    String accountMode = SimContext.ACCOUNT_UTA;

    @Option(names = "--funding-interval-ms", description = "futures funding settlement interval (default ${DEFAULT-VALUE})")
    long fundingIntervalMs = SimContext.DEFAULT_FUNDING_INTERVAL_MS;

    @Option(names = "--no-perpetuals", description = "list spot only (no USDT-M perpetuals)")
    boolean noPerpetuals;

    @Option(names = "--no-tls", description = "do not accept TLS on the port")
    boolean noTls;

    @Option(names = "--fault", description = "fault to inject at start, as the control endpoint's JSON, e.g. "
        + "'{\"fault\":\"rejectOrders\",\"fraction\":0.1}' (repeatable)")
    List<String> faults = new ArrayList<>();

    @Option(names = "--v3", description = "a UTA v3 option (protocol v3 §12, see sim/README.md), e.g. "
        + "'booksChecksum=crc32' or 'batchTopics=long' (repeatable)")
    List<String> v3Options = new ArrayList<>();

    private final CountDownLatch stopped = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException
    {
        final SimContext ctx = new SimContext().port(port).seed(seed).stress(stress).booksIntervalMs(booksIntervalMs)
            .rateLimits(!noRateLimits).takersPerSecond(takersPerSecond).wsMaxAgeMs(wsMaxAgeMs)
            .stressUpdatesPerSecond(stressRate).accountMode(accountMode).fundingIntervalMs(fundingIntervalMs)
            .perpetuals(!noPerpetuals);
        try
        {
            ctx.makerFee(makerFee).takerFee(takerFee).futuresFees(futuresMakerFee, futuresTakerFee).conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        if (symbols != null)
        {
            ctx.symbols(symbols);
        }
        ctx.tls(!noTls);
        for (final String option : v3Options)
        {
            final String err = ctx.v3().set(option);
            if (err != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--v3 " + option + ": " + err);
            }
        }
        for (final String fault : faults)
        {
            final String err = ctx.faults().apply(Json.parseObject(fault));
            if (err != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--fault " + fault + ": " + err);
            }
        }
        final SimVenue venue;
        try
        {
            venue = SimVenue.start(ctx);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            venue.close();
            stopped.countDown();
        }, "sim-shutdown"));
        if (exitWith > 0)
        {
            ProcessHandle.of(exitWith).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        }
        final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("ready rest=" + venue.restUri() + " ws-public=" + venue.wsPublicUri() + " ws-private=" + venue.wsPrivateUri()
            + " ws-public-v3=" + venue.wsPublicV3Uri() + " ws-private-v3=" + venue.wsPrivateV3Uri() + " account=" + ctx.accountMode());
        stopped.await();
        return 0;
    }
}
