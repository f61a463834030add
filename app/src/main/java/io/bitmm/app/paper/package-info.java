/**
 * Paper mode ({@code run.mode = paper}): the venue's market data, our orders matched locally against it, nothing
 * sent. {@link io.bitmm.app.paper.PaperVenue} takes the place of the order and private-stream gateways.
 */
package io.bitmm.app.paper;
