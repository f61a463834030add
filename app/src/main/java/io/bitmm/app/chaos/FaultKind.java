package io.bitmm.app.chaos;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The faults a chaos trial draws from: every fault the simulated venue can inject ({@code POST /sim/fault}, see
 * sim/README.md "Fault injection"). An instant fault happens once ({@code dropConnections}, a burst of 429s); a
 * window fault is a setting switched on for a while and then off again ({@code restDelay} 400 ms for 3 s). A fault
 * may take more than one control command (one a line).
 */
public enum FaultKind
{
    /** Every WebSocket closed now: the engine reconnects, resubscribes, re-reads the book and reconciles. */
    DROP_CONNECTIONS("drop", "dropConnections", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("dropConnections", null, 0);
        }
    },
    /** No market-data pushes for 0.5-4 s (the book goes stale). */
    STALL_STREAMS("stall", "stallStreams", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("stallStreams", "ms", random.nextInt(500, 4_001));
        }
    },
    /** The next 1-3 {@code books} updates carry a wrong checksum. */
    CORRUPT_CHECKSUM("crc", "corruptChecksum", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("corruptChecksum", "count", random.nextInt(1, 4));
        }
    },
    /** The next 1-3 {@code books} updates are not sent (a sequence gap: the checksum breaks). */
    SKIP_UPDATE("skip", "skipUpdate", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("skipUpdate", "count", random.nextInt(1, 4));
        }
    },
    /** A burst of 1-5 HTTP 429 replies. */
    HTTP_429("429", "http429", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("http429", "count", random.nextInt(1, 6));
        }
    },
    /** A burst of 1-5 HTTP 500 replies (outcome unknown: the engine queries). */
    HTTP_5XX("5xx", "http5xx", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("http5xx", "count", random.nextInt(1, 6));
        }
    },
    /** Every REST reply delayed 100-600 ms, for a while. */
    REST_DELAY("delay", "restDelay", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("restDelay", "ms", random.nextInt(100, 601));
        }
    },
    /** 5-30% of REST requests executed but never answered, for a while. */
    REST_DROP("nodrep", "restDrop", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("restDrop", "fraction", random.nextInt(5, 31) / 100.0);
        }
    },
    /** 10-50% of placements refused with 40725, for a while. */
    REJECT_ORDERS("reject", "rejectOrders", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("rejectOrders", "fraction", random.nextInt(10, 51) / 100.0);
        }
    },
    /** Order acks and private pushes delayed 100-800 ms, for a while. */
    ACK_DELAY("ackdly", "ackDelay", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("ackDelay", "ms", random.nextInt(100, 801));
        }
    },
    /**
     * The next 1-2 subscribe requests refused with 30006 (no {@code arg}); the connections are dropped right after,
     * so that the resubscription meets the refusal.
     */
    REFUSE_SUBSCRIBE("nosub", "refuseSubscribe", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("refuseSubscribe", "count", random.nextInt(1, 3)) + "\n" + json("dropConnections", null, 0);
        }
    },
    /** The next private login refused with 30005 and the socket closed; the connections are dropped right after. */
    REFUSE_LOGIN("nologin", "refuseLogin", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("refuseLogin", "count", 1) + "\n" + json("dropConnections", null, 0);
        }
    },
    /**
     * The venue's clock stepped 35-90 s either way, beyond the 30 s timestamp window, and back again 1-4 s later:
     * requests are refused with 40008 until the engine re-measures the offset.
     */
    CLOCK_STEP("clock", "clockStep", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            final int ms = random.nextInt(35_000, 90_001);
            return json("clockStep", "ms", random.nextBoolean() ? ms : -ms);
        }

        @Override
        String off(final String on)
        {
            final String ms = on.substring(on.indexOf("\"ms\":") + 5, on.indexOf('}'));
            return json("clockStep", "ms", -Long.parseLong(ms));
        }
    },
    /** The next 1-4 private pushes, or all of them for 0.5-3 s, never sent (lost as if the socket was down). */
    DROP_PRIVATE_PUSHES("nopush", "dropPrivatePushes", false)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return random.nextBoolean() ? json("dropPrivatePushes", "count", random.nextInt(1, 5)) :
                json("dropPrivatePushes", "ms", random.nextInt(500, 3_001));
        }
    },
    /** 10-50% of private pushes sent twice, for a while. */
    DUPLICATE_PUSHES("dup", "duplicatePushes", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("duplicatePushes", "fraction", random.nextInt(10, 51) / 100.0);
        }
    },
    /** 10-50% of private pushes held back behind the next one, for a while. */
    REORDER_PUSHES("reorder", "reorderPushes", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("reorderPushes", "fraction", random.nextInt(10, 51) / 100.0);
        }
    },
    /** 20-80% of the takers reaching one of our orders fill half of it and stop, for a while. */
    PARTIAL_FILLS("partial", "partialFills", true)
    {
        @Override
        String on(final SplittableRandom random)
        {
            return json("partialFills", "fraction", random.nextInt(20, 81) / 100.0);
        }
    };

    private final String label;
    private final String simName;
    private final boolean window;

    FaultKind(final String label, final String simName, final boolean window)
    {
        this.label = label;
        this.simName = simName;
        this.window = window;
    }

    /**
     * @param random the trial's random source.
     * @return the control commands that inject it (one a line), parameters drawn from {@code random}.
     */
    abstract String on(SplittableRandom random);

    /**
     * @param on the command that switched it on.
     * @return for a window fault, the command that switches it off again; null for an instant one.
     */
    String off(final String on)
    {
        return window ? json(simName, "value", 0) : null;
    }

    /**
     * @return true for a setting switched on for a while.
     */
    public boolean window()
    {
        return window;
    }

    /**
     * @return the short name in the campaign's table.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the sim's name for it ({@code POST /sim/fault}).
     */
    public String simName()
    {
        return simName;
    }

    static String json(final String fault, final String parameter, final double value)
    {
        if (parameter == null)
        {
            return "{\"fault\":\"" + fault + "\"}";
        }
        final String number = value == Math.rint(value) ? Long.toString((long)value) :
            String.format(Locale.ROOT, "%.2f", value);
        return "{\"fault\":\"" + fault + "\",\"" + parameter + "\":" + number + "}";
    }
}
