/**
 * Request signing: allocation-free HMAC-SHA256 + base64 for REST {@code ACCESS-SIGN} and the WS login.
 */
package io.bitmm.gateway.auth;
