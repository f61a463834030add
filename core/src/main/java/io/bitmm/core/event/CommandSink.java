package io.bitmm.core.event;

/**
 * Where the core sends its commands. The engine's implementation copies each command into a claimed slot of the
 * outbound ring and publishes it; tests and replay collect them.
 */
@FunctionalInterface
public interface CommandSink
{
    /**
     * Take a command. The caller reuses {@code command} after the call returns: copy it, do not keep it.
     *
     * @param command the command to send.
     */
    void send(OutboundCommand command);
}
