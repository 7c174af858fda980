package io.ngxtime.analyzer.report;

/** A value and how many requests had it (an upper bound when its list is approximate). */
public record Ranked(String value, long count) {
}
