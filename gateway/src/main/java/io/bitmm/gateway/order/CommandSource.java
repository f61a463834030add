package io.bitmm.gateway.order;

import io.bitmm.core.event.OutboundCommand;

/**
 * Where the order I/O thread takes commands from when it consumes the engine's outbound ring itself (no hand-off
 * thread): {@link #poll} is called by that thread on every turn of its event loop, and must not block.
 */
public interface CommandSource
{
    /** Takes one command. */
    @FunctionalInterface
    interface Consumer
    {
        /**
         * @param command    the command, valid for the call only (copy it).
         * @param sequence   its ring sequence.
         * @param endOfBatch whether it is the last command available now.
         */
        void accept(OutboundCommand command, long sequence, boolean endOfBatch);
    }

    /**
     * Pass every command available now to {@code consumer}, on the calling thread, then mark them consumed.
     *
     * @param consumer takes each command.
     * @return how many commands were passed.
     */
    int poll(Consumer consumer);
}
