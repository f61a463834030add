package io.bitmm.gateway.bitget;

import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.GatewayContext;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.ToIntFunction;

/**
 * Slow path, at start-up: a dialect's USDT-M futures account settings the engine trades with (position or hold mode,
 * margin mode, leverage), read first and changed only where they differ. A refusal stops the start with a message
 * naming Bitget's code, what it usually means ({@link #meaning}) and what to do.
 */
public abstract class PerpetualAccountSetup
{
    /** REST base, credentials, clock offset. */
    protected final GatewayContext context;
    /** The HTTP/1.1 client of these few requests. */
    protected final HttpClient client;

    /**
     * @param context REST base and credentials (required).
     * @throws IllegalStateException without credentials.
     */
    protected PerpetualAccountSetup(final GatewayContext context)
    {
        if (context.credentials() == null)
        {
            throw new IllegalStateException("USDT-FUTURES needs API credentials to read and set the account's modes");
        }
        this.context = context;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(context.connectTimeoutMs())).build();
    }

    /**
     * Set one-way mode, the margin mode and one leverage for every perpetual, where they differ.
     *
     * @param instruments the perpetuals traded.
     * @param marginMode  {@code crossed} or {@code isolated} (what the dialect accepts).
     * @param leverage    leverage, 1 to the contract's maximum.
     * @return one line per change made, for the start-up output ("" when nothing changed).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when the venue refuses a change: the message says why and what to do.
     */
    public final String apply(final InstrumentTable instruments, final String marginMode, final int leverage)
        throws IOException
    {
        return apply(instruments, marginMode, symbol -> leverage);
    }

    /**
     * The same with a leverage per symbol.
     *
     * @param instruments the perpetuals traded.
     * @param marginMode  {@code crossed} or {@code isolated} (what the dialect accepts).
     * @param leverageOf  a symbol's leverage, 1 to the contract's maximum.
     * @return one line per change made, for the start-up output ("" when nothing changed).
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when the venue refuses a change: the message says why and what to do.
     */
    public abstract String apply(InstrumentTable instruments, String marginMode, ToIntFunction<String> leverageOf)
        throws IOException;

    /**
     * A signed POST that must succeed.
     *
     * @param path   the path.
     * @param body   the JSON body.
     * @param what   what it does, for the message ("set BTCUSDT's leverage to 5 (was 20)").
     * @param remedy what the user can do when it is refused.
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when the venue refuses: HTTP status, code, its meaning and the remedy.
     */
    protected final void post(final String path, final String body, final String what, final String remedy)
        throws IOException
    {
        final SignedRest.Reply reply = SignedRest.post(client, context, path, body);
        if (!reply.ok())
        {
            throw new IllegalStateException("cannot " + what + ": the venue answered HTTP " + reply.status() +
                " code " + reply.code() + meaning(reply.code()) + "; " + remedy);
        }
    }

    /**
     * @param code a Bitget code.
     * @return what it usually means here, " (...)", or "".
     */
    protected abstract String meaning(String code);
}
