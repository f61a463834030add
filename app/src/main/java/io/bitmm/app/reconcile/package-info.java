/**
 * Start-up reconciliation with the venue (not with the journal): open orders and balances over signed REST.
 */
package io.bitmm.app.reconcile;
