package io.bitmm.gateway.bitget;

import io.bitmm.core.event.InboundPublisher;
import io.bitmm.core.instrument.InstrumentTable;
import io.bitmm.gateway.DistinctErrorLog;
import io.bitmm.gateway.GatewayContext;
import io.bitmm.gateway.GatewayCounters;
import io.bitmm.gateway.auth.HmacSigner;

import java.io.IOException;
import java.util.List;

/**
 * One way of speaking to Bitget: classic v2 spot ({@link io.bitmm.gateway.bitget.v2.ClassicSpotDialect}) or the
 * Unified Trading Account's v3 ({@link io.bitmm.gateway.bitget.v3.UtaDialect}). Chosen once at start
 * ({@link GatewayContext#dialect}); every gateway asks it for its codecs when it is built and never again.
 */
public interface Dialect
{
    /**
     * @return the account mode it speaks to (CLASSIC or UTA).
     */
    AccountMode accountMode();

    /**
     * @return a short name for logs, the run summary and the journal header ({@code classic-v2}, {@code uta-v3}).
     */
    String name();

    /**
     * @return REST paths and default rate limits.
     */
    Endpoints endpoints();

    /**
     * @return the longest clientOid the venue takes (v2: 50, v3: 32).
     */
    int maxClientOidLength();

    /**
     * @param instruments the traded instruments.
     * @param publisher   the inbound ring.
     * @param counters    counters.
     * @param errorLog    distinct error log.
     * @return a new public-stream codec.
     */
    MarketDataCodec marketData(InstrumentTable instruments, InboundPublisher publisher, GatewayCounters counters,
        DistinctErrorLog errorLog);

    /**
     * @param instruments     the traded instruments and assets.
     * @param publisher       the inbound ring.
     * @param counters        counters.
     * @param errorLog        distinct error log.
     * @param fillsFromOrders true: FILLs come from order pushes; false: from fill pushes.
     * @return a new private-stream codec.
     */
    PrivateStreamCodec privateStream(InstrumentTable instruments, InboundPublisher publisher, GatewayCounters counters,
        DistinctErrorLog errorLog, boolean fillsFromOrders);

    /**
     * @param signer the request signer.
     * @return a new order encoder.
     */
    OrderCodec orders(HmacSigner signer);

    /**
     * @param instruments instruments.
     * @param publisher   the inbound ring.
     * @param counters    counters.
     * @param errorLog    distinct error log.
     * @return a new reply decoder.
     */
    ReplyCodec replies(InstrumentTable instruments, InboundPublisher publisher, GatewayCounters counters,
        DistinctErrorLog errorLog);

    /**
     * @return the fill-history query for reconciliation.
     */
    FillHistory fillHistory();

    /**
     * Load the instruments (and the account's fee rates) from the venue (slow path, at start).
     *
     * @param context settings (REST base, credentials).
     * @param symbols the symbols to trade.
     * @return the table.
     * @throws IOException when the venue cannot be reached or answers an error.
     */
    InstrumentTable loadInstruments(GatewayContext context, List<String> symbols) throws IOException;
}
