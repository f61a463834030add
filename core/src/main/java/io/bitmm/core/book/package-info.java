/**
 * The L2 order book per instrument: snapshots and updates applied into sorted primitive arrays, Bitget's CRC32
 * checksum re-rendered from the decimals the venue wrote, and the checks (checksum, {@code seq}, crossed book,
 * update before snapshot) that decide when a book must be resubscribed.
 */
package io.bitmm.core.book;
