/**
 * Private-stream decoding: {@code orders}, {@code fill} and {@code account} pushes into ORDER_UPDATE, FILL and
 * BALANCE events, allocation-free (also REST {@code orderInfo} replies).
 */
package io.bitmm.gateway.privatestream;
