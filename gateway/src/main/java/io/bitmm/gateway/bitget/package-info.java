/**
 * The dialect seam: what differs between Bitget's classic v2 API ({@code bitget.v2}) and the Unified Trading Account's
 * v3 API ({@code bitget.v3}) lives behind these small interfaces, one implementation per dialect, chosen once at start
 * ({@link io.bitmm.gateway.bitget.Dialect}, {@link io.bitmm.gateway.bitget.AccountMode}). The transport (WebSocket
 * sessions, the HTTP/2 order pool, the signer, the rate-limit windows, the JSON tooling) is shared and knows no
 * dialect; the hot path calls one codec and never branches on the dialect.
 */
package io.bitmm.gateway.bitget;
