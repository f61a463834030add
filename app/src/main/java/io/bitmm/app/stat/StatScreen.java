package io.bitmm.app.stat;

import io.bitmm.core.counters.CounterTypes;
import io.bitmm.core.risk.RiskState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The text {@code mm stat} prints (one screen, plain text, fits 150 columns): per instrument the book's top ("-" while
 * the book is empty, as after the shutdown's reset), our quotes and their age, position against its limit, PnL and
 * fees; then every non-zero counter grouped by concern, the latency of the last interval, the risk state (of a
 * finished run: "run ended", then the state at the end) and the error count.
 */
public final class StatScreen
{
    private static final long LIVE_HEARTBEAT_MS = 5_000;
    private static final int WIDTH = 150;
    private static final int WIDTH_START = 11;
    private static final String[] LATENCY_STAGES = {"tick_to_trade", "decode", "queue", "core", "encode", "flush"};

    private StatScreen()
    {
    }

    /**
     * @param snapshot the counters.
     * @param nowMs    ms since the epoch, for the heartbeat's age.
     * @return true when the engine that writes it is running (fresh heartbeat, not stopped).
     */
    public static boolean isLive(final CountersSnapshot snapshot, final long nowMs)
    {
        final long state = snapshot.value(CounterTypes.ENGINE, "run_state");
        final long heartbeat = snapshot.value(CounterTypes.ENGINE, "heartbeat_timestamp_seconds");
        return state != StatusAgent.STOPPED && nowMs - heartbeat < LIVE_HEARTBEAT_MS;
    }

    /**
     * @param title       what was read (the run directory).
     * @param snapshot    the counters.
     * @param errorCount  distinct errors in the error log.
     * @param nowMs       ms since the epoch.
     * @return the screen's text.
     */
    public static String render(final String title, final CountersSnapshot snapshot, final int errorCount,
        final long nowMs)
    {
        final StringBuilder out = new StringBuilder(4096);
        header(out, title, snapshot, nowMs);
        instruments(out, snapshot);
        out.append('\n');
        group(out, "book", snapshot, CounterTypes.CORE, "book_", "resync");
        group(out, "orders", snapshot, CounterTypes.CORE, "places_", "cancels_", "replaces_", "cancel_alls_",
            "queries_", "acks", "rejects", "unknown_", "pending_", "post_only", "venue_", "order_");
        out.append(line("rejects", "by code" + emptyIfNone(io.bitmm.app.engine.RunSummary.rejectCodes(snapshot))));
        group(out, "fills", snapshot, CounterTypes.CORE, "fills_", "filled_", "duplicate_", "recovered_",
            "foreign_");
        group(out, "events", snapshot, CounterTypes.CORE, "events", "bad_", "untracked_");
        gateways(out, snapshot);
        group(out, "journal", snapshot, CounterTypes.JOURNAL);
        latency(out, snapshot);
        final RiskState risk = io.bitmm.app.engine.RunSummary.riskState(snapshot);
        final String state = isLive(snapshot, nowMs) ? "state " + risk : "run ended  state at the end " + risk;
        out.append(line("risk", state + "  open orders " +
            snapshot.value(CounterTypes.ENGINE, "open_orders") + "  rate budget used " + budget(snapshot, "place") +
            " " + budget(snapshot, "cancel") + " " + budget(snapshot, "replace") +
            io.bitmm.app.engine.RunSummary.riskReasons(snapshot)));
        out.append(line("errors", errorCount + " distinct  handler errors " +
            snapshot.value(CounterTypes.ENGINE, "handler_errors") + (errorCount > 0 ? "  (scripts/mm errors)" : "")));
        return out.toString();
    }

    private static void header(final StringBuilder out, final String title, final CountersSnapshot snapshot,
        final long nowMs)
    {
        final long heartbeat = snapshot.value(CounterTypes.ENGINE, "heartbeat_timestamp_seconds");
        final boolean live = isLive(snapshot, nowMs);
        final long endMs = live ? nowMs : Math.max(heartbeat, snapshot.startMs());
        final Duration up = Duration.ofMillis(Math.max(0, endMs - snapshot.startMs()));
        out.append(String.format(Locale.ROOT, "bitmm stat  %s  pid %d  %s  started %s  %s %02d:%02d:%02d%n", title,
            snapshot.pid(), live ? "LIVE" : "ENDED", Instant.ofEpochMilli(snapshot.startMs()),
            live ? "up" : "ran", up.toHours(), up.toMinutesPart(), up.toSecondsPart()));
        out.append(String.format(Locale.ROOT, "%-10s %14s %14s %14s %7s %14s %7s %22s %14s %14s %12s%n",
            "instrument", "best bid", "best ask", "our bid", "age s", "our ask", "age s", "position (limit)",
            "realized PnL", "unrealized", "fees"));
    }

