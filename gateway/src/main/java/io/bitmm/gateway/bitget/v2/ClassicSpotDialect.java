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
 * Classic account, v2 spot ({@code /api/v2/spot/...}, {@code wss://ws.bitget.com/v2/ws/...}; bitget-v2-protocol.md).
 */
public final class ClassicSpotDialect implements Dialect
{
    /** The one instance. */
    public static final ClassicSpotDialect INSTANCE = new ClassicSpotDialect();
    /** Bitget's clientOid limit on v2. */
    public static final int MAX_CLIENT_OID_LENGTH = 50;

    private ClassicSpotDialect()
    {
    }

    @Override
    public AccountMode accountMode()
    {
        return AccountMode.CLASSIC;
    }

    @Override
    public String name()
    {
        return "classic-v2";
    }

    @Override
    public Endpoints endpoints()
    {
        return SpotEndpoints.INSTANCE;
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
        return new SpotMarketDataDecoder(instruments, publisher, counters, errorLog);
    }

    @Override
    public PrivateStreamCodec privateStream(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog, final boolean fillsFromOrders)
    {
        return new SpotPrivateStreamDecoder(instruments, publisher, counters, errorLog, fillsFromOrders);
    }

    @Override
    public OrderCodec orders(final HmacSigner signer)
    {
        return new SpotOrderEncoder(signer);
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
        return SpotFillHistory.INSTANCE;
    }

    @Override
    public InstrumentTable loadInstruments(final GatewayContext context, final List<String> symbols) throws IOException
    {
        return SpotInstrumentLoader.load(context, symbols);
    }

    @Override
    public String toString()
    {
        return name();
    }
}
