package io.bitmm.sim;

import java.util.Locale;

/**
 * The UTA v3 points no source settles (protocol v3 §12, "UNCONFIRMED"), as settings of the simulated venue.
 * Defaults follow the documented or most likely behaviour; each setter names the §12 item it covers.
 * See sim/README.md, "UTA v3 options".
 */
public final class V3Options
{
    /** What the {@code checksum} field of v3 {@code books} pushes holds (§12.4). */
    public enum BooksChecksum
    {
        /**
         * No {@code checksum} field (default): v3 has no CRC (ccxt 4.5.84 and JKorf ignore it; ccxt validates the field
         * whenever it is present, even 0, so a live {@code "checksum":0} on updates would break ccxt's UTA books).
         */
        ABSENT,
        /** {@code "checksum":0}, as in every sample of the docs. */
        ZERO,
        /** v2's CRC32 over 25 levels of the strings sent. */
        CRC32
    }

    /** WS batch topic spellings accepted (§12.3). */
    public enum BatchTopics
    {
        /** {@code batch-place}, {@code batch-cancel}, {@code batch-modify} (docs, tiagosiebler). */
        SHORT,
        /** {@code batch-place-order}, {@code batch-cancel-order}, {@code batch-modify-order} (go-bitget). */
        LONG,
        /** Both spellings (default). */
        BOTH
    }

    private boolean amendPriceKeepsPriority;
    private boolean amendQtyDecreaseKeepsPriority = true;
    private boolean amendPostOnlyCrossCancels = true;
    private boolean countdownAllowed = true;
    private boolean wsTradeAllowed = true;
    private BatchTopics batchTopics = BatchTopics.BOTH;
    private int wsTradeIdMaxLength = 32;
    private BooksChecksum booksChecksum = BooksChecksum.ABSENT;
    private int booksSnapshotDepth;
    private boolean cancelSymbolListsAll = true;
    private boolean publicTime;
    private boolean overallIpLimit = true;
    private boolean wsOrdersShareRestLimit = true;
    private boolean categoryCaseInsensitive = true;
    private boolean newStatusPush;
    private boolean batchFailureOrderIdEmpty = true;
    private boolean feePositive = true;

    /** §12.1: an amended price keeps queue priority (default false: the order goes to the back of its new level). */
    public V3Options amendPriceKeepsPriority(final boolean v)
    {
        amendPriceKeepsPriority = v;
        return this;
    }

    public boolean amendPriceKeepsPriority()
    {
        return amendPriceKeepsPriority;
    }

    /** §12.1: a quantity decrease at the same price keeps queue priority (default true; an increase always loses it). */
    public V3Options amendQtyDecreaseKeepsPriority(final boolean v)
    {
        amendQtyDecreaseKeepsPriority = v;
        return this;
    }

    public boolean amendQtyDecreaseKeepsPriority()
    {
        return amendQtyDecreaseKeepsPriority;
    }

    /**
     * §12.1: a post-only order amended to a crossing price is cancelled with {@code post_only_fill_cancel}
     * (default true); false refuses the amendment with 25568 and leaves the order as it was.
     */
    public V3Options amendPostOnlyCrossCancels(final boolean v)
    {
        amendPostOnlyCrossCancels = v;
        return this;
    }

    public boolean amendPostOnlyCrossCancels()
    {
        return amendPostOnlyCrossCancels;
    }

    /** §12.2: the key may use countdown-cancel-all (default true); false answers 40014 "Incorrect permissions". */
    public V3Options countdownAllowed(final boolean v)
    {
        countdownAllowed = v;
        return this;
    }

    public boolean countdownAllowed()
    {
        return countdownAllowed;
    }

    /** §12.2: the key may trade over the private WebSocket (default true); false answers 40014 to {@code op:"trade"}. */
    public V3Options wsTradeAllowed(final boolean v)
    {
        wsTradeAllowed = v;
        return this;
    }

    public boolean wsTradeAllowed()
    {
        return wsTradeAllowed;
    }

    /** §12.3: which WS batch topic names are accepted (default both). */
    public V3Options batchTopics(final BatchTopics v)
    {
        batchTopics = v;
        return this;
    }

    public BatchTopics batchTopics()
    {
        return batchTopics;
    }

    /** §12.3: longest accepted {@code id} of an {@code op:"trade"} request (default 32; longer: 30016). */
    public V3Options wsTradeIdMaxLength(final int v)
    {
        wsTradeIdMaxLength = v;
        return this;
    }

    public int wsTradeIdMaxLength()
    {
        return wsTradeIdMaxLength;
    }

    /** §12.4: the {@code checksum} of {@code books} pushes: absent (default), 0, or v2's CRC32. */
    public V3Options booksChecksum(final BooksChecksum v)
    {
        booksChecksum = v;
        return this;
    }

    public BooksChecksum booksChecksum()
    {
        return booksChecksum;
    }

    /** §12.4: levels per side in the {@code books} snapshot (default 0 = the whole book). */
    public V3Options booksSnapshotDepth(final int v)
    {
        booksSnapshotDepth = v;
        return this;
    }

    public int booksSnapshotDepth()
    {
        return booksSnapshotDepth;
    }

    /**
     * §12.6: {@code cancel-symbol-order}'s {@code list} names every order it cancels (default true, as go-bitget reads
     * it); false lists nothing (failures only: the sim has none). Either way the cancels run right after the reply.
     */
    public V3Options cancelSymbolListsAll(final boolean v)
    {
        cancelSymbolListsAll = v;
        return this;
    }

