/**
 * JSON helpers over jackson-core streaming (no databind).
 */
package io.bitmm.sim.json;
