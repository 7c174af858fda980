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
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares values a peer asserts with ours and counts the comparisons, so that each peer test can pin
 * how many of the peer's assertions it checked (a silently skipped comparison shows as a wrong count).
 * Mismatches are collected and reported together; {@link PeerConformance} counts them per folder for
 * the conformance table. An asserted value of a line that does not parse is a mismatch too.
 */
final class PeerChecks {
    private final String peer;
    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, Integer> counters = new TreeMap<>();
    private int compared;
    private int notCompared;

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

    /** The line's record, or {@code null} when its format rejects it (a fresh parser and record per call). */
    static LogRecord parseOrNull(PeerLine line) {
        LogFormat f = line.format().format();
        LogRecord r = f.newRecord();
        return f.newParser().parse(line.bytes(), 0, line.bytes().length, r) ? r : null;
    }

    /** A variable's text exactly as logged (escapes kept), or {@code null} when the format does not log it. */
    static String raw(LogRecord r, String variable) {
        int i = r.format().indexOf(variable);
        if (i < 0 || r.spanStart(i) < 0) {
            return null;
        }
        return new String(r.lineBuffer(), r.spanStart(i), r.spanEnd(i) - r.spanStart(i), StandardCharsets.UTF_8);
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

    /** An asserted value of a line our parser rejected: a mismatch (we have no value). */
    void rejected(String where, String what, Object expected) {
        compared++;
        mismatches.add(where + ": " + what + ": peer " + expected + ", ngxtime rejects the line");
    }

    /** An asserted value whose convention is not ours (said in the test's Javadoc): counted, not compared. */
    void notCompared() {
        notCompared++;
    }

    /** Counts an event the test pins besides the comparisons (e.g. lines with two upstream attempts). */
    void count(String what) {
        counters.merge(what, 1, Integer::sum);
    }

    int counted(String what) {
        return counters.getOrDefault(what, 0);
    }

    int compared() {
        return compared;
    }

    int notComparedCount() {
        return notCompared;
    }

    List<String> mismatches() {
        return List.copyOf(mismatches);
    }

    /** Fails with every mismatch; then pins the number of comparisons made. */
    void assertAll(int expectedComparisons) {
        assertThat(mismatches).as(peer + " values that differ from ours").isEmpty();
        assertThat(compared).as(peer + " values compared").isEqualTo(expectedComparisons);
        System.out.println(peer + ": " + compared + " peer values compared, all equal");
    }
}