    public boolean cancelSymbolListsAll()
    {
        return cancelSymbolListsAll;
    }

    /** §12.7: {@code GET /api/v3/public/time} answers like v2's time (default false: 40404, undocumented). */
    public V3Options publicTime(final boolean v)
    {
        publicTime = v;
        return this;
    }

    public boolean publicTime()
    {
        return publicTime;
    }

    /** §12.7: v3 requests count against the overall 6000/min/IP with v2 (default true). */
    public V3Options overallIpLimit(final boolean v)
    {
        overallIpLimit = v;
        return this;
    }

    public boolean overallIpLimit()
    {
        return overallIpLimit;
    }

    /** §12.7: WS trade requests count against the REST per-UID budget of the same action (default true, as v2). */
    public V3Options wsOrdersShareRestLimit(final boolean v)
    {
        wsOrdersShareRestLimit = v;
        return this;
    }

    public boolean wsOrdersShareRestLimit()
    {
        return wsOrdersShareRestLimit;
    }

    /** §12.8: REST {@code category} is accepted in any case (default true; false: only upper case, else 400172). */
    public V3Options categoryCaseInsensitive(final boolean v)
    {
        categoryCaseInsensitive = v;
        return this;
    }

    public boolean categoryCaseInsensitive()
    {
        return categoryCaseInsensitive;
    }

    /**
     * §12.9: after the {@code live} push, a resting order is pushed again as {@code new} (accepted by the matching
     * engine) and reported {@code new} until it fills or ends (default false: {@code live} only).
     */
    public V3Options newStatusPush(final boolean v)
    {
        newStatusPush = v;
        return this;
    }

    public boolean newStatusPush()
    {
        return newStatusPush;
    }

    /** §12.11: a failed {@code place-batch} item carries {@code "orderId":""} (default true); false omits orderId. */
    public V3Options batchFailureOrderIdEmpty(final boolean v)
    {
        batchFailureOrderIdEmpty = v;
        return this;
    }

    public boolean batchFailureOrderIdEmpty()
    {
        return batchFailureOrderIdEmpty;
    }

    /** §12.12: {@code feeDetail.fee} is positive when paid (default true, as every v3 doc example); false negates. */
    public V3Options feePositive(final boolean v)
    {
        feePositive = v;
        return this;
    }

    public boolean feePositive()
    {
        return feePositive;
    }

    /**
     * Sets an option by its name as on the command line, e.g. {@code booksChecksum=true}, {@code batchTopics=long}.
     *
     * @param assignment name=value
     * @return null if applied, else what is wrong
     */
    public String set(final String assignment)
    {
        final int eq = assignment.indexOf('=');
        if (eq <= 0)
        {
            return "expected name=value: " + assignment;
        }
        final String name = assignment.substring(0, eq).trim();
        final String value = assignment.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
        try
        {
            return setNamed(name, value);
        }
        catch (final IllegalArgumentException ex)
        {
            return "bad value for " + name + ": " + value;
        }
    }

    private String setNamed(final String name, final String value)
    {
        switch (name)
        {
            case "amendPriceKeepsPriority" -> amendPriceKeepsPriority(bool(value));
            case "amendQtyDecreaseKeepsPriority" -> amendQtyDecreaseKeepsPriority(bool(value));
            case "amendPostOnlyCrossCancels" -> amendPostOnlyCrossCancels(bool(value));
            case "countdownAllowed" -> countdownAllowed(bool(value));
            case "wsTradeAllowed" -> wsTradeAllowed(bool(value));
            case "batchTopics" -> batchTopics(BatchTopics.valueOf(value.toUpperCase(Locale.ROOT)));
            case "wsTradeIdMaxLength" -> wsTradeIdMaxLength(Integer.parseInt(value));
            case "booksChecksum" -> booksChecksum(BooksChecksum.valueOf(value.toUpperCase(Locale.ROOT)));
            case "booksSnapshotDepth" -> booksSnapshotDepth(Integer.parseInt(value));
            case "cancelSymbolListsAll" -> cancelSymbolListsAll(bool(value));
            case "publicTime" -> publicTime(bool(value));
            case "overallIpLimit" -> overallIpLimit(bool(value));
            case "wsOrdersShareRestLimit" -> wsOrdersShareRestLimit(bool(value));
            case "categoryCaseInsensitive" -> categoryCaseInsensitive(bool(value));
            case "newStatusPush" -> newStatusPush(bool(value));
            case "batchFailureOrderIdEmpty" -> batchFailureOrderIdEmpty(bool(value));
            case "feePositive" -> feePositive(bool(value));
            default ->
            {
                return "unknown v3 option " + name;
            }
        }
        return null;
    }

    private static boolean bool(final String v)
    {
        if ("true".equals(v) || "false".equals(v))
        {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException(v);
    }

    /** Validates; called by {@link SimContext#conclude()}. */
    void conclude()
    {
        if (wsTradeIdMaxLength < 1)
        {
            throw new IllegalArgumentException("v3 wsTradeIdMaxLength must be >= 1");
        }
        if (booksSnapshotDepth < 0)
        {
            throw new IllegalArgumentException("v3 booksSnapshotDepth must be >= 0 (0 = whole book)");
        }
    }
}
