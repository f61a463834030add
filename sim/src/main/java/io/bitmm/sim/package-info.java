/**
 * The simulated Bitget v2 venue: its Java API (SimVenue, SimContext), credentials, signing and fault injection.
 */
package io.bitmm.sim;
