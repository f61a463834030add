/** Classic v2 wire dialect: the REST endpoint table and auth/limits (V2Rest), the WebSocket ops (V2Ws) and per-instType streams. */
package io.bitmm.sim.net.v2;
