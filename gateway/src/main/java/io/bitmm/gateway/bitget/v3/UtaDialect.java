package io.bitmm.gateway.bitget.v3;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentKind;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.auth.HmacSigner;
import io.bitmm.gateway.bitget.AccountMode;
import io.bitmm.gateway.bitget.AccountQueries;
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
 * Unified Trading Account, v3 ({@code /api/v3/...}, {@code wss://ws.bitget.com/v3/ws/...};
 * bitget-v3-uta-protocol.md), for one category per run: {@link #INSTANCE} trades {@code SPOT}, {@link #FUTURES} the
 * USDT-M perpetuals ({@code USDT-FUTURES}: books with {@code instType usdt-futures}, orders with
 * {@code category USDT-FUTURES} in one-way hold mode, the private {@code position} topic, the account setup of
 * {@link UtaAccountSetup}). A REPLACE is an in-place {@code modify-order}. FILLs come from the {@code fill} topic
 * whatever {@code fillsFromOrders} says (v3 {@code order} pushes carry no fill).
 */
public final class UtaDialect implements Dialect
{
    /** Spot on a UTA account. */
    public static final UtaDialect INSTANCE = new UtaDialect(InstrumentKind.SPOT);
    /** USDT-M perpetuals on a UTA account. */
    public static final UtaDialect FUTURES = new UtaDialect(InstrumentKind.USDT_PERPETUAL);
    /** Bitget's clientOid limit on v3 ([.A-Za-z:/0-9_-], §11). */
    public static final int MAX_CLIENT_OID_LENGTH = 32;

    private final InstrumentKind kind;

    private UtaDialect(final InstrumentKind kind)
    {
        this.kind = kind;
    }

    /**
     * @return the kind of every instrument this dialect trades.
     */
    public InstrumentKind kind()
    {
        return kind;
    }

    private boolean futures()
    {
        return kind == InstrumentKind.USDT_PERPETUAL;
    }

    @Override
    public AccountMode accountMode()
    {
        return AccountMode.UTA;
    }

    @Override
    public String name()
    {
        return futures() ? "uta-v3-futures" : "uta-v3";
    }

    @Override
    public Endpoints endpoints()
    {
        return UtaEndpoints.INSTANCE;
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
        return new UtaMarketDataDecoder(instruments, publisher, counters, errorLog, futures() ? "usdt-futures" : "spot");
    }

    @Override
    public PrivateStreamCodec privateStream(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog, final boolean fillsFromOrders)
    {
        return new UtaPrivateStreamDecoder(instruments, publisher, counters, errorLog, futures());
    }

    @Override
    public OrderCodec orders(final HmacSigner signer)
    {
        return new UtaOrderEncoder(signer);
    }

    @Override
    public ReplyCodec replies(final InstrumentTable instruments, final InboundPublisher publisher,
        final GatewayCounters counters, final DistinctErrorLog errorLog)
    {
        return new UtaReplyDecoder(instruments, publisher, counters, errorLog);
    }

    @Override
    public FillHistory fillHistory()
    {
        return UtaFillHistory.INSTANCE;
    }

    @Override
    public AccountQueries accountQueries()
    {
        return futures() ? UtaAccountQueries.FUTURES : UtaAccountQueries.INSTANCE;
    }

    @Override
    public InstrumentTable loadInstruments(final GatewayContext context, final List<String> symbols) throws IOException
    {
        return UtaInstrumentLoader.load(context, symbols, kind);
    }

    @Override
    public String toString()
    {
        return name();
    }
}