    private static void instruments(final StringBuilder out, final CountersSnapshot snapshot)
    {
        for (final String symbol : snapshot.symbols())
        {
            out.append(String.format(Locale.ROOT, "%-10s %14s %14s %14s %7s %14s %7s %22s %14s %14s %12s%n", symbol,
                quote(snapshot, symbol, "best_bid"), quote(snapshot, symbol, "best_ask"),
                quote(snapshot, symbol, "bid_quote"), age(snapshot, symbol, "bid_quote", "bid_quote_age_seconds"),
                quote(snapshot, symbol, "ask_quote"), age(snapshot, symbol, "ask_quote", "ask_quote_age_seconds"),
                field(snapshot, symbol, "position") + " (" + field(snapshot, symbol, "max_position") + ")",
                money(snapshot, symbol, "realized_pnl"), money(snapshot, symbol, "unrealized_pnl"),
                money(snapshot, symbol, "fees")));
        }
    }

    private static void gateways(final StringBuilder out, final CountersSnapshot snapshot)
    {
        final Map<String, StringBuilder> byGateway = new LinkedHashMap<>();
        for (final CountersSnapshot.Sample sample : snapshot.samples())
        {
            if (sample.typeId() == CounterTypes.GATEWAY && sample.value() != 0)
            {
                final String endpoint = sample.labels().get("endpoint");
                append(byGateway.computeIfAbsent(sample.labels().get("gateway"), k -> new StringBuilder()),
                    endpoint == null ? sample.name() : "requests." + endpoint, sample.decimal());
            }
        }
        for (final Map.Entry<String, StringBuilder> gateway : byGateway.entrySet())
        {
            out.append(line("gw " + gateway.getKey(), gateway.getValue().toString()));
        }
    }

    private static void latency(final StringBuilder out, final CountersSnapshot snapshot)
    {
        final StringBuilder text = new StringBuilder("p50/p99 us, last 1 s:");
        for (final String stage : LATENCY_STAGES)
        {
            final long count = snapshot.value(CounterTypes.LATENCY, "interval_count", "stage", stage);
            text.append("  ").append(stage.replace('_', '-')).append(' ');
            if (count == 0)
            {
                text.append('-');
                continue;
            }
            text.append(String.format(Locale.ROOT, "%.1f/%.1f",
                snapshot.value(CounterTypes.LATENCY, "p50_seconds", "stage", stage) / 1000.0,
                snapshot.value(CounterTypes.LATENCY, "p99_seconds", "stage", stage) / 1000.0));
        }
        out.append(line("latency", text.toString()));
    }

    private static void group(final StringBuilder out, final String title, final CountersSnapshot snapshot,
        final int typeId, final String... prefixes)
    {
        final StringBuilder text = new StringBuilder();
        for (final CountersSnapshot.Sample sample : snapshot.samples())
        {
            if (sample.typeId() == typeId && sample.value() != 0 && matches(sample.name(), prefixes))
            {
                append(text, sample.name(), sample.decimal());
            }
        }
        out.append(line(title, text.length() == 0 ? "-" : text.toString()));
    }

    private static String budget(final CountersSnapshot snapshot, final String kind)
    {
        return kind + " " + snapshot.value(CounterTypes.ENGINE, "rate_budget_used", "kind", kind) + "/" +
            snapshot.value(CounterTypes.ENGINE, "rate_budget_limit", "kind", kind);
    }

    private static boolean matches(final String name, final String... prefixes)
    {
        if (prefixes.length == 0)
        {
            return true;
        }
        for (final String prefix : prefixes)
        {
            if (name.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    private static void append(final StringBuilder out, final String name, final BigDecimal value)
    {
        out.append(out.length() == 0 ? "" : "  ").append(name).append(' ').append(value.toPlainString());
    }

    private static String line(final String title, final String text)
    {
        final StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s ", title));
        int column = out.length();
        for (final String item : text.split("  "))
        {
            if (column > WIDTH_START && column + item.length() + 2 > WIDTH)
            {
                out.append(String.format(Locale.ROOT, "%n%-10s ", ""));
                column = WIDTH_START;
            }
            else if (column > WIDTH_START)
            {
                out.append("  ");
                column += 2;
            }
            out.append(item);
            column += item.length();
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static String emptyIfNone(final String codes)
    {
        return codes.isEmpty() ? ": none" : codes;
    }

    private static String field(final CountersSnapshot snapshot, final String symbol, final String name)
    {
        final CountersSnapshot.Sample sample = snapshot.find(CounterTypes.INSTRUMENT, name, "symbol", symbol);
        return sample == null ? "?" : sample.decimal().toPlainString();
    }

    private static String quote(final CountersSnapshot snapshot, final String symbol, final String name)
    {
        return snapshot.value(CounterTypes.INSTRUMENT, name, "symbol", symbol) == 0 ? "-" : field(snapshot, symbol, name);
    }

    private static String age(final CountersSnapshot snapshot, final String symbol, final String quote,
        final String name)
    {
        final long ms = snapshot.value(CounterTypes.INSTRUMENT, name, "symbol", symbol);
        return ms < 0 || snapshot.value(CounterTypes.INSTRUMENT, quote, "symbol", symbol) == 0 ? "-" :
            String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String money(final CountersSnapshot snapshot, final String symbol, final String name)
    {
        final CountersSnapshot.Sample sample = snapshot.find(CounterTypes.INSTRUMENT, name, "symbol", symbol);
        return sample == null ? "?" : sample.decimal().setScale(4, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
