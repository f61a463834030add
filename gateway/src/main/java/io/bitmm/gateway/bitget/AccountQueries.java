package io.bitmm.gateway.bitget;

/**
 * A dialect's account queries for reconciliation at start (slow path, used by the app's {@code VenueReconciler}):
 * open orders, balances and the cancel of an orphan.
 */
public interface AccountQueries
{
    /**
     * @return the signed GET path listing open orders.
     */
    String openOrdersPath();

    /**
     * @param symbol a symbol.
     * @return the query (without {@code ?}) for its open orders.
     */
    String openOrdersQuery(String symbol);

    /**
     * @return where the rows are: null when {@code data} is the array itself, else the key of the array inside
     * {@code data} (v3 {@code list}).
     */
    String openOrdersListKey();

    /**
     * @return the signed GET path of the balances.
     */
    String balancesPath();

    /**
     * @return null when {@code data} is the array of coins, else its key inside {@code data} (v3 {@code assets}).
     */
    String balancesListKey();

    /**
     * @return the balance row's field of the amount held by open orders ({@code frozen} on v2, {@code locked} on v3).
     */
    String frozenField();

    /**
     * @return the POST path cancelling one order.
     */
    String cancelPath();

    /**
     * @param symbol  the order's symbol (JSON-escaped by the caller).
     * @param idField {@code orderId} or {@code clientOid}.
     * @param id      its value (JSON-escaped by the caller).
     * @return the cancel body.
     */
    String cancelBody(String symbol, String idField, String id);
}
