/**
 * The engine's side of the journal: the ring consumers that write it (and stop quoting when it falls behind),
 * the header built from the configuration, and the configuration rebuilt from a header for replay.
 */
package io.bitmm.app.journal;
