package io.ngxtime.analyzer.record;

/**
 * One line kept as a sample: where it came from (file and 1-based line number), why it was kept (a reject
 * reason, or a note on an accepted line) and its text, cut to a bounded length. The text came from a log:
 * renderers must escape it.
 */
public record LineSample(String source, long line, String message, String text) implements java.io.Serializable {
}
