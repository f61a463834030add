/**
 * Public-stream decoding: {@code books}/{@code books1/5/15} and {@code trade} frames straight into claimed inbound
 * ring slots, allocation-free, with the decimals as written kept for the checksum.
 */
package io.bitmm.gateway.bitget.v2;
