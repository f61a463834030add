/**
 * The journal: every inbound event and outbound command of a run, in a Chronicle Queue, in a compact binary form
 * ({@link io.bitmm.journal.JournalLayout}); the header that lets a replay rebuild the core without the venue
 * ({@link io.bitmm.journal.JournalHeader}); the writer the engine's ring consumers use
 * ({@link io.bitmm.journal.JournalAppender}), the reader ({@link io.bitmm.journal.JournalReader}), the replay check
 * ({@link io.bitmm.journal.ReplayDriver}) and the human-readable dump ({@link io.bitmm.journal.JournalDump}).
 */
package io.bitmm.journal;
