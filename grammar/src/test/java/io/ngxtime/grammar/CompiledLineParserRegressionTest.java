package io.ngxtime.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.reference.ReferenceLineParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for disagreements the differential tests found between the compiled matcher and
 * the reference grammar ({@code LineValues.g4}); each keeps the minimal line that showed it.
 */
class CompiledLineParserRegressionTest {

    private static boolean compiledAccepts(LogFormat format, String line) {
        return format.newParser().parse(line, format.newRecord());
    }

    private static boolean referenceAccepts(LogFormat format, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new ReferenceLineParser(format).parse(b, 0, b.length).accepted();
    }

    @Test
    void timeLocal_nonDigitInTheYear_isRejected() {
        // four() added -100 for a non-digit, so "20T2" became the year 1002 and "999x" the year 9890
        LogFormat f = LogFormats.compile("[$time_local]");
        for (String year : new String[] {"20T2", "20x0", "999x", "2x20"}) {
            String line = "[02/Nov/" + year + ":17:02:22 +0000]";
            assertThat(compiledAccepts(f, line)).as(line).isFalse();
            assertThat(referenceAccepts(f, line)).as(line).isFalse();
        }
        assertThat(compiledAccepts(f, "[02/Nov/2022:17:02:22 +0000]")).isTrue();
    }

    @Test
    void timeIso8601_nonDigitInTheYear_isRejected() {
        LogFormat f = LogFormats.compile("$time_iso8601");
        for (String year : new String[] {"20T2", "999x"}) {
            String line = year + "-11-02T17:02:22+00:00";
            assertThat(compiledAccepts(f, line)).as(line).isFalse();
            assertThat(referenceAccepts(f, line)).as(line).isFalse();
        }
    }

    @Test
    void upstreamList_elementWithTooManyDigitsAfterASeparator_rejectsTheLine() {
        // The grammar reads the digit run as the list's next element (countList, secondsList) and the value
        // check rejects it; the compiled matcher took "too many digits" for "no element here", gave the
        // separator back, and the line matched with the digits in $foo.
        String[][] cases = {
            {"$upstream_response_length, $foo", "5, 1234567890123456789"},
            {"$upstream_response_time, $foo", "5, 1234567890123"},
            {"$upstream_connect_time : $foo", "0.5 : 1234567890123.5"},
        };
        for (String[] c : cases) {
            LogFormat f = LogFormats.compile(c[0]);
            assertThat(compiledAccepts(f, c[1])).as(c[0] + " / " + c[1]).isFalse();
            assertThat(referenceAccepts(f, c[1])).as(c[0] + " / " + c[1]).isFalse();
        }
        LogFormat f = LogFormats.compile("$upstream_response_length, $foo");
        assertThat(compiledAccepts(f, "5, 123456789012345678")).as("18 digits is an element").isFalse();
        assertThat(compiledAccepts(f, "5, x")).as("no element: the separator is the literal's").isTrue();
    }
}
