package io.bitmm.gateway.bitget.v2;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.AccountMode;
import io.bitmm.gateway.bitget.Dialect;
import io.bitmm.gateway.bitget.Endpoints;
import io.bitmm.gateway.bitget.FillHistory;
import io.bitmm.gateway.bitget.MarketDataCodec;
import io.bitmm.gateway.bitget.OrderCodec;
import io.bitmm.gateway.bitget.PrivateStreamCodec;
import io.bitmm.gateway.bitget.ReplyCodec;

import java.io.IOException;
import java.util.List;

/**
 * Classic account, v2 USDT-M perpetuals ("mix": {@code /api/v2/mix/...} with {@code productType=USDT-FUTURES}, the
 * same WebSockets with {@code instType USDT-FUTURES}; bitget-v2-protocol.md §4.3, §6, §12), one-way position mode.
 * Every instrument of a run on this dialect is a perpetual.
 */
public final class ClassicFuturesDialect implements Dialect
{
    /** What the v2 WebSockets call the product. */
    public static final String INST_TYPE = "USDT-FUTURES";
    /** Bitget's clientOid limit on v2. */
    public static final int MAX_CLIENT_OID_LENGTH = 50;

    private final String marginMode;

    /**
     * @param marginMode {@code crossed} or {@code isolated}: sent on every place.
     */
    public ClassicFuturesDialect(final String marginMode)
    {
        this.marginMode = marginMode;
    }

    @Override
    public AccountMode accountMode()
    {
        return AccountMode.CLASSIC;
    }

    @Override
    public String name()
    {
        return "classic-v2-mix";
    }

    @Override
    public Endpoints endpoints()
    {
        return MixEndpoints.INSTANCE;
    }

    @Override
    public int maxClientOidLength()
    {
        return MAX_CLIENT_OID_LENGTH;
    }

    @Override
    public MarketDataCodec marketData(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog)
    {
        return new SpotMarketDataDecoder(instruments, publisher, counters, errorLog, INST_TYPE);
    }

    @Override
    public PrivateStreamCodec privateStream(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog, final boolean fillsFromOrders)
    {
        return new SpotPrivateStreamDecoder(instruments, publisher, counters, errorLog, fillsFromOrders, INST_TYPE);
    }

    @Override
    public OrderCodec orders(final HmacSigner signer)
    {
        return new MixOrderEncoder(signer, marginMode);
    }

    @Override
    public ReplyCodec replies(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog)
    {
        return new SpotReplyDecoder(instruments, publisher, counters, errorLog);
    }

    @Override
    public FillHistory fillHistory()
    {
        return MixFillHistory.INSTANCE;
    }

    @Override
    public io.bitmm.gateway.bitget.AccountQueries accountQueries()
    {
        return MixAccountQueries.INSTANCE;
    }

    @Override
    public InstrumentTable loadInstruments(final GatewayContext context, final List<String> symbols) throws IOException
    {
        return MixInstrumentLoader.load(context, symbols);
    }

    @Override
    public String toString()
    {
        return name();
    }
}
