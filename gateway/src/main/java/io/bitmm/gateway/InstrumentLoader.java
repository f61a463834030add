package io.bitmm.gateway;

import io.bitmm.core.instrument.InstrumentTable;

import java.io.IOException;
import java.util.List;

/**
 * Slow path, at start-up: the instruments (and the account's fee rates) from the venue, through the context's
 * dialect ({@link io.bitmm.gateway.bitget.Dialect#loadInstruments}).
 */
public final class InstrumentLoader
{
    private InstrumentLoader()
    {
    }

    /**
     * @param context settings: {@code dialect}, {@code restUri}, optional credentials, {@code requestTimeoutMs}.
     * @param symbols the symbols to trade, in instrument-id order.
     * @return the table.
     * @throws IOException           when the venue cannot be reached.
     * @throws IllegalStateException when a symbol is unknown or not online, or a reply is an error.
     */
    public static InstrumentTable load(final GatewayContext context, final List<String> symbols) throws IOException
    {
        return context.dialect().loadInstruments(context, symbols);
    }
}
