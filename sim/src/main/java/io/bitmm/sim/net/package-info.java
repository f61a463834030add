/**
 * The wire side: one port serving HTTP/1.1, h2c (prior knowledge), h2/TLS by ALPN and the v2 WebSockets; REST
 * routing, authentication, rate limits and market-data/private publication.
 */
package io.bitmm.sim.net;
