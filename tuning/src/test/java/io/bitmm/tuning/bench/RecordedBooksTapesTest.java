package io.bitmm.tuning.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recorded tapes {@link RecordedBooksBenchmark} replays still decode and apply, frame by frame, with today's
 * decoders and book (a decoder change that broke them would make the benchmark measure error paths).
 */
class RecordedBooksTapesTest
{
    @ParameterizedTest
    @ValueSource(strings = {"v2-5ms", "v2-stress", "v3-5ms", "v3-stress"})
    void shouldDecodeAndApplyEveryFrameOfTheTapeTwice(final String tape) throws IOException
    {
        final RecordedBooksBenchmark bench = new RecordedBooksBenchmark();
        bench.tape = tape;
        bench.setUp();
        final int frames = RecordedBooksBenchmark.load("/tapes/books-" + tape + ".txt.gz").size();
        assertTrue(frames >= 1_000, tape + ": " + frames + " frames");
        for (int i = 0; i < 2 * frames; i++)
        {
            assertEquals(0, bench.decodeAndApply(), tape + " frame " + (i % frames));
        }
        bench.check();
    }
}
