package io.bitmm.app.chaos;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The faults a chaos trial draws from: every fault the simulated venue can inject ({@code POST /sim/fault}, see
 * sim/README.md "Fault injection"). An instant fault happens once ({@code dropConnections}, a burst of 429s); a
 * window fault is a setting switched on for a while and then off again ({@code restDelay} 400 ms for 3 s).
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
     * @return the control command that injects it, parameters drawn from {@code random}.
     */
    abstract String on(SplittableRandom random);

    /**
     * @return for a window fault, the command that switches it off again; null for an instant one.
     */
    String off()
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
