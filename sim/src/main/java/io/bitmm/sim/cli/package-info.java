/**
 * The picocli sim command.
 */
package io.bitmm.sim.cli;
