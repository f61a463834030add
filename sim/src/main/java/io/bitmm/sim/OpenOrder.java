package io.bitmm.sim;

/**
 * Snapshot of one of the API account's orders, as the venue sees it.
 *
 * @param clientOid client order id
 * @param orderId   venue order id
 * @param side      buy or sell
 * @param price     limit price string
 * @param size      order size string
 * @param filled    filled size string
 * @param status    live, partially_filled, filled or cancelled
 */
public record OpenOrder(String clientOid, String orderId, String side, String price, String size, String filled, String status)
{
}
