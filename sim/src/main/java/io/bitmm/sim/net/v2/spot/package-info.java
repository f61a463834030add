/** v2 spot endpoint groups: market data, trading, account REST; SPOT WebSocket channels; wire shapes. */
package io.bitmm.sim.net.v2.spot;
