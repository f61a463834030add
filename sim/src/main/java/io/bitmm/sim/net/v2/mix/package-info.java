/** v2 futures ("mix", USDT-FUTURES) endpoint groups: market data, trading, account and positions REST; WebSocket channels; wire shapes. */
package io.bitmm.sim.net.v2.mix;
