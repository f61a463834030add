package io.bitmm.core.instrument;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalParserTest
{
    private final DecimalParser parser = new DecimalParser();

    @Test
    void shouldParseExactlyAndRememberDecimals()
    {
        assertEquals(DecimalParser.OK, parser.parse("30000.10", 2));
        assertEquals(3_000_010L, parser.value());
        assertEquals(2, parser.decimals());

        assertEquals(DecimalParser.OK, parser.parse("30000.1", 2));
        assertEquals(3_000_010L, parser.value());
        assertEquals(1, parser.decimals());

        assertEquals(DecimalParser.OK, parser.parse("0.5000", 4));
        assertEquals(5_000L, parser.value());
        assertEquals(4, parser.decimals());

        assertEquals(DecimalParser.OK, parser.parse("0", 6));
        assertEquals(0L, parser.value());
        assertEquals(0, parser.decimals());

        assertEquals(DecimalParser.OK, parser.parse("-0.0000004", 8));
        assertEquals(-40L, parser.value());
    }

    @Test
    void shouldAcceptTrailingZerosBeyondScaleButRefuseOffGrid()
    {
        assertEquals(DecimalParser.OK, parser.parse("1.23000", 2));
        assertEquals(123L, parser.value());
        assertEquals(5, parser.decimals());
        assertEquals(DecimalParser.OFF_GRID, parser.parse("1.231", 2));
        assertEquals(DecimalParser.OFF_GRID, parser.parse("2293.577", 2));
    }

    @Test
    void shouldRefuseMalformedAndOutOfRange()
    {
        assertEquals(DecimalParser.EMPTY, parser.parse("", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse("1e-5", 8));
        assertEquals(DecimalParser.MALFORMED, parser.parse("1.2.3", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse(".5", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse("5.", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse("-", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse(" 1", 2));
        assertEquals(DecimalParser.MALFORMED, parser.parse("1-", 2));
        assertEquals(DecimalParser.OUT_OF_RANGE, parser.parse("99999999999999999999", 0));
        assertEquals(DecimalParser.OUT_OF_RANGE, parser.parse("100000000000", 8));
    }

    @Test
    void shouldParseBytesAndCharsTheSameAsStrings()
    {
        final byte[] bytes = "x30000.10x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(DecimalParser.OK, parser.parse(bytes, 1, 8, 2));
        assertEquals(3_000_010L, parser.value());
        final char[] chars = "x0.0010x".toCharArray();
        assertEquals(DecimalParser.OK, parser.parse(chars, 1, 6, 4));
        assertEquals(10L, parser.value());
        assertEquals(4, parser.decimals());
    }

    @Test
    void shouldRoundTripThroughTheFormatterWithTheOriginalDecimals()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final byte[] buffer = new byte[DecimalFormatter.MAX_LENGTH];
        for (int i = 0; i < 100_000; i++)
        {
            final int scale = random.nextInt(0, 9);
            final int decimals = random.nextInt(0, scale + 3);
            final long unit = decimals < scale ? DecimalParser.powerOfTen(scale - decimals) : 1;
            final long value = random.nextLong(0, 1_000_000_000_000L / unit) * unit * (random.nextBoolean() ? 1 : -1);
            final String text = render(value, scale, decimals);
            final int length = DecimalFormatter.format(value, scale, decimals, buffer, 0);
            assertEquals(text, new String(buffer, 0, length, StandardCharsets.US_ASCII));
            assertEquals(DecimalParser.OK, parser.parse(buffer, 0, length, scale), text);
            assertEquals(value, parser.value(), text);
            assertEquals(decimals, parser.decimals(), text);
        }
    }

    @Test
    void shouldRefuseToDropNonZeroDigits()
    {
        assertEquals(-1, DecimalFormatter.format(3_000_011L, 2, 1, new byte[40], 0));
    }

    private static String render(final long value, final int scale, final int decimals)
    {
        final java.math.BigDecimal exact = java.math.BigDecimal.valueOf(value, scale);
        return exact.setScale(decimals, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
    @Test
    void shouldParseBytesExactlyAsStringsOnEverySpelling()
    {
        // the byte form is the books hot path's own loop: same code, value and decimals as the reference form
        final java.util.Random random = new java.util.Random(16);
        final char[] alphabet = {'0', '1', '5', '9', '.', '-', 'e', ' ', '0', '0'};
        final DecimalParser reference = new DecimalParser();
        final String[] fixed = {"", "-", ".", "-.", "0", "-0", "00", "0.", ".0", "1.0.", "--1", "1-", "1.-1", "1e5",
            "9223372036854775807", "9223372036854775808", "922337203685477580.7", "0.10000000000000000000000000",
            "12345678901234567.89", "-0.0000004", "30000.10", "1.231", "1.2300", "000000000000000000000001.5"};
        for (int n = 0; n < 200_000 + fixed.length; n++)
        {
            final String text;
            if (n < fixed.length)
            {
                text = fixed[n];
            }
            else
            {
                final StringBuilder sb = new StringBuilder();
                final int len = random.nextInt(24);
                for (int k = 0; k < len; k++)
                {
                    sb.append(random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] :
                        (char)('0' + random.nextInt(10)));
                }
                text = sb.toString();
            }
            final int scale = random.nextInt(19);
            final byte[] bytes = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            final int expected = reference.parse(text, scale);
            assertEquals(expected, parser.parse(bytes, 1, text.length(), scale), text + " scale " + scale);
            if (expected == DecimalParser.OK)
            {
                assertEquals(reference.value(), parser.value(), text);
                assertEquals(reference.decimals(), parser.decimals(), text);
            }
        }
    }
}
