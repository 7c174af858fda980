package io.ngxtime.grammar.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.grammar.LineParser;
import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.LogRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares values a peer asserts with ours and counts the comparisons, so that each peer test can pin
 * how many of the peer's assertions it checked (a silently skipped comparison shows as a wrong count).
 * Mismatches are collected and reported together.
 */
final class PeerChecks {
    private final String peer;
    private final List<String> mismatches = new ArrayList<>();
    private int compared;

    PeerChecks(String peer) {
        this.peer = peer;
    }

    /** Parses {@code line} with {@code format}; fails the test when the line does not parse. */
    static LogRecord parse(LogFormat format, String line) {
        LineParser parser = format.newParser();
        LogRecord r = format.newRecord();
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(b, 0, b.length, r)).as("parses under %s: %s", format, line).isTrue();
        return r;
    }

    void equal(String where, String what, Object expected, Object actual) {
        compared++;
        if (!Objects.equals(expected, actual)) {
            mismatches.add(where + ": " + what + ": peer " + expected + ", ngxtime " + actual);
        }
    }

    /** A peer's number of seconds against our microseconds (exact to the microsecond). */
    void seconds(String where, String what, double expectedSeconds, long actualMicros) {
        long expectedMicros = BigDecimal.valueOf(expectedSeconds).movePointRight(6).longValueExact();
        equal(where, what + " (µs)", expectedMicros, actualMicros);
    }

    /** Numbers compared numerically ({@code 200.0} as published equals our {@code 200}). */
    void number(String where, String what, double expected, long actual) {
        compared++;
        if (Double.compare(expected, (double) actual) != 0) {
            mismatches.add(where + ": " + what + ": peer " + expected + ", ngxtime " + actual);
        }
    }

    void instant(String where, String what, Instant expected, long actualEpochMillis) {
        equal(where, what, expected, Instant.ofEpochMilli(actualEpochMillis));
    }

    int compared() {
        return compared;
    }

    /** Fails with every mismatch; then pins the number of comparisons made. */
    void assertAll(int expectedComparisons) {
        assertThat(mismatches).as(peer + " values that differ from ours").isEmpty();
        assertThat(compared).as(peer + " values compared").isEqualTo(expectedComparisons);
        System.out.println(peer + ": " + compared + " peer values compared, all equal");
    }
}
