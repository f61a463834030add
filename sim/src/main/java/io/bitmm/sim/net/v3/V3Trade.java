package io.bitmm.sim.net.v3;

import io.bitmm.sim.V3Options;
import io.bitmm.sim.engine.Decimals;
import io.bitmm.sim.engine.Exchange;
import io.bitmm.sim.engine.Instrument;
import io.bitmm.sim.engine.Order;
import io.bitmm.sim.json.Json;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * v3 order actions shared by REST (§5) and WebSocket {@code op:"trade"} (§9): decoding of v3 fields, v3 error codes,
 * and the engine calls. Placement only validates and books the order; the caller replies and then runs
 * {@link Exchange#process}, so the ack always precedes the first push (as on Bitget, where the ack means accepted,
 * not resting). Venue-thread only.
 */
final class V3Trade
{
    /** Items per batch (§5.2, §5.4, §5.6, §9). */
    static final int MAX_BATCH = 20;

    private static final Pattern CLIENT_OID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,32}$");
    private static final Map<String, String> CODES = new HashMap<>();

    static
    {
        CODES.put("40034", "25100");
        CODES.put("40017", "25200");
        CODES.put("41103", "25244");
        CODES.put("40808", "25610");
        CODES.put("45110", "25611");
        CODES.put("43118", "25212");
        CODES.put("40304", "25200");
        CODES.put("43012", "25202");
        CODES.put("43005", "25211");
        CODES.put("43001", "25204");
        CODES.put("40757", "25231");
        CODES.put("40762", "25203");
        CODES.put("45111", "25207");
    }

    /**
     * Outcome of one action.
     *
     * @param code  "00000" or a v3 error code
     * @param msg   message
     * @param order the order acted on, or null
     */
    record Result(String code, String msg, Order order)
    {
        static Result error(final String code, final String msg)
        {
            return new Result(code, msg, null);
        }

        static Result ok(final Order order)
        {
            return new Result("00000", "success", order);
        }

        boolean isOk()
        {
            return order != null && "00000".equals(code);
        }
    }

    private final V3Products products;
    private final V3Options options;
    private final Function<Exchange.PlaceRequest, Exchange.PlaceResult> placer;
    private final Map<Long, String> requestIds = new HashMap<>();

    /**
     * @param products the v3 view of the engine's products
     * @param options  the v3 options
     * @param placer   places an engine order, applying the {@code rejectOrders} fault (the venue's)
     */
    V3Trade(final V3Products products, final V3Options options, final Function<Exchange.PlaceRequest, Exchange.PlaceResult> placer)
    {
        this.products = products;
        this.options = options;
        this.placer = placer;
    }

    /** The {@code requestId} of the modification being pushed for an order, once (then forgotten). */
    String takeRequestId(final Order o)
    {
        return requestIds.remove(o.orderId);
    }

    /**
     * Validates and books one order (§5.1). The caller replies, then calls {@link Exchange#process}.
     *
     * @param m        the place object as sent
     * @param category the category of the envelope (WS, batch) or null to read {@code m.category}
     * @return the result
     */
    Result place(final Map<String, Object> m, final V3Category category)
    {
        final V3Category cat = category != null ? category : V3Category.parse(Json.str(m, "category"), options.categoryCaseInsensitive());
        if (cat == null)
        {
            return Result.error("400172", "Parameter verification failed");
        }
        final String clientOid = Json.str(m, "clientOid");
        if (clientOid != null && !clientOid.isEmpty() && !CLIENT_OID.matcher(clientOid).matches())
        {
            return Result.error("25200", "clientOid validation error");
        }
        final String symbol = Json.str(m, "symbol");
        final Instrument inst = products.instrument(cat, symbol);
        if (inst == null)
        {
            return Result.error("25100", "Trading pair " + symbol + " does not exist");
        }
        if (Json.str(m, "qty") == null)
        {
            return Result.error("25200", "qty validation error");
        }
        final Exchange.PlaceRequest r = new Exchange.PlaceRequest();
        r.symbol = inst.symbol();
        r.side = Json.str(m, "side");
        r.orderType = Json.str(m, "orderType");
        r.force = lower(Json.str(m, "timeInForce"));
        r.price = Json.str(m, "price");
        r.size = Json.str(m, "qty");
        r.clientOid = clientOid;
        r.stpMode = lower(Json.str(m, "stpMode"));
        r.category = cat.rest();
        r.posSide = lower(Json.str(m, "posSide"));
        r.reduceOnly = lower(Json.str(m, "reduceOnly"));
        r.marginMode = lower(Json.str(m, "marginMode"));
        final Exchange.PlaceResult placed = placer.apply(r);
        if ("22002".equals(placed.code()))
        {
            return products.exchange().futures().openPositions(inst.key()).isEmpty()
                ? Result.error("25227", "No position available to close")
                : Result.error("25232", "Reduce-only orders will only reduce your position; please cancel or modify existing orders "
                    + "before placing a new one");
        }
        return engineResult(placed);
    }

    private static String lower(final String s)
    {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Result engineResult(final Exchange.PlaceResult r)
    {
        if (r.accepted())
        {
            return Result.ok(r.order());
        }
        return Result.error(CODES.getOrDefault(r.code(), r.code()), v3Message(r.code(), r.msg()));
    }

    private static String v3Message(final String code, final String msg)
    {
        switch (code)
        {
            case "40017":
                return (msg.contains(": ") ? msg.substring(msg.indexOf(": ") + 2) : "param") + " validation error";
            case "41103":
                return "Price should be a multiple of the tick";
            case "40808":
                return "Order amount does not meet precision requirements";
            case "45110":
                return "Order quantity must be greater than the minimum order amount";
            case "43118":
                return "Duplicate clientOid";
            case "43012":
                return "Insufficient balance";
            case "43005":
                return "Exceeds the limit of " + Exchange.MAX_OPEN_PER_SYMBOL + " maximum orders";
            case "40757":
                return "Close quantity cannot exceed the held position quantity";
            case "40762":
                return "Insufficient margin";
            case "45111":
                return "Trading quantity cannot be less than the minimum";
            default:
                return msg;
        }
    }

    /** Finds an open account order by {@code orderId} (wins) or {@code clientOid}; null if none. */
    Order findOpen(final Map<String, Object> m)
    {
        final String id = Json.str(m, "orderId");
        Order o = null;
        if (id != null && !id.isEmpty())
        {
            try
            {
                o = products.exchange().order(Long.parseLong(id));
            }
            catch (final NumberFormatException ex)
            {
                return null;
            }
        }
        else
        {
            final String coid = Json.str(m, "clientOid");
            o = coid == null || coid.isEmpty() ? null : products.exchange().orderByClientOid(coid);
        }
        return o != null && o.isOpen() ? o : null;
    }

    /** Finds the order to cancel (§5.3); the caller replies, then calls {@link Exchange#cancel}. */
    Result cancel(final Map<String, Object> m)
    {
        final Order o = findOpen(m);
        return o == null ? Result.error("25204", "Order does not exist") : Result.ok(o);
    }

    /**
     * Amends an order in place (§5.6): same orderId and clientOid. Pushes follow through the listener.
     *
     * @param m the modify object as sent
     * @return the result; with {@code autoCancel:"yes"} a failed amendment cancels the order
     */
    Result modify(final Map<String, Object> m)
    {
        final Order o = findOpen(m);
        if (o == null)
        {
            return Result.error("25204", "Order does not exist");
        }
        final Instrument inst = o.instrument;
        final String priceText = Json.str(m, "price");
        final String qtyText = Json.str(m, "qty");
        if (empty(priceText) && empty(qtyText))
        {
            return Result.error("25200", "qty validation error");
        }
        final long price = empty(priceText) ? -1 : Decimals.parse(priceText, inst.pricePrecision());
        final long qty = empty(qtyText) ? -1 : Decimals.parse(qtyText, inst.quantityPrecision());
        final Result bad = badNumber(price, "price", qty);
        if (bad != null)
        {
            return bad;
        }
        final boolean keepPriority = (price < 0 || price == o.priceTicks) && qty >= 0 && qty < o.sizeLots
            && options.amendQtyDecreaseKeepsPriority();
        final String requestId = Json.str(m, "requestId");
        if (requestId != null)
        {
            requestIds.put(o.orderId, requestId);
        }
        final String err = products.exchange().amend(o, price, qty, keepPriority, options.amendPostOnlyCrossCancels());
        if (err != null)
        {
            requestIds.remove(o.orderId);
            if ("yes".equalsIgnoreCase(Json.str(m, "autoCancel")))
            {
                products.exchange().cancel(o);
            }
            return Result.error(err.substring(0, err.indexOf(' ')), err.substring(err.indexOf(' ') + 1));
        }
        return Result.ok(o);
    }

    private static Result badNumber(final long price, final String field, final long qty)
    {
        if (price == Decimals.TOO_MANY_DECIMALS)
        {
            return Result.error("25244", "Price should be a multiple of the tick");
        }
        if (price == Decimals.MALFORMED || price == 0)
        {
            return Result.error("25200", field + " validation error");
        }
        if (qty == Decimals.TOO_MANY_DECIMALS)
        {
            return Result.error("25610", "Order amount does not meet precision requirements");
        }
        if (qty == Decimals.MALFORMED || qty == 0)
        {
            return Result.error("25200", "qty validation error");
        }
        return null;
    }

    private static boolean empty(final String s)
    {
        return s == null || s.isEmpty();
    }

    /** True if every item names the same category as the first (batch rule). */
    boolean sameCategory(final List<Map<String, Object>> items)
    {
        V3Category first = null;
        for (final Map<String, Object> item : items)
        {
            final V3Category c = V3Category.parse(Json.str(item, "category"), options.categoryCaseInsensitive());
            if (c == null || (first != null && c != first))
            {
                return false;
            }
            first = c;
        }
        return true;
    }
}
