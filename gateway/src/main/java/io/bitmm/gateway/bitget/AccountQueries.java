package io.bitmm.gateway.bitget;

/**
 * A dialect's account queries for reconciliation at start (slow path, used by the app's {@code VenueReconciler}):
 * open orders, balances, positions (perpetuals) and the cancel of an orphan. The defaults are spot's: balance rows
 * keyed by {@code coin}, no query on the balances path, no positions.
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

    /**
     * @return the query (without {@code ?}) of the balances path; "" for none.
     */
    default String balancesQuery()
    {
        return "";
    }

    /**
     * @return the balance row's field naming its coin ({@code coin}; v2 mix {@code marginCoin}).
     */
    default String coinField()
    {
        return "coin";
    }

    /**
     * @return the signed GET path listing every open position of the product, or null when the product has none
     * (spot).
     */
    default String positionsPath()
    {
        return null;
    }

    /**
     * @return the query (without {@code ?}) of {@link #positionsPath()}.
     */
    default String positionsQuery()
    {
        return "";
    }

    /**
     * @return null when {@code data} is the array of positions, else its key inside {@code data}.
     */
    default String positionsListKey()
    {
        return null;
    }

    /**
     * One position row as reconciliation reads it.
     *
     * @param row a row of {@link #positionsPath()} (scalar fields; null and missing are both absent).
     * @return the position, or null when the row is not a position (no symbol).
     * @throws IllegalArgumentException naming the field when the row cannot be read (a size that is not a decimal).
     */
    default VenuePosition position(final java.util.Map<String, String> row)
    {
        throw new UnsupportedOperationException("no positions on this product");
    }

    /**
     * One position row's fields as a {@link VenuePosition}, the rule both dialects' rows follow: no {@code symbol}
     * (null, empty, missing) is not a position (null); the size ({@code total}) null, empty, missing or not an unsigned
     * decimal is an error; a short side makes it negative (anything else, one-way {@code net} included, keeps its
     * sign); an entry price missing or not a decimal is "0" (unknown: the core prices the position at its first mark).
     *
     * @param symbol the row's {@code symbol}.
     * @param total  the row's size, an unsigned decimal in base coin.
     * @param isShort true when the row's side is {@code short}.
     * @param entry  the row's average entry price.
     * @return the position, or null without a symbol.
     * @throws IllegalArgumentException naming the symbol and value when {@code total} is not a decimal.
     */
    static VenuePosition venuePosition(final String symbol, final String total, final boolean isShort,
        final String entry)
    {
        if (symbol == null || symbol.isEmpty())
        {
            return null;
        }
        if (total == null || !total.matches("[0-9]+(\\.[0-9]+)?"))
        {
            throw new IllegalArgumentException("the venue's " + symbol + " position has total = " +
                (total == null ? "(none)" : "'" + total + "'") + ", not a decimal size");
        }
        final boolean flat = total.matches("0+(\\.0+)?");
        final String size = flat ? "0" : isShort ? "-" + total : total;
        return new VenuePosition(symbol, size, entry == null || !entry.matches("[0-9]+(\\.[0-9]+)?") ? "0" : entry);
    }

    /**
     * A venue position at reconciliation.
     *
     * @param symbol     the symbol.
     * @param size       signed size as a plain decimal in base coin (long positive, short negative, "0" flat).
     * @param entryPrice the average entry price as a plain decimal ("0" unknown).
     */
    record VenuePosition(String symbol, String size, String entryPrice)
    {
    }
}
