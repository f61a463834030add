/**
 * Jackson streaming helpers shared by the decoders: the long-lived non-blocking frame parser and
 * allocation-free character helpers.
 */
package io.bitmm.gateway.json;
