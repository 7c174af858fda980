package io.ngxtime.generator;

/**
 * A line placed at a planned time rather than by the arrival process: an odd valid request, or a
 * malformed line. Exactly one of {@code odd} and {@code malformed} is set.
 *
 * @param offsetMillis when, in milliseconds from the log's start
 */
record PlannedLine(long offsetMillis, OddLine odd, MalformedKind malformed) {
}
