/**
 * The order manager: engine-generated clientOids, a preallocated pool of orders and their state machine
 * (pending-new, live, partially filled, pending-cancel, pending-replace, unknown, filled, cancelled, rejected),
 * tolerant of acks, pushes and fills in any order or repeated, and trade-id deduplication of fills.
 */
package io.bitmm.core.order;
