package io.ngxtime.analyzer.ingest;

import io.ngxtime.grammar.LogRecord;
import io.ngxtime.grammar.ParseError;

/** Where each line goes after parsing: accepted records, and rejected lines with their reason. */
public interface LineSink {
    /** An accepted line; the record is reused after the call returns. */
    void accept(LogRecord record);

    /** A rejected line: {@code b[from, to)} (possibly only the first bytes of a too-long line). */
    void reject(String source, long lineNumber, ParseError error, byte[] b, int from, int to);

    /**
     * An accepted line with something the report says about it (its upstream lists have different
     * lengths, ...), given just before the line is {@linkplain #accept accepted}: where it is and why, for
     * a sample. The count comes from the record itself; a sink that keeps no samples ignores this.
     */
    default void note(String source, long lineNumber, String reason, byte[] b, int from, int to) {
    }
}
