/**
 * The assembled engine: the inbound and outbound Disruptor rings, the threads that produce and consume them, CPU
 * pinning and wait strategies from configuration, and the orderly shutdown that cancels every order first.
 */
package io.bitmm.app.engine;
