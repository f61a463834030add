package io.bitmm.core.book;

/**
 * Outcome of applying one book event. The four failure outcomes invalidate the book and call for a resync.
 */
public enum BookResult
{
    /** Applied; the book is valid. */
    APPLIED,
    /** Ignored: the book waits for a snapshot after a resync or a reset. */
    IGNORED,
    /** The checksum the venue sent does not match the local book. */
    CHECKSUM_MISMATCH,
    /** {@code seq} went backwards. */
    SEQ_BACKWARDS,
    /** Best bid at or above best ask. */
    CROSSED,
    /** An update arrived before any snapshot. */
    UPDATE_BEFORE_SNAPSHOT;

    /**
     * @return true when the book became invalid and should be resubscribed.
     */
    public boolean needsResync()
    {
        return this != APPLIED && this != IGNORED;
    }
}
