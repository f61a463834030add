/**
 * The matching engine: instruments, price-time order books with Bitget's checksum, the API account's balances
 * and fees, and the seeded synthetic market generator. Single-threaded, no I/O.
 */
package io.bitmm.sim.engine;
